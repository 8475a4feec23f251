package org.nndl4j.train;

import java.util.function.Supplier;

import org.nndl4j.nn.Network;

/**
 * What a {@link TrainingListener} is told at a recorded iteration: the iteration number, the cost
 * before that iteration's update, and access to the network after it.
 */
public final class TrainingProgress {

    private final int iteration;
    private final double cost;
    private final double learningRate;
    private final Supplier<Network> network;

    TrainingProgress(int iteration, double cost, double learningRate, Supplier<Network> network) {
        this.iteration = iteration;
        this.cost = cost;
        this.learningRate = learningRate;
        this.network = network;
    }

    /** @return the 0-based iteration whose cost this is */
    public int iteration() {
        return iteration;
    }

    /** @return the cost computed in this iteration, before its parameter update */
    public double cost() {
        return cost;
    }

    /** @return the learning rate of this iteration's update */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The network after this iteration's update. Formed on request: a listener that only prints
     * costs costs nothing extra.
     *
     * @return the network now
     */
    public Network network() {
        return network.get();
    }
}
