package org.nndl4j.train;

/**
 * Receives progress at every recorded iteration (see {@link TrainingConfig#recordEvery()}). Library
 * code never prints; examples attach a listener that prints the course's lines.
 *
 * @param <P> the parameter type of the model being trained
 */
@FunctionalInterface
public interface TrainingListener<P> {

    void costRecorded(TrainingProgress<? extends P> progress);

    /** A listener that does nothing. */
    static <P> TrainingListener<P> none() {
        return progress -> { };
    }
}
