package org.nndl4j.spark.ml;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params {@link NetworkClassifier} and {@link NetworkClassificationModel} share, with their getters: the columns
 * (Spark ML's names and defaults), the network (layers, activations, initialisation, seed), the training (iterations,
 * learning rate, optimizer and its hyper-parameters) and what distributed training needs (bad rows, checkpoints,
 * aggregation depth). A model carries the values of the estimator that fitted it.
 */
public interface NetworkParams extends Params {

    /**
     * The stage's params (each stage makes its own, with itself as their parent).
     *
     * @return the params
     */
    NetworkParamSet paramSet();

    /** @return the features column's param (default {@code "features"}) */
    default Param<String> featuresCol() {
        return paramSet().featuresCol;
    }

    /** @return the label column's param (default {@code "label"}) */
    default Param<String> labelCol() {
        return paramSet().labelCol;
    }

    /** @return the prediction column's param (default {@code "prediction"}) */
    default Param<String> predictionCol() {
        return paramSet().predictionCol;
    }

    /** @return the probability column's param (default {@code "probability"}) */
    default Param<String> probabilityCol() {
        return paramSet().probabilityCol;
    }

    /** @return the layer sizes' param (no default: required) */
    default IntArrayParam layers() {
        return paramSet().layers;
    }

    /** @return the hidden activations' param (default {@code ["relu"]}) */
    default StringArrayParam activations() {
        return paramSet().activations;
    }

    /** @return the output activation's param (default {@code "auto"}) */
    default Param<String> outputActivation() {
        return paramSet().outputActivation;
    }

    /** @return the initialisation's param (default {@code "he"}) */
    default Param<String> initialization() {
        return paramSet().initialization;
    }

    /** @return the seed's param (default 1) */
    default LongParam seed() {
        return paramSet().seed;
    }

    /** @return the iterations' param (default 100) */
    default IntParam iterations() {
        return paramSet().iterations;
    }

    /** @return the learning rate's param (default 0.01) */
    default DoubleParam learningRate() {
        return paramSet().learningRate;
    }

    /** @return the optimizer's param (default {@code "gd"}) */
    default Param<String> optimizer() {
        return paramSet().optimizer;
    }

    /** @return the param of momentum's {@code β} and Adam's {@code β1} (default 0.9) */
    default DoubleParam beta1() {
        return paramSet().beta1;
    }

    /** @return the param of Adam's {@code β2} (default 0.999) */
    default DoubleParam beta2() {
        return paramSet().beta2;
    }

    /** @return the param of Adam's {@code ε} (default 1e-8) */
    default DoubleParam epsilon() {
        return paramSet().epsilon;
    }

    /** @return the bad-row policy's param (default {@code "error"}) */
    default Param<String> handleInvalid() {
        return paramSet().handleInvalid;
    }

    /** @return the checkpoint directory's param (default {@code ""}: none) */
    default Param<String> checkpointDir() {
        return paramSet().checkpointDir;
    }

    /** @return the checkpoint interval's param (default 10) */
    default IntParam checkpointInterval() {
        return paramSet().checkpointInterval;
    }

    /** @return the resume param (default false) */
    default BooleanParam resumeFromCheckpoint() {
        return paramSet().resumeFromCheckpoint;
    }

    /** @return the aggregation depth's param (default 2) */
    default IntParam aggregationDepth() {
        return paramSet().aggregationDepth;
    }

    /** @return the features column's name */
    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    /** @return the label column's name */
    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    /** @return the prediction column's name (empty: none) */
    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    /** @return the probability column's name (empty: none) */
    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    /**
     * @return the layer sizes {@code [n0, ..., nL]}
     * @throws java.util.NoSuchElementException if they were not set (Spark's message names the param)
     */
    default int[] getLayers() {
        return getOrDefault(layers());
    }

    /** @return the hidden layers' activation names */
    default String[] getActivations() {
        return getOrDefault(activations());
    }

    /** @return the output activation's name ({@code auto}, {@code sigmoid} or {@code softmax}) */
    default String getOutputActivation() {
        return getOrDefault(outputActivation());
    }

    /** @return the initialisation's name */
    default String getInitialization() {
        return getOrDefault(initialization());
    }

    /** @return the seed of the initial weights */
    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** @return the number of iterations */
    default int getIterations() {
        return (Integer) getOrDefault(iterations());
    }

    /** @return the learning rate */
    default double getLearningRate() {
        return (Double) getOrDefault(learningRate());
    }

    /** @return the optimizer's name ({@code gd}, {@code momentum} or {@code adam}) */
    default String getOptimizer() {
        return getOrDefault(optimizer());
    }

    /** @return momentum's {@code β} and Adam's {@code β1} */
    default double getBeta1() {
        return (Double) getOrDefault(beta1());
    }

    /** @return Adam's {@code β2} */
    default double getBeta2() {
        return (Double) getOrDefault(beta2());
    }

    /** @return Adam's {@code ε} */
    default double getEpsilon() {
        return (Double) getOrDefault(epsilon());
    }

    /** @return the bad-row policy ({@code error} or {@code skip}) */
    default String getHandleInvalid() {
        return getOrDefault(handleInvalid());
    }

    /** @return the checkpoint directory (empty: none) */
    default String getCheckpointDir() {
        return getOrDefault(checkpointDir());
    }

    /** @return the checkpoint interval */
    default int getCheckpointInterval() {
        return (Integer) getOrDefault(checkpointInterval());
    }

    /** @return whether fit resumes from the latest checkpoint */
    default boolean getResumeFromCheckpoint() {
        return (Boolean) getOrDefault(resumeFromCheckpoint());
    }

    /** @return the aggregation depth */
    default int getAggregationDepth() {
        return (Integer) getOrDefault(aggregationDepth());
    }
}
