package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The parameters of one layer: {@code W} of shape {@code (n[l], n[l-1])} and {@code b} of shape {@code (n[l], 1)}.
 *
 * @param W weights, one row per unit of this layer
 * @param b biases, a column with one value per unit
 */
public record LayerParameters(Matrix W, Matrix b) {

    /**
     * Checks that {@code b} is a column with one value per row of {@code W}.
     *
     * @param W weights, {@code (n[l], n[l-1])}
     * @param b biases, {@code (n[l], 1)}
     * @throws IllegalArgumentException if an argument is null
     * @throws org.nndl4j.matrix.ShapeException if {@code b}'s shape does not fit {@code W}
     */
    public LayerParameters {
        if (W == null || b == null) {
            throw new Nndl4jException("LayerParameters: W and b must not be null");
        }
        if (b.cols() != 1 || b.rows() != W.rows()) {
            throw new ShapeException("LayerParameters", W.shape(), b.shape(),
                    "do not fit: b must be (" + W.rows() + ", 1) for W of shape " + W.shape());
        }
    }

    /**
     * Number of units {@code n[l]} of this layer.
     *
     * @return {@code n[l]}, the rows of {@code W}
     */
    public int units() {
        return W.rows();
    }

    /**
     * Number of inputs {@code n[l-1]} of this layer.
     *
     * @return {@code n[l-1]}, the columns of {@code W}
     */
    public int inputs() {
        return W.cols();
    }
}
