package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * What {@link DeepNetwork#linearActivationForward} keeps for the backward pass, the course's
 * {@code cache = (linear_cache, activation_cache)}, where the activation cache is {@code Z}.
 *
 * @param linear the linear cache {@code (A[l-1], W[l], b[l])}
 * @param Z      the pre-activation {@code Z[l] = W[l]·A[l-1] + b[l]}, shape {@code (n[l], m)}
 */
public record LayerCache(LinearCache linear, Matrix Z) {

    /**
     * Checks that {@code Z} is {@code (n[l], m)} for the cached {@code W} and {@code A}.
     *
     * @param linear the linear cache {@code (A[l-1], W[l], b[l])}
     * @param Z      the pre-activation, shape {@code (n[l], m)}
     * @throws IllegalArgumentException if an argument is null
     * @throws org.nndl4j.matrix.ShapeException if {@code Z}'s shape does not fit
     */
    public LayerCache {
        if (linear == null || Z == null) {
            throw new Nndl4jException("LayerCache: linear and Z must not be null");
        }
        if (Z.rows() != linear.W().rows() || Z.cols() != linear.A().cols()) {
            throw new ShapeException("LayerCache", linear.W().shape(), Z.shape(),
                    "do not fit: Z must be (" + linear.W().rows() + ", " + linear.A().cols() + ") for W of shape "
                            + linear.W().shape() + " and A of shape " + linear.A().shape());
        }
    }
}
