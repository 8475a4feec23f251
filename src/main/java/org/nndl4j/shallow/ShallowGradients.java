package org.nndl4j.shallow;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;

/**
 * The gradients of the cost with respect to the parameters (the course's {@code grads} dictionary);
 * each has the shape of its parameter.
 *
 * @param dW1 {@code ∂J/∂W1}, {@code (n_h, n_x)}
 * @param db1 {@code ∂J/∂b1}, {@code (n_h, 1)}
 * @param dW2 {@code ∂J/∂W2}, {@code (n_y, n_h)}
 * @param db2 {@code ∂J/∂b2}, {@code (n_y, 1)}
 */
public record ShallowGradients(Matrix dW1, Matrix db1, Matrix dW2, Matrix db2) {

    /** @throws ShapeException if the shapes do not fit together; the message names both shapes */
    public ShallowGradients {
        if (dW1 == null || db1 == null || dW2 == null || db2 == null) {
            throw new IllegalArgumentException("ShallowGradients: dW1, db1, dW2 and db2 must not be null");
        }
        int nH = dW1.rows();
        int nY = dW2.rows();
        requireFits("dW1", dW1, "db1", db1, new Shape(nH, 1));
        requireFits("dW1", dW1, "dW2", dW2, new Shape(nY, nH));
        requireFits("dW2", dW2, "db2", db2, new Shape(nY, 1));
    }

    private static void requireFits(String refName, Matrix ref, String name, Matrix m, Shape expected) {
        if (!m.shape().equals(expected)) {
            throw new ShapeException("ShallowGradients", ref.shape(), m.shape(),
                    "do not fit: " + refName + " is " + ref.shape() + ", so " + name + " must be " + expected
                            + ", got " + m.shape());
        }
    }
}
