/**
 * Training nndl4j networks on Apache Spark: {@link org.nndl4j.spark.SparkTraining} over a Spark ML
 * {@code Dataset<Row>} (a features vector column and a label column) or a {@code JavaRDD} of
 * {@link org.nndl4j.spark.LabeledExample}s. Each partition becomes one cached column-major block
 * ({@link org.nndl4j.spark.ExampleBlocks}); each iteration broadcasts the parameters, every partition computes its
 * summed loss and gradients on nndl4j's engine, {@code treeAggregate} adds them in a fixed order, and the core
 * library's one training loop updates the parameters on the driver, with the single-machine optimizers, schedules,
 * listeners and cost history. Bad rows are refused or skipped ({@link org.nndl4j.spark.BadRows}); checkpoints and
 * resuming are options ({@link org.nndl4j.spark.SparkTrainingOptions}).
 *
 * <p>Arrays of parameters hold layer {@code l} at index {@code l} (1-based, like W1..WL), as in the core engine.
 */
package org.nndl4j.spark;
