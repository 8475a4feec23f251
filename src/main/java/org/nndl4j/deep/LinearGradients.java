package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;

/**
 * The gradients {@link DeepNetwork#linearBackward} computes for one layer.
 *
 * @param dAPrev gradient with respect to the layer's input {@code A[l-1]}, shape of {@code A[l-1]}
 * @param dW     gradient of the cost with respect to {@code W[l]}, shape of {@code W[l]}
 * @param db     gradient of the cost with respect to {@code b[l]}, shape of {@code b[l]}
 */
public record LinearGradients(Matrix dAPrev, Matrix dW, Matrix db) {

    /**
     * Checks that no gradient is null.
     *
     * @param dAPrev gradient with respect to {@code A[l-1]}
     * @param dW     gradient with respect to {@code W[l]}
     * @param db     gradient with respect to {@code b[l]}
     * @throws IllegalArgumentException if an argument is null
     */
    public LinearGradients {
        if (dAPrev == null || dW == null || db == null) {
            throw new Nndl4jException("LinearGradients: dAPrev, dW and db must not be null");
        }
    }
}
