package org.nndl4j.logistic;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Trainable;

/**
 * Logistic regression trained by the course's own building blocks ({@link org.nndl4j.train.Engine#REFERENCE}):
 * one {@link #step} is one iteration of the course's {@code optimize} ({@code propagate}, then
 * {@code w = w - α dw}, {@code b = b - α db}), with fresh matrices every step, as the course's code is written.
 */
final class LogisticTrainable implements Trainable {

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
    public Network network() {
        return new LogisticParameters(w, b).toNetwork();
    }

    @Override
    public Gradients lastGradients() {
        return lastGrads == null ? null : lastGrads.toGradients();
    }

    @Override
    public Engine engine() {
        return Engine.REFERENCE;
    }
}
