package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;

/** The course's regularisation and initialisation functions on graded-style cases, against the numpy transcription. */
class RegularizationMethodsTest {

    private static final Golden GOLDEN = Golden.load("regularization.golden");

    private static void assertClose(Matrix expected, Matrix actual, double tolerance, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        assertTrue(expected.maxAbsDifference(actual) <= tolerance * Math.max(1, expected.abs().max()),
                what + ": " + expected + " vs " + actual);
    }

    private static DeepParameters parameters(String prefix, boolean withBiases) {
        return DeepParameters.of(GOLDEN.matrix(prefix + ".W1"), withBiases ? GOLDEN.matrix(prefix + ".b1") : Matrix.zeros(2, 1),
                GOLDEN.matrix(prefix + ".W2"), withBiases ? GOLDEN.matrix(prefix + ".b2") : Matrix.zeros(3, 1),
                GOLDEN.matrix(prefix + ".W3"), withBiases ? GOLDEN.matrix(prefix + ".b3") : Matrix.zeros(1, 1));
    }

    @Test
    void initializeParameters_zerosRandomHe() {
        int[][] dims = {{3, 2, 1}, {3, 2, 1}, {2, 4, 1}};
        DeepParameters[] p = {CourseInitialization.initializeParametersZeros(dims[0]),
                CourseInitialization.initializeParametersRandom(dims[1]), CourseInitialization.initializeParametersHe(dims[2])};
        String[] names = {"zeros", "random", "he"};
        for (int k = 0; k < 3; k++) {
            for (int l = 1; l <= 2; l++) {
                assertEquals(GOLDEN.matrix("graded.init." + names[k] + ".W" + l), p[k].W(l), names[k] + " W" + l);
                assertEquals(GOLDEN.matrix("graded.init." + names[k] + ".b" + l), p[k].b(l), names[k] + " b" + l);
            }
        }
    }

    @Test
    void computeCostWithRegularization_lambda01() {
        DeepParameters p = parameters("graded.l2_cost", false);
        double cost = RegularizationMethods.computeCostWithRegularization(GOLDEN.matrix("graded.l2_cost.A3"),
                GOLDEN.matrix("graded.l2_cost.Y"), p, 0.1);
        assertEquals(GOLDEN.scalar("graded.l2_cost.cost"), cost, 1e-15 * GOLDEN.scalar("graded.l2_cost.cost"));
    }

    @Test
    void backwardPropagationWithRegularization_lambda07() {
        DeepParameters p = parameters("graded.l2_backward", true);
        Gradients g = RegularizationMethods.backwardPropagationWithRegularization(GOLDEN.matrix("graded.l2_backward.X"),
                GOLDEN.matrix("graded.l2_backward.Y"), p, 0.7);
        for (int l = 1; l <= 3; l++) {
            assertClose(GOLDEN.matrix("graded.l2_backward.dW" + l), g.dW(l), 1e-14, "dW" + l);
            assertClose(GOLDEN.matrix("graded.l2_backward.db" + l), g.db(l), 1e-14, "db" + l);
        }
    }

    @Test
    void dropout_forwardKeep07_backwardKeep08() {
        DeepParameters p = parameters("graded.dropout", true);
        Matrix X = GOLDEN.matrix("graded.dropout.X");
        RegularizationMethods.DropoutForward f = RegularizationMethods.forwardPropagationWithDropout(X, p, 0.7,
                new NumpyRandom(1));
        assertClose(GOLDEN.matrix("graded.dropout_forward.A3"), f.AL(), 1e-15, "A3");
        assertEquals(GOLDEN.matrix("graded.dropout_forward.D1"), f.D().get(0));
        assertEquals(GOLDEN.matrix("graded.dropout_forward.D2"), f.D().get(1));

        Matrix Y = GOLDEN.matrix("graded.dropout_backward.Y");
        RegularizationMethods.DropoutForward f8 = RegularizationMethods.forwardPropagationWithDropout(X, p, 0.8,
                new NumpyRandom(1));
        RegularizationMethods.DropoutBackward b = RegularizationMethods.backwardPropagationWithDropout(X, Y, f8, p, 0.8);
        assertClose(GOLDEN.matrix("graded.dropout_backward.dA1"), b.dA().get(0), 1e-15, "dA1");
        assertClose(GOLDEN.matrix("graded.dropout_backward.dA2"), b.dA().get(1), 1e-15, "dA2");
        for (int l = 1; l <= 3; l++) {
            assertClose(GOLDEN.matrix("graded.dropout_backward.dW" + l), b.grads().dW(l), 1e-15, "dW" + l);
            assertClose(GOLDEN.matrix("graded.dropout_backward.db" + l), b.grads().db(l), 1e-15, "db" + l);
        }

        // the engine, masks reseeded like the course, computes the same gradients on its reused buffers
        NetworkEngine engine = NetworkEngine.primal(p.toNetwork(), X, Y);
        engine.regularize(0.0, new double[] {0.8, 0.8}, () -> new NumpyRandom(1));
        engine.batchGradients(null, 0, X.cols());
        Gradients fast = engine.lastGradients();
        for (int l = 1; l <= 3; l++) {
            assertClose(b.grads().dW(l), fast.dW(l), 1e-14, "engine dW" + l);
            assertClose(b.grads().db(l), fast.db(l), 1e-14, "engine db" + l);
        }
    }

    @Test
    void engineL2Gradients_areTheCourseFunction() {
        DeepParameters p = parameters("graded.l2_backward", true);
        Matrix X = GOLDEN.matrix("graded.l2_backward.X");
        Matrix Y = GOLDEN.matrix("graded.l2_backward.Y");
        for (boolean scaledFirst : List.of(true, false)) {
            NetworkEngine engine = NetworkEngine.primal(p.toNetwork(), X, Y);
            engine.regularize(0.7, null, null);
            Gradients fast;
            if (scaledFirst) {
                engine.batchGradients(null, 0, X.cols());
                fast = engine.lastGradients();
            } else {
                engine.step(0.0);
                fast = engine.lastGradients();
            }
            for (int l = 1; l <= 3; l++) {
                assertClose(GOLDEN.matrix("graded.l2_backward.dW" + l), fast.dW(l), 1e-14, "engine dW" + l);
            }
        }
    }
}
