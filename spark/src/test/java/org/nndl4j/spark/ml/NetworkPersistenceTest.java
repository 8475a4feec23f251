package org.nndl4j.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.data.LabeledData;
import org.nndl4j.nn.Network;

/** Estimator, model and pipeline survive Spark ML's persistence: same params, same network, same predictions. */
class NetworkPersistenceTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = MlTestData.session();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aSavedModelLoadsWithItsNetworkParamsAndPredictions() throws IOException {
        LabeledData flower = MlTestData.flower();
        Dataset<Row> data = MlTestData.dataset(spark, flower, 2);
        NetworkClassificationModel model = new NetworkClassifier().setLayers(2, 4, 1).setActivations("tanh")
                .setIterations(30).setLearningRate(1.2).setProbabilityCol("p").fit(data);
        String path = dir.resolve("model").toString();
        model.write().overwrite().save(path);

        NetworkClassificationModel loaded = NetworkClassificationModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals(model.network(), loaded.network());
        assertEquals("p", loaded.getProbabilityCol());
        assertArrayEquals(new int[] {2, 4, 1}, loaded.getLayers());
        assertEquals(30, loaded.getIterations());
        assertEquals(1.2, loaded.getLearningRate());
        assertTrue(loaded.trainingResult().isEmpty());
        assertSameRows(model.transform(data), loaded.transform(data));
        // the network inside is nndl4j's model file, readable on its own
        assertEquals(model.network(), Network.load(dir.resolve("model").resolve(ModelPersistence.NETWORK_FILE)));
    }

    @Test
    void savingOverAnExistingModelNeedsOverwrite() throws IOException {
        NetworkClassificationModel model = new NetworkClassifier().setLayers(2, 3, 1).setIterations(2)
                .fit(MlTestData.dataset(spark, MlTestData.flower(), 2));
        String path = dir.resolve("model").toString();
        model.write().save(path);
        assertThrows(IOException.class, () -> model.write().save(path));
        model.write().overwrite().save(path);
        assertEquals(model.network(), NetworkClassificationModel.load(path).network());
    }

    @Test
    void loadingADirectoryWithoutANetworkIsRefusedNamingIt() throws IOException {
        NetworkClassificationModel model = new NetworkClassifier().setLayers(2, 3, 1).setIterations(2)
                .fit(MlTestData.dataset(spark, MlTestData.flower(), 2));
        Path path = dir.resolve("model");
        model.write().save(path.toString());
        Files.delete(path.resolve(ModelPersistence.NETWORK_FILE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkClassificationModel.load(path.toString()));
        assertTrue(e.getMessage().contains(path.toString()) && e.getMessage().contains("network.h5"),
                e.getMessage());
    }

    @Test
    void aSavedEstimatorLoadsWithItsParamsAndFitsTheSameNetwork() throws IOException {
        Dataset<Row> data = MlTestData.dataset(spark, MlTestData.flower(), 2);
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 5, 1).setActivations("relu")
                .setOptimizer("momentum").setBeta1(0.85).setSeed(11).setIterations(20).setLearningRate(0.3)
                .setLabelCol("label").setHandleInvalid("skip");
        String path = dir.resolve("estimator").toString();
        classifier.write().overwrite().save(path);

        NetworkClassifier loaded = NetworkClassifier.load(path);
        assertEquals(classifier.uid(), loaded.uid());
        assertArrayEquals(new int[] {2, 5, 1}, loaded.getLayers());
        assertEquals("momentum", loaded.getOptimizer());
        assertEquals(0.85, loaded.getBeta1());
        assertEquals(11L, loaded.getSeed());
        assertEquals("skip", loaded.getHandleInvalid());
        assertEquals(classifier.trainingConfig(), loaded.trainingConfig());
        assertEquals(classifier.fit(data).network(), loaded.fit(data).network());
    }

    @Test
    void aPipelineWithTheEstimatorFitsSavesAndLoadsWithTheSamePredictions() throws IOException {
        LabeledData flower = MlTestData.flower();
        // raw columns x0, x1: the pipeline assembles the features vector first
        Dataset<Row> raw = MlTestData.dataset(spark, flower, 2)
                .withColumn("x0", functions.udf((org.apache.spark.sql.api.java.UDF1<Vector, Double>) v -> v.apply(0),
                        org.apache.spark.sql.types.DataTypes.DoubleType).apply(functions.col("features")))
                .withColumn("x1", functions.udf((org.apache.spark.sql.api.java.UDF1<Vector, Double>) v -> v.apply(1),
                        org.apache.spark.sql.types.DataTypes.DoubleType).apply(functions.col("features")))
                .drop("features");
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x0", "x1"})
                .setOutputCol("xy");
        NetworkClassifier classifier = new NetworkClassifier().setFeaturesCol("xy").setLayers(2, 4, 1)
                .setActivations("tanh").setIterations(40).setLearningRate(1.2);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler, classifier});
        PipelineModel fitted = pipeline.fit(raw);

        String pipelinePath = dir.resolve("pipeline").toString();
        pipeline.write().overwrite().save(pipelinePath);
        Pipeline loadedPipeline = Pipeline.load(pipelinePath);
        assertEquals(2, loadedPipeline.getStages().length);
        assertEquals(classifier.uid(), loadedPipeline.getStages()[1].uid());

        String modelPath = dir.resolve("pipeline-model").toString();
        fitted.write().overwrite().save(modelPath);
        PipelineModel loaded = PipelineModel.load(modelPath);
        NetworkClassificationModel stage = (NetworkClassificationModel) loaded.stages()[1];
        assertEquals(((NetworkClassificationModel) fitted.stages()[1]).network(), stage.network());
        assertEquals("xy", stage.getFeaturesCol());
        assertSameRows(fitted.transform(raw), loaded.transform(raw));
        // and the loaded pipeline fits the same network again
        assertEquals(stage.network(), ((NetworkClassificationModel) loadedPipeline.fit(raw).stages()[1]).network());
    }

    private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        assertArrayEquals(expected.columns(), actual.columns());
        List<Row> a = expected.collectAsList();
        List<Row> b = actual.collectAsList();
        assertEquals(a.size(), b.size());
        assertTrue(a.size() > 0);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "row " + i);
        }
    }
}
