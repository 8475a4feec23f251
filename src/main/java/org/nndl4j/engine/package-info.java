/**
 * How one step of training is computed fast: {@link org.nndl4j.engine.NetworkEngine} runs full-batch gradient
 * descent on any {@link org.nndl4j.nn.Network} with a paired loss, on reusable row buffers and the vectorised
 * {@link org.nndl4j.matrix.Gemm}, either as the textbook computation (PRIMAL) or, exactly, in the span of the
 * examples (GRAM). Which one runs is decided in one place, {@link org.nndl4j.train.Training#trainable}.
 */
package org.nndl4j.engine;
