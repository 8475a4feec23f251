package org.nndl4j.logistic;

import org.nndl4j.Nndl4jException;

import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;
import org.nndl4j.matrix.ShapeException;

/**
 * The gradients of the cost with respect to the parameters (spec equations 1.2.5 and 1.2.6).
 *
 * @param dw {@code ∂J/∂w = (1/m) X (A - Y)ᵀ}, shape {@code (n_x, 1)} like {@code w}
 * @param db {@code ∂J/∂b = (1/m) Σ (a⁽ⁱ⁾ - y⁽ⁱ⁾)}, a scalar
 */
public record LogisticGradients(Matrix dw, double db) {

    /**
     * Checks that {@code dw} is a column.
     *
     * @param dw {@code ∂J/∂w}, shape {@code (n_x, 1)}
     * @param db {@code ∂J/∂b}
     * @throws IllegalArgumentException if {@code dw} is null
     * @throws org.nndl4j.matrix.ShapeException if {@code dw} is not one column
     */
    public LogisticGradients {
        if (dw == null) {
            throw new Nndl4jException("LogisticGradients: dw is null");
        }
        if (dw.cols() != 1) {
            throw new ShapeException("LogisticGradients", "dw of shape (n_x, 1)", dw.shape());
        }
    }

    /**
     * The gradients of a one-layer, one-unit network as the course's {@code dw = dW1ᵀ}, {@code db = db1}.
     *
     * @param grads the network's gradients
     * @return the course's gradients
     */
    public static LogisticGradients from(Gradients grads) {
        if (grads == null || grads.numLayers() != 1 || grads.dW(1).rows() != 1) {
            throw new Nndl4jException("LogisticGradients.from: need the gradients of 1 layer with 1 unit");
        }
        // dw = dW1ᵀ
        return new LogisticGradients(grads.dW(1).reshape(grads.dW(1).cols(), 1), grads.db(1).item());
    }

    /**
     * These gradients as the library's {@link Gradients} of the one-layer network ({@code dW1 = dwᵀ}).
     *
     * @return the gradients
     */
    public Gradients toGradients() {
        return new Gradients(List.of(dw.reshape(1, dw.rows())), List.of(Matrix.scalar(db)));
    }
}
