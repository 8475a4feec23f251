/**
 * Logistic regression with a neural-network mindset (spec 1.2): the cat classifier as a network of
 * one sigmoid neuron.
 *
 * <p>{@link org.nndl4j.logistic.LogisticRegression} holds the course's building blocks under their
 * course names — {@code initializeWithZeros}, {@code propagate}, {@code optimize}, {@code predict},
 * {@code model} — with typed values instead of dictionaries: {@link org.nndl4j.logistic.LogisticParameters}
 * ({@code w}, {@code b}), {@link org.nndl4j.logistic.LogisticGradients} ({@code dw}, {@code db}),
 * {@link org.nndl4j.logistic.Propagation}, {@link org.nndl4j.logistic.OptimizeResult} and
 * {@link org.nndl4j.logistic.LogisticModelResult} (views of the library's one
 * {@link org.nndl4j.train.TrainingResult}). Training goes through the library's one loop,
 * {@link org.nndl4j.train.TrainingLoop}; each step is computed either by the course's
 * {@code propagate} ({@link org.nndl4j.train.Engine#REFERENCE}) or by the shared fast engine
 * {@link org.nndl4j.engine.NetworkEngine} as a one-layer network (the default). Examples are columns: {@code X} is {@code (n_x, m)},
 * {@code Y} is {@code (1, m)}, {@code w} is {@code (n_x, 1)}, {@code b} a scalar.
 */
package org.nndl4j.logistic;
