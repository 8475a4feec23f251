package org.nndl4j.train;

import java.util.function.Supplier;

/**
 * What a {@link TrainingListener} is told at a recorded iteration: the iteration number, the cost
 * before that iteration's update, and access to the parameters after it.
 *
 * @param <P> the parameter type of the model being trained
 */
public final class TrainingProgress<P> {

    private final int iteration;
    private final double cost;
    private final double learningRate;
    private final Supplier<P> parameters;

    TrainingProgress(int iteration, double cost, double learningRate, Supplier<P> parameters) {
        this.iteration = iteration;
        this.cost = cost;
        this.learningRate = learningRate;
        this.parameters = parameters;
    }

    /** The 0-based iteration whose cost this is. */
    public int iteration() {
        return iteration;
    }

    /** The cost computed in this iteration, before its parameter update. */
    public double cost() {
        return cost;
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * The parameters after this iteration's update. Computed on request: a listener that only prints
     * costs costs nothing extra.
     */
    public P parameters() {
        return parameters.get();
    }
}
