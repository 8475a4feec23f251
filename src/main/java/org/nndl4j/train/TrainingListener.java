package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

/**
 * Receives progress at every recorded epoch (see {@link TrainingConfig#recordEvery()}) and, if it wants, after every
 * step ({@link #stepTaken}; a mini-batch's step). Library code never prints; examples attach a listener that prints
 * the course's lines.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called at every recorded iteration, after its update.
     *
     * @param progress the iteration, its cost, and the network on request
     */
    void costRecorded(TrainingProgress progress);

    /**
     * Called after every step (every mini-batch's update; for the full batch, every epoch's). Does nothing unless
     * overridden: see {@link #onSteps}.
     *
     * @param step the epoch, the batch, its mean cost and the learning rate
     */
    default void stepTaken(StepProgress step) {
    }

    /**
     * A listener that hears only the steps, e.g. to print the older course text's cost of each epoch's last
     * mini-batch.
     *
     * @param steps told after every step
     * @return the listener
     */
    static TrainingListener onSteps(java.util.function.Consumer<StepProgress> steps) {
        if (steps == null) {
            throw new Nndl4jException("TrainingListener.onSteps: steps is null");
        }
        return new TrainingListener() {
            @Override
            public void costRecorded(TrainingProgress progress) {
            }

            @Override
            public void stepTaken(StepProgress step) {
                steps.accept(step);
            }
        };
    }

    /**
     * A listener that does nothing.
     *
     * @return the listener
     */
    static TrainingListener none() {
        return progress -> { };
    }
}
