package org.nndl4j.deep;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Trainable;

/**
 * One L-layer network in training, as {@link org.nndl4j.train.TrainingLoop} drives it: each step is the
 * course's loop body, built on the {@link DeepNetwork} building blocks (forward, cost, backward, update).
 *
 * <p>This is {@link org.nndl4j.train.Engine#REFERENCE}, the straightforward engine: every step allocates its matrices
 * and computes everything the course computes, including the unused gradient with respect to {@code X}. The fast
 * engines ({@link org.nndl4j.train.Training#trainable}) replace it without touching the building blocks or the examples.
 */
final class DeepTrainable implements Trainable {

    private final Matrix X;
    private final Matrix Y;
    private final Activation hidden;
    private DeepParameters parameters;
    private DeepGradients last;

    DeepTrainable(Matrix X, Matrix Y, DeepParameters initial, Activation hidden) {
        this.X = X;
        this.Y = Y;
        this.parameters = initial;
        this.hidden = hidden;
    }

    @Override
    public double step(double learningRate) {
        // forward: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID
        DeepForward forward = DeepNetwork.lModelForward(X, parameters, hidden);
        double cost = DeepNetwork.costUnchecked(forward.AL(), Y);
        last = DeepNetwork.lModelBackward(forward.AL(), Y, forward.caches(), hidden);
        parameters = DeepNetwork.updateParameters(parameters, last, learningRate);
        return cost;
    }

    @Override
    public Network network() {
        return parameters.toNetwork(hidden);
    }

    @Override
    public Gradients lastGradients() {
        return last == null ? null : last.toGradients();
    }

    @Override
    public Engine engine() {
        return Engine.REFERENCE;
    }
}
