package org.nndl4j.train;

import java.util.Arrays;

/**
 * The costs recorded during training, one every {@code recordEvery} iterations starting at iteration 0
 * (the course's {@code costs} list, used for learning curves).
 */
public record CostHistory(int recordEvery, double[] costs) {

    public CostHistory {
        if (recordEvery < 1) {
            throw new IllegalArgumentException("recordEvery must be >= 1, got " + recordEvery);
        }
        costs = costs.clone();
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }

    /** Number of recorded costs. */
    public int size() {
        return costs.length;
    }

    /** The {@code k}-th recorded cost. */
    public double cost(int k) {
        return costs[k];
    }

    /** The iteration at which the {@code k}-th cost was recorded. */
    public int iteration(int k) {
        return k * recordEvery;
    }

    /** The last recorded cost, or NaN if none was recorded. */
    public double last() {
        return costs.length == 0 ? Double.NaN : costs[costs.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostHistory other && other.recordEvery == recordEvery && Arrays.equals(other.costs, costs);
    }

    @Override
    public int hashCode() {
        return 31 * recordEvery + Arrays.hashCode(costs);
    }

    @Override
    public String toString() {
        return "CostHistory[every " + recordEvery + ": " + Arrays.toString(costs) + "]";
    }
}
