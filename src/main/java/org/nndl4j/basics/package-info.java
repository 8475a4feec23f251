/**
 * The course's numpy warm-up (spec 1.1): sigmoid, its derivative, image2vector, normalizeRows, softmax, L1 and L2.
 */
package org.nndl4j.basics;
