package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * The float32 engine's gradient check: its gradients equal the float64 engine's (itself checked against central
 * differences and the textbook's equations in {@code NetworkEngineTest}) to float32 tolerance, on networks of every
 * hidden activation it has and both outputs, full batch and mini-batches, with L2; its refusals and shape errors.
 *
 * <p>Tolerance: every float32 operation rounds by at most {@code 2^-24 ≈ 6e-8} relative; a gradient element is a sum of
 * {@code m} products of values that went through a few layers, so its error is some {@code 1e-6} of the sum of the
 * magnitudes of its terms (measured here: at most 1.9e-6 relative in norm per layer). Each layer's {@code dW} and
 * {@code db} are held to {@value #TOLERANCE} relative in norm, and their first step's cost to 1e-6: an error in a
 * layer's backward pass (a missing derivative, a transposed factor, a wrong scale) moves them by 1e-2 or more.
 */
class FloatNetworkEngineTest {

    private static final double TOLERANCE = 1e-4;

    private static Network network(int[] dims, Activation hidden, Activation output, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])),
                    r.randn(dims[l], 1).times(0.1), l == dims.length - 1 ? output : hidden));
        }
        return Network.of(layers);
    }

    /** Labels for {@code C} outputs: 0/1 from a hyperplane for one, one-hot of the largest of C projections for more. */
    private static Matrix labels(Matrix X, int classes, long seed) {
        Matrix scores = new NumpyRandom(seed).randn(classes, X.rows()).dot(X.minus(0.5));
        if (classes == 1) {
            return scores.greaterThan(0);
        }
        double[][] Y = new double[classes][X.cols()];
        for (int j = 0; j < X.cols(); j++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = scores.get(c, j) > scores.get(best, j) ? c : best;
            }
            Y[best][j] = 1.0;
        }
        return Matrix.of(Y);
    }

    private static double relative(Matrix a, Matrix b) {
        return a.minus(b).norm() / Math.max(b.norm(), 1e-300);
    }

    private static void assertSameGradients(String what, Gradients f32, Gradients f64, int L) {
        for (int l = 1; l <= L; l++) {
            assertTrue(relative(f32.dW(l), f64.dW(l)) < TOLERANCE, what + ": dW" + l + " off by "
                    + relative(f32.dW(l), f64.dW(l)));
            assertTrue(relative(f32.db(l), f64.db(l)) < TOLERANCE, what + ": db" + l + " off by "
                    + relative(f32.db(l), f64.db(l)));
            assertTrue(relative(f32.dW(l), f64.dW(l)) > 0, what + ": dW" + l + " computed in float32");
        }
    }

    @Test
    void gradients_equalTheFloat64EnginesToFloat32Tolerance_everyActivationBothOutputs() {
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU,
            Activation.LINEAR};
        long seed = 1;
        for (Activation g : hidden) {
            for (int classes : new int[] {1, 4}) {
                // wide enough for the packed kernel (a 64 x 300 x 100 product) and narrow layers on the row kernel
                int[] dims = {100, 64, 40, 7, classes};
                Matrix X = new NumpyRandom(seed++).rand(100, 300);
                Matrix Y = labels(X, classes, seed++);
                Network net = network(dims, g, classes == 1 ? Activation.SIGMOID : Activation.SOFTMAX, seed++);
                String what = g + " hidden, " + classes + " output(s)";
                NetworkEngine f64 = NetworkEngine.primal(net, X, Y);
                FloatNetworkEngine f32 = FloatNetworkEngine.primal(net, X, Y);
                assertNull(f32.lastGradients(), "no gradients before the first step");
                double cost64 = f64.step(0.1);
                double cost32 = f32.step(0.1);
                assertEquals(cost64, cost32, 1e-6 * cost64, what + ": first cost");
                assertSameGradients(what + ", full batch", f32.lastGradients(), f64.lastGradients(), 4);
                // a mini-batch in a shuffled order, with L2
                int[] order = new NumpyRandom(seed++).permutation(300);
                f64.regularize(0.3, null, null);
                f32.regularize(0.3, null, null);
                double sum64 = f64.batchGradients(order, 64, 128);
                double sum32 = f32.batchGradients(order, 64, 128);
                assertEquals(sum64, sum32, 1e-6 * sum64, what + ": batch loss");
                assertSameGradients(what + ", batch with L2", gradients(f32, 4), gradients(f64, 4), 4);
            }
        }
    }

    /** The gradients of the last batch, read through an update that keeps them (and moves nothing). */
    private static Gradients gradients(TrainingEngine engine, int L) {
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        engine.update((l, W, b, dWl, dbl) -> {
            dW.add(Matrix.of(dWl));
            db.add(Matrix.columnVector(dbl));
        });
        assertEquals(L, dW.size());
        return new Gradients(dW, db);
    }

    @Test
    void update_movesTheFloat64Parameters_andTheNextPassUsesThem() {
        Matrix X = new NumpyRandom(7).rand(5, 40);
        Matrix Y = labels(X, 1, 8);
        Network net = network(new int[] {5, 6, 1}, Activation.TANH, Activation.SIGMOID, 9);
        FloatNetworkEngine f32 = FloatNetworkEngine.primal(net, X, Y);
        NetworkEngine f64 = NetworkEngine.primal(net, X, Y);
        for (TrainingEngine e : new TrainingEngine[] {f32, f64}) {
            e.batchGradients(null, 0, 40);
            e.update((l, W, b, dW, db) -> {
                for (int i = 0; i < W.length; i++) {
                    for (int j = 0; j < W[i].length; j++) {
                        W[i][j] -= 0.5 * dW[i][j];
                    }
                    b[i] -= 0.5 * db[i];
                }
            });
        }
        assertTrue(relative(f32.network().W(1), f64.network().W(1)) < 1e-6);
        assertEquals(f64.batchGradients(null, 0, 40), f32.batchGradients(null, 0, 40), 1e-5);
        assertTrue(f32.parametersFinite());
        assertEquals(40, f32.examples());
        assertTrue(!f32.usesGram());
    }

    /**
     * A full-batch step converts dW, moves W and rounds it to float32 in one pass: W ends as {@code W + (-α)·dW} of
     * the step's own (float64) dW, bit for bit, with and without L2, and the next step's cost is the one its float32
     * copy gives (a batch pass over the same examples, which rounds W afresh, agrees).
     */
    @Test
    void step_movesWByItsOwnGradient_bitForBit_andTheNextPassUsesTheMovedWeights() {
        assertStepsMoveWByTheirGradients(6);
    }

    /** The same with rows longer than a vector (37 inputs): W moves and is rounded in one loop without L2. */
    @Test
    void step_withLongerRows_movesWByItsOwnGradient_bitForBit() {
        assertStepsMoveWByTheirGradients(37);
    }

    private static void assertStepsMoveWByTheirGradients(int n0) {
        Matrix X = new NumpyRandom(17).rand(n0, 50);
        Matrix Y = labels(X, 1, 18);
        Network net = network(new int[] {n0, 5, 3, 1}, Activation.RELU, Activation.SIGMOID, 19);
        for (double lambda : new double[] {0.0, 0.9}) {
            FloatNetworkEngine stepped = FloatNetworkEngine.primal(net, X, Y);
            FloatNetworkEngine batched = FloatNetworkEngine.primal(net, X, Y);
            stepped.regularize(lambda, null, null);
            batched.regularize(lambda, null, null);
            for (int k = 0; k < 3; k++) {
                Network before = stepped.network();
                double cost = stepped.step(0.35);
                Gradients grads = stepped.lastGradients();
                Network after = stepped.network();
                double batchCost = batched.batchGradients(null, 0, 50) / 50;
                assertEquals(batchCost, cost, 1e-6, "step " + k + ", lambda " + lambda);
                batched.update((l, W, b, dW, db) -> {
                    for (int i = 0; i < W.length; i++) {
                        W[i] = after.W(l).toArray()[i];
                        b[i] = after.b(l).get(i, 0);
                    }
                });
                for (int l = 1; l <= 3; l++) {
                    double[][] w0 = before.W(l).toArray();
                    double[][] dw = grads.dW(l).toArray();
                    double[][] w1 = after.W(l).toArray();
                    for (int i = 0; i < w0.length; i++) {
                        for (int j = 0; j < w0[i].length; j++) {
                            double v = w0[i][j];
                            v += -0.35 * dw[i][j];
                            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(w1[i][j]),
                                    "W" + l + "[" + i + "][" + j + "], step " + k + ", lambda " + lambda);
                        }
                        assertEquals(before.b(l).get(i, 0) - 0.35 * grads.db(l).get(i, 0), after.b(l).get(i, 0),
                                0.0, "b" + l);
                    }
                }
                assertTrue(stepped.parametersFinite());
            }
        }
    }

    /**
     * {@code parametersFinite} answers from the pass that last wrote the parameters: false after a step or an update
     * that leaves one infinite or NaN, true again after an update that makes every one finite.
     */
    @Test
    void parametersFinite_followsEveryStepAndUpdate() {
        Matrix X = new NumpyRandom(27).rand(4, 30);
        Matrix Y = labels(X, 1, 28);
        Network net = network(new int[] {4, 3, 1}, Activation.TANH, Activation.SIGMOID, 29);
        FloatNetworkEngine f32 = FloatNetworkEngine.primal(net, X, Y);
        assertTrue(f32.parametersFinite());
        // steps of the largest rate: the weights grow past the largest double within a few
        boolean diverged = false;
        for (int k = 0; k < 6 && !diverged; k++) {
            f32.step(Double.MAX_VALUE);
            Network now = f32.network();
            boolean allFinite = true;
            for (int l = 1; l <= 2; l++) {
                allFinite &= EngineArrays.finite(now.W(l).toArray()) && EngineArrays.finite(now.b(l).toRowMajor());
            }
            assertEquals(allFinite, f32.parametersFinite(), "step " + k);
            diverged = !allFinite;
        }
        assertTrue(diverged, "steps of the largest rate left every weight finite");
        for (int layer = 1; layer <= 2; layer++) {
            for (boolean inBias : new boolean[] {false, true}) {
                FloatNetworkEngine e = FloatNetworkEngine.primal(net, X, Y);
                int target = layer;
                e.update((l, W, b, dW, db) -> {
                    if (l == target && inBias) {
                        b[b.length - 1] = Double.NaN;
                    } else if (l == target) {
                        W[W.length - 1][W[0].length - 1] = Double.NEGATIVE_INFINITY;
                    }
                });
                assertTrue(!e.parametersFinite(), "layer " + layer + (inBias ? ", b" : ", W"));
                e.update((l, W, b, dW, db) -> {
                    W[W.length - 1][W[0].length - 1] = 0.25;
                    b[b.length - 1] = 0.25;
                });
                assertTrue(e.parametersFinite(), "mended, layer " + layer);
            }
        }
    }

    @Test
    void refusals_softmaxHiddenLayerDropoutBadBatchesAndShapes() {
        Matrix X = new NumpyRandom(1).rand(6, 20);
        Matrix Y = labels(X, 1, 2);
        Network softmaxHidden = Network.of(List.of(new Layer(Matrix.ones(3, 6), Matrix.zeros(3, 1), Activation.SOFTMAX),
                new Layer(Matrix.ones(1, 3), Matrix.zeros(1, 1), Activation.SIGMOID)));
        Nndl4jException e = assertThrows(Nndl4jException.class, () -> FloatNetworkEngine.primal(softmaxHidden, X, Y));
        assertTrue(e.getMessage().contains("softmax") && e.getMessage().contains("layer 1"), e.getMessage());
        Network net = network(new int[] {6, 3, 1}, Activation.RELU, Activation.SIGMOID, 3);
        FloatNetworkEngine f32 = FloatNetworkEngine.primal(net, X, Y);
        e = assertThrows(Nndl4jException.class, () -> f32.regularize(0.0, new double[] {0.8}, () -> new NumpyRandom(1)));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
        assertThrows(Nndl4jException.class, () -> f32.regularize(-1.0, null, null));
        assertThrows(Nndl4jException.class, () -> f32.batchGradients(null, 5, 21));
        ShapeException shape = assertThrows(ShapeException.class,
                () -> FloatNetworkEngine.primal(net, new NumpyRandom(1).rand(7, 20), Y));
        assertTrue(shape.getMessage().contains("(3, 6)") && shape.getMessage().contains("(7, 20)"), shape.getMessage());
        assertThrows(ShapeException.class, () -> FloatNetworkEngine.primal(net, X, Matrix.zeros(1, 19)));
    }

    @Test
    void aLargeXsMiniBatches_gatheredFromTheCallersMatrix_equalThoseFromTheFloat32Copy() {
        // more than MemoryBudget.HELD_VALUES values: no float32 copy of X until a full-batch pass needs one
        int m = org.nndl4j.nn.MemoryBudget.HELD_VALUES / 8 + 999;
        Matrix X = new NumpyRandom(11).rand(8, m);
        Matrix Y = labels(X, 1, 12);
        Network net = network(new int[] {8, 4, 1}, Activation.RELU, Activation.SIGMOID, 13);
        int[] order = new NumpyRandom(14).permutation(m);
        FloatNetworkEngine batchesOnly = FloatNetworkEngine.primal(net, X, Y);
        FloatNetworkEngine withCopy = FloatNetworkEngine.primal(net, X, Y);
        withCopy.batchGradients(null, 0, m); // a full-batch pass: the float32 copy is made
        // in turn from a run of half the examples, the last batch, another run, the same batch after its order
        // was changed in place (a swap with a position of the first run), another width
        int[][] asked = {{0, 256}, {256, 512}, {m - 100, m}, {512, 768}, {512, 768}, {0, 256}, {512, 700}};
        for (int i = 0; i < asked.length; i++) {
            int[] batch = asked[i];
            if (i == 4) {
                int t = order[600];
                order[600] = order[5];
                order[5] = t;
            }
            double sum = batchesOnly.batchGradients(order, batch[0], batch[1]);
            Gradients gathered = gradients(batchesOnly, 2);
            assertEquals(withCopy.batchGradients(order, batch[0], batch[1]), sum, 0.0);
            Gradients copied = gradients(withCopy, 2);
            for (int l = 1; l <= 2; l++) {
                assertEquals(copied.dW(l), gathered.dW(l), "dW" + l);
                assertEquals(copied.db(l), gathered.db(l), "db" + l);
            }
        }
        assertEquals(batchesOnly.batchGradients(null, 0, 256), withCopy.batchGradients(null, 0, 256), 0.0);
    }

    @Test
    void aLargeXOnTheTileKernels_heldRowMajorInOneArray_givesTheBitsOfTheSameExamplesAsRows() {
        // more than MemoryBudget.HELD_VALUES values, and a first layer whose products run on the tile kernels
        int m = org.nndl4j.nn.MemoryBudget.HELD_VALUES / 64 + 999;
        Matrix X = new NumpyRandom(21).rand(64, m);
        Matrix Y = labels(X, 1, 22);
        Network net = network(new int[] {64, 40, 8, 1}, Activation.RELU, Activation.SIGMOID, 23);
        int[] inOrder = new int[m];
        for (int j = 0; j < m; j++) {
            inOrder[j] = j;
        }
        FloatNetworkEngine flat = FloatNetworkEngine.primal(net, X, Y);
        FloatNetworkEngine rows = FloatNetworkEngine.primal(net, X, Y);
        // the whole X as one batch: the full-batch pass, and the same examples gathered into rows
        double sum = flat.batchGradients(null, 0, m);
        assertTrue(flat.holdsFlatX(), "the full-batch pass holds X row-major");
        assertEquals(rows.batchGradients(inOrder, 0, m), sum, 0.0);
        assertTrue(!rows.holdsFlatX());
        Gradients expected = gradients(rows, 3);
        Gradients actual = gradients(flat, 3);
        for (int l = 1; l <= 3; l++) {
            assertEquals(expected.dW(l), actual.dW(l), "dW" + l);
            assertEquals(expected.db(l), actual.db(l), "db" + l);
        }
    }

    @Test
    void hiddenGradientsWrittenOverTheirActivations_equalTheFloat64EnginesToFloat32Tolerance() {
        // more examples than a panel, and layers 1 and 2 whose dA products run on the tile kernels
        int m = FloatNetworkEngine.PANEL + 700;
        int[] dims = {40, 48, 36, 20, 1};
        long seed = 40;
        for (Activation g : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.LINEAR}) {
            for (int classes : new int[] {1, 4}) {
                dims[4] = classes;
                Matrix X = new NumpyRandom(seed++).rand(40, m);
                Matrix Y = labels(X, classes, seed++);
                Network net = network(dims, g, classes == 1 ? Activation.SIGMOID : Activation.SOFTMAX, seed++);
                FloatNetworkEngine f32 = FloatNetworkEngine.primal(net, X, Y);
                assertTrue(f32.writesGradientOverActivation(1, m) && f32.writesGradientOverActivation(2, m));
                assertTrue(!f32.writesGradientOverActivation(3, m), "20 rows: the row kernel, its own dZ");
                assertTrue(!f32.writesGradientOverActivation(1, FloatNetworkEngine.PANEL), "one panel: its own dZ");
                NetworkEngine f64 = NetworkEngine.primal(net, X, Y);
                String what = g + " hidden, " + classes + " output(s), in panels";
                assertEquals(f64.step(0.1), f32.step(0.1), 1e-6, what + ": first cost");
                assertSameGradients(what, f32.lastGradients(), f64.lastGradients(), 4);
                // the next step reads the activations again: they were recomputed, not left as gradients
                assertEquals(f64.step(0.1), f32.step(0.1), 1e-6, what + ": second cost");
                assertSameGradients(what + ", second step", f32.lastGradients(), f64.lastGradients(), 4);
            }
        }
    }
}
