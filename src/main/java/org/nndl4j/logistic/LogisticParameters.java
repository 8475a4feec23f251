package org.nndl4j.logistic;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The parameters of logistic regression: {@code ŷ = σ(wᵀx + b)}.
 *
 * @param w weights, shape {@code (n_x, 1)}
 * @param b bias, a scalar
 */
public record LogisticParameters(Matrix w, double b) {

    public LogisticParameters {
        if (w == null) {
            throw new IllegalArgumentException("LogisticParameters: w is null");
        }
        if (w.cols() != 1) {
            throw new ShapeException("LogisticParameters", "w of shape (n_x, 1)", w.shape());
        }
    }

    /** Number of input features {@code n_x} (rows of {@code w}). */
    public int features() {
        return w.rows();
    }
}
