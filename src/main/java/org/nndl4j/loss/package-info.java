/**
 * The binary cross-entropy cost and its gradient.
 */
package org.nndl4j.loss;
