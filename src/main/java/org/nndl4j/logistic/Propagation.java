package org.nndl4j.logistic;

import org.nndl4j.Nndl4jException;

/**
 * What {@link LogisticRegression#propagate} returns: the cost of the current parameters and its gradients.
 *
 * @param cost  the cross-entropy cost {@code J} (spec equation 1.2.4)
 * @param grads {@code dw} and {@code db}
 */
public record Propagation(double cost, LogisticGradients grads) {

    /**
     * Checks that the gradients are present.
     *
     * @param cost  the cost {@code J}
     * @param grads {@code dw} and {@code db}
     * @throws IllegalArgumentException if {@code grads} is null
     */
    public Propagation {
        if (grads == null) {
            throw new Nndl4jException("Propagation: grads is null");
        }
    }
}
