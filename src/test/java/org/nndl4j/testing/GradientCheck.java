package org.nndl4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.nndl4j.matrix.Matrix;

/**
 * The house gradient check: central differences with epsilon 1e-7, and the relative difference
 * {@code ||g - g_num|| / (||g|| + ||g_num||)} (over all the gradient's blocks together) below 2e-7.
 */
public final class GradientCheck {

    public static final double EPSILON = org.nndl4j.nn.GradientCheck.EPSILON;
    public static final double MAX_RELATIVE_DIFFERENCE = org.nndl4j.nn.GradientCheck.THRESHOLD;

    private GradientCheck() {
    }

    /**
     * {@code ∂f/∂at} by central differences, element by element, through the library's public
     * {@link org.nndl4j.nn.GradientCheck}; {@code at} is not modified.
     */
    public static Matrix numericGradient(Matrix at, ToDoubleFunction<Matrix> f) {
        double[] theta = at.toRowMajor();
        org.nndl4j.nn.GradientCheck.Result r = org.nndl4j.nn.GradientCheck.check(theta,
                v -> f.applyAsDouble(Matrix.fromRowMajor(at.rows(), at.cols(), v)), new double[theta.length], EPSILON);
        return Matrix.fromRowMajor(at.rows(), at.cols(), r.approximation());
    }

    /** {@code ||g - g_num|| / (||g|| + ||g_num||)} over matching blocks. */
    public static double relativeDifference(List<Matrix> analytic, List<Matrix> numeric) {
        assertEquals(analytic.size(), numeric.size(), "as many numeric blocks as analytic ones");
        double diff = 0;
        double a = 0;
        double n = 0;
        for (int i = 0; i < analytic.size(); i++) {
            diff += Math.pow(analytic.get(i).minus(numeric.get(i)).norm(), 2);
            a += Math.pow(analytic.get(i).norm(), 2);
            n += Math.pow(numeric.get(i).norm(), 2);
        }
        return Math.sqrt(diff) / (Math.sqrt(a) + Math.sqrt(n));
    }

    /** Asserts the analytic gradient is not zero (the check would be vacuous) and agrees with the numeric one. */
    public static void assertAgree(List<Matrix> analytic, List<Matrix> numeric, String what) {
        double norm = 0;
        for (Matrix g : analytic) {
            norm += g.norm();
        }
        assertTrue(norm > 0, what + ": the analytic gradient is zero, the check would be vacuous");
        double relative = relativeDifference(analytic, numeric);
        assertTrue(relative < MAX_RELATIVE_DIFFERENCE, what + ": relative difference " + relative);
    }
}
