package org.nndl4j.train;

/**
 * A model in training, as the gradient-descent loop sees it: something that can take one step and
 * show its parameters. Each model family (logistic, shallow, deep) provides one; how it computes the
 * step (which kernels, which buffers) is its own business, as long as the costs and parameters are
 * those of the course's algorithm.
 *
 * @param <P> the family's parameter type
 */
public interface Trainable<P> {

    /**
     * One iteration of batch gradient descent: forward propagation, cost, backward propagation and
     * the update {@code θ = θ - α dθ}.
     *
     * @return the cost of the parameters as they were before this update (what the course prints)
     */
    double step(double learningRate);

    /** The current parameters (materialised on demand if the implementation holds them differently). */
    P parameters();
}
