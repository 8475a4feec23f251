package org.nndl4j.spark.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.spark.BadRows;
import org.nndl4j.spark.SparkTraining;
import org.nndl4j.spark.SparkTrainingOptions;
import org.nndl4j.spark.SparkTrainingResult;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/**
 * An nndl4j network as a Spark ML {@code Estimator}: {@link #fit} draws the initial network from the params (layers,
 * activations, initialisation, seed) and trains it with full-batch iterations distributed over the data's partitions
 * ({@link SparkTraining}: the iterates of single-machine nndl4j training, up to the order of the sums), giving a
 * {@link NetworkClassificationModel}.
 *
 * <pre>{@code
 * NetworkClassifier classifier = new NetworkClassifier()
 *         .setLayers(100, 64, 32, 1)          // n0 = the features' size; 1 sigmoid unit (labels 0/1) or C softmax units
 *         .setActivations("relu")             // every hidden layer (or one name per hidden layer)
 *         .setIterations(500).setLearningRate(0.05).setOptimizer("adam").setSeed(1);
 * NetworkClassificationModel model = classifier.fit(train);     // "features" vectors, "label" class indices
 * Dataset<Row> scored = model.transform(test);                  // + "probability" vector, + "prediction"
 * model.write().overwrite().save("hdfs:///models/mine");        // params + network/network.h5
 * }</pre>
 *
 * <p>Works in a {@code Pipeline}; saved and read with Spark ML's persistence ({@link #write()}, {@link #load}).
 */
public final class NetworkClassifier extends Estimator<NetworkClassificationModel>
        implements NetworkParams, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final NetworkParamSet paramSet;
    private transient TrainingListener listener = TrainingListener.none();

    /** An estimator with a new uid and the default params (set {@code layers}: it has no default). */
    public NetworkClassifier() {
        this(Identifiable.randomUID("nndl4jClassifier"));
    }

    /**
     * An estimator with the default params (Spark ML's persistence makes estimators this way).
     *
     * @param uid the stage's uid
     */
    public NetworkClassifier(String uid) {
        if (uid == null) {
            throw new Nndl4jException("NetworkClassifier: uid is null");
        }
        this.uid = uid;
        this.paramSet = new NetworkParamSet(this);
        for (ParamPair<?> pair : paramSet.defaults()) {
            setDefaultValue(pair);
        }
    }

    private <T> void setDefaultValue(ParamPair<T> pair) {
        setDefault(pair.param(), pair.value());
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the params (see {@link NetworkParams}) */
    @Override
    public NetworkParamSet paramSet() {
        return paramSet;
    }

    /**
     * @param column the features column's name
     * @return this estimator
     */
    public NetworkClassifier setFeaturesCol(String column) {
        set(featuresCol(), column);
        return this;
    }

    /**
     * @param column the label column's name
     * @return this estimator
     */
    public NetworkClassifier setLabelCol(String column) {
        set(labelCol(), column);
        return this;
    }

    /**
     * @param column the prediction column's name, or empty for none
     * @return this estimator
     */
    public NetworkClassifier setPredictionCol(String column) {
        set(predictionCol(), column);
        return this;
    }

    /**
     * @param column the probability column's name, or empty for none
     * @return this estimator
     */
    public NetworkClassifier setProbabilityCol(String column) {
        set(probabilityCol(), column);
        return this;
    }

    /**
     * @param sizes {@code [n0, n1, ..., nL]}: the features' size, the hidden units, and 1 (sigmoid, labels 0/1) or
     *              {@code C >= 2} (softmax, labels {@code 0 .. C-1})
     * @return this estimator
     */
    public NetworkClassifier setLayers(int... sizes) {
        set(layers(), sizes);
        return this;
    }

    /**
     * @param names one activation for every hidden layer, or one per hidden layer ({@code relu}, {@code tanh},
     *              {@code sigmoid}, {@code leaky_relu}, {@code linear})
     * @return this estimator
     */
    public NetworkClassifier setActivations(String... names) {
        set(activations(), names);
        return this;
    }

    /**
     * @param name {@code auto} (sigmoid for one output unit, softmax for more), {@code sigmoid} or {@code softmax}
     * @return this estimator
     */
    public NetworkClassifier setOutputActivation(String name) {
        set(outputActivation(), name);
        return this;
    }

    /**
     * @param name {@code he}, {@code xavier}, {@code lecun}, {@code small}, {@code large} or {@code zeros}
     * @return this estimator
     */
    public NetworkClassifier setInitialization(String name) {
        set(initialization(), name);
        return this;
    }

    /**
     * @param value the seed of the initial weights, {@code 0 .. 2^32 - 1}
     * @return this estimator
     */
    public NetworkClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /**
     * @param n the number of full-batch iterations, {@code >= 1}
     * @return this estimator
     */
    public NetworkClassifier setIterations(int n) {
        set(iterations(), n);
        return this;
    }

    /**
     * @param rate the learning rate, {@code > 0}
     * @return this estimator
     */
    public NetworkClassifier setLearningRate(double rate) {
        set(learningRate(), rate);
        return this;
    }

    /**
     * @param name {@code gd}, {@code momentum} or {@code adam}
     * @return this estimator
     */
    public NetworkClassifier setOptimizer(String name) {
        set(optimizer(), name);
        return this;
    }

    /**
     * @param value momentum's {@code β} and Adam's {@code β1}, in [0, 1)
     * @return this estimator
     */
    public NetworkClassifier setBeta1(double value) {
        set(beta1(), value);
        return this;
    }

    /**
     * @param value Adam's {@code β2}, in [0, 1)
     * @return this estimator
     */
    public NetworkClassifier setBeta2(double value) {
        set(beta2(), value);
        return this;
    }

    /**
     * @param value Adam's {@code ε}, {@code > 0}
     * @return this estimator
     */
    public NetworkClassifier setEpsilon(double value) {
        set(epsilon(), value);
        return this;
    }

    /**
     * @param policy {@code error} (refuse a bad row, naming it) or {@code skip} (count it and leave it out)
     * @return this estimator
     */
    public NetworkClassifier setHandleInvalid(String policy) {
        set(handleInvalid(), policy);
        return this;
    }

    /**
     * @param directory a directory on the driver for checkpoints, or empty for none
     * @return this estimator
     */
    public NetworkClassifier setCheckpointDir(String directory) {
        set(checkpointDir(), directory);
        return this;
    }

    /**
     * @param n a checkpoint every {@code n >= 1} iterations (when a checkpoint directory is set)
     * @return this estimator
     */
    public NetworkClassifier setCheckpointInterval(int n) {
        set(checkpointInterval(), n);
        return this;
    }

    /**
     * @param resume whether fit resumes from the latest checkpoint in the checkpoint directory
     * @return this estimator
     */
    public NetworkClassifier setResumeFromCheckpoint(boolean resume) {
        set(resumeFromCheckpoint(), resume);
        return this;
    }

    /**
     * @param depth the {@code treeAggregate} depth, {@code >= 1}
     * @return this estimator
     */
    public NetworkClassifier setAggregationDepth(int depth) {
        set(aggregationDepth(), depth);
        return this;
    }

    /**
     * A listener told the cost at every recorded iteration and every step, on the driver, during {@link #fit} (not a
     * param: not saved).
     *
     * @param l the listener ({@link TrainingListener#none()} by default)
     * @return this estimator
     */
    public NetworkClassifier setTrainingListener(TrainingListener l) {
        if (l == null) {
            throw new Nndl4jException("NetworkClassifier: listener is null (use TrainingListener.none())");
        }
        this.listener = l;
        return this;
    }

    /**
     * The schema of the fitted model's output: checks the features (vector) and label (numeric) columns.
     *
     * @param schema the input's schema
     * @return the schema with the prediction and probability columns
     * @throws Nndl4jException if a column is missing, of the wrong type, or an output column exists already
     */
    @Override
    public StructType transformSchema(StructType schema) {
        Schemas.requireVector(schema, getFeaturesCol());
        Schemas.requireNumeric(schema, getLabelCol());
        return Schemas.withOutputs(schema, getPredictionCol(), getProbabilityCol());
    }

    /**
     * Draws the initial network and trains it on {@code dataset}.
     *
     * @param dataset a features column of {@code n0}-value vectors and a label column of class indices
     * @return the trained model, with this estimator's params
     * @throws Nndl4jException             if the params do not describe a network ({@link #initialNetwork()}) or the
     *                                     schema does not fit
     * @throws org.nndl4j.spark.BadRowException with {@code handleInvalid = "error"}, naming the first bad row
     */
    @Override
    public NetworkClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Network initial = initialNetwork();
        SparkTrainingOptions options = SparkTrainingOptions.defaults()
                .withBadRows(getHandleInvalid().equals("skip") ? BadRows.SKIP : BadRows.REFUSE)
                .withAggregationDepth(getAggregationDepth());
        if (!getCheckpointDir().isEmpty()) {
            options = options.withCheckpoints(Path.of(getCheckpointDir()), getCheckpointInterval());
            if (getResumeFromCheckpoint()) {
                options = options.resuming();
            }
        } else if (getResumeFromCheckpoint()) {
            throw new Nndl4jException("NetworkClassifier: resumeFromCheckpoint needs a checkpointDir");
        }
        @SuppressWarnings("unchecked")
        Dataset<Row> rows = (Dataset<Row>) dataset.toDF();
        SparkTrainingResult result = SparkTraining.fit(initial, rows, getFeaturesCol(), getLabelCol(),
                trainingConfig(), options, listener);
        NetworkClassificationModel model = new NetworkClassificationModel(uid, result.training().network(), result);
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    /**
     * The network {@link #fit} starts from: {@code layers} with the hidden activations, the output activation and
     * weights drawn by the initialisation from {@code NumpyRandom(seed)}.
     *
     * @return the initial network
     * @throws Nndl4jException if {@code layers} is not set, the activations do not match the hidden layers, or the
     *                         output activation does not fit the output size
     */
    public Network initialNetwork() {
        if (!isDefined(layers())) {
            throw new Nndl4jException("NetworkClassifier: set layers [n0, ..., nL] (the features' size, the hidden "
                    + "units, and 1 sigmoid unit or C softmax units); it has no default");
        }
        int[] sizes = getLayers();
        int hidden = sizes.length - 2;
        String[] names = getActivations();
        if (names.length != 1 && names.length != hidden) {
            throw new Nndl4jException("NetworkClassifier: layers " + Arrays.toString(sizes) + " have " + hidden
                    + " hidden layers, activations " + Arrays.toString(names) + " give " + names.length
                    + " (give one for all, or one per hidden layer)");
        }
        List<Activation> activations = new ArrayList<>();
        for (int l = 0; l < hidden; l++) {
            activations.add(activation(names[names.length == 1 ? 0 : l]));
        }
        activations.add(outputActivation(sizes[sizes.length - 1]));
        Initialization scheme = Initialization.valueOf(getInitialization().toUpperCase(Locale.ROOT));
        return scheme.initialize(sizes, activations, new NumpyRandom(getSeed()));
    }

    /**
     * The core library's configuration {@link #fit} trains with: full batch, the iterations, the learning rate and
     * the optimizer with its hyper-parameters.
     *
     * @return the configuration
     */
    public TrainingConfig trainingConfig() {
        Optimizer optimizer = switch (getOptimizer()) {
            case "momentum" -> Optimizer.momentum(getBeta1());
            case "adam" -> new Optimizer.Adam(getBeta1(), getBeta2(), getEpsilon());
            default -> Optimizer.gradientDescent();
        };
        return TrainingConfig.of(getIterations(), getLearningRate()).withOptimizer(optimizer);
    }

    private Activation outputActivation(int units) {
        String name = getOutputActivation();
        Activation output = name.equals("auto") ? (units == 1 ? Activation.SIGMOID : Activation.SOFTMAX)
                : activation(name);
        if (output == Activation.SIGMOID && units != 1 || output == Activation.SOFTMAX && units < 2) {
            throw new Nndl4jException("NetworkClassifier: a " + output.fileName() + " output of " + units + " units "
                    + "is not a classifier; use one sigmoid unit (labels 0/1) or C >= 2 softmax units (labels 0 .. "
                    + "C-1)");
        }
        return output;
    }

    private static Activation activation(String name) {
        return Activation.valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public NetworkClassifier copy(ParamMap extra) {
        NetworkClassifier copy = copyValues(new NetworkClassifier(uid), extra);
        copy.listener = listener;
        return copy;
    }

    /**
     * A reader of saved estimators (Spark's params metadata).
     *
     * @return the reader
     */
    public static MLReader<NetworkClassifier> read() {
        return new DefaultParamsReadable<NetworkClassifier>() {
        }.read();
    }

    /**
     * Reads an estimator saved by {@code write().save(path)}.
     *
     * @param path the estimator's directory
     * @return the estimator, with the params it was saved with
     */
    public static NetworkClassifier load(String path) {
        return read().load(path);
    }
}
