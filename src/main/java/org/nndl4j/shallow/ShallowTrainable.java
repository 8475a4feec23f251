package org.nndl4j.shallow;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.Trainable;

/**
 * The one-hidden-layer network trained by the course's own building blocks
 * ({@link org.nndl4j.train.Engine#REFERENCE}): each step is one iteration of the course's {@code nn_model}
 * loop, {@link ShallowNetwork#forwardPropagation}, {@link ShallowNetwork#computeCost},
 * {@link ShallowNetwork#backwardPropagation} and {@link ShallowNetwork#updateParameters}, with fresh
 * matrices every step as the course's code is written. Holds the current parameters; the data is never
 * modified.
 */
final class ShallowTrainable implements Trainable<ShallowParameters> {

    private final Matrix X;
    private final Matrix Y;
    private ShallowParameters parameters;

    /** X {@code (n_x, m)} and Y {@code (1, m)} must already have been checked (see {@link ShallowNetwork#nnModel}). */
    ShallowTrainable(Matrix X, Matrix Y, ShallowParameters parameters) {
        this.X = X;
        this.Y = Y;
        this.parameters = parameters;
    }

    @Override
    public double step(double learningRate) {
        ForwardResult forward = ShallowNetwork.forwardPropagation(X, parameters);
        double cost = ShallowNetwork.computeCost(forward.A2(), Y);
        ShallowGradients grads = ShallowNetwork.backwardPropagation(parameters, forward.cache(), X, Y);
        parameters = ShallowNetwork.updateParameters(parameters, grads, learningRate);
        return cost;
    }

    @Override
    public ShallowParameters parameters() {
        return parameters;
    }
}
