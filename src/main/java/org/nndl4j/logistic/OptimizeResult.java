package org.nndl4j.logistic;

import org.nndl4j.train.CostHistory;

/**
 * What {@link LogisticRegression#optimize} returns (the course's {@code params, grads, costs}).
 *
 * @param parameters the learned {@code w} and {@code b}
 * @param grads      the gradients computed in the last iteration (before its update, as in the course)
 * @param costs      the cost every {@code recordEvery} iterations, from iteration 0
 */
public record OptimizeResult(LogisticParameters parameters, LogisticGradients grads, CostHistory costs) {

    public OptimizeResult {
        if (parameters == null || grads == null || costs == null) {
            throw new IllegalArgumentException("OptimizeResult: parameters, grads and costs must not be null");
        }
    }
}
