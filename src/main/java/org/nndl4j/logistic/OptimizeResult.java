package org.nndl4j.logistic;

import org.nndl4j.Nndl4jException;

import org.nndl4j.train.CostHistory;
import org.nndl4j.train.TrainingResult;

/**
 * What {@link LogisticRegression#optimize} returns: the course's {@code params, grads, costs}, as a view of the
 * library's one {@link TrainingResult} plus the last gradients the course also returns.
 *
 * @param training the training (network {@code W1 = wᵀ}, costs, engine, wall time)
 * @param grads    the gradients computed in the last iteration (before its update, as in the course)
 */
public record OptimizeResult(TrainingResult training, LogisticGradients grads) {

    /**
     * @param training the training
     * @param grads    the gradients of the last iteration
     * @throws IllegalArgumentException if a component is null
     */
    public OptimizeResult {
        if (training == null || grads == null) {
            throw new Nndl4jException("OptimizeResult: training and grads must not be null");
        }
    }

    /** @return the learned {@code w} and {@code b} (the course's {@code params}) */
    public LogisticParameters parameters() {
        return LogisticParameters.from(training.network());
    }

    /** @return the cost every {@code recordEvery} iterations, from iteration 0 */
    public CostHistory costs() {
        return training.costs();
    }
}
