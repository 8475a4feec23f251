package org.nndl4j.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.TrainingConfig;

/** The params' defaults and refusals, and the schema checks (no Spark job runs here). */
class NetworkParamsTest {

    private static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);

    @Test
    void theDefaultsAreSparkMlsColumnsAndPlainGradientDescent() {
        NetworkClassifier c = new NetworkClassifier();
        assertEquals("features", c.getFeaturesCol());
        assertEquals("label", c.getLabelCol());
        assertEquals("prediction", c.getPredictionCol());
        assertEquals("probability", c.getProbabilityCol());
        assertArrayEquals(new String[] {"relu"}, c.getActivations());
        assertEquals("auto", c.getOutputActivation());
        assertEquals("he", c.getInitialization());
        assertEquals("gd", c.getOptimizer());
        assertEquals("error", c.getHandleInvalid());
        assertEquals(2, c.getAggregationDepth());
        assertEquals(TrainingConfig.of(100, 0.01), c.trainingConfig());
        // every param is found by Spark (its explainParams lists them)
        assertEquals(20, c.params().length);
        assertTrue(c.explainParams().contains("layers: layer sizes"), c.explainParams());
    }

    @Test
    void theOptimizerParamsMakeTheCoreOptimizers() {
        NetworkClassifier c = new NetworkClassifier().setIterations(7).setLearningRate(0.2);
        assertEquals(Optimizer.momentum(0.8), c.setOptimizer("momentum").setBeta1(0.8).trainingConfig().optimizer());
        assertEquals(new Optimizer.Adam(0.8, 0.95, 1e-6),
                c.setOptimizer("adam").setBeta2(0.95).setEpsilon(1e-6).trainingConfig().optimizer());
        assertEquals(7, c.trainingConfig().iterations());
        assertEquals(0.2, c.trainingConfig().learningRate());
    }

    @Test
    void outOfRangeParamsAreRefusedNamingTheParamAndTheValue() {
        NetworkClassifier c = new NetworkClassifier();
        refused(() -> c.setLayers(3), "layers", "[3]");
        refused(() -> c.setLayers(3, 0, 1), "layers", "[3, 0, 1]");
        refused(() -> c.setActivations("softmax"), "activations", "[softmax]");
        refused(() -> c.setOptimizer("sgd"), "optimizer", "[gd, momentum, adam]");
        refused(() -> c.setLearningRate(0), "learningRate", "0.0");
        refused(() -> c.setLearningRate(Double.POSITIVE_INFINITY), "learningRate", "Infinity");
        refused(() -> c.setIterations(0), "iterations", "0");
        refused(() -> c.setSeed(-1), "seed", "-1");
        refused(() -> c.setBeta1(1.0), "beta1", "1.0");
        refused(() -> c.setEpsilon(0), "epsilon", "0.0");
        refused(() -> c.setInitialization("glorot"), "initialization", "glorot");
        refused(() -> c.setHandleInvalid("keep"), "handleInvalid", "keep");
        refused(() -> c.setFeaturesCol(""), "featuresCol", "\"\"");
        refused(() -> c.setAggregationDepth(0), "aggregationDepth", "0");
        // a ParamMap goes through the same checks
        refused(() -> ParamMap.empty().put(c.iterations(), -5), "iterations", "-5");
        // nothing refused was set
        assertEquals("gd", c.getOptimizer());
        assertEquals(100, c.getIterations());
    }

    @Test
    void layersActivationsAndOutputMustDescribeAClassifier() {
        refused(() -> new NetworkClassifier().initialNetwork(), "set layers");
        refused(() -> new NetworkClassifier().setLayers(2, 4, 3, 1).setActivations("relu", "tanh", "relu")
                .initialNetwork(), "2 hidden layers", "[relu, tanh, relu]");
        refused(() -> new NetworkClassifier().setLayers(2, 4, 2).setOutputActivation("sigmoid").initialNetwork(),
                "sigmoid output of 2 units");
        refused(() -> new NetworkClassifier().setLayers(2, 4, 1).setOutputActivation("softmax").initialNetwork(),
                "softmax output of 1 units");
        assertEquals(List.of(Activation.RELU, Activation.TANH, Activation.SOFTMAX), new NetworkClassifier()
                .setLayers(2, 4, 3, 5).setActivations("relu", "tanh").initialNetwork().activations());
        assertEquals(List.of(Activation.LEAKY_RELU, Activation.LEAKY_RELU, Activation.SIGMOID), new NetworkClassifier()
                .setLayers(2, 4, 3, 1).setActivations("leaky_relu").initialNetwork().activations());
    }

    @Test
    void theSchemaIsCheckedBeforeAnythingRuns() {
        NetworkClassifier c = new NetworkClassifier().setLayers(2, 3, 1);
        StructType out = c.transformSchema(SCHEMA);
        assertEquals(List.of("features", "label", "probability", "prediction"), Arrays.asList(out.fieldNames()));
        assertEquals(SQLDataTypes.VectorType(), out.apply("probability").dataType());
        assertEquals(DataTypes.DoubleType, out.apply("prediction").dataType());

        refused(() -> c.setFeaturesCol("x").transformSchema(SCHEMA), "no features column 'x'", "[features, label]");
        c.setFeaturesCol("features");
        refused(() -> c.transformSchema(new StructType().add("features", DataTypes.createArrayType(
                DataTypes.DoubleType)).add("label", DataTypes.DoubleType)), "'features' must be a Spark ML vector",
                "array<double>");
        refused(() -> c.transformSchema(new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.StringType)), "'label' must be numeric", "string");
        refused(() -> c.transformSchema(SCHEMA.add("prediction", DataTypes.DoubleType)),
                "prediction column 'prediction' already exists");
        // the model needs no label column
        NetworkClassificationModel model = new NetworkClassificationModel(c.initialNetwork());
        assertEquals(List.of("features", "probability", "prediction"), Arrays.asList(model.transformSchema(
                new StructType().add("features", SQLDataTypes.VectorType())).fieldNames()));
        refused(() -> model.transformSchema(new StructType().add("x", SQLDataTypes.VectorType())),
                "no features column 'features'");
    }

    @Test
    void aModelNeedsAClassifiersNetwork() {
        NetworkClassifier c = new NetworkClassifier().setLayers(2, 3, 2).setOutputActivation("auto");
        org.nndl4j.nn.Network softmax = c.initialNetwork();
        org.nndl4j.nn.Network linear = org.nndl4j.nn.Network.of(softmax.layer(1),
                new org.nndl4j.nn.Layer(softmax.W(2), softmax.b(2), Activation.LINEAR));
        refused(() -> new NetworkClassificationModel(linear), "not a classifier");
    }

    private static void refused(Executable call, String... expected) {
        Nndl4jException e = assertThrows(Nndl4jException.class, call);
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
        }
    }
}
