package org.nndl4j.train;

import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;

/**
 * A network in training, as the one training loop ({@link TrainingLoop}) sees it: something that takes one step
 * and shows its network. The fast engines provide one ({@link Training#trainable}); each model family (logistic,
 * shallow, deep) provides its course-faithful {@link Engine#REFERENCE} one, built on its own building blocks. This is
 * the one way anything plugs into the loop.
 */
public interface Trainable {

    /**
     * One iteration of batch gradient descent: forward propagation, cost, backward propagation and the update
     * {@code θ = θ - α dθ}.
     *
     * @param learningRate {@code α}
     * @return the cost of the parameters as they were before this update (what the course prints)
     */
    double step(double learningRate);

    /**
     * The current network (formed on demand if the implementation holds it differently).
     *
     * @return the network after the last step
     */
    Network network();

    /**
     * The gradients of the last {@link #step}, from the parameters before its update.
     *
     * @return the gradients, or {@code null} before the first step
     */
    Gradients lastGradients();

    /**
     * How the steps are computed.
     *
     * @return {@link Engine#PRIMAL}, {@link Engine#GRAM} or {@link Engine#REFERENCE}, never {@link Engine#AUTO}
     */
    Engine engine();
}
