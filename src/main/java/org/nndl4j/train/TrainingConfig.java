package org.nndl4j.train;

/**
 * How to run batch gradient descent: how many iterations, the learning rate, and how often to record
 * the cost (the course records it every 100 iterations).
 *
 * @param iterations   number of gradient steps, {@code >= 0}
 * @param learningRate step size α, finite and {@code > 0}
 * @param recordEvery  the cost is recorded (and listeners called) at iterations 0, recordEvery, 2·recordEvery, ...
 * @param engine       how the steps are computed (see {@link Engine}); {@link Engine#AUTO} by default
 */
public record TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine) {

    /** The course's recording interval. */
    public static final int DEFAULT_RECORD_EVERY = 100;

    public TrainingConfig {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (recordEvery < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + recordEvery);
        }
        if (engine == null) {
            throw new IllegalArgumentException("engine must not be null (use Engine.AUTO)");
        }
    }

    /** A configuration with the {@link Engine#AUTO} engine. */
    public TrainingConfig(int iterations, double learningRate, int recordEvery) {
        this(iterations, learningRate, recordEvery, Engine.AUTO);
    }

    /** {@code iterations} steps at {@code learningRate}, recording the cost every 100 iterations. */
    public static TrainingConfig of(int iterations, double learningRate) {
        return new TrainingConfig(iterations, learningRate, DEFAULT_RECORD_EVERY);
    }

    /** The same configuration recording every {@code n} iterations. */
    public TrainingConfig withRecordEvery(int n) {
        return new TrainingConfig(iterations, learningRate, n, engine);
    }

    /** The same configuration computed by {@code e}. */
    public TrainingConfig withEngine(Engine e) {
        return new TrainingConfig(iterations, learningRate, recordEvery, e);
    }
}
