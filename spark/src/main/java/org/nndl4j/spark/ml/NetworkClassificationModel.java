package org.nndl4j.spark.ml;

import java.util.Optional;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Network;
import org.nndl4j.spark.SparkTrainingResult;

/**
 * A trained nndl4j {@link Network} as a Spark ML {@code Model}: {@link #transform} adds a probability column (a Spark
 * ML vector: {@code [1 - p, p]} for one sigmoid output unit, as MLlib's binary classifiers give it, the softmax outputs
 * otherwise) and a prediction column (the class index: 1 where {@code p > 0.5}, or the first largest probability;
 * the labels {@link Network#predict} gives). Either column is left out when its name is set empty.
 *
 * <p>Saved with Spark ML's persistence ({@code model.write().overwrite().save(path)}, {@link #load}): the params as
 * Spark's metadata, the network as nndl4j's HDF5 model file {@code network/network.h5} inside the path (any Hadoop
 * file system), readable by {@link Network#load} and h5py.
 */
public final class NetworkClassificationModel extends Model<NetworkClassificationModel>
        implements NetworkParams, MLWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final NetworkParamSet paramSet;
    private final NetworkWeights weights;
    private final transient Network network;
    private final transient SparkTrainingResult training;

    /**
     * A model of {@code network} with a new uid and the default params (for a network trained elsewhere).
     *
     * @param network a classifier: a sigmoid output of one unit or a softmax output
     * @throws Nndl4jException if the network is not a classifier or has an input transform
     */
    public NetworkClassificationModel(Network network) {
        this(Identifiable.randomUID("nndl4jClassifier"), network, null);
    }

    /**
     * A model of {@code network} with the default params.
     *
     * @param uid     the stage's uid
     * @param network a classifier: a sigmoid output of one unit or a softmax output
     * @throws Nndl4jException if the network is not a classifier or has an input transform
     */
    public NetworkClassificationModel(String uid, Network network) {
        this(uid, network, null);
    }

    NetworkClassificationModel(String uid, Network network, SparkTrainingResult training) {
        if (uid == null || network == null) {
            throw new Nndl4jException("NetworkClassificationModel: uid and network must not be null");
        }
        Activation output = network.outputActivation();
        if (!(output == Activation.SOFTMAX || output == Activation.SIGMOID && network.outputSize() == 1)) {
            throw new Nndl4jException("NetworkClassificationModel: the network " + network + " is not a classifier: it "
                    + "needs a sigmoid output of one unit or a softmax output");
        }
        this.uid = uid;
        this.paramSet = new NetworkParamSet(this);
        for (ParamPair<?> pair : paramSet.defaults()) {
            setDefaultValue(pair);
        }
        this.network = network;
        this.weights = NetworkWeights.of(network);
        this.training = training;
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

    /** @return the trained network */
    public Network network() {
        return network == null ? weights.network() : network;
    }

    /** @return the number of classes: 2 for one sigmoid output unit, else the number of output units */
    public int numClasses() {
        return Math.max(2, network().outputSize());
    }

    /** @return the number of features an example has, {@code n[0]} */
    public int numFeatures() {
        return network().inputSize();
    }

    /**
     * What the training that made this model saw: the cost history, the iterations, the examples and partitions. Empty
     * for a model that was loaded or built from a network.
     *
     * @return the training's result, if this model was just fitted
     */
    public Optional<SparkTrainingResult> trainingResult() {
        return Optional.ofNullable(training);
    }

    /**
     * @param column the features column's name
     * @return this model
     */
    public NetworkClassificationModel setFeaturesCol(String column) {
        set(featuresCol(), column);
        return this;
    }

    /**
     * @param column the prediction column's name, or empty for none
     * @return this model
     */
    public NetworkClassificationModel setPredictionCol(String column) {
        set(predictionCol(), column);
        return this;
    }

    /**
     * @param column the probability column's name, or empty for none
     * @return this model
     */
    public NetworkClassificationModel setProbabilityCol(String column) {
        set(probabilityCol(), column);
        return this;
    }

    /**
     * The schema with the prediction ({@code double}) and probability (vector) columns added.
     *
     * @param schema the input's schema
     * @return the output's schema
     * @throws Nndl4jException if the features column is missing or not a vector column, or an output column exists
     */
    @Override
    public StructType transformSchema(StructType schema) {
        Schemas.requireVector(schema, getFeaturesCol());
        return Schemas.withOutputs(schema, getPredictionCol(), getProbabilityCol());
    }

    /**
     * Adds the probability and prediction columns (lazily, as Spark does: nothing runs until an action).
     *
     * @param dataset rows with a features column of {@code n[0]} values
     * @return the rows with the new columns
     * @throws Nndl4jException if the schema does not fit ({@link #transformSchema}); a vector of the wrong size fails
     *                         the Spark job, naming both sizes
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        String prediction = getPredictionCol();
        String probability = getProbabilityCol();
        Dataset<Row> out = dataset.toDF();
        if (prediction.isEmpty() && probability.isEmpty()) {
            return out;
        }
        NetworkWeights w = weights;
        boolean sigmoid = network().outputSize() == 1;
        UserDefinedFunction probabilities = functions.udf((UDF1<Vector, Vector>) x -> {
            double[] a = w.forward(x.toArray());
            return Vectors.dense(sigmoid ? new double[] {1.0 - a[0], a[0]} : a);
        }, SQLDataTypes.VectorType());
        String probabilityName = probability.isEmpty() ? uid + "_probability" : probability;
        out = out.withColumn(probabilityName, probabilities.apply(out.col(getFeaturesCol())));
        if (!prediction.isEmpty()) {
            UserDefinedFunction labels = functions.udf((UDF1<Vector, Double>) p -> label(p.toArray(), sigmoid),
                    DataTypes.DoubleType);
            out = out.withColumn(prediction, labels.apply(new Column(probabilityName)));
        }
        return probability.isEmpty() ? out.drop(probabilityName) : out;
    }

    /** The class of one example's probabilities, as {@link Network#predict} labels its outputs. */
    private static double label(double[] p, boolean sigmoid) {
        if (sigmoid) {
            return p[1] > 0.5 ? 1.0 : 0.0;
        }
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public NetworkClassificationModel copy(ParamMap extra) {
        NetworkClassificationModel copy = new NetworkClassificationModel(uid, network(), training);
        return copyValues(copy, extra).setParent(parent());
    }

    /**
     * A writer of this model: Spark's metadata and the network's HDF5 file under the path.
     *
     * @return the writer
     */
    @Override
    public MLWriter write() {
        return new ModelPersistence.Writer(this);
    }

    /**
     * A reader of saved models.
     *
     * @return the reader
     */
    public static MLReader<NetworkClassificationModel> read() {
        return new ModelPersistence.Reader();
    }

    /**
     * Reads a model saved by {@code write().save(path)}.
     *
     * @param path the model's directory
     * @return the model, with the params it was saved with
     * @throws Nndl4jException if the directory does not hold such a model (naming it)
     */
    public static NetworkClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "NetworkClassificationModel: uid=" + uid + ", " + network();
    }
}
