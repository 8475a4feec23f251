package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;

/** The public gradient check: the course's cases against the numpy transcription, and L2 and dropout checked by it. */
class GradientCheckTest {

    private static final Golden GOLDEN = Golden.load("regularization.golden");

    private static Network courseNetwork() {
        return Network.of(new Layer(GOLDEN.matrix("gc.nd.W1"), GOLDEN.matrix("gc.nd.b1"), Activation.RELU),
                new Layer(GOLDEN.matrix("gc.nd.W2"), GOLDEN.matrix("gc.nd.b2"), Activation.RELU),
                new Layer(GOLDEN.matrix("gc.nd.W3"), GOLDEN.matrix("gc.nd.b3"), Activation.SIGMOID));
    }

    /** The course's cost: 1./m * np.sum(logprobs). */
    private static double courseCost(Network n, Matrix X, Matrix Y) {
        return 1.0 / X.cols() * Loss.BINARY_CROSS_ENTROPY.sum(n.forward(X).toArray(), Y.toArray(), X.cols());
    }

    @Test
    void oneDimensional_isTheCoursesDifference() {
        GradientCheck.Result r = GradientCheck.check(new double[] {4}, t -> t[0] * 2, new double[] {2}, 1e-7);
        assertEquals(GOLDEN.scalar("gc.1d.difference"), r.difference());
        assertTrue(r.passed());
    }

    @Test
    void nDimensional_wrongAndRightBackward() {
        Network n = courseNetwork();
        Matrix X = GOLDEN.matrix("gc.nd.x");
        Matrix Y = Matrix.rowVector(GOLDEN.doubles("gc.nd.y"));
        double[] theta = GradientCheck.toVector(n);
        assertArrayEquals(GOLDEN.doubles("gc.nd.theta"), theta, "dictionary_to_vector's order");
        assertEquals(GOLDEN.scalar("gc.nd.cost"), courseCost(n, X, Y), 1e-15);
        double[] right = GradientCheck.toVector(Backpropagation.gradients(n, X, Y));
        assertArrayEquals(GOLDEN.doubles("gc.nd.grad_correct"), right, 1e-15);

        // the course's deliberately wrong backward, supplied as a user's gradient
        GradientCheck.Result wrong = GradientCheck.check(theta, t -> courseCost(GradientCheck.fromVector(t, n), X, Y),
                GOLDEN.doubles("gc.nd.grad_wrong"), GradientCheck.EPSILON);
        assertFalse(wrong.passed());
        assertTrue(wrong.verdict().startsWith("There is a mistake in the backward propagation!"));
        assertEquals((int) GOLDEN.scalar("gc.nd.worst_index_wrong"), wrong.worstIndex());
        // (J+ - J-) / 2ε carries the rounding of exp and log, magnified by 1/2ε: the approximations agree to 1e-8
        assertArrayEquals(GOLDEN.doubles("gc.nd.gradapprox"), wrong.approximation(), 1e-8);
        assertEquals(GOLDEN.scalar("gc.nd.difference_wrong"), wrong.difference(), 1e-9 * wrong.difference());

        GradientCheck.Result ok = GradientCheck.check(theta, t -> courseCost(GradientCheck.fromVector(t, n), X, Y), right,
                GradientCheck.EPSILON);
        assertTrue(ok.passed(), ok.verdict());
        // 1.1890913024229996e-07 in numpy; the small difference of the right gradient is the rounding itself
        assertEquals(GOLDEN.scalar("gc.nd.difference_correct"), ok.difference(), 2e-3 * ok.difference());
    }

    @Test
    void l2Gradients_passTheCheck() {
        NumpyRandom r = new NumpyRandom(4);
        Network n = Initialization.HE.initialize(new int[] {3, 4, 3, 1}, Activation.TANH, Activation.SIGMOID, r);
        Matrix X = r.randn(3, 6);
        Matrix Y = Matrix.rowVector(1, 0, 1, 1, 0, 0);
        GradientCheck.Result result = GradientCheck.check(n, X, Y, 0.7);
        assertTrue(result.passed(), result.verdict());
        assertTrue(result.difference() > 0, "a check that compares something");
        // and a gradient without the L2 term fails it
        GradientCheck.Result withoutL2 = GradientCheck.check(GradientCheck.toVector(n),
                t -> Backpropagation.cost(GradientCheck.fromVector(t, n), X, Y, 0.7),
                GradientCheck.toVector(Backpropagation.gradients(n, X, Y)), GradientCheck.EPSILON);
        assertFalse(withoutL2.passed(), withoutL2.verdict());
    }

    @Test
    void dropoutGradients_withFixedMasks_passTheCheck() {
        // with masks reseeded every forward pass the cost is a function of the parameters: check the engine's gradient
        NumpyRandom r = new NumpyRandom(5);
        Network n = Initialization.HE.initialize(new int[] {3, 5, 4, 1}, Activation.TANH, Activation.SIGMOID, r);
        Matrix X = r.randn(3, 7);
        Matrix Y = Matrix.rowVector(1, 0, 1, 1, 0, 0, 1);
        NetworkEngine engine = NetworkEngine.primal(n, X, Y);
        engine.regularize(0.0, new double[] {0.7, 0.6}, () -> new NumpyRandom(9));
        engine.batchGradients(null, 0, 7);
        double[] grad = GradientCheck.toVector(engine.lastGradients());
        GradientCheck.Result result = GradientCheck.check(GradientCheck.toVector(n), t -> {
            NetworkEngine e = NetworkEngine.primal(GradientCheck.fromVector(t, n), X, Y);
            e.regularize(0.0, new double[] {0.7, 0.6}, () -> new NumpyRandom(9));
            return e.batchGradients(null, 0, 7) / 7;
        }, grad, GradientCheck.EPSILON);
        assertTrue(result.passed(), result.verdict());
    }

    @Test
    void badArguments_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(new double[2], t -> 0, new double[3], 1e-7));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.check(new double[2], t -> 0, new double[2], 0));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.fromVector(new double[3], courseNetwork()));
    }
}
