package org.nndl4j.logistic;

import java.util.List;

import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.Engine;
import org.nndl4j.train.NetworkTrainer;

/**
 * Logistic regression trained by the library's shared engine, {@link NetworkTrainer}, as the one-layer
 * network {@code A = σ(W1·X + b1)} with {@code W1 = wᵀ} of shape {@code (1, n_x)} and {@code b1 = [[b]]}.
 * Same costs and parameters as the course's {@code propagate} loop (to rounding), much faster: with
 * {@link Engine#GRAM} (the default for wide data such as the cat images) an iteration costs O(m²)
 * instead of O(n_x·m).
 */
final class LogisticEngineTraining implements LogisticTraining {

    private final NetworkTrainer trainer;
    private final int features;
    private boolean stepped;

    /** Inputs must already be validated (see {@link LogisticRegression#optimize}). */
    LogisticEngineTraining(LogisticParameters initial, Matrix X, Matrix Y, Engine engine) {
        features = initial.features();
        // W1 = wᵀ, (1, n_x); b1 = [[b]]
        trainer = NetworkTrainer.create(List.of(initial.w().reshape(1, features)), List.of(Matrix.scalar(initial.b())),
                List.of(Activation.SIGMOID), LabeledData.of(X, Y), engine);
    }

    /** The engine in use ({@link Engine#AUTO} resolved). */
    Engine engine() {
        return trainer.engine();
    }

    @Override
    public double step(double learningRate) {
        stepped = true;
        return trainer.step(learningRate);
    }

    @Override
    public LogisticParameters parameters() {
        // w = W1ᵀ
        return new LogisticParameters(trainer.weights(1).reshape(features, 1), trainer.bias(1).item());
    }

    @Override
    public LogisticGradients lastGrads() {
        if (!stepped) {
            return null;
        }
        // dw = dW1ᵀ
        return new LogisticGradients(trainer.lastWeightGradient(1).reshape(features, 1),
                trainer.lastBiasGradient(1).item());
    }
}
