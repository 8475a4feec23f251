package org.nndl4j.train;

/**
 * How to run batch gradient descent: how many iterations, the learning rate, and how often to record
 * the cost (the course records it every 100 iterations).
 *
 * @param iterations   number of gradient steps, {@code >= 0}
 * @param learningRate step size α, finite and {@code > 0}
 * @param recordEvery  the cost is recorded (and listeners called) at iterations 0, recordEvery, 2·recordEvery, ...
 */
public record TrainingConfig(int iterations, double learningRate, int recordEvery) {

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
    }

    /** {@code iterations} steps at {@code learningRate}, recording the cost every 100 iterations. */
    public static TrainingConfig of(int iterations, double learningRate) {
        return new TrainingConfig(iterations, learningRate, DEFAULT_RECORD_EVERY);
    }

    /** The same configuration recording every {@code n} iterations. */
    public TrainingConfig withRecordEvery(int n) {
        return new TrainingConfig(iterations, learningRate, n);
    }
}
