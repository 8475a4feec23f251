/**
 * Training: the one batch-gradient-descent loop ({@link org.nndl4j.train.TrainingLoop}) that every network and
 * model family goes through, its configuration ({@link org.nndl4j.train.TrainingConfig}), the one result
 * ({@link org.nndl4j.train.TrainingResult}: the trained {@link org.nndl4j.nn.Network}, the cost history, the engine,
 * iterations and wall time), progress listeners, the guard that stops training when the cost stops being finite,
 * and {@link org.nndl4j.train.Metrics} for any number of classes.
 *
 * <p>{@link org.nndl4j.train.Training#fit} trains any network on your data; {@link org.nndl4j.train.Training#trainable}
 * is the one place where the engine is chosen ({@link org.nndl4j.train.Engine}). Anything plugs into the loop as a
 * {@link org.nndl4j.train.Trainable}: the fast engine, or a model family's course-faithful reference steps.
 */
package org.nndl4j.train;
