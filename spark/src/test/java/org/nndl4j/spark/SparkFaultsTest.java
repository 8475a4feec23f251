package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.LearningRateSchedule;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * Faults: a task that fails on its first attempt and succeeds on retry changes nothing, to the bit; a training
 * killed after a checkpoint and resumed from it gives the iterates of the uninterrupted one, to the bit. In
 * {@code local[2,4]}: two threads, four attempts per task.
 */
class SparkFaultsTest {

    private static SparkSession spark;
    private static ExampleBlocks digits;
    private static final AtomicInteger FAILURES = new AtomicInteger();

    @BeforeAll
    static void start() {
        spark = SparkTestData.session("local[2,4]");
        digits = ExampleBlocks.fromDataset(SparkTestData.dataset(spark, SparkTestData.Source.DIGITS_TRAIN, 4),
                "features", "label", network(), BadRows.REFUSE);
    }

    @AfterAll
    static void stop() {
        digits.close();
        spark.stop();
    }

    @AfterEach
    void noHook() {
        ExampleBlock.hook = null;
    }

    private static Network network() {
        return Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(1));
    }

    private static TrainingConfig adam(int iterations) {
        return TrainingConfig.of(iterations, 0.01).withRecordEvery(5).withOptimizer(Optimizer.adam())
                .withSchedule(LearningRateSchedule.inverseTime(0.05));
    }

    @Test
    void taskFailingOnItsFirstAttempt_isRetried_andChangesNothing() {
        TrainingConfig config = adam(40);
        TrainingResult clean = SparkTraining.fit(network(), digits, config, SparkTrainingOptions.defaults(),
                TrainingListener.none()).training();

        FAILURES.set(0);
        ExampleBlock.hook = (partition, iteration) -> {
            if (partition == 2 && (iteration == 0 || iteration == 17) && TaskContext.get().attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("deliberate failure of partition 2's first attempt, iteration "
                        + iteration);
            }
        };
        TrainingResult retried = SparkTraining.fit(network(), digits, config, SparkTrainingOptions.defaults(),
                TrainingListener.none()).training();

        assertEquals(2, FAILURES.get(), "the first attempts failed");
        assertArrayEquals(clean.costs().costs(), retried.costs().costs());
        assertSameParameters(clean.network(), retried.network());
    }

    @Test
    void taskFailingEveryAttempt_stopsTraining() {
        ExampleBlock.hook = (partition, iteration) -> {
            if (partition == 1 && iteration == 3) {
                throw new IllegalStateException("deliberate failure of every attempt");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkTraining.fit(network(),
                digits, adam(10), SparkTrainingOptions.defaults(), TrainingListener.none()));
        assertTrue(e.getMessage().contains("deliberate failure of every attempt"), e.getMessage());
    }

    @Test
    void killedAfterACheckpoint_resumes_withTheUninterruptedIterates(@TempDir Path dir) {
        TrainingConfig config = adam(60);
        SparkTrainingOptions uninterruptedOptions = SparkTrainingOptions.defaults()
                .withCheckpoints(dir.resolve("uninterrupted"), 10);
        TrainingResult uninterrupted = SparkTraining.fit(network(), digits, config, uninterruptedOptions,
                TrainingListener.none()).training();

        Path checkpoints = dir.resolve("killed");
        SparkTrainingOptions options = SparkTrainingOptions.defaults().withCheckpoints(checkpoints, 10);
        RuntimeException kill = assertThrows(RuntimeException.class, () -> SparkTraining.fit(network(), digits,
                config, options, p -> {
                    if (p.iteration() == 35) {
                        throw new RuntimeException("driver killed at iteration 35");
                    }
                }));
        assertEquals("driver killed at iteration 35", kill.getMessage());
        // only the latest checkpoint is kept: the one before iteration 30, which the kill could not reach
        assertTrue(Files.isDirectory(checkpoints.resolve("epoch-0000000030")));
        assertEquals(1, checkpoints.toFile().list((d, name) -> name.startsWith("epoch-")).length);
        Network saved = Network.load(checkpoints.resolve("epoch-0000000030").resolve("network.h5"));
        assertArrayEquals(network().layerDims(), saved.layerDims());

        List<Integer> heard = new ArrayList<>();
        SparkTrainingResult resumed = SparkTraining.fit(network(), digits, config, options.resuming(),
                p -> heard.add(p.iteration()));

        assertEquals(30, resumed.startEpoch());
        assertEquals(List.of(30, 35, 40, 45, 50, 55), heard);
        assertArrayEquals(uninterrupted.costs().costs(), resumed.training().costs().costs());
        assertArrayEquals(uninterrupted.costs().learningRates(), resumed.training().costs().learningRates());
        assertSameParameters(uninterrupted.network(), resumed.training().network());
        assertTrue(Files.isDirectory(checkpoints.resolve("epoch-0000000060")), "the final checkpoint");
    }

    @Test
    void gradientDescent_resumes_withoutOptimizerState(@TempDir Path dir) {
        TrainingConfig config = TrainingConfig.of(25, 0.1).withRecordEvery(5);
        TrainingResult uninterrupted = SparkTraining.fit(network(), digits, config, SparkTrainingOptions.defaults(),
                TrainingListener.none()).training();
        SparkTrainingOptions options = SparkTrainingOptions.defaults().withCheckpoints(dir, 10);
        SparkTraining.fit(network(), digits, config.withIterations(20), options, TrainingListener.none());

        SparkTrainingResult resumed = SparkTraining.fit(network(), digits, config, options.resuming(),
                TrainingListener.none());

        assertEquals(20, resumed.startEpoch());
        assertArrayEquals(uninterrupted.costs().costs(), resumed.training().costs().costs());
        assertSameParameters(uninterrupted.network(), resumed.training().network());
    }

    @Test
    void resumingWithAnotherOptimizerOrNetwork_isRefused(@TempDir Path dir) {
        SparkTrainingOptions options = SparkTrainingOptions.defaults().withCheckpoints(dir, 5);
        SparkTraining.fit(network(), digits, adam(5), options, TrainingListener.none());

        Nndl4jException optimizer = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(network(), digits,
                adam(10).withOptimizer(Optimizer.momentum(0.9)), options.resuming(), TrainingListener.none()));
        assertTrue(optimizer.getMessage().contains("was made with Adam"), optimizer.getMessage());

        Network other = Initialization.HE.initialize(new int[] {64, 20, 10}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(1));
        Nndl4jException network = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(other, digits,
                adam(10), options.resuming(), TrainingListener.none()));
        assertTrue(network.getMessage().contains("[64, 25, 12, 10]") && network.getMessage().contains("[64, 20, 10]"),
                network.getMessage());
    }

    private static void assertSameParameters(Network expected, Network actual) {
        for (int l = 1; l <= expected.numLayers(); l++) {
            assertArrayEquals(expected.W(l).toRowMajor(), actual.W(l).toRowMajor(), "W" + l);
            assertArrayEquals(expected.b(l).toRowMajor(), actual.b(l).toRowMajor(), "b" + l);
        }
    }
}
