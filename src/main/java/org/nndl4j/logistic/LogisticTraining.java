package org.nndl4j.logistic;

import org.nndl4j.train.Trainable;

/**
 * Logistic regression in training, however its steps are computed: a {@link Trainable} that also
 * keeps the gradients of its last step, because {@link LogisticRegression#optimize} returns them.
 */
interface LogisticTraining extends Trainable<LogisticParameters> {

    /** The gradients of the last step (from the parameters before its update), or {@code null} before the first. */
    LogisticGradients lastGrads();
}
