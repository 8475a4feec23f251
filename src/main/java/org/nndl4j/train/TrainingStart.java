package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

/**
 * Where a training (re)starts: the first epoch to run, the optimizer's state to continue from and the costs recorded
 * before that epoch. {@link TrainingLoop#run(Trainable, TrainingConfig, TrainingListener, TrainingStart)} with a
 * start at epoch {@code k} runs epochs {@code k .. iterations-1} exactly as an uninterrupted training runs them, given
 * the network after epoch {@code k - 1}, the state after it and the costs recorded before it: that is how a training
 * resumes from a checkpoint (the Spark module's). The caller keeps the {@link OptimizerState} it passes, so it can
 * read its moments ({@link OptimizerState#moments()}) between epochs to save them.
 *
 * @param epoch   the first epoch to run, {@code >= 0}
 * @param state   the optimizer's state to continue (its own optimizer must be the configuration's); {@code null} for
 *                full-batch gradient descent, which keeps none
 * @param history the costs recorded at epochs {@code 0, every, ...} before {@code epoch}: {@code ceil(epoch / every)}
 *                of them, recorded every {@code config.recordEvery()} epochs
 */
public record TrainingStart(int epoch, OptimizerState state, CostHistory history) {

    /**
     * @param epoch   the first epoch to run, {@code >= 0}
     * @param state   the optimizer's state, or {@code null} for full-batch gradient descent
     * @param history the costs recorded before {@code epoch}
     * @throws IllegalArgumentException if {@code epoch < 0}, {@code history} is null or its length does not fit
     *                                  {@code epoch}
     */
    public TrainingStart {
        if (epoch < 0) {
            throw new Nndl4jException("TrainingStart: epoch must be >= 0, got " + epoch);
        }
        if (history == null) {
            throw new Nndl4jException("TrainingStart: history is null (use TrainingStart.beginning)");
        }
        int expected = (int) ((epoch + (long) history.recordEvery() - 1) / history.recordEvery());
        if (history.size() != expected) {
            throw new Nndl4jException("TrainingStart: " + history.size() + " recorded costs before epoch " + epoch
                    + ", but a record every " + history.recordEvery() + " epochs gives " + expected);
        }
    }

    /**
     * The start of a fresh training: epoch 0, nothing recorded, with {@code state} as the optimizer's state.
     *
     * @param config the configuration (its recording interval)
     * @param state  a fresh state ({@code config.optimizer().newState(layerDims)}), or {@code null} for full-batch
     *               gradient descent
     * @return the start
     */
    public static TrainingStart beginning(TrainingConfig config, OptimizerState state) {
        if (config == null) {
            throw new Nndl4jException("TrainingStart.beginning: config is null");
        }
        return new TrainingStart(0, state, new CostHistory(config.recordEvery(), new double[0], new double[0]));
    }
}
