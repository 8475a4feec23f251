package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;
import org.nndl4j.train.LearningRateSchedule;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.OptimizerState;

/** The course's optimization functions on small graded-style cases, against the numpy transcription. */
class OptimizationTest {

    private static final Golden GOLDEN = Golden.load("optimizers.golden");

    private static DeepParameters parameters() {
        return DeepParameters.of(GOLDEN.matrix("graded.input.W1"), GOLDEN.matrix("graded.input.b1"),
                GOLDEN.matrix("graded.input.W2"), GOLDEN.matrix("graded.input.b2"));
    }

    private static DeepGradients grads() {
        List<LinearGradients> layers = new ArrayList<>();
        for (int l = 1; l <= 2; l++) {
            Matrix dW = GOLDEN.matrix("graded.input.dW" + l);
            layers.add(new LinearGradients(Matrix.zeros(dW.cols(), 1), dW, GOLDEN.matrix("graded.input.db" + l)));
        }
        return new DeepGradients(layers);
    }

    private static void assertClose(Matrix expected, Matrix actual, String what) {
        assertTrue(expected.maxAbsDifference(actual) <= 1e-15 * Math.max(1, expected.abs().max()),
                what + ": " + expected + " vs " + actual);
    }

    private static void assertParameters(String prefix, DeepParameters p) {
        for (int l = 1; l <= 2; l++) {
            assertClose(GOLDEN.matrix(prefix + ".W" + l), p.W(l), prefix + ".W" + l);
            assertClose(GOLDEN.matrix(prefix + ".b" + l), p.b(l), prefix + ".b" + l);
        }
    }

    private static void assertMoments(String prefix, Moments m) {
        for (int l = 1; l <= 2; l++) {
            assertClose(GOLDEN.matrix(prefix + ".dW" + l), m.dW(l), prefix + ".dW" + l);
            assertClose(GOLDEN.matrix(prefix + ".db" + l), m.db(l), prefix + ".db" + l);
        }
    }

    @Test
    void randomMiniBatches_12288x148_batchesOf64() {
        NumpyRandom r = new NumpyRandom(1);
        Matrix X = r.randn(12288, 148);
        Matrix Y = r.randn(1, 148).map(y -> y < 0.5 ? 1.0 : 0.0);
        List<Optimization.MiniBatch> batches = Optimization.randomMiniBatches(X, Y, 64, 0);
        assertEquals((int) GOLDEN.scalar("graded.random_mini_batches.count"), batches.size());
        int[] shapes = GOLDEN.ints("graded.random_mini_batches.shapes");
        for (int k = 0; k < batches.size(); k++) {
            Optimization.MiniBatch b = batches.get(k);
            assertArrayEquals(new int[] {shapes[4 * k], shapes[4 * k + 1], shapes[4 * k + 2], shapes[4 * k + 3]},
                    new int[] {b.X().rows(), b.X().cols(), b.Y().rows(), b.Y().cols()}, "batch " + k);
            assertArrayEquals(GOLDEN.doubles("graded.random_mini_batches.batch" + k + ".X0_0to3"),
                    b.X().row(0).columns(0, 3).toRowMajor(), "batch " + k + " X[0][0:3]");
            assertArrayEquals(GOLDEN.doubles("graded.random_mini_batches.batch" + k + ".Y"), b.Y().toRowMajor(),
                    "batch " + k + " Y");
        }
    }

    @Test
    void updateParametersWithGd() {
        assertParameters("graded.gd", Optimization.updateParametersWithGd(parameters(), grads(), 0.01));
    }

    @Test
    void momentum_oneUpdateFromZeroVelocity() {
        Moments v = Optimization.initializeVelocity(parameters());
        assertEquals(Matrix.zeros(2, 3), v.dW(1));
        Optimization.MomentumStep step = Optimization.updateParametersWithMomentum(parameters(), grads(), v, 0.9, 0.01);
        assertParameters("graded.momentum", step.parameters());
        assertMoments("graded.momentum.v", step.v());
    }

    @Test
    void adam_twoUpdates_tOneThenTwo() {
        Moments zeros = Optimization.initializeAdam(parameters());
        Optimization.AdamStep first = Optimization.updateParametersWithAdam(parameters(), grads(), zeros, zeros, 1, 0.01,
                0.9, 0.999, 1e-8);
        assertParameters("graded.adam.t1", first.parameters());
        Optimization.AdamStep second = Optimization.updateParametersWithAdam(first.parameters(), grads(), first.v(),
                first.s(), 2, 0.01, 0.9, 0.999, 1e-8);
        assertParameters("graded.adam", second.parameters());
        assertMoments("graded.adam.v", second.v());
        assertMoments("graded.adam.s", second.s());
        assertMoments("graded.adam.v_corrected", second.vCorrected());
        assertMoments("graded.adam.s_corrected", second.sCorrected());
    }

    @Test
    void libraryOptimizers_areTheCourseFunctionsOnReusedBuffers() {
        // the library's in-place state, stepped twice, gives the course functions' numbers bit for bit
        for (Optimizer optimizer : List.of(Optimizer.gradientDescent(), Optimizer.momentum(0.9), Optimizer.adam())) {
            DeepParameters p = parameters();
            double[][][] W = {null, p.W(1).toArray(), p.W(2).toArray()};
            double[][] b = {null, p.b(1).toRowMajor(), p.b(2).toRowMajor()};
            OptimizerState state = optimizer.newState(new int[] {3, 2, 3});
            DeepParameters course = p;
            Moments v = Moments.zerosLike(p);
            Moments s = Moments.zerosLike(p);
            for (int t = 1; t <= 2; t++) {
                var update = state.step(0.01);
                for (int l = 1; l <= 2; l++) {
                    update.update(l, W[l], b[l], grads().dW(l).toArray(), grads().db(l).toRowMajor());
                }
                if (optimizer instanceof Optimizer.Momentum) {
                    Optimization.MomentumStep step = Optimization.updateParametersWithMomentum(course, grads(), v, 0.9, 0.01);
                    course = step.parameters();
                    v = step.v();
                } else if (optimizer instanceof Optimizer.Adam) {
                    Optimization.AdamStep step = Optimization.updateParametersWithAdam(course, grads(), v, s, t, 0.01, 0.9,
                            0.999, 1e-8);
                    course = step.parameters();
                    v = step.v();
                    s = step.s();
                } else {
                    course = Optimization.updateParametersWithGd(course, grads(), 0.01);
                }
            }
            assertEquals(2, state.steps());
            for (int l = 1; l <= 2; l++) {
                assertEquals(course.W(l), Matrix.of(W[l]), optimizer + " W" + l);
                assertEquals(course.b(l), Matrix.columnVector(b[l]), optimizer + " b" + l);
            }
        }
    }

    @Test
    void learningRateDecay_courseFunctionsAndSchedules() {
        assertEquals(GOLDEN.scalar("graded.update_lr"), Optimization.updateLr(0.5, 2, 1));
        assertEquals(GOLDEN.scalar("graded.update_lr"), LearningRateSchedule.inverseTime(1).rate(0.5, 2));
        double[] expected = GOLDEN.doubles("graded.schedule_lr_decay");
        int[] epochs = {10, 100, 1000, 2000};
        for (int k = 0; k < epochs.length; k++) {
            assertEquals(expected[k], Optimization.scheduleLrDecay(0.5, epochs[k], 0.3, 1000), "epoch " + epochs[k]);
            assertEquals(expected[k], LearningRateSchedule.scheduled(0.3).rate(0.5, epochs[k]), "epoch " + epochs[k]);
        }
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.inverseTime(-1));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.ScheduledDecay(1, 0));
    }
}
