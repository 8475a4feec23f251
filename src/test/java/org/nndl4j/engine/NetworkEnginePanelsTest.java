package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * A large X is read in panels of examples and large activations are transposed a panel at a time (so that training
 * holds no second copy of X): the results must be the same bits as with whole operands. Small thresholds make panels
 * of small data here; 203 examples in panels of 4 or 8 leave a shorter last panel.
 */
class NetworkEnginePanelsTest {

    private static final int M = 203;

    /** Data of {@code classes} classes (0/1 labels for 2, else one-hot) from random hyperplanes. */
    private static LabeledData data(int nX, int classes, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        Matrix X = r.rand(nX, M);
        Matrix scores = r.randn(classes, nX).dot(X.minus(0.5));
        if (classes == 2) {
            return LabeledData.of(X, scores.row(0).greaterThan(0));
        }
        int[] labels = new int[M];
        for (int j = 0; j < M; j++) {
            for (int c = 1; c < classes; c++) {
                labels[j] = scores.get(c, j) > scores.get(labels[j], j) ? c : labels[j];
            }
        }
        return LabeledData.ofClasses(X, labels, List.of("a", "b", "c").subList(0, classes));
    }

    /** Layers wide enough (n[0] = 70, n[1] = 66, both >= 64) for dW1 and dW2 to go through transposed operands. */
    private static Network network(Activation hidden, Activation output, int outputs, long seed) {
        int[] dims = {70, 66, 5, outputs};
        NumpyRandom r = new NumpyRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])), r.randn(dims[l], 1).times(0.1),
                    l == dims.length - 1 ? output : hidden));
        }
        return Network.of(layers);
    }

    /** Whole operands: X as rows and Xᵀ once, whole transposed activations (what small data always gets). */
    private static NetworkEngine whole(Network n, LabeledData d) {
        return NetworkEngine.primal(n, d.X(), d.Y(), Integer.MAX_VALUE, 1 << 20);
    }

    private static void assertSameBits(NetworkEngine expected, NetworkEngine actual, String what) {
        for (int l = 1; l <= expected.layers(); l++) {
            assertArrayEquals(expected.weights(l).toRowMajor(), actual.weights(l).toRowMajor(), what + ": W" + l);
            assertArrayEquals(expected.bias(l).toRowMajor(), actual.bias(l).toRowMajor(), what + ": b" + l);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "LEAKY_RELU", "TANH", "SIGMOID", "LINEAR", "SOFTMAX"})
    void fullBatchSteps_inPanels_areTheSameBitsAsWithWholeOperands(Activation hidden) {
        LabeledData d = data(70, 2, 1);
        Network start = network(hidden, Activation.SIGMOID, 1, 2);
        NetworkEngine whole = whole(start, d);
        // X in panels of 4 examples (the held limit 0 leaves the minimum width), and of 8
        NetworkEngine four = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        NetworkEngine eight = NetworkEngine.primal(start, d.X(), d.Y(), 70 * 8, 8);
        for (int i = 0; i < 20; i++) {
            double cost = whole.step(0.1);
            assertEquals(cost, four.step(0.1), 0.0, "cost " + i);
            assertEquals(cost, eight.step(0.1), 0.0, "cost " + i);
        }
        assertSameBits(whole, four, hidden + ", panels of 4");
        assertSameBits(whole, eight, hidden + ", panels of 8");
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(whole.lastGradients().dW(l).toRowMajor(), four.lastGradients().dW(l).toRowMajor(), "dW" + l);
        }
    }

    @Test
    void softmaxWithDropoutAndL2_inPanels_isTheSameBitsAsWithWholeOperands() {
        LabeledData d = data(70, 3, 3);
        Network start = network(Activation.RELU, Activation.SOFTMAX, 3, 4);
        NetworkEngine whole = whole(start, d);
        NetworkEngine panels = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        // one mask stream per engine, from the same seed; dropout on layer 1 only (layer 2 keeps its Z and A shared)
        NumpyRandom wholeMasks = new NumpyRandom(5);
        NumpyRandom panelMasks = new NumpyRandom(5);
        whole.regularize(0.3, new double[] {0.8, 1.0}, () -> wholeMasks);
        panels.regularize(0.3, new double[] {0.8, 1.0}, () -> panelMasks);
        for (int i = 0; i < 15; i++) {
            assertEquals(whole.step(0.05), panels.step(0.05), 0.0, "cost " + i);
        }
        assertSameBits(whole, panels, "softmax, dropout, L2");
    }

    @Test
    void packedPanels_ofWholeKernelBlocks_areTheSameBitsAsOneProduct() {
        // [128, 64, 128, 1] on 1024 examples: dW1 in two panels of 512 and dW2 in one product, both on the packed
        // kernel, straight from X's columns and from A1 (no transposed copies); 512 is a whole number of its blocks.
        // Every product is large enough to run packed both whole and in panels (dA1 = W2ᵀ·dZ2 is made by panel)
        assertTrue(Gemm.packs(64, 128, 512) && Gemm.packs(128, 64, 1024) && Gemm.packs(64, 512, 128),
                "the test JVM runs these products packed");
        NumpyRandom r = new NumpyRandom(21);
        Matrix X = r.rand(128, 1024);
        LabeledData d = LabeledData.of(X, r.randn(1, 128).dot(X.minus(0.5)).row(0).greaterThan(0));
        List<Layer> layers = new ArrayList<>();
        int[] dims = {128, 64, 128, 1};
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])), r.randn(dims[l], 1).times(0.1),
                    l == dims.length - 1 ? Activation.SIGMOID : Activation.RELU));
        }
        Network start = Network.of(layers);
        NetworkEngine whole = whole(start, d);
        // X (131,072 values) above the held limit; panels of 512 examples: 512 · 128 values, the limit itself
        NetworkEngine panels = NetworkEngine.primal(start, d.X(), d.Y(), 512 * 128, 512);
        for (int i = 0; i < 10; i++) {
            assertEquals(whole.step(0.5), panels.step(0.5), 0.0, "cost " + i);
        }
        assertSameBits(whole, panels, "packed panels");
    }

    @Test
    void aShortLastPanel_runsItsProductsOnTheWholeProductsKernel() {
        // [128, 128, 64, 1] on 1,120 examples in panels of 512: the last panel's 96 examples make dA1 = W2ᵀ·dZ2 a
        // product of 128 x 96 x 64, which alone would run on the plain kernel, where the whole product runs packed
        assertTrue(Gemm.packs(128, 1120, 64) && !Gemm.packs(128, 96, 64),
                "the test JVM runs the whole product packed, and not the last panel's alone");
        assertPanelsAreWhole(new int[] {128, 128, 64, 1}, 1120, 22);
    }

    @Test
    void narrowLayers_runTheirPanelsProductsOnTheWholeProductsKernel() {
        // [128, 40, 40, 1] on 1,120 examples in panels of 512: a panel's dA1 = W2ᵀ·dZ2 is 40 x 512 x 40, under 2^20
        // multiply-adds, the whole one 40 x 1120 x 40, above; the last panel's dW1 = dZ1·Xᵀ likewise
        assertTrue(Gemm.packs(40, 1120, 40) && !Gemm.packs(40, 512, 40) && !Gemm.packs(40, 128, 96),
                "the test JVM runs the whole products packed, and not the panels' alone");
        assertPanelsAreWhole(new int[] {128, 40, 40, 1}, 1120, 23);
    }

    /** Five steps of a ReLU network of {@code dims} on {@code m} examples: X whole, and X in panels of 512. */
    private static void assertPanelsAreWhole(int[] dims, int m, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        Matrix X = r.rand(dims[0], m);
        LabeledData d = LabeledData.of(X, r.randn(1, dims[0]).dot(X.minus(0.5)).row(0).greaterThan(0));
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])), r.randn(dims[l], 1).times(0.1),
                    l == dims.length - 1 ? Activation.SIGMOID : Activation.RELU));
        }
        Network start = Network.of(layers);
        NetworkEngine whole = whole(start, d);
        NetworkEngine panels = NetworkEngine.primal(start, d.X(), d.Y(), 512 * dims[0], 512);
        for (int i = 0; i < 5; i++) {
            assertEquals(whole.step(0.5), panels.step(0.5), 0.0, "cost " + i);
        }
        assertSameBits(whole, panels, java.util.Arrays.toString(dims) + " in panels of 512");
    }

    @Test
    void elementWisePassesSplitOverThreads_areTheSameBitsAsOnOneThread_wholeAndInPanels() {
        // [128, 64, 128, 1] on 4096 examples: every hidden layer has 2^18 values or more, so on two or three threads
        // its bias, activation, derivative, zero fills and row sums run split by rows (Gemm.forRows)
        int m = 4096;
        assertTrue(Gemm.withThreads(2, () -> Gemm.splitsRows(64L * m)), "the passes of layer 1 are split");
        NumpyRandom r = new NumpyRandom(31);
        Matrix X = r.rand(128, m);
        LabeledData d = LabeledData.of(X, r.randn(1, 128).dot(X.minus(0.5)).row(0).greaterThan(0));
        List<Layer> layers = new ArrayList<>();
        int[] dims = {128, 64, 128, 1};
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])), r.randn(dims[l], 1).times(0.1),
                    l == dims.length - 1 ? Activation.SIGMOID : Activation.TANH));
        }
        Network start = Network.of(layers);
        NetworkEngine one = whole(start, d);
        double[] costs = new double[5];
        Gemm.withThreads(1, () -> {
            for (int i = 0; i < costs.length; i++) {
                costs[i] = one.step(0.5);
            }
            return null;
        });
        for (int threads = 2; threads <= 3; threads++) {
            // whole, and with X read in place a panel of 512 examples at a time (X above the held limit)
            for (NetworkEngine engine : new NetworkEngine[] {whole(start, d),
                    NetworkEngine.primal(start, d.X(), d.Y(), 512 * 128, 512)}) {
                int t = threads;
                Gemm.withThreads(threads, () -> {
                    for (int i = 0; i < costs.length; i++) {
                        assertEquals(costs[i], engine.step(0.5), 0.0, t + " threads, cost " + i);
                    }
                    return null;
                });
                assertSameBits(one, engine, threads + " threads");
            }
        }
    }

    @Test
    void aLargeHiddenLayersGradient_isWrittenOverItsActivation_untilItDropsUnits() {
        // [70, 66, 5, 1] on 203 examples in panels of 8: layer 2 (5 x 203) is large for these thresholds, so its dZ
        // takes its A's place; layer 1's dZ is made a panel at a time, and the output layer keeps its own. The bits are
        // those of whole operands (the tests above run the same networks)
        LabeledData d = data(70, 2, 6);
        Network start = network(Activation.RELU, Activation.SIGMOID, 1, 7);
        NetworkEngine panels = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        panels.step(0.1);
        assertTrue(panels.gradientOverActivation(2), "layer 2 in place");
        assertFalse(panels.gradientOverActivation(3), "the output layer");
        assertFalse(whole(start, d).gradientOverActivation(2), "whole operands: no panels");
        // dropout on layer 2 scales its A by the mask; its g' reads g(Z) before that, so dZ2 has a buffer again
        NumpyRandom masks = new NumpyRandom(9);
        panels.regularize(0.0, new double[] {1.0, 0.9}, () -> masks);
        assertFalse(panels.gradientOverActivation(2), "layer 2 dropping units");
    }

    @Test
    void dropoutSwitchedOnAfterAStep_stillSeesTheUndroppedZ() {
        // the first step makes the passes with Z and A shared; dropout on layer 1 then needs its own Z again
        LabeledData d = data(70, 2, 6);
        Network start = network(Activation.RELU, Activation.SIGMOID, 1, 7);
        NetworkEngine early = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        NetworkEngine late = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        NumpyRandom earlyMasks = new NumpyRandom(9);
        NumpyRandom lateMasks = new NumpyRandom(9);
        early.regularize(0.0, new double[] {0.7, 0.9}, () -> earlyMasks);
        late.step(0.0);
        late.regularize(0.0, new double[] {0.7, 0.9}, () -> lateMasks);
        for (int i = 0; i < 10; i++) {
            assertEquals(early.step(0.1), late.step(0.1), 0.0, "cost " + i);
        }
        assertSameBits(early, late, "dropout switched on after a step");
    }

    @Test
    void miniBatches_fromAMatrixReadInPanels_areTheSameBits() {
        LabeledData d = data(70, 2, 10);
        Network start = network(Activation.RELU, Activation.SIGMOID, 1, 11);
        NetworkEngine whole = whole(start, d);
        NetworkEngine panels = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        NumpyRandom orders = new NumpyRandom(12);
        ParameterUpdate gd = (l, W, b, dW, db) -> {
            for (int i = 0; i < W.length; i++) {
                for (int j = 0; j < W[i].length; j++) {
                    W[i][j] -= 0.05 * dW[i][j];
                }
                b[i] -= 0.05 * db[i];
            }
        };
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] order = orders.permutation(M);
            for (int from = 0; from < M; from += 64) {
                int to = Math.min(M, from + 64);
                assertEquals(whole.batchGradients(order, from, to), panels.batchGradients(order, from, to), 0.0);
                whole.update(gd);
                panels.update(gd);
            }
            // a full-batch step between the epochs, in panels on one side
            assertEquals(whole.step(0.01), panels.step(0.01), 0.0);
        }
        assertSameBits(whole, panels, "mini-batches");
    }

    @Test
    void miniBatchesGatheredInRuns_areTheSameBits_whateverOrderTheyAreAskedIn() {
        // held limit 0: X is read from the caller's matrix, batches of 16 of 203 examples in runs of 64 (BatchRun)
        LabeledData d = data(70, 2, 19);
        Network start = network(Activation.TANH, Activation.SIGMOID, 1, 20);
        NetworkEngine whole = whole(start, d);
        NetworkEngine runs = NetworkEngine.primal(start, d.X(), d.Y(), 0, 8);
        int[] order = new NumpyRandom(21).permutation(M);
        List<int[]> asked = new ArrayList<>();
        for (int from = 0; from < M; from += 16) {
            asked.add(new int[] {from, Math.min(M, from + 16)}); // an epoch in turn, the last batch 11 examples
        }
        // out of turn, back into a run, another width, a batch across two runs, the last one alone
        asked.addAll(List.of(new int[] {80, 96}, new int[] {32, 48}, new int[] {48, 64}, new int[] {40, 90},
                new int[] {56, 72}, new int[] {192, 203}, new int[] {0, 16}));
        for (int pass = 0; pass < 2; pass++) {
            for (int[] batch : asked) {
                String what = "pass " + pass + ", examples [" + batch[0] + ", " + batch[1] + ")";
                assertEquals(whole.batchGradients(order, batch[0], batch[1]),
                        runs.batchGradients(order, batch[0], batch[1]), 0.0, what);
                for (int l = 1; l <= 3; l++) {
                    assertArrayEquals(whole.lastGradients().dW(l).toRowMajor(),
                            runs.lastGradients().dW(l).toRowMajor(), what + ": dW" + l);
                }
            }
            // the same order array, changed in place: the run must not serve the old examples
            for (int k = 0; k < M; k++) {
                order[k] = (order[k] + 1 + pass) % M;
            }
        }
    }

    @Test
    void fullBatchSteps_allocateNothingOfTheirOwn() {
        LabeledData d = data(70, 2, 13);
        Network start = network(Activation.RELU, Activation.SIGMOID, 1, 14);
        LabeledData classes = data(70, 3, 15);
        Network softmax = network(Activation.RELU, Activation.SOFTMAX, 3, 16);
        NetworkEngine l2 = NetworkEngine.primal(softmax, classes.X(), classes.Y(), 0, 8);
        NumpyRandom masks = new NumpyRandom(17);
        l2.regularize(0.1, new double[] {0.9, 1.0}, () -> masks);
        for (NetworkEngine engine : new NetworkEngine[] {whole(start, d), NetworkEngine.primal(start, d.X(), d.Y(), 0, 8),
                NetworkEngine.primal(softmax, classes.X(), classes.Y(), 0, 8), l2}) {
            // the first step makes the buffers (Z, A, dZ of every layer are 70 kB to 107 kB here)
            engine.step(0.01);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            // the least of five windows of 100 steps: the compiler's own warm-up allocates once, in the first ones
            long least = Long.MAX_VALUE;
            for (int window = 0; window < 5; window++) {
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 100; i++) {
                    engine.step(0.01);
                }
                least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
            }
            // measured: 0 bytes; one buffer made per step would be 1,600 bytes or more (the smallest, dZ3)
            assertTrue(least < 8 * 100, "bytes allocated in 100 full-batch steps: " + least);
        }
    }

    @Test
    void aLargeX_isNeverCopiedWhole() {
        // 1100 x 4000 = 4.4 million values (35 MB), above the 2^22 values the engine copies whole
        NumpyRandom r = new NumpyRandom(18);
        Matrix X = r.rand(1100, 4000);
        LabeledData d = LabeledData.of(X, X.row(0).greaterThan(0.5));
        Network narrow = Network.of(List.of(new Layer(r.randn(4, 1100).div(40.0), Matrix.zeros(4, 1), Activation.RELU),
                new Layer(r.randn(1, 4), Matrix.zeros(1, 1), Activation.SIGMOID)));
        long xBytes = 8L * 1100 * 4000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        NetworkEngine engine = NetworkEngine.primal(narrow, d.X(), d.Y());
        engine.step(0.1);
        engine.batchGradients(r.permutation(4000), 0, 256);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // the buffers: panels of 512 and 416 examples of X and Xᵀ (16 MB), a batch of 256 and its transpose (4.5 MB),
        // the run of batches that holds it (1024 examples, a quarter: 9 MB), Z, A, dZ of 4 units (0.1 MB): 30 MB;
        // X as rows would be 35 MB more, and Xᵀ 35 MB again
        assertTrue(allocated < xBytes, "allocated " + allocated + " bytes for an X of " + xBytes);
    }
}
