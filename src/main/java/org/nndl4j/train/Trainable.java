package org.nndl4j.train;

import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;

/**
 * A network in training, as the one training loop ({@link TrainingLoop}) sees it: something that takes one step
 * and shows its network. The fast engines provide one ({@link Training#trainable}); each model family (logistic,
 * shallow, deep) provides its course-faithful {@link Engine#REFERENCE} one, built on its own building blocks. This is
 * the one way anything plugs into the loop.
 *
 * <p>{@link #step} is one full-batch gradient-descent iteration, the first course's loop body. Mini-batches and the
 * other optimizers use {@link #batchGradients} and {@link #update} instead; a trainable that cannot compute them
 * (the first course's families' own building blocks) says so, and {@link Training#trainable} does not choose it then.
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

    /**
     * Whether {@link #batchGradients} and {@link #update} are available (mini-batches, any optimizer).
     *
     * @return true if they are
     */
    default boolean supportsBatches() {
        return false;
    }

    /**
     * Forward and backward propagation on examples {@code order[from] .. order[to - 1]}, keeping the gradients for
     * {@link #update}.
     *
     * @param order the examples' order, or {@code null} for {@code 0..m-1}; the loop refills this array every epoch,
     *              so copy it to keep it
     * @param from  first position, inclusive
     * @param to    last position, exclusive
     * @return the summed loss of those examples
     * @throws UnsupportedOperationException if {@link #supportsBatches()} is false
     */
    default double batchGradients(int[] order, int from, int to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " computes full-batch gradient descent only");
    }

    /**
     * {@link #batchGradients(int[], int, int)}, without the loss when {@code withLoss} is false (the same gradients,
     * and NaN for the loss): the training loop asks for the loss only in the epochs it records, or when a listener
     * follows the steps. This default computes it anyway.
     *
     * @param order    the examples' order, or {@code null} for {@code 0..m-1}
     * @param from     first position, inclusive
     * @param to       last position, exclusive
     * @param withLoss whether to compute the loss
     * @return the summed loss of those examples, or NaN if it was not asked for (or not computed)
     * @throws UnsupportedOperationException if {@link #supportsBatches()} is false
     */
    default double batchGradients(int[] order, int from, int to, boolean withLoss) {
        return batchGradients(order, from, to);
    }

    /**
     * Moves the parameters by {@code update} from the gradients of the last {@link #batchGradients}.
     *
     * @param update the optimizer's rule for this step
     * @throws UnsupportedOperationException if {@link #supportsBatches()} is false
     */
    default void update(ParameterUpdate update) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " computes full-batch gradient descent only");
    }

    /**
     * The number of training examples.
     *
     * @return {@code m}
     */
    default int examples() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " computes full-batch gradient descent only");
    }

    /**
     * Whether every parameter is still a finite number: the loop goes on through an infinite cost (a saturated output
     * the gradient recovers from) and stops only when this is false.
     *
     * @return true while the parameters are finite
     */
    default boolean parametersFinite() {
        for (org.nndl4j.nn.Layer layer : network().layers()) {
            if (!allFinite(layer.W()) || !allFinite(layer.b())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(org.nndl4j.matrix.Matrix m) {
        for (double v : m.toRowMajor()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
