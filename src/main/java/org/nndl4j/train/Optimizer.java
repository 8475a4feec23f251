package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

/**
 * How the parameters move once the gradients of a step are known: a value, chosen on the {@link TrainingConfig}.
 * Each optimizer makes its own state ({@link OptimizerState}: velocities, squared-gradient averages, the step counter)
 * for a network's layer sizes, in buffers allocated once and reused at every step.
 *
 * <p>The formulas are the second course's ("Optimization methods"), for every {@code W[l]} and {@code b[l]} alike, with
 * {@code α} the learning rate of the step and {@code t} the number of steps taken so far, this one included:
 * <ul>
 * <li>{@link GradientDescent}: {@code W = W - α dW}.</li>
 * <li>{@link Momentum}: {@code v = β v + (1 - β) dW}; {@code W = W - α v}.</li>
 * <li>{@link RmsProp} (Hinton's; not in the course): {@code s = β2 s + (1 - β2) dW²};
 *     {@code W = W - α dW / (sqrt(s) + ε)}.</li>
 * <li>{@link Adam}: {@code v = β1 v + (1 - β1) dW}, {@code v̂ = v / (1 - β1^t)}; {@code s = β2 s + (1 - β2) dW²},
 *     {@code ŝ = s / (1 - β2^t)}; {@code W = W - α v̂ / (sqrt(ŝ) + ε)}.</li>
 * </ul>
 * Velocities and averages start at zero.
 */
public sealed interface Optimizer permits Optimizer.GradientDescent, Optimizer.Momentum, Optimizer.RmsProp, Optimizer.Adam {

    /** @return plain gradient descent */
    static GradientDescent gradientDescent() {
        return new GradientDescent();
    }

    /**
     * @param beta the velocity's decay {@code β} in [0, 1)
     * @return momentum
     */
    static Momentum momentum(double beta) {
        return new Momentum(beta);
    }

    /** @return momentum with the course's {@code β = 0.9} */
    static Momentum momentum() {
        return new Momentum(0.9);
    }

    /** @return RMSprop with {@code β2 = 0.9} and {@code ε = 1e-8} */
    static RmsProp rmsProp() {
        return new RmsProp(0.9, 1e-8);
    }

    /** @return Adam with the course's {@code β1 = 0.9}, {@code β2 = 0.999}, {@code ε = 1e-8} */
    static Adam adam() {
        return new Adam(0.9, 0.999, 1e-8);
    }

    /**
     * Whether every update moves {@code W1} by a linear combination of gradients, so that from a full batch it stays
     * in the span of the examples (what the exact GRAM computation needs).
     *
     * @return true for gradient descent
     */
    default boolean isPlainGradientDescent() {
        return this instanceof GradientDescent;
    }

    /**
     * A fresh state for a network of layer sizes {@code layerDims}: zero velocities and averages, no step taken.
     *
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @return the state, to be used by one training
     */
    default OptimizerState newState(int[] layerDims) {
        return new OptimizerState(this, layerDims);
    }

    /** {@code W = W - α dW}. */
    record GradientDescent() implements Optimizer {
    }

    /**
     * Gradient descent with momentum.
     *
     * @param beta the velocity's decay {@code β} in [0, 1)
     */
    record Momentum(double beta) implements Optimizer {
        /**
         * @param beta the velocity's decay {@code β} in [0, 1)
         * @throws IllegalArgumentException if {@code β} is not in [0, 1)
         */
        public Momentum {
            requireDecay("Momentum", "beta", beta);
        }
    }

    /**
     * RMSprop.
     *
     * @param beta2   the squared-gradient average's decay {@code β2} in [0, 1)
     * @param epsilon {@code ε > 0}, keeps the division finite
     */
    record RmsProp(double beta2, double epsilon) implements Optimizer {
        /**
         * @param beta2   the squared-gradient average's decay {@code β2} in [0, 1)
         * @param epsilon {@code ε > 0}
         * @throws IllegalArgumentException if a value is out of range
         */
        public RmsProp {
            requireDecay("RmsProp", "beta2", beta2);
            requireEpsilon("RmsProp", epsilon);
        }
    }

    /**
     * Adam.
     *
     * @param beta1   the velocity's decay {@code β1} in [0, 1)
     * @param beta2   the squared-gradient average's decay {@code β2} in [0, 1)
     * @param epsilon {@code ε > 0}, keeps the division finite
     */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        /**
         * @param beta1   the velocity's decay {@code β1} in [0, 1)
         * @param beta2   the squared-gradient average's decay {@code β2} in [0, 1)
         * @param epsilon {@code ε > 0}
         * @throws IllegalArgumentException if a value is out of range
         */
        public Adam {
            requireDecay("Adam", "beta1", beta1);
            requireDecay("Adam", "beta2", beta2);
            requireEpsilon("Adam", epsilon);
        }
    }

    private static void requireDecay(String optimizer, String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new Nndl4jException(optimizer + ": " + name + " must be in [0, 1), got " + value);
        }
    }

    private static void requireEpsilon(String optimizer, double epsilon) {
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new Nndl4jException(optimizer + ": epsilon must be a finite number > 0, got " + epsilon);
        }
    }
}
