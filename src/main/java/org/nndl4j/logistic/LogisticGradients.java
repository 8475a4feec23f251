package org.nndl4j.logistic;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The gradients of the cost with respect to the parameters (spec equations 1.2.5 and 1.2.6).
 *
 * @param dw {@code ∂J/∂w = (1/m) X (A - Y)ᵀ}, shape {@code (n_x, 1)} like {@code w}
 * @param db {@code ∂J/∂b = (1/m) Σ (a⁽ⁱ⁾ - y⁽ⁱ⁾)}, a scalar
 */
public record LogisticGradients(Matrix dw, double db) {

    public LogisticGradients {
        if (dw == null) {
            throw new IllegalArgumentException("LogisticGradients: dw is null");
        }
        if (dw.cols() != 1) {
            throw new ShapeException("LogisticGradients", "dw of shape (n_x, 1)", dw.shape());
        }
    }
}
