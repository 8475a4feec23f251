package org.nndl4j.train;

import java.util.function.Function;

import org.nndl4j.data.LabeledData;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Backpropagation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;

/**
 * Training any {@link Network}: the entry point for your own networks and data, and the one place where the engine
 * that computes the steps is chosen.
 *
 * <pre>{@code
 * Network initial = ...;                                   // e.g. [64, 25, 12, 10], ReLU, ReLU, softmax
 * TrainingResult result = Training.fit(initial, train, TrainingConfig.of(3000, 0.1), TrainingListener.none());
 * double accuracy = result.accuracy(test);
 * }</pre>
 */
public final class Training {

    private Training() {
    }

    /**
     * Trains {@code initial} on {@code data} by full-batch gradient descent.
     *
     * @param initial  the network to start from (not modified: networks are values)
     * @param data     examples {@code X (n[0], m)} and labels fitting the network's output ({@code (1, m)} 0/1 for a
     *                 sigmoid output, one-hot {@code (C, m)} for a softmax output of {@code C} units)
     * @param config   iterations, learning rate, recording interval, engine
     * @param listener told the cost at every recorded iteration
     * @return the trained network and its history
     * @throws IllegalArgumentException  if the data do not fit the network (shapes, labels, no examples)
     * @throws TrainingDivergedException if the cost stops being finite
     */
    public static TrainingResult fit(Network initial, LabeledData data, TrainingConfig config, TrainingListener listener) {
        if (initial == null || data == null || config == null || listener == null) {
            throw new IllegalArgumentException("Training.fit: initial, data, config and listener must not be null "
                    + "(use TrainingListener.none())");
        }
        Trainable model = trainable(initial, data.X(), data.Y(), config.engine(),
                network -> new ReferenceTrainable(network, data.X(), data.Y()));
        return TrainingLoop.run(model, config, listener);
    }

    /**
     * The one place where the engine is chosen: {@link Engine#AUTO} resolves by the data's shape, {@link Engine#PRIMAL}
     * and {@link Engine#GRAM} are the fast {@link NetworkEngine}, and {@link Engine#REFERENCE} is the caller's own
     * straightforward computation.
     *
     * @param initial   the network to start from
     * @param X         examples, {@code (n[0], m)}
     * @param Y         labels
     * @param choice    the configured engine
     * @param reference builds the {@link Engine#REFERENCE} trainable from the initial network (the model families
     *                  pass their course building blocks)
     * @return the network in training
     */
    public static Trainable trainable(Network initial, Matrix X, Matrix Y, Engine choice,
                                      Function<Network, Trainable> reference) {
        if (initial == null || X == null || Y == null || choice == null || reference == null) {
            throw new IllegalArgumentException("Training.trainable: initial, X, Y, choice and reference must not be null");
        }
        Engine engine = choice.resolve(X.rows(), X.cols());
        return switch (engine) {
            case REFERENCE -> reference.apply(initial);
            case GRAM -> new EngineTrainable(NetworkEngine.gram(initial, X, Y), Engine.GRAM);
            default -> new EngineTrainable(NetworkEngine.primal(initial, X, Y), Engine.PRIMAL);
        };
    }

    /** The fast engine, as the loop sees it. */
    private record EngineTrainable(NetworkEngine computation, Engine kind) implements Trainable {
        @Override
        public double step(double learningRate) {
            return computation.step(learningRate);
        }

        @Override
        public Network network() {
            return computation.network();
        }

        @Override
        public Gradients lastGradients() {
            return computation.lastGradients();
        }

        @Override
        public Engine engine() {
            return kind;
        }
    }

    /** {@link Engine#REFERENCE} for any network: {@link Backpropagation}, fresh matrices every step. */
    private static final class ReferenceTrainable implements Trainable {
        private final Matrix X;
        private final Matrix Y;
        private Network network;
        private Gradients last;

        ReferenceTrainable(Network initial, Matrix X, Matrix Y) {
            this.network = initial;
            this.X = X;
            this.Y = Y;
        }

        @Override
        public double step(double learningRate) {
            double cost = Backpropagation.cost(network, X, Y);
            last = Backpropagation.gradients(network, X, Y);
            network = Backpropagation.update(network, last, learningRate);
            return cost;
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public Gradients lastGradients() {
            return last;
        }

        @Override
        public Engine engine() {
            return Engine.REFERENCE;
        }
    }
}
