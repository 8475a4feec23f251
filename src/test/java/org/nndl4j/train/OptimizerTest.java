package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.LabeledData;
import org.nndl4j.data.CatDataset;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;

class OptimizerTest {

    private static final Golden GOLDEN = Golden.load("optimizers.golden");

    private static Network moonsNetwork() {
        return Initialization.HE.initialize(new int[] {2, 5, 2, 1}, Activation.RELU, Activation.SIGMOID, new NumpyRandom(3));
    }

    @Test
    void rmsProp_twentyFullBatchSteps_matchTheNumpyTranscription() {
        LabeledData moons = Course2Datasets.moons();
        for (Engine engine : new Engine[] {Engine.PRIMAL, Engine.REFERENCE}) {
            TrainingConfig config = new TrainingConfig(20, 0.01, 1, engine).withOptimizer(new Optimizer.RmsProp(0.9, 1e-8));
            TrainingResult result = Training.fit(moonsNetwork(), moons, config, TrainingListener.none());
            double[] expected = GOLDEN.doubles("rmsprop.costs");
            for (int i = 0; i < 20; i++) {
                assertEquals(expected[i], result.costs().cost(i), 1e-12 * expected[i], engine + " cost " + i);
            }
            for (String name : new String[] {"W1", "b1", "W3"}) {
                Matrix golden = GOLDEN.matrix("rmsprop.final." + name);
                Matrix actual = name.equals("W1") ? result.network().W(1) : name.equals("b1") ? result.network().b(1)
                        : result.network().W(3);
                assertTrue(golden.maxAbsDifference(actual) <= 1e-12 * golden.abs().max(), engine + " " + name);
            }
        }
    }

    @Test
    void optimizerState_isAllocatedOnce_notPerStep() {
        // a wide layer (200 x 300 weights, 480 kB each for W, v and s) trained by Adam on batches of 16
        NumpyRandom r = new NumpyRandom(8);
        Matrix X = r.randn(200, 64);
        LabeledData data = LabeledData.of(X, X.row(0).greaterThan(0));
        Network start = Initialization.HE.initialize(new int[] {200, 300, 1}, Activation.RELU, Activation.SIGMOID, r);
        TrainingConfig config = new TrainingConfig(50, 0.001, 10).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.shuffled(16, 1));
        Training.fit(start, data, config, TrainingListener.none());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        Training.fit(start, data, config, TrainingListener.none());
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        long parameterBytes = 200L * 300 * 8;
        int steps = 50 * 4;
        // the engine's buffers, the state (2 copies) and the result network are a few copies of the parameters; a
        // state or gradient allocated per step would be 200 copies or more
        assertTrue(allocated < 20 * parameterBytes, "allocated " + allocated + " bytes in " + steps + " steps; one copy of "
                + "the weights is " + parameterBytes);
    }

    @Test
    void miniBatchSteps_allocateNothingOfTheirOwn() {
        miniBatchEpochsAllocateNothing(MiniBatches.shuffled(10, 3));
    }

    @Test
    void courseSeededEpochs_allocateNothingOfTheirOwn() {
        // the course re-seeds numpy every epoch: the generator is re-seeded in place, not made anew (2.5 kB)
        miniBatchEpochsAllocateNothing(MiniBatches.courseSeeds(10));
    }

    private static void miniBatchEpochsAllocateNothing(MiniBatches batches) {
        // 300 moons in batches of 10: 30 steps an epoch. Nothing is new per epoch or per step: the order is refilled,
        // the engine's buffers, the optimizer's state and the cost's scratch are reused
        LabeledData moons = Course2Datasets.moons();
        TrainingConfig config = new TrainingConfig(200, 0.001, 100).withOptimizer(Optimizer.adam())
                .withMiniBatches(batches).withRegularization(Regularization.dropout(4, 0.9, 0.9));
        Training.fit(moonsNetwork(), moons, config, TrainingListener.none());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        Training.fit(moonsNetwork(), moons, config.withIterations(400), TrainingListener.none());
        long longer = threads.getThreadAllocatedBytes(id) - before;
        before = threads.getThreadAllocatedBytes(id);
        Training.fit(moonsNetwork(), moons, config.withIterations(200), TrainingListener.none());
        long shorter = threads.getThreadAllocatedBytes(id) - before;
        // 200 more epochs (6000 more steps) cost nothing (measured: 0.2 B/step; a new order an epoch would be 40)
        double perStep = (longer - shorter) / 6000.0;
        assertTrue(perStep < 8, "bytes allocated per mini-batch step: " + perStep);
    }

    @Test
    void reusedOrders_areNumpysPermutations_inOneArray() {
        // course seeds: np.random.seed(10 + epoch); np.random.permutation(300). Shuffled: one generator drawn on
        MiniBatches.Orders course = MiniBatches.courseSeeds(64).orders(300);
        MiniBatches.Orders shuffled = MiniBatches.shuffled(64, 5).orders(300);
        NumpyRandom stream = new NumpyRandom(5);
        int[] first = course.nextReused();
        int[] firstShuffled = shuffled.nextReused();
        assertArrayEquals(new NumpyRandom(11).permutation(300), first);
        assertArrayEquals(stream.permutation(300), firstShuffled);
        for (int epoch = 2; epoch <= 5; epoch++) {
            int[] again = course.nextReused();
            assertTrue(again == first, "one array, refilled");
            assertArrayEquals(new NumpyRandom(10 + epoch).permutation(300), again, "course seeds, epoch " + epoch);
            assertArrayEquals(stream.permutation(300), shuffled.nextReused(), "shuffled, epoch " + epoch);
        }
        // next() is the same sequence, in a new array each time
        int[] copy = course.next();
        assertArrayEquals(new NumpyRandom(16).permutation(300), copy);
        assertTrue(copy != first);
        assertArrayEquals(stream.permutation(300), shuffled.next());
        assertNull(MiniBatches.fullBatch().orders(300).nextReused());
    }

    @Test
    void miniBatches_courseSeedsAreElevenTwelveAndTheLastBatchIsShorter() {
        MiniBatches.Orders course = MiniBatches.courseSeeds(64).orders(300);
        assertArrayEquals(new NumpyRandom(11).permutation(300), course.next());
        assertArrayEquals(new NumpyRandom(12).permutation(300), course.next());
        assertEquals(5, MiniBatches.courseSeeds(64).batchesPerEpoch(300));
        MiniBatches.Orders shuffled = MiniBatches.shuffled(64, 5).orders(300);
        NumpyRandom stream = new NumpyRandom(5);
        assertArrayEquals(stream.permutation(300), shuffled.next());
        assertArrayEquals(stream.permutation(300), shuffled.next(), "one stream, drawn epoch after epoch");
        assertNull(MiniBatches.fullBatch().orders(300).next());
        assertEquals(1, MiniBatches.fullBatch().batchesPerEpoch(300));
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.shuffled(0, 1));
        assertNotEquals(MiniBatches.shuffled(64, 1), MiniBatches.courseSeeds(64));
    }

    @Test
    void fullBatchGradientDescent_throughTheBatchPath_isTheSameTraining() {
        // momentum with β = 0 is gradient descent: the batch path (the second course's order of operations) and the
        // first course's step agree to rounding
        LabeledData moons = Course2Datasets.moons();
        TrainingResult plain = Training.fit(moonsNetwork(), moons, new TrainingConfig(200, 0.05, 1), TrainingListener.none());
        TrainingResult batch = Training.fit(moonsNetwork(), moons, new TrainingConfig(200, 0.05, 1)
                .withOptimizer(Optimizer.momentum(0.0)), TrainingListener.none());
        for (int i = 0; i < 200; i++) {
            assertEquals(plain.costs().cost(i), batch.costs().cost(i), 1e-13, "cost " + i);
        }
    }

    @Test
    void gram_isRefusedWhereItIsNotExact_andAutoAvoidsIt() {
        LabeledData cat = CatDataset.loadBundled().train().data();
        TrainingConfig adam = DeepModels.courseConfig(2).withOptimizer(Optimizer.adam());
        TrainingResult auto = DeepModels.lLayerModel(cat, new int[] {12288, 7, 1}, adam);
        assertEquals(Engine.PRIMAL, auto.engine(), "AUTO takes PRIMAL for Adam on wide data");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeepModels.lLayerModel(cat, new int[] {12288, 7, 1}, adam.withEngine(Engine.GRAM)));
        assertTrue(e.getMessage().contains("GRAM") && e.getMessage().contains("PRIMAL"), e.getMessage());
        // plain gradient descent on wide data: GRAM, once its one-off G = XᵀX (12288·209²) is paid back by its cheaper
        // steps (from about 16 iterations here; for 2, PRIMAL is cheaper and AUTO takes it: see AutoEngineTest)
        assertEquals(Engine.GRAM, DeepModels.lLayerModel(cat, new int[] {12288, 7, 1}, DeepModels.courseConfig(20)).engine());
    }

    @Test
    void optimizers_refuseBadHyperparameters() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizer.momentum(1.0)).getMessage().contains("beta"));
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Adam(0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.RmsProp(0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(1, 0.1).withOptimizer(null));
    }
}
