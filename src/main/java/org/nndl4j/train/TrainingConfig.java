package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Gemm;

/**
 * How to train: how many iterations (epochs), the learning rate and how it changes, the optimizer, the mini-batches,
 * how often to record the cost (the course records it every 100 iterations) and which engine computes the steps.
 * The defaults are the first course's: full-batch gradient descent at a constant rate, where an epoch is one step.
 *
 * @param iterations   number of epochs (for the full batch, of gradient steps), {@code >= 0}
 * @param learningRate step size α (the initial one, under a schedule), finite and {@code > 0}
 * @param recordEvery  the cost is recorded (and listeners called) at epochs 0, recordEvery, 2·recordEvery, ...
 * @param engine       how the steps are computed (see {@link Engine}); {@link Engine#AUTO} by default
 * @param optimizer    how parameters move (see {@link Optimizer}); gradient descent by default
 * @param miniBatches  how an epoch is cut into steps (see {@link MiniBatches}); the full batch by default
 * @param schedule     how the learning rate changes after each epoch; constant by default
 * @param regularization L2 and dropout (see {@link Regularization}); none by default
 * @param threads      how many threads the training's matrix products use, {@code >= 1}; or
 *                     {@link #DEFAULT_THREADS} (the default) for {@link Gemm#threads()}, the process-wide count of
 *                     {@link Gemm#setThreads}. The results are bit-identical for any count.
 * @param precision    the arithmetic of the steps (see {@link Precision}); {@link Precision#FLOAT64} by default
 */
public record TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine, Optimizer optimizer,
                             MiniBatches miniBatches, LearningRateSchedule schedule, Regularization regularization,
                             int threads, Precision precision) {

    /** The course's recording interval. */
    public static final int DEFAULT_RECORD_EVERY = 100;

    /** {@link #threads()} meaning "the process-wide count of {@link Gemm#setThreads}". */
    public static final int DEFAULT_THREADS = 0;

    /**
     * @param iterations     number of epochs, {@code >= 0}
     * @param learningRate   step size α, finite and {@code > 0}
     * @param recordEvery    the interval between recorded costs, {@code >= 1}
     * @param engine         how the steps are computed
     * @param optimizer      how parameters move
     * @param miniBatches    how an epoch is cut into steps
     * @param schedule       how the learning rate changes after each epoch
     * @param regularization L2 and dropout
     * @param threads        threads for the matrix products, {@code >= 1}, or {@link #DEFAULT_THREADS}
     * @param precision      the arithmetic of the steps
     * @throws IllegalArgumentException naming the value that is out of range or null
     */
    public TrainingConfig {
        if (iterations < 0) {
            throw new Nndl4jException("iterations must be >= 0, got " + iterations);
        }
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new Nndl4jException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (recordEvery < 1) {
            throw new Nndl4jException("recordEvery must be >= 1, got " + recordEvery);
        }
        if (engine == null) {
            throw new Nndl4jException("engine must not be null (use Engine.AUTO)");
        }
        if (optimizer == null) {
            throw new Nndl4jException("optimizer must not be null (use Optimizer.gradientDescent())");
        }
        if (miniBatches == null) {
            throw new Nndl4jException("miniBatches must not be null (use MiniBatches.fullBatch())");
        }
        if (schedule == null) {
            throw new Nndl4jException("schedule must not be null (use LearningRateSchedule.constant())");
        }
        if (regularization == null) {
            throw new Nndl4jException("regularization must not be null (use Regularization.none())");
        }
        if (threads < 0) {
            throw new Nndl4jException("threads must be >= 1, or TrainingConfig.DEFAULT_THREADS (0) for "
                    + "Gemm's default, got " + threads);
        }
        if (precision == null) {
            throw new Nndl4jException("precision must not be null (use Precision.FLOAT64)");
        }
    }

    /**
     * A float64 configuration ({@link Precision#FLOAT64}).
     *
     * @param iterations     epochs
     * @param learningRate   α0
     * @param recordEvery    recording interval
     * @param engine         the engine
     * @param optimizer      the optimizer
     * @param miniBatches    the batching
     * @param schedule       the learning-rate schedule
     * @param regularization L2 and dropout
     * @param threads        threads for the matrix products, {@code >= 1}, or {@link #DEFAULT_THREADS}
     */
    public TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine, Optimizer optimizer,
                          MiniBatches miniBatches, LearningRateSchedule schedule, Regularization regularization,
                          int threads) {
        this(iterations, learningRate, recordEvery, engine, optimizer, miniBatches, schedule, regularization, threads,
                Precision.FLOAT64);
    }

    /**
     * A configuration whose products use the process-wide thread count ({@link #DEFAULT_THREADS}).
     *
     * @param iterations     epochs
     * @param learningRate   α0
     * @param recordEvery    recording interval
     * @param engine         the engine
     * @param optimizer      the optimizer
     * @param miniBatches    the batching
     * @param schedule       the learning-rate schedule
     * @param regularization L2 and dropout
     */
    public TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine, Optimizer optimizer,
                          MiniBatches miniBatches, LearningRateSchedule schedule, Regularization regularization) {
        this(iterations, learningRate, recordEvery, engine, optimizer, miniBatches, schedule, regularization,
                DEFAULT_THREADS);
    }

    /**
     * A configuration without regularisation.
     *
     * @param iterations   epochs
     * @param learningRate α0
     * @param recordEvery  recording interval
     * @param engine       the engine
     * @param optimizer    the optimizer
     * @param miniBatches  the batching
     * @param schedule     the learning-rate schedule
     */
    public TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine, Optimizer optimizer,
                          MiniBatches miniBatches, LearningRateSchedule schedule) {
        this(iterations, learningRate, recordEvery, engine, optimizer, miniBatches, schedule, Regularization.none());
    }

    /**
     * Full-batch gradient descent at a constant rate, computed by {@code engine}.
     *
     * @param iterations   number of gradient steps
     * @param learningRate step size α
     * @param recordEvery  recording interval
     * @param engine       the engine
     */
    public TrainingConfig(int iterations, double learningRate, int recordEvery, Engine engine) {
        this(iterations, learningRate, recordEvery, engine, Optimizer.gradientDescent(), MiniBatches.fullBatch(),
                LearningRateSchedule.constant());
    }

    /**
     * Full-batch gradient descent at a constant rate with the {@link Engine#AUTO} engine.
     *
     * @param iterations   number of gradient steps
     * @param learningRate step size α
     * @param recordEvery  recording interval
     */
    public TrainingConfig(int iterations, double learningRate, int recordEvery) {
        this(iterations, learningRate, recordEvery, Engine.AUTO);
    }

    /**
     * {@code iterations} steps at {@code learningRate}, recording the cost every 100 iterations.
     *
     * @param iterations   number of gradient steps
     * @param learningRate step size α
     * @return the configuration
     */
    public static TrainingConfig of(int iterations, double learningRate) {
        return new TrainingConfig(iterations, learningRate, DEFAULT_RECORD_EVERY);
    }

    /**
     * @param n the number of epochs
     * @return the same configuration for {@code n} epochs
     */
    public TrainingConfig withIterations(int n) {
        return new TrainingConfig(n, learningRate, recordEvery, engine, optimizer, miniBatches,
                schedule, regularization, threads, precision);
    }

    /**
     * @param n the recording interval
     * @return the same configuration recording every {@code n} epochs
     */
    public TrainingConfig withRecordEvery(int n) {
        return new TrainingConfig(iterations, learningRate, n, engine, optimizer, miniBatches,
                schedule, regularization, threads, precision);
    }

    /**
     * @param e the engine
     * @return the same configuration computed by {@code e}
     */
    public TrainingConfig withEngine(Engine e) {
        return new TrainingConfig(iterations, learningRate, recordEvery, e, optimizer, miniBatches,
                schedule, regularization, threads, precision);
    }

    /**
     * @param o the optimizer
     * @return the same configuration with optimizer {@code o}
     */
    public TrainingConfig withOptimizer(Optimizer o) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, o, miniBatches,
                schedule, regularization, threads, precision);
    }

    /**
     * @param batches the batching
     * @return the same configuration cut into {@code batches}
     */
    public TrainingConfig withMiniBatches(MiniBatches batches) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, optimizer, batches,
                schedule, regularization, threads, precision);
    }

    /**
     * @param s the schedule
     * @return the same configuration with learning-rate schedule {@code s}
     */
    public TrainingConfig withSchedule(LearningRateSchedule s) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, optimizer, miniBatches,
                s, regularization, threads, precision);
    }

    /**
     * @param r the regularisation
     * @return the same configuration regularised by {@code r}
     */
    public TrainingConfig withRegularization(Regularization r) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, optimizer, miniBatches,
                schedule, r, threads, precision);
    }

    /**
     * @param n how many threads the training's matrix products use ({@code >= 1}), or {@link #DEFAULT_THREADS} for
     *          the process-wide count of {@link Gemm#setThreads}
     * @return the same configuration computed on {@code n} threads (with bit-identical results)
     */
    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, optimizer, miniBatches, schedule,
                regularization, n, precision);
    }

    /**
     * @param p the arithmetic of the steps: {@link Precision#FLOAT32} computes them in float32 on the PRIMAL engine
     *          (with {@link Engine#AUTO} or {@link Engine#PRIMAL}), the parameters staying float64
     * @return the same configuration computed in precision {@code p}
     */
    public TrainingConfig withPrecision(Precision p) {
        return new TrainingConfig(iterations, learningRate, recordEvery, engine, optimizer, miniBatches, schedule,
                regularization, threads, p);
    }

    /**
     * Whether this is the first course's training: full-batch gradient descent, one step an epoch, whose recorded cost
     * is the step's mean cost as the first course computes it.
     *
     * @return true for full-batch gradient descent
     */
    public boolean isFullBatchGradientDescent() {
        return miniBatches.isFullBatch() && optimizer.isPlainGradientDescent();
    }
}
