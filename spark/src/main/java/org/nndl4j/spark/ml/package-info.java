/**
 * nndl4j networks as Spark ML stages: {@link org.nndl4j.spark.ml.NetworkClassifier} (an {@code Estimator} whose
 * {@code fit} trains with {@link org.nndl4j.spark.SparkTraining}) and
 * {@link org.nndl4j.spark.ml.NetworkClassificationModel} (a {@code Model} adding probability and prediction columns),
 * with their {@code Param}s ({@link org.nndl4j.spark.ml.NetworkParams}) and Spark ML persistence (the network is stored
 * as nndl4j's HDF5 model file inside the model's directory). Both work in a {@code Pipeline}.
 */
package org.nndl4j.spark.ml;
