package org.nndl4j.shallow;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Trainable;

/**
 * The one-hidden-layer network trained by the course's own building blocks
 * ({@link org.nndl4j.train.Engine#REFERENCE}): each step is one iteration of the course's {@code nn_model}
 * loop, {@link ShallowNetwork#forwardPropagation}, {@link ShallowNetwork#computeCost},
 * {@link ShallowNetwork#backwardPropagation} and {@link ShallowNetwork#updateParameters}, with fresh
 * matrices every step as the course's code is written. Holds the current parameters; the data is never
 * modified.
 */
final class ShallowTrainable implements Trainable {

    private final Matrix X;
    private final Matrix Y;
    private ShallowParameters parameters;
    private ShallowGradients last;

    /** X {@code (n_x, m)} and Y {@code (1, m)} must already have been checked (see {@link ShallowNetwork#nnModel}). */
    ShallowTrainable(Matrix X, Matrix Y, ShallowParameters parameters) {
        this.X = X;
        this.Y = Y;
        this.parameters = parameters;
    }

    @Override
    public double step(double learningRate) {
        ShallowForward forward = ShallowNetwork.forwardPropagation(X, parameters);
        double cost = ShallowNetwork.costUnchecked(forward.A2(), Y);
        last = ShallowNetwork.backwardPropagation(parameters, forward.cache(), X, Y);
        parameters = ShallowNetwork.updateParameters(parameters, last, learningRate);
        return cost;
    }

    @Override
    public Network network() {
        return parameters.toNetwork();
    }

    @Override
    public Gradients lastGradients() {
        return last == null ? null : new Gradients(java.util.List.of(last.dW1(), last.dW2()), java.util.List.of(last.db1(), last.db2()));
    }

    @Override
    public Engine engine() {
        return Engine.REFERENCE;
    }
}
