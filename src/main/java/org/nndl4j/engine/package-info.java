/**
 * How one step of training is computed fast: {@link org.nndl4j.engine.NetworkEngine} runs full-batch gradient
 * descent on any {@link org.nndl4j.nn.Network} with a paired loss, on reusable row buffers and the vectorised
 * {@link org.nndl4j.matrix.Gemm}, either as the textbook computation (PRIMAL) or, exactly, in the span of the
 * examples (GRAM); {@link org.nndl4j.engine.FloatNetworkEngine} is PRIMAL in float32 on float64 parameters
 * ({@link org.nndl4j.train.Precision#FLOAT32}), with {@link org.nndl4j.matrix.FloatGemm}. Which one runs is decided in
 * one place, {@link org.nndl4j.train.Training#trainable}; the loop sees either as a
 * {@link org.nndl4j.engine.TrainingEngine}.
 */
package org.nndl4j.engine;
