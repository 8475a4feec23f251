package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

/**
 * Thrown when a parameter becomes NaN or infinite during training, instead of carrying on for thousands of iterations
 * of NaN (an infinite cost alone does not stop training). It names the iteration and the learning rate, and keeps the
 * costs recorded before the failure.
 */
public class TrainingDivergedException extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    /** The iteration after whose update the parameters were not finite. */
    private final int iteration;
    /** The learning rate in force when training diverged. */
    private final double learningRate;
    /** The cost of that iteration, before its update. */
    private final double cost;
    private final transient CostHistory costsSoFar;

    /**
     * Names the iteration, cost and learning rate in the message, with a hint to lower the rate.
     *
     * @param iteration    the iteration after whose update the parameters were not finite
     * @param learningRate the learning rate in force
     * @param cost         the cost of that iteration (before its update); NaN if it was not computed (an epoch of
     *                     mini-batches that is neither recorded nor followed step by step by a listener)
     * @param costsSoFar   the costs recorded before the failure
     */
    public TrainingDivergedException(int iteration, double learningRate, double cost, CostHistory costsSoFar) {
        super("training diverged: the parameters stopped being finite numbers at iteration " + iteration
                + " (cost " + cost + ") with learning rate " + learningRate
                + " (try a smaller learning rate, or check the inputs for NaN/infinite values)");
        this.iteration = iteration;
        this.learningRate = learningRate;
        this.cost = cost;
        this.costsSoFar = costsSoFar;
    }

    /** @return the iteration after whose update the parameters were not finite */
    public int iteration() {
        return iteration;
    }

    /** @return the learning rate in force when training diverged */
    public double learningRate() {
        return learningRate;
    }

    /** @return the cost of that iteration (before its update), or NaN if it was not computed (see the constructor) */
    public double cost() {
        return cost;
    }

    /**
     * The costs recorded before the failure.
     *
     * @return the recorded costs, up to the last recorded iteration before the failure
     */
    public CostHistory costsSoFar() {
        return costsSoFar;
    }
}
