package org.nndl4j.shallow;

import org.nndl4j.matrix.Checks;
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

    /**
     * @param dW1 {@code ∂J/∂W1}, {@code (n_h, n_x)}
     * @param db1 {@code ∂J/∂b1}, {@code (n_h, 1)}
     * @param dW2 {@code ∂J/∂W2}, {@code (n_y, n_h)}
     * @param db2 {@code ∂J/∂b2}, {@code (n_y, 1)}
     * @throws ShapeException if the shapes do not fit together; the message names both shapes
     */
    public ShallowGradients {
        Checks.notNull("ShallowGradients", "dW1", dW1);
        Checks.notNull("ShallowGradients", "db1", db1);
        Checks.notNull("ShallowGradients", "dW2", dW2);
        Checks.notNull("ShallowGradients", "db2", db2);
        int nH = dW1.rows();
        int nY = dW2.rows();
        Checks.fits("ShallowGradients", "dW1", dW1, "db1", db1, new Shape(nH, 1));
        Checks.fits("ShallowGradients", "dW1", dW1, "dW2", dW2, new Shape(nY, nH));
        Checks.fits("ShallowGradients", "dW2", dW2, "db2", db2, new Shape(nY, 1));
    }
}
