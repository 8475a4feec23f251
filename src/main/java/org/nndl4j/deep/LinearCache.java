package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * What {@link DeepNetwork#linearForward} keeps for the backward pass, the course's {@code linear_cache = (A, W, b)}.
 *
 * @param A the layer's input {@code A[l-1]}, shape {@code (n[l-1], m)} ({@code X} for layer 1)
 * @param W the layer's weights, shape {@code (n[l], n[l-1])}
 * @param b the layer's biases, shape {@code (n[l], 1)}
 */
public record LinearCache(Matrix A, Matrix W, Matrix b) {

    /**
     * Checks that {@code W} and {@code A} are aligned and {@code b} fits {@code W}.
     *
     * @param A the layer's input, {@code (n[l-1], m)}
     * @param W the layer's weights, {@code (n[l], n[l-1])}
     * @param b the layer's biases, {@code (n[l], 1)}
     * @throws IllegalArgumentException if an argument is null
     * @throws org.nndl4j.matrix.ShapeException if the shapes do not fit
     */
    public LinearCache {
        if (A == null || W == null || b == null) {
            throw new Nndl4jException("LinearCache: A, W and b must not be null");
        }
        if (W.cols() != A.rows()) {
            throw new ShapeException("LinearCache", W.shape(), A.shape(),
                    "not aligned: W has " + W.cols() + " columns but A has " + A.rows() + " rows");
        }
        if (b.cols() != 1 || b.rows() != W.rows()) {
            throw new ShapeException("LinearCache", W.shape(), b.shape(),
                    "do not fit: b must be (" + W.rows() + ", 1)");
        }
    }
}
