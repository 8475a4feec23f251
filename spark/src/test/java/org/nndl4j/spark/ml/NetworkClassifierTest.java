package org.nndl4j.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.Nndl4jException;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.spark.BadRowException;
import org.nndl4j.spark.SparkTraining;
import org.nndl4j.spark.SparkTrainingResult;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/** The estimator trains what single-machine nndl4j trains, and its model scores what the network predicts. */
class NetworkClassifierTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = MlTestData.session();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void fitTrainsTheNetworkSingleMachineTrainingTrainsFromTheSameSeed() {
        LabeledData flower = MlTestData.flower();
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 4, 1).setActivations("tanh")
                .setInitialization("xavier").setSeed(3).setIterations(150).setLearningRate(1.2);
        NetworkClassificationModel model = classifier.fit(MlTestData.dataset(spark, flower, 4));

        Network initial = Initialization.XAVIER.initialize(new int[] {2, 4, 1}, Activation.TANH, Activation.SIGMOID,
                new NumpyRandom(3));
        TrainingResult single = Training.fit(initial, flower, TrainingConfig.of(150, 1.2), TrainingListener.none());
        assertTrue(MlTestData.relativeDifference(single.network(), model.network()) < 1e-12,
                "relative difference " + MlTestData.relativeDifference(single.network(), model.network()));
        double[] costs = model.trainingResult().orElseThrow().training().costs().costs();
        double[] singleCosts = single.costs().costs();
        assertEquals(singleCosts.length, costs.length);
        for (int k = 0; k < costs.length; k++) {
            assertEquals(singleCosts[k], costs[k], 1e-12 * Math.abs(singleCosts[k]), "cost " + k);
        }
        // the training moved: the network is not the initial one
        assertTrue(MlTestData.relativeDifference(initial, model.network()) > 0.01);
    }

    @Test
    void fitGivesExactlyTheNetworkSparkTrainingGivesWithAdam() {
        LabeledData flower = MlTestData.flower();
        Dataset<Row> data = MlTestData.dataset(spark, flower, 4);
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 5, 3, 1).setActivations("relu", "tanh")
                .setSeed(7).setIterations(40).setLearningRate(0.02).setOptimizer("adam").setBeta1(0.8)
                .setBeta2(0.99).setEpsilon(1e-7);
        NetworkClassificationModel model = classifier.fit(data);

        Network initial = Initialization.HE.initialize(new int[] {2, 5, 3, 1},
                List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID), new NumpyRandom(7));
        SparkTrainingResult direct = SparkTraining.fit(initial, data, "features", "label",
                TrainingConfig.of(40, 0.02).withOptimizer(new Optimizer.Adam(0.8, 0.99, 1e-7)),
                TrainingListener.none());
        assertEquals(direct.training().network(), model.network());
        assertEquals(initial, classifier.initialNetwork());
    }

    @Test
    void transformAddsTheNetworksProbabilitiesAndPredictions() {
        LabeledData flower = MlTestData.flower();
        NetworkClassificationModel model = new NetworkClassifier().setLayers(2, 4, 1).setActivations("tanh")
                .setIterations(60).setLearningRate(1.2).fit(MlTestData.dataset(spark, flower, 3));
        List<Row> rows = model.transform(MlTestData.dataset(spark, flower, 2)).collectAsList();

        Network network = model.network();
        Matrix A = network.forward(flower.X());
        Matrix predicted = network.predict(flower.X());
        assertEquals(flower.size(), rows.size());
        int correct = 0;
        for (int j = 0; j < rows.size(); j++) {
            Row row = rows.get(j);
            double p = A.get(0, j);
            assertArrayEquals(new double[] {1 - p, p}, ((Vector) row.getAs("probability")).toArray(), 0.0);
            assertEquals(predicted.get(0, j), row.<Double>getAs("prediction"), 0.0);
            correct += row.<Double>getAs("prediction").doubleValue() == row.<Double>getAs("label").doubleValue() ? 1 : 0;
        }
        // better than a coin: the 60 iterations learned something
        assertTrue(correct > 0.6 * rows.size(), correct + " of " + rows.size());
    }

    @Test
    void aSoftmaxModelGivesTheClassProbabilitiesAndTheirArgmax() {
        LabeledData sectors = MlTestData.sectors();
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 8, 3).setIterations(80)
                .setLearningRate(0.05).setOptimizer("adam").setSeed(2);
        NetworkClassificationModel model = classifier.fit(MlTestData.dataset(spark, sectors, 4));
        assertEquals(Activation.SOFTMAX, model.network().outputActivation());
        assertEquals(3, model.numClasses());
        assertEquals(2, model.numFeatures());

        List<Row> rows = model.transform(MlTestData.dataset(spark, sectors, 4)).collectAsList();
        Matrix A = model.network().forward(sectors.X());
        Matrix predicted = model.network().predict(sectors.X());
        int correct = 0;
        for (int j = 0; j < rows.size(); j++) {
            double[] probability = ((Vector) rows.get(j).getAs("probability")).toArray();
            assertArrayEquals(A.column(j).toRowMajor(), probability, 0.0);
            assertEquals(1.0, probability[0] + probability[1] + probability[2], 1e-12);
            assertEquals(predicted.get(0, j), rows.get(j).<Double>getAs("prediction"), 0.0);
            correct += predicted.get(0, j) == sectors.labels().get(0, j) ? 1 : 0;
        }
        assertTrue(correct > 0.5 * rows.size(), correct + " of " + rows.size() + " (a third by chance)");
    }

    @Test
    void emptyColumnNamesLeaveTheirColumnsOut() {
        LabeledData flower = MlTestData.flower();
        NetworkClassificationModel model = new NetworkClassifier().setLayers(2, 3, 1).setIterations(5)
                .fit(MlTestData.dataset(spark, flower, 2));
        Dataset<Row> data = MlTestData.dataset(spark, flower, 2);
        model.setProbabilityCol("");
        assertArrayEquals(new String[] {"features", "label", "prediction"}, model.transform(data).columns());
        model.setProbabilityCol("p").setPredictionCol("");
        assertArrayEquals(new String[] {"features", "label", "p"}, model.transform(data).columns());
    }

    @Test
    void aBadRowIsRefusedNamingItOrSkippedWhenAsked() {
        LabeledData flower = MlTestData.flower();
        Dataset<Row> good = MlTestData.dataset(spark, flower, 2);
        Dataset<Row> bad = spark.createDataFrame(List.of(RowFactory.create(Vectors.dense(1, 2, 3), 1.0)),
                good.schema());
        Dataset<Row> data = good.union(bad);
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 3, 1).setIterations(3);
        BadRowException e = assertThrows(BadRowException.class, () -> classifier.fit(data));
        assertTrue(e.getMessage().contains("3 features, the network takes 2"), e.getMessage());

        NetworkClassificationModel model = classifier.setHandleInvalid("skip").fit(data);
        SparkTrainingResult result = model.trainingResult().orElseThrow();
        assertEquals(1, result.skipped());
        assertEquals(flower.size(), result.examples());
        assertEquals(classifier.setHandleInvalid("error").fit(good).network(), model.network());
    }

    @Test
    void aFitResumedFromItsCheckpointEndsWhereAnUninterruptedFitEnds(@TempDir Path dir) {
        Dataset<Row> data = MlTestData.dataset(spark, MlTestData.flower(), 2);
        NetworkClassifier classifier = new NetworkClassifier().setLayers(2, 4, 1).setActivations("tanh")
                .setOptimizer("momentum").setLearningRate(0.5).setSeed(5);
        Network uninterrupted = classifier.setIterations(12).fit(data).network();

        classifier.setCheckpointDir(dir.toString()).setCheckpointInterval(4);
        // a first fit that stops at iteration 8 (as if the driver had been killed after its checkpoint)
        classifier.setIterations(8).fit(data);
        NetworkClassificationModel resumed = classifier.setIterations(12).setResumeFromCheckpoint(true).fit(data);
        assertEquals(8, resumed.trainingResult().orElseThrow().startEpoch());
        assertEquals(uninterrupted, resumed.network());

        assertThrows(Nndl4jException.class, () -> new NetworkClassifier().setLayers(2, 1)
                .setResumeFromCheckpoint(true).fit(data));
    }
}
