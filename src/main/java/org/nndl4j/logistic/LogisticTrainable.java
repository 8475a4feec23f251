package org.nndl4j.logistic;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.Trainable;

/**
 * Logistic regression as the training loop sees it: one {@link #step} is one iteration of the course's
 * {@code optimize} ({@code propagate}, then {@code w = w - α dw}, {@code b = b - α db}).
 *
 * <p>This is the unit a faster engine may replace later; it is written exactly as the course's
 * building blocks, so its costs and parameters are the course's. It keeps the gradients of the last
 * step because {@code optimize} returns them.
 */
final class LogisticTrainable implements Trainable<LogisticParameters> {

    private final Matrix X;
    private final Matrix Y;
    private Matrix w;
    private double b;
    private LogisticGradients lastGrads;

    /** Inputs must already be validated (see {@link LogisticRegression#optimize}). */
    LogisticTrainable(LogisticParameters initial, Matrix X, Matrix Y) {
        this.X = X;
        this.Y = Y;
        this.w = initial.w();
        this.b = initial.b();
    }

    @Override
    public double step(double learningRate) {
        Propagation p = LogisticRegression.propagateUnchecked(w, b, X, Y);
        LogisticGradients grads = p.grads();
        // w = w - α dw
        w = w.minus(grads.dw().times(learningRate));
        // b = b - α db
        b = b - learningRate * grads.db();
        lastGrads = grads;
        return p.cost();
    }

    @Override
    public LogisticParameters parameters() {
        return new LogisticParameters(w, b);
    }

    /** The gradients of the last step, or {@code null} before the first. */
    LogisticGradients lastGrads() {
        return lastGrads;
    }
}
