package org.nndl4j.shallow;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;
import org.nndl4j.testing.GradientCheck;

/** The building blocks of spec 1.3, one at a time, against planar.golden (numpy on the spec's code). */
class ShallowNetworkTest {

    private static final Golden GOLDEN = Golden.load("planar.golden");
    private static final Matrix X = GOLDEN.matrix("flower.X");
    private static final Matrix Y = GOLDEN.matrix("flower.Y");

    /** Relative tolerance for one forward/backward pass: a few ulps of summation-order difference from BLAS. */
    private static final double ONE_PASS_TOLERANCE = 1e-12;

    /**
     * Absolute floor for the bias gradients: db1 and db2 are sums of 400 terms of size about 0.5
     * ({@code A2 - Y}) that cancel down to 1e-7..1e-5. numpy adds them pairwise, EJML from left to
     * right; the two orders differ by up to ~1e-13 in the sum, ~1e-16 after dividing by m = 400.
     */
    private static final double CANCELLED_SUM_FLOOR = 1e-15;

    // ------------------------------------------------------------------ layerSizes

    @Test
    void layerSizes_flower_isTwoFourOne() {
        assertEquals(new LayerSizes(2, 4, 1), ShallowNetwork.layerSizes(X, Y));
    }

    @Test
    void layerSizes_differentExampleCounts_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.layerSizes(X, Y.columns(0, 399)));
        assertTrue(e.getMessage().contains("(2, 400)") && e.getMessage().contains("(1, 399)"), e.getMessage());
    }

    @Test
    void layerSizes_courseGradedCase_twoRowsOfY_givesNy2() {
        // layer_sizes_test_case: X_assess = randn(5, 3), Y_assess = randn(2, 3) -> (5, 4, 2)
        NumpyRandom r = new NumpyRandom(1);
        Matrix xAssess = r.randn(5, 3);
        Matrix yAssess = r.randn(2, 3);
        assertEquals(new LayerSizes(5, 4, 2), ShallowNetwork.layerSizes(xAssess, yAssess));
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.layerSizes(X, Matrix.zeros(2, 399)));
        assertTrue(e.getMessage().contains("(2, 400)") && e.getMessage().contains("(2, 399)"), e.getMessage());
    }

    @Test
    void layerSizes_labelTwo_refusedNamingTheValue() {
        Matrix bad = Matrix.fromRowMajor(1, 3, new double[] {0, 2, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShallowNetwork.layerSizes(Matrix.zeros(2, 3), bad));
        assertTrue(e.getMessage().contains("Y[0, 1] = 2.0"), e.getMessage());
    }

    // ------------------------------------------------------------------ initializeParameters

    @Test
    void initializeParameters_twoFourOne_matchesNumpySeedTwoExactly() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        // NumpyRandom reproduces numpy's randn bit for bit, and * 0.01 is one rounding in both languages.
        assertAll(
                () -> assertEquals(GOLDEN.matrix("init.W1"), p.W1()),
                () -> assertEquals(GOLDEN.matrix("init.b1"), p.b1()),
                () -> assertEquals(GOLDEN.matrix("init.W2"), p.W2()),
                () -> assertEquals(GOLDEN.matrix("init.b2"), p.b2()));
    }

    @Test
    void initializeParameters_calledTwice_givesTheSameParameters() {
        assertEquals(ShallowNetwork.initializeParameters(3, 5, 1), ShallowNetwork.initializeParameters(new LayerSizes(3, 5, 1)));
    }

    @Test
    void initializeParameters_zeroHiddenUnits_refusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShallowNetwork.initializeParameters(2, 0, 1));
        assertTrue(e.getMessage().contains("nH") && e.getMessage().contains("got 0"), e.getMessage());
    }

    // ------------------------------------------------------------------ one pass on the flower

    @Test
    void forwardPropagation_flowerWithInitialParameters_matchesNumpy() {
        ShallowForward forward = ShallowNetwork.forwardPropagation(X, ShallowNetwork.initializeParameters(2, 4, 1));
        assertSame(forward.A2(), forward.cache().A2());
        assertEquals(1, forward.A2().rows());
        assertEquals(400, forward.A2().cols());
        assertClose(GOLDEN.doubles("forward.A2_head"), forward.A2().columns(0, 5).toRowMajor(), ONE_PASS_TOLERANCE);
        assertEquals(forward.cache().Z1().tanh(), forward.cache().A1());
    }

    @Test
    void computeCost_flowerWithInitialParameters_matchesNumpy() {
        ShallowForward forward = ShallowNetwork.forwardPropagation(X, ShallowNetwork.initializeParameters(2, 4, 1));
        assertEquals(GOLDEN.scalar("forward.cost"), ShallowNetwork.computeCost(forward.A2(), Y), 1e-15);
    }

    @Test
    void computeCost_certainOfTheWrongLabel_isInfiniteAsInNumpy() {
        double cost = ShallowNetwork.computeCost(Matrix.rowVector(1.0, 0.5), Matrix.rowVector(0.0, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, cost);
    }

    @Test
    void backwardPropagation_flowerWithInitialParameters_matchesNumpyGradients() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ShallowForward forward = ShallowNetwork.forwardPropagation(X, p);
        ShallowGradients g = ShallowNetwork.backwardPropagation(p, forward.cache(), X, Y);
        assertAll(
                () -> assertClose(GOLDEN.matrix("forward.dW1"), g.dW1(), ONE_PASS_TOLERANCE),
                () -> assertClose(GOLDEN.matrix("forward.db1"), g.db1(), ONE_PASS_TOLERANCE, CANCELLED_SUM_FLOOR),
                () -> assertClose(GOLDEN.matrix("forward.dW2"), g.dW2(), ONE_PASS_TOLERANCE),
                () -> assertClose(GOLDEN.matrix("forward.db2"), g.db2(), ONE_PASS_TOLERANCE, CANCELLED_SUM_FLOOR));
    }

    @Test
    void updateParameters_flowerGradients_matchesNumpyUpdate() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ShallowForward forward = ShallowNetwork.forwardPropagation(X, p);
        ShallowParameters updated = ShallowNetwork.updateParameters(p, ShallowNetwork.backwardPropagation(p, forward.cache(), X, Y));
        assertAll(
                () -> assertClose(GOLDEN.matrix("forward.updated.W1"), updated.W1(), ONE_PASS_TOLERANCE),
                () -> assertClose(GOLDEN.matrix("forward.updated.b1"), updated.b1(), ONE_PASS_TOLERANCE, 1.2 * CANCELLED_SUM_FLOOR),
                () -> assertClose(GOLDEN.matrix("forward.updated.W2"), updated.W2(), ONE_PASS_TOLERANCE),
                () -> assertClose(GOLDEN.matrix("forward.updated.b2"), updated.b2(), ONE_PASS_TOLERANCE, 1.2 * CANCELLED_SUM_FLOOR));
        assertEquals(ShallowNetwork.initializeParameters(2, 4, 1), p, "the input parameters are not modified");
    }

    @Test
    void updateParameters_explicitRate_movesAgainstTheGradient() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 3, 1);
        ShallowGradients ones = new ShallowGradients(Matrix.ones(3, 2), Matrix.ones(3, 1), Matrix.ones(1, 3), Matrix.ones(1, 1));
        ShallowParameters updated = ShallowNetwork.updateParameters(p, ones, 0.5);
        assertEquals(p.W1().minus(0.5), updated.W1());
        assertEquals(Matrix.filled(1, 1, -0.5), updated.b2());
    }

    @Test
    void updateParameters_negativeRate_refusedNamingTheValue() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 3, 1);
        ShallowGradients g = new ShallowGradients(Matrix.ones(3, 2), Matrix.ones(3, 1), Matrix.ones(1, 3), Matrix.ones(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShallowNetwork.updateParameters(p, g, -1.2));
        assertTrue(e.getMessage().contains("-1.2"), e.getMessage());
    }

    // ------------------------------------------------------------------ gradient check

    @Test
    void backwardPropagation_smallRandomNetwork_agreesWithCentralDifferences() {
        NumpyRandom random = new NumpyRandom(1);
        Matrix x = random.randn(3, 7);
        Matrix y = random.rand(1, 7).greaterThan(0.5);
        ShallowParameters p = new ShallowParameters(random.randn(5, 3), random.randn(5, 1), random.randn(1, 5), random.randn(1, 1));
        ShallowGradients g = ShallowNetwork.backwardPropagation(p, ShallowNetwork.forwardPropagation(x, p).cache(), x, y);
        ToDoubleFunction<ShallowParameters> cost = q -> ShallowNetwork.computeCost(ShallowNetwork.forwardPropagation(x, q).A2(), y);
        List<Matrix> numeric = List.of(
                GradientCheck.numericGradient(p.W1(), w -> cost.applyAsDouble(new ShallowParameters(w, p.b1(), p.W2(), p.b2()))),
                GradientCheck.numericGradient(p.b1(), b -> cost.applyAsDouble(new ShallowParameters(p.W1(), b, p.W2(), p.b2()))),
                GradientCheck.numericGradient(p.W2(), w -> cost.applyAsDouble(new ShallowParameters(p.W1(), p.b1(), w, p.b2()))),
                GradientCheck.numericGradient(p.b2(), b -> cost.applyAsDouble(new ShallowParameters(p.W1(), p.b1(), p.W2(), b))));
        GradientCheck.assertAgree(List.of(g.dW1(), g.db1(), g.dW2(), g.db2()), numeric, "backwardPropagation");
    }

    // ------------------------------------------------------------------ predict

    @Test
    void predict_thresholdsAtOneHalf_likeNumpyRound() {
        // W1 = 0, so A1 = 0 and A2 = σ(b2): b2 = 0 gives exactly 0.5, which np.round sends to 0.
        ShallowParameters half = new ShallowParameters(Matrix.zeros(1, 2), Matrix.zeros(1, 1), Matrix.ones(1, 1), Matrix.zeros(1, 1));
        assertEquals(Matrix.zeros(1, 3), ShallowNetwork.predict(half, Matrix.ones(2, 3)));
        ShallowParameters above = new ShallowParameters(Matrix.zeros(1, 2), Matrix.zeros(1, 1), Matrix.ones(1, 1), Matrix.scalar(1e-9));
        assertEquals(Matrix.ones(1, 3), ShallowNetwork.predict(above, Matrix.ones(2, 3)));
    }

    @Test
    void predict_flowerWithInitialParameters_isZeroOrOnePerExample() {
        Matrix predictions = ShallowNetwork.predict(ShallowNetwork.initializeParameters(2, 4, 1), X);
        assertEquals(Y.shape(), predictions.shape());
        assertEquals(predictions.size(), predictions.equalTo(Matrix.zeros(1, 400)).sum() + predictions.equalTo(Matrix.ones(1, 400)).sum());
    }

    // ------------------------------------------------------------------ shape errors name both shapes

    @Test
    void forwardPropagation_threeFeaturesForTwoInputNetwork_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.forwardPropagation(Matrix.zeros(3, 10), ShallowNetwork.initializeParameters(2, 4, 1)));
        assertTrue(e.getMessage().startsWith("forwardPropagation") && e.getMessage().contains("(4, 2)")
                && e.getMessage().contains("(3, 10)"), e.getMessage());
    }

    @Test
    void predict_threeFeaturesForTwoInputNetwork_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.predict(ShallowNetwork.initializeParameters(2, 4, 1), Matrix.zeros(3, 10)));
        assertTrue(e.getMessage().contains("(4, 2)") && e.getMessage().contains("(3, 10)"), e.getMessage());
    }

    @Test
    void computeCost_differentShapes_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.computeCost(Matrix.filled(1, 4, 0.5), Matrix.zeros(1, 5)));
        assertTrue(e.getMessage().startsWith("computeCost") && e.getMessage().contains("(1, 4)")
                && e.getMessage().contains("(1, 5)"), e.getMessage());
    }

    @Test
    void backwardPropagation_cacheFromOtherData_namesBothShapes() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ForwardCache cache = ShallowNetwork.forwardPropagation(X.columns(0, 10), p).cache();
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.backwardPropagation(p, cache, X, Y));
        assertTrue(e.getMessage().startsWith("backwardPropagation") && e.getMessage().contains("(2, 400)")
                && e.getMessage().contains("(4, 10)"), e.getMessage());
    }

    @Test
    void backwardPropagation_labelsOfOtherLength_namesBothShapes() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ForwardCache cache = ShallowNetwork.forwardPropagation(X, p).cache();
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.backwardPropagation(p, cache, X, Y.columns(0, 10)));
        assertTrue(e.getMessage().contains("(1, 400)") && e.getMessage().contains("(1, 10)"), e.getMessage());
    }

    @Test
    void backwardPropagation_inputsOfOtherWidth_namesBothShapes() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ForwardCache cache = ShallowNetwork.forwardPropagation(X, p).cache();
        ShapeException e = assertThrows(ShapeException.class,
                () -> ShallowNetwork.backwardPropagation(p, cache, Matrix.zeros(3, 400), Y));
        assertTrue(e.getMessage().contains("(4, 2)") && e.getMessage().contains("(3, 400)"), e.getMessage());
    }

    @Test
    void updateParameters_gradientsOfOtherNetwork_namesBothShapes() {
        ShallowParameters p = ShallowNetwork.initializeParameters(2, 4, 1);
        ShallowGradients g = new ShallowGradients(Matrix.ones(4, 3), Matrix.ones(4, 1), Matrix.ones(1, 4), Matrix.ones(1, 1));
        ShapeException e = assertThrows(ShapeException.class, () -> ShallowNetwork.updateParameters(p, g));
        assertTrue(e.getMessage().startsWith("updateParameters") && e.getMessage().contains("(4, 2)")
                && e.getMessage().contains("(4, 3)"), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    static void assertClose(Matrix expected, Matrix actual, double relativeTolerance) {
        assertClose(expected, actual, relativeTolerance, 0.0);
    }

    static void assertClose(Matrix expected, Matrix actual, double relativeTolerance, double absoluteFloor) {
        assertEquals(expected.shape(), actual.shape());
        assertClose(expected.toRowMajor(), actual.toRowMajor(), relativeTolerance, absoluteFloor);
    }

    static void assertClose(double[] expected, double[] actual, double relativeTolerance) {
        assertClose(expected, actual, relativeTolerance, 0.0);
    }

    /** Each element within {@code relativeTolerance · |expected| + absoluteFloor}. */
    static void assertClose(double[] expected, double[] actual, double relativeTolerance, double absoluteFloor) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relativeTolerance * Math.abs(expected[i]) + absoluteFloor;
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }

    @Test
    void goldenFlower_isTwoByFourHundredWithBinaryLabels() {
        assertArrayEquals(new int[] {2, 400, 1, 400}, new int[] {X.rows(), X.cols(), Y.rows(), Y.cols()});
    }
}
