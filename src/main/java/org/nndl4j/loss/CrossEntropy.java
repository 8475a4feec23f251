package org.nndl4j.loss;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The binary cross-entropy cost of the course (spec 1.2.4, 1.3.6, 1.4.3) and its gradient.
 *
 * <p>{@code J = -(1/m) Σ [ y log(a) + (1 - y) log(1 - a) ]} for predictions {@code AL} and labels
 * {@code Y}, both of shape {@code (1, m)}. As in the course's numpy code, a prediction of exactly 0 or
 * 1 on the wrong label gives an infinite (or NaN) cost; training loops stop on it rather than hide it.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** The cost {@code J}; {@code AL} and {@code Y} must have the same shape. */
    public static double cost(Matrix AL, Matrix Y) {
        requireSameShape("computeCost", AL, Y);
        return cost(AL.toRowMajor(), Y.toRowMajor(), Y.size());
    }

    /**
     * The cost on raw buffers: {@code -(Y·log(AL)ᵀ + (1-Y)·log(1-AL)ᵀ) / m}, the two dot products
     * summed separately as the course's {@code np.dot} does.
     */
    public static double cost(double[] AL, double[] Y, int m) {
        double yLogA = 0.0;
        double notYLogNotA = 0.0;
        for (int i = 0; i < m; i++) {
            double y = Y[i];
            double a = AL[i];
            yLogA += y * Math.log(a);
            notYLogNotA += (1.0 - y) * Math.log(1.0 - a);
        }
        return -(yLogA + notYLogNotA) / m;
    }

    /** {@code dAL = -(Y / AL - (1 - Y) / (1 - AL))}, the gradient of the summed loss with respect to {@code AL}. */
    public static Matrix gradient(Matrix AL, Matrix Y) {
        requireSameShape("costGradient", AL, Y);
        return Y.div(AL).minus(Y.rsub(1.0).div(AL.rsub(1.0))).negate();
    }

    private static void requireSameShape(String operation, Matrix AL, Matrix Y) {
        if (AL == null || Y == null) {
            throw new IllegalArgumentException(operation + ": AL and Y must not be null");
        }
        if (!AL.shape().equals(Y.shape())) {
            throw new ShapeException(operation, AL.shape(), Y.shape(), "differ: AL and Y must both be (1, m)");
        }
    }
}
