package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.LearningRateSchedule;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.StepProgress;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingProgress;
import org.nndl4j.train.TrainingResult;

/**
 * Distributed training gives single-machine training's iterates: every recorded cost to 1e-12 relative and the same
 * predictions, on the cat data in 4 partitions (the course's two-layer and L-layer networks) and the digits (softmax,
 * gradient descent and Adam), in {@code local[2]}.
 */
class SparkEquivalenceTest {

    private static SparkSession spark;
    private static CatDataset cat;
    private static DigitsDataset digits;

    @BeforeAll
    static void start() {
        spark = SparkTestData.session("local[2]");
        cat = CatDataset.loadBundled();
        digits = DigitsDataset.loadBundled();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void catTwoLayer_fourPartitions_everyCostAndPredictionAsSingleMachine() {
        Network initial = DeepNetwork.initializeParameters(12288, 7, 1).toNetwork();
        TrainingConfig config = TrainingConfig.of(300, 0.0075).withRecordEvery(10);
        assertEquivalent(initial, SparkTestData.Source.CAT_TRAIN, cat.test().data(), config, 4);
    }

    @Test
    void catLLayer_fourPartitions_everyCostAndPredictionAsSingleMachine() {
        Network initial = CourseInitialization.APPLICATION.initialize(new int[] {12288, 20, 7, 5, 1}).toNetwork();
        TrainingConfig config = TrainingConfig.of(300, 0.0075).withRecordEvery(10);
        assertEquivalent(initial, SparkTestData.Source.CAT_TRAIN, cat.test().data(), config, 4);
    }

    @Test
    void digitsSoftmax_gradientDescent_threePartitions_asSingleMachine() {
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU,
                Activation.SOFTMAX, new NumpyRandom(1));
        TrainingConfig config = TrainingConfig.of(200, 0.1).withRecordEvery(5);
        assertEquivalent(initial, SparkTestData.Source.DIGITS_TRAIN, digits.test(), config, 3);
    }

    @Test
    void digitsSoftmax_adamWithDecay_fivePartitions_asSingleMachine() {
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU,
                Activation.SOFTMAX, new NumpyRandom(1));
        TrainingConfig config = TrainingConfig.of(200, 0.01).withRecordEvery(5)
                .withOptimizer(Optimizer.adam()).withSchedule(LearningRateSchedule.inverseTime(0.01));
        assertEquivalent(initial, SparkTestData.Source.DIGITS_TRAIN, digits.test(), config, 5);
    }

    @Test
    void rddOfExamples_withAnEmptyPartition_asSingleMachine() {
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU,
                Activation.SOFTMAX, new NumpyRandom(1));
        TrainingConfig config = TrainingConfig.of(60, 0.1).withRecordEvery(5).withOptimizer(Optimizer.momentum(0.9));
        LabeledData train = digits.train();
        // partitions 0..5 with partition 3 empty: 1437 examples as 300, 300, 300, 0, 300, 237
        JavaRDD<LabeledExample> examples = SparkTestData.rdd(spark, SparkTestData.Source.DIGITS_TRAIN, 6,
                new int[] {0, 300, 600, 900, 900, 1200, 1437});
        SparkTrainingResult distributed = SparkTraining.fit(initial, examples, config, TrainingListener.none());
        TrainingResult single = Training.fit(initial, train, config.withEngine(Engine.PRIMAL), TrainingListener.none());

        assertEquals(6, distributed.partitions());
        assertEquals(1437, distributed.examples());
        for (int k = 0; k < single.costs().size(); k++) {
            double e = single.costs().cost(k);
            assertEquals(e, distributed.training().costs().cost(k), 1e-12 * Math.abs(e));
        }
        assertArrayEquals(single.network().predict(digits.test().X()).toRowMajor(),
                distributed.training().network().predict(digits.test().X()).toRowMajor());
    }

    /**
     * Everything a listener hears: the events as text (iterations, steps, learning rates: exact), and the numbers
     * that carry the sums' rounding (the costs, the network's first weight) apart.
     */
    private static final class Transcript implements TrainingListener {
        final List<String> lines = new ArrayList<>();
        final List<Double> numbers = new ArrayList<>();

        @Override
        public void costRecorded(TrainingProgress p) {
            lines.add("cost at " + p.iteration() + ", rate " + p.learningRate());
            numbers.add(p.cost());
            numbers.add(p.network().W(1).get(0, 0));
        }

        @Override
        public void stepTaken(StepProgress step) {
            lines.add("step " + step.epoch() + " " + step.batch() + " " + step.lastInEpoch() + " " + step.step()
                    + " rate " + step.learningRate());
            numbers.add(step.cost());
        }
    }

    @Test
    void listener_hearsWhatItHearsInOneJvm() {
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU,
                Activation.SOFTMAX, new NumpyRandom(1));
        for (TrainingConfig config : List.of(TrainingConfig.of(12, 0.1).withRecordEvery(3),
                TrainingConfig.of(12, 0.01).withRecordEvery(4).withOptimizer(Optimizer.adam())
                        .withSchedule(LearningRateSchedule.inverseTime(0.5)))) {
            Transcript distributed = new Transcript();
            SparkTraining.fit(initial, SparkTestData.rdd(spark, SparkTestData.Source.DIGITS_TRAIN, 3), config,
                    distributed);
            Transcript single = new Transcript();
            Training.fit(initial, digits.train(), config.withEngine(Engine.PRIMAL), single);
            assertEquals(single.lines, distributed.lines);
            assertEquals(12 + 12 / config.recordEvery(), single.lines.size());
            assertEquals(single.numbers.size(), distributed.numbers.size());
            for (int k = 0; k < single.numbers.size(); k++) {
                double e = single.numbers.get(k);
                assertEquals(e, distributed.numbers.get(k), 1e-12 * Math.abs(e), "number " + k);
            }
        }
    }

    private void assertEquivalent(Network initial, SparkTestData.Source source, LabeledData test,
                                  TrainingConfig config, int partitions) {
        LabeledData train = source.data();
        List<Integer> heard = new ArrayList<>();
        Dataset<Row> rows = SparkTestData.dataset(spark, source, partitions);
        SparkTrainingResult distributed = SparkTraining.fit(initial, rows, "features", "label", config,
                p -> heard.add(p.iteration()));
        TrainingResult single = Training.fit(initial, train, config.withEngine(Engine.PRIMAL),
                TrainingListener.none());

        assertEquals(train.size(), distributed.examples());
        assertEquals(partitions, distributed.partitions());
        assertEquals(0, distributed.skipped());
        CostHistory expected = single.costs();
        CostHistory actual = distributed.training().costs();
        assertEquals(expected.size(), actual.size());
        assertEquals(config.iterations() / config.recordEvery(), heard.size());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(k * config.recordEvery(), heard.get(k));
            double e = expected.cost(k);
            assertEquals(e, actual.cost(k), 1e-12 * Math.abs(e), "cost at iteration " + expected.iteration(k));
            assertEquals(expected.learningRate(k), actual.learningRate(k), 0.0);
        }
        Network a = distributed.training().network();
        Network b = single.network();
        assertArrayEquals(b.predict(train.X()).toRowMajor(), a.predict(train.X()).toRowMajor());
        assertArrayEquals(b.predict(test.X()).toRowMajor(), a.predict(test.X()).toRowMajor());
        assertEquals(single.accuracy(test), distributed.training().accuracy(test), 0.0);
        // and the default single-machine training (AUTO: GRAM for the wide cat data), which sums in another order
        TrainingResult auto = Training.fit(initial, train, config, TrainingListener.none());
        for (int k = 0; k < auto.costs().size(); k++) {
            double e = auto.costs().cost(k);
            assertEquals(e, actual.cost(k), 1e-12 * Math.abs(e), "cost at iteration " + auto.costs().iteration(k)
                    + " against " + auto.engine());
        }
        assertArrayEquals(auto.network().predict(test.X()).toRowMajor(), a.predict(test.X()).toRowMajor());
        for (int l = 1; l <= b.numLayers(); l++) {
            assertTrue(relative(b.W(l).toRowMajor(), a.W(l).toRowMajor()) < 1e-10, "W" + l);
        }
    }

    private static double relative(double[] expected, double[] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
            norm = Math.max(norm, Math.abs(expected[i]));
        }
        return diff / norm;
    }
}
