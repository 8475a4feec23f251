/**
 * Activation functions (sigmoid, tanh, ReLU), each with its forward and backward pass side by side.
 */
package org.nndl4j.activation;
