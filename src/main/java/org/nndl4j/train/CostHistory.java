package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

/**
 * The costs recorded during training, one every {@code recordEvery} epochs starting at epoch 0 (the course's
 * {@code costs} list, used for learning curves), each with the learning rate of its epoch.
 *
 * @param recordEvery   the interval between recorded epochs
 * @param costs         the recorded costs
 * @param learningRates the learning rate in force during each recorded epoch (NaN where unknown)
 */
public record CostHistory(int recordEvery, double[] costs, double[] learningRates) {

    /**
     * @param recordEvery   the interval between recorded epochs, {@code >= 1}
     * @param costs         the recorded costs; copied
     * @param learningRates the learning rate during each recorded epoch; copied
     * @throws IllegalArgumentException if {@code recordEvery < 1} or the arrays differ in length
     */
    public CostHistory {
        if (recordEvery < 1) {
            throw new Nndl4jException("recordEvery must be >= 1, got " + recordEvery);
        }
        if (costs == null || learningRates == null || costs.length != learningRates.length) {
            throw new Nndl4jException("CostHistory: need as many learning rates as costs");
        }
        costs = costs.clone();
        learningRates = learningRates.clone();
    }

    /**
     * Costs whose learning rates are not known.
     *
     * @param recordEvery the interval between recorded epochs
     * @param costs       the recorded costs
     */
    public CostHistory(int recordEvery, double[] costs) {
        this(recordEvery, costs, nans(costs == null ? 0 : costs.length));
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** @return a copy of the recorded costs */
    @Override
    public double[] costs() {
        return costs.clone();
    }

    /** @return a copy of the learning rates, one per recorded cost */
    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    /** @return the number of recorded costs */
    public int size() {
        return costs.length;
    }

    /**
     * @param k the record's index
     * @return the {@code k}-th recorded cost
     */
    public double cost(int k) {
        return costs[k];
    }

    /**
     * @param k the record's index
     * @return the learning rate of the {@code k}-th recorded epoch
     */
    public double learningRate(int k) {
        return learningRates[k];
    }

    /**
     * @param k the record's index
     * @return the epoch (iteration) at which the {@code k}-th cost was recorded
     */
    public int iteration(int k) {
        return k * recordEvery;
    }

    /** @return the last recorded cost, or NaN if none was recorded */
    public double last() {
        return costs.length == 0 ? Double.NaN : costs[costs.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostHistory other && other.recordEvery == recordEvery && Arrays.equals(other.costs, costs)
                && Arrays.equals(other.learningRates, learningRates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * recordEvery + Arrays.hashCode(costs)) + Arrays.hashCode(learningRates);
    }

    @Override
    public String toString() {
        return "CostHistory[every " + recordEvery + ": " + Arrays.toString(costs) + "]";
    }

    /** Collects costs as they are recorded: grows with the records, never sized by the iteration count. */
    static final class Recorder {
        private final int every;
        private double[] costs = new double[16];
        private double[] rates = new double[16];
        private int size;

        Recorder(int every) {
            this.every = every;
        }

        void add(double cost, double learningRate) {
            if (size == costs.length) {
                costs = Arrays.copyOf(costs, size * 2);
                rates = Arrays.copyOf(rates, size * 2);
            }
            costs[size] = cost;
            rates[size] = learningRate;
            size++;
        }

        CostHistory history() {
            return new CostHistory(every, Arrays.copyOf(costs, size), Arrays.copyOf(rates, size));
        }
    }
}
