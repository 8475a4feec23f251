package org.nndl4j.train;

/**
 * Receives progress at every recorded iteration (see {@link TrainingConfig#recordEvery()}). Library
 * code never prints; examples attach a listener that prints the course's lines.
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
     * A listener that does nothing.
     *
     * @return the listener
     */
    static TrainingListener none() {
        return progress -> { };
    }
}
