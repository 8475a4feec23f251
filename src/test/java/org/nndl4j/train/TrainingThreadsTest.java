package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.matrix.Gemm;

/**
 * The thread count of a training: the reproduction (trainings die with RejectedExecutionException when another
 * thread calls {@link Gemm#setThreads} meanwhile), and the count carried by {@link TrainingConfig#withThreads}.
 */
class TrainingThreadsTest {

    private static final LabeledData CAT = CatDataset.loadBundled().train().data();
    /** A smaller network than the issue's [12288, 20, 7, 5, 1], whose first-layer products still run in parallel. */
    private static final int[] DIMS = {12288, 7, 5, 1};
    private static final int ITERATIONS = 6;

    private int before;

    @BeforeEach
    void rememberTheDefault() {
        before = Gemm.threads();
    }

    @AfterEach
    void restoreTheDefault() {
        Gemm.setThreads(before);
    }

    private static TrainingResult train(TrainingConfig config) {
        return DeepModels.lLayerModel(CAT, DIMS, config.withRecordEvery(1));
    }

    private static TrainingConfig config() {
        return TrainingConfig.of(ITERATIONS, 0.0075).withEngine(Engine.PRIMAL);
    }

    @Test
    void setThreadsEveryFewMilliseconds_whileModelsTrain_breaksNoTrainingAndChangesNoBit() throws Exception {
        assertTrue(7L * 12288 * CAT.size() >= Gemm.PARALLEL_THRESHOLD, "W1·X must take the parallel path");
        TrainingResult expected = train(config().withThreads(1));
        AtomicBoolean done = new AtomicBoolean();
        Thread changer = new Thread(() -> {
            // the thread B: Gemm.setThreads(1 + k++ % 4) in a loop (every 2 ms here, to keep the test short)
            for (int k = 0; !done.get(); k++) {
                Gemm.setThreads(1 + k % 4);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ExecutorService trainers = Executors.newFixedThreadPool(2);
        changer.start();
        try {
            List<Future<TrainingResult>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                // half on the default count (which thread B keeps changing), half on a count of their own
                TrainingConfig c = r % 2 == 0 ? config() : config().withThreads(1 + r);
                runs.add(trainers.submit(() -> train(c)));
            }
            for (Future<TrainingResult> run : runs) {
                // a RejectedExecutionException would surface here as an ExecutionException
                TrainingResult result = run.get(120, TimeUnit.SECONDS);
                assertEquals(expected.costs(), result.costs(), "every recorded cost, bit for bit");
                assertEquals(expected.network(), result.network(), "every parameter, bit for bit");
            }
        } finally {
            done.set(true);
            changer.join();
            trainers.shutdownNow();
        }
    }

    @Test
    void adamOnMiniBatches_withItsGatherAndUpdateSplitOverThreads_givesOneThreadsBits() {
        // [12288, 32, 1]: W1 has 2^18 values or more (its Adam update is split by rows) and a batch of 64 examples is
        // gathered from X in parts, one per thread
        int[] dims = {12288, 32, 1};
        assertTrue(Gemm.withThreads(2, () -> Gemm.splitsRows(32L * 12288)), "W1's update is split");
        TrainingConfig adam = TrainingConfig.of(4, 0.001).withEngine(Engine.PRIMAL).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.shuffled(64, 1)).withRecordEvery(1);
        TrainingResult one = DeepModels.lLayerModel(CAT, dims, adam.withThreads(1));
        for (int threads = 2; threads <= 3; threads++) {
            TrainingResult split = DeepModels.lLayerModel(CAT, dims, adam.withThreads(threads));
            assertEquals(one.costs(), split.costs(), threads + " threads: every recorded cost, bit for bit");
            assertEquals(one.network(), split.network(), threads + " threads: every parameter, bit for bit");
        }
    }

    @Test
    void float32AdamOnALargeX_withItsGatherSplitOverThreads_givesOneThreadsBits() {
        // X of 1100 x 4000 values is above the 2^22 a float32 training copies whole: each batch of 64 is gathered from
        // the caller's X, in parts over the threads
        org.nndl4j.random.NumpyRandom r = new org.nndl4j.random.NumpyRandom(41);
        org.nndl4j.matrix.Matrix X = r.rand(1100, 4000);
        LabeledData data = LabeledData.of(X, X.row(0).greaterThan(0.5));
        org.nndl4j.nn.Network start = org.nndl4j.nn.Network.of(List.of(
                new org.nndl4j.nn.Layer(r.randn(16, 1100).div(40.0), org.nndl4j.matrix.Matrix.zeros(16, 1),
                        org.nndl4j.nn.Activation.RELU),
                new org.nndl4j.nn.Layer(r.randn(1, 16).div(4.0), org.nndl4j.matrix.Matrix.zeros(1, 1),
                        org.nndl4j.nn.Activation.SIGMOID)));
        TrainingConfig adam = TrainingConfig.of(2, 0.001).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.shuffled(64, 2)).withRecordEvery(1).withPrecision(Precision.FLOAT32);
        TrainingResult one = Training.fit(start, data, adam.withThreads(1), TrainingListener.none());
        TrainingResult two = Training.fit(start, data, adam.withThreads(2), TrainingListener.none());
        assertEquals(one.costs(), two.costs(), "every recorded cost, bit for bit");
        assertEquals(one.network(), two.network(), "every parameter, bit for bit");
    }

    @Test
    void withThreads_isTheCountOfTheTrainingsProducts_whateverTheDefault() {
        Gemm.setThreads(1);
        List<Integer> seen = new ArrayList<>();
        TrainingResult three = DeepModels.lLayerModel(CAT, DIMS, CourseInitialization.APPLICATION,
                config().withThreads(3), progress -> {
                    seen.add(Gemm.threads());
                    Gemm.setThreads(2); // another caller changing the default does not reach this training
                });
        assertEquals(List.of(3), seen.stream().distinct().toList());
        assertEquals(2, Gemm.threads(), "after the training, the default again");
        TrainingResult defaults = train(config());
        assertEquals(defaults.costs().costs()[0], three.costs().costs()[0], "the first cost");
        assertEquals(defaults.network(), three.network(), "the same bits on 3 threads as on the default 2");
    }

    @Test
    void threads_defaultToGemmsCount_andAreCheckedAndKeptByEveryWith() {
        TrainingConfig c = TrainingConfig.of(10, 0.1);
        assertEquals(TrainingConfig.DEFAULT_THREADS, c.threads());
        assertEquals(TrainingConfig.DEFAULT_THREADS, new TrainingConfig(1, 0.1, 1, Engine.AUTO, Optimizer.adam(),
                MiniBatches.fullBatch(), LearningRateSchedule.constant(), Regularization.none()).threads());
        TrainingConfig four = c.withThreads(4);
        assertEquals(4, four.threads());
        assertEquals(4, four.withIterations(3).withRecordEvery(2).withEngine(Engine.PRIMAL).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.fullBatch()).withSchedule(LearningRateSchedule.constant())
                .withRegularization(Regularization.none()).threads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withThreads(-1));
        assertTrue(e.getMessage().contains("threads") && e.getMessage().contains("-1"), e.getMessage());
    }
}
