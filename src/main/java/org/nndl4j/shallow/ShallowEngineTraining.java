package org.nndl4j.shallow;

import java.util.List;

import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.Engine;
import org.nndl4j.train.NetworkTrainer;
import org.nndl4j.train.Trainable;

/**
 * The one-hidden-layer network trained by the library's shared engine, {@link NetworkTrainer}, as the
 * two-layer network {@code [LINEAR -> TANH] -> [LINEAR -> SIGMOID]}: the same iteration as
 * {@link ShallowTrainable} (same costs and parameters to rounding) on reused buffers, without a fresh
 * matrix per operation.
 */
final class ShallowEngineTraining implements Trainable<ShallowParameters> {

    private final NetworkTrainer trainer;

    /** X {@code (n_x, m)} and Y {@code (1, m)} must already have been checked (see {@link ShallowNetwork#nnModel}). */
    ShallowEngineTraining(Matrix X, Matrix Y, ShallowParameters initial, Engine engine) {
        // layer 1 is element 0 of each list, layer 2 element 1
        trainer = NetworkTrainer.create(List.of(initial.W1(), initial.W2()), List.of(initial.b1(), initial.b2()),
                List.of(Activation.TANH, Activation.SIGMOID), LabeledData.of(X, Y), engine);
    }

    /** The engine in use ({@link Engine#AUTO} resolved). */
    Engine engine() {
        return trainer.engine();
    }

    @Override
    public double step(double learningRate) {
        return trainer.step(learningRate);
    }

    @Override
    public ShallowParameters parameters() {
        return new ShallowParameters(trainer.weights(1), trainer.bias(1), trainer.weights(2), trainer.bias(2));
    }
}
