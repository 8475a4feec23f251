package org.nndl4j.spark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;

import scala.Function1;

/**
 * The Spark ML {@code Param}s of {@link NetworkClassifier} and {@link NetworkClassificationModel}, made once per stage
 * with the stage as their parent (Java classes cannot mix in one Scala trait of params, so both stages hold one of
 * these and expose its params through {@link NetworkParams}). Every param's validator is a serializable function, so
 * the stages can travel in Spark closures. Nothing here is public but the type: use the params through
 * {@link NetworkParams}.
 */
public final class NetworkParamSet implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The names {@code activations} takes: nndl4j's element-wise activations. */
    static final String[] HIDDEN_ACTIVATIONS = names(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.LINEAR);
    /** The names {@code outputActivation} takes. */
    static final String[] OUTPUT_ACTIVATIONS = {"auto", "sigmoid", "softmax"};
    /** The names {@code initialization} takes. */
    static final String[] INITIALIZATIONS = Arrays.stream(Initialization.values())
            .map(i -> i.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    /** The names {@code optimizer} takes. */
    static final String[] OPTIMIZERS = {"gd", "momentum", "adam"};
    /** The names {@code handleInvalid} takes. */
    static final String[] HANDLE_INVALID = {"error", "skip"};

    final Param<String> featuresCol;
    final Param<String> labelCol;
    final Param<String> predictionCol;
    final Param<String> probabilityCol;
    final IntArrayParam layers;
    final StringArrayParam activations;
    final Param<String> outputActivation;
    final Param<String> initialization;
    final LongParam seed;
    final IntParam iterations;
    final DoubleParam learningRate;
    final Param<String> optimizer;
    final DoubleParam beta1;
    final DoubleParam beta2;
    final DoubleParam epsilon;
    final Param<String> handleInvalid;
    final Param<String> checkpointDir;
    final IntParam checkpointInterval;
    final BooleanParam resumeFromCheckpoint;
    final IntParam aggregationDepth;

    NetworkParamSet(Params parent) {
        featuresCol = new Param<>(parent, "featuresCol", "features column name (Spark ML vectors)",
                check("featuresCol", NetworkParamSet::nonEmpty, "a column name"));
        labelCol = new Param<>(parent, "labelCol", "label column name (class indices 0 .. C-1)",
                check("labelCol", NetworkParamSet::nonEmpty, "a column name"));
        predictionCol = new Param<>(parent, "predictionCol", "prediction column name (the class index); "
                + "empty for none", check("predictionCol", s -> s != null, "a column name, or empty"));
        probabilityCol = new Param<>(parent, "probabilityCol", "column name for the class probabilities (a vector: "
                + "[1 - p, p] for one sigmoid output unit, the softmax outputs otherwise); empty for none",
                check("probabilityCol", s -> s != null, "a column name, or empty"));
        layers = new IntArrayParam(parent, "layers", "layer sizes [n0, n1, ..., nL]: the number of features, the "
                + "hidden layers' units, and 1 (a sigmoid unit, labels 0/1) or C >= 2 (softmax, labels 0 .. C-1)",
                NetworkParamSet.<int[]>check("layers", sizes -> sizes != null && sizes.length >= 2
                        && Arrays.stream(sizes).allMatch(n -> n >= 1), "at least 2 sizes [n0, ..., nL], each >= 1"));
        activations = new StringArrayParam(parent, "activations", "the hidden layers' activation: one name for "
                + "every hidden layer or one per hidden layer, of " + Arrays.toString(HIDDEN_ACTIVATIONS),
                NetworkParamSet.<String[]>check("activations", names -> names != null && names.length >= 1
                        && Arrays.stream(names).allMatch(n -> Arrays.asList(HIDDEN_ACTIVATIONS).contains(n)),
                        "one or more of " + Arrays.toString(HIDDEN_ACTIVATIONS)));
        outputActivation = new Param<>(parent, "outputActivation", "the output layer's activation, of "
                + Arrays.toString(OUTPUT_ACTIVATIONS) + " (auto: sigmoid for 1 output unit, softmax for more)",
                oneOf("outputActivation", OUTPUT_ACTIVATIONS));
        initialization = new Param<>(parent, "initialization", "how the initial weights are drawn, of "
                + Arrays.toString(INITIALIZATIONS) + " (nndl4j's Initialization)",
                oneOf("initialization", INITIALIZATIONS));
        seed = new LongParam(parent, "seed", "the seed of the initial weights (numpy's range: 0 .. 2^32 - 1)",
                check("seed", x -> x instanceof Long v && v >= 0 && v <= 0xFFFFFFFFL, "in 0 .. 2^32 - 1"));
        iterations = new IntParam(parent, "iterations", "the number of full-batch iterations (>= 1)",
                check("iterations", x -> x instanceof Integer n && n >= 1, ">= 1"));
        learningRate = new DoubleParam(parent, "learningRate", "the learning rate (> 0, finite)",
                check("learningRate", NetworkParamSet::positiveFinite, "a finite number > 0"));
        optimizer = new Param<>(parent, "optimizer", "the optimizer, of " + Arrays.toString(OPTIMIZERS),
                oneOf("optimizer", OPTIMIZERS));
        beta1 = new DoubleParam(parent, "beta1", "momentum's beta and Adam's beta1, in [0, 1)",
                check("beta1", NetworkParamSet::decay, "in [0, 1)"));
        beta2 = new DoubleParam(parent, "beta2", "Adam's beta2, in [0, 1)",
                check("beta2", NetworkParamSet::decay, "in [0, 1)"));
        epsilon = new DoubleParam(parent, "epsilon", "Adam's epsilon (> 0, finite)",
                check("epsilon", NetworkParamSet::positiveFinite, "a finite number > 0"));
        handleInvalid = new Param<>(parent, "handleInvalid", "what fit does with a row it cannot train on (wrong "
                + "feature count, non-finite feature, label not a class): error (refuse, naming the row) or skip "
                + "(count and leave out)", oneOf("handleInvalid", HANDLE_INVALID));
        checkpointDir = new Param<>(parent, "checkpointDir", "a directory on the driver for checkpoints of the "
                + "network and the optimizer's state; empty for none",
                check("checkpointDir", s -> s != null, "a directory, or empty"));
        checkpointInterval = new IntParam(parent, "checkpointInterval", "a checkpoint every this many iterations "
                + "(>= 1) when checkpointDir is set", check("checkpointInterval", x -> x instanceof Integer n && n >= 1,
                ">= 1"));
        resumeFromCheckpoint = new BooleanParam(parent, "resumeFromCheckpoint", "whether fit resumes from the latest "
                + "checkpoint in checkpointDir when there is one");
        aggregationDepth = new IntParam(parent, "aggregationDepth", "the depth of the treeAggregate that sums the "
                + "partitions' gradients (>= 1)", check("aggregationDepth", x -> x instanceof Integer n && n >= 1,
                ">= 1"));
    }

    /** The default values, set by each stage's constructor ({@code layers} has none: it is required). */
    List<ParamPair<?>> defaults() {
        return List.of(featuresCol.w("features"), labelCol.w("label"), predictionCol.w("prediction"),
                probabilityCol.w("probability"), activations.w(new String[] {"relu"}), outputActivation.w("auto"),
                initialization.w("he"), seed.w(1L), iterations.w(100), learningRate.w(0.01), optimizer.w("gd"),
                beta1.w(0.9), beta2.w(0.999), epsilon.w(1e-8), handleInvalid.w("error"), checkpointDir.w(""),
                checkpointInterval.w(10), resumeFromCheckpoint.w(false), aggregationDepth.w(2));
    }

    private static String[] names(Activation... activations) {
        return Arrays.stream(activations).map(Activation::fileName).toArray(String[]::new);
    }

    /** A test of a param's value. */
    interface Condition<T> extends Serializable {
        boolean holds(T value);
    }

    /**
     * A param's validator (a serializable Scala function): true for a value that fits, else a {@link Nndl4jException}
     * naming the param, what it must be and the value (clearer than Spark's "given invalid value").
     */
    interface Validator<T> extends Function1<T, Object>, Serializable {
    }

    private static <T> Validator<T> check(String name, Condition<T> condition, String expectation) {
        return value -> {
            if (!condition.holds(value)) {
                throw new Nndl4jException("NetworkClassifier: param " + name + " must be " + expectation + ", got "
                        + show(value));
            }
            return true;
        };
    }

    private static Validator<String> oneOf(String name, String[] allowed) {
        return check(name, s -> Arrays.asList(allowed).contains(s), "one of " + Arrays.toString(allowed));
    }

    private static String show(Object value) {
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static boolean positiveFinite(Object x) {
        return x instanceof Double d && d > 0 && !d.isInfinite();
    }

    private static boolean decay(Object x) {
        return x instanceof Double d && d >= 0 && d < 1;
    }
}
