package org.nndl4j.shallow;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * What forward propagation keeps for backward propagation (the course's {@code cache} dictionary).
 *
 * @param Z1 hidden pre-activation {@code W1 · X + b1}, {@code (n_h, m)}
 * @param A1 hidden activation {@code tanh(Z1)}, {@code (n_h, m)}
 * @param Z2 output pre-activation {@code W2 · A1 + b2}, {@code (n_y, m)}
 * @param A2 output activation {@code σ(Z2)}, {@code (n_y, m)}
 */
public record ForwardCache(Matrix Z1, Matrix A1, Matrix Z2, Matrix A2) {

    /**
     * @param Z1 hidden pre-activation, {@code (n_h, m)}
     * @param A1 hidden activation, {@code (n_h, m)}
     * @param Z2 output pre-activation, {@code (n_y, m)}
     * @param A2 output activation, {@code (n_y, m)}
     * @throws ShapeException if Z1/A1 or Z2/A2 differ in shape, or the layers differ in number of examples
     */
    public ForwardCache {
        if (Z1 == null || A1 == null || Z2 == null || A2 == null) {
            throw new Nndl4jException("ForwardCache: Z1, A1, Z2 and A2 must not be null");
        }
        if (!Z1.shape().equals(A1.shape())) {
            throw new ShapeException("ForwardCache", Z1.shape(), A1.shape(), "differ: Z1 and A1 must have the same shape");
        }
        if (!Z2.shape().equals(A2.shape())) {
            throw new ShapeException("ForwardCache", Z2.shape(), A2.shape(), "differ: Z2 and A2 must have the same shape");
        }
        if (A1.cols() != A2.cols()) {
            throw new ShapeException("ForwardCache", A1.shape(), A2.shape(),
                    "differ in number of examples: A1 has " + A1.cols() + " columns, A2 has " + A2.cols());
        }
    }
}
