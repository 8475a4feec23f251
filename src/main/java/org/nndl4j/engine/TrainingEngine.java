package org.nndl4j.engine;

import java.util.function.Supplier;

import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * What the training loop asks of a fast engine: {@link NetworkEngine} (float64, PRIMAL or GRAM) and
 * {@link FloatNetworkEngine} (float32 arithmetic on float64 parameters) both provide it. Layers are 1-based.
 */
public interface TrainingEngine {

    /**
     * One iteration of full-batch gradient descent at learning rate {@code α}: forward, cost, backward, update.
     *
     * @param learningRate α, the step size
     * @return the cost before the update
     */
    double step(double learningRate);

    /**
     * The gradients of a batch of examples {@code order[from] .. order[to - 1]}, for {@link #update}.
     *
     * @param order the examples' order (a permutation of {@code 0..m-1}), or {@code null} for {@code 0..m-1}
     * @param from  first position in {@code order}, inclusive
     * @param to    last position, exclusive
     * @return the summed loss of the batch's examples
     */
    double batchGradients(int[] order, int from, int to);

    /**
     * {@link #batchGradients(int[], int, int)}, without the loss when {@code withLoss} is false: the same gradients,
     * and NaN for the loss. The loss takes a logarithm per example and output, a sixth of a small network's step; a
     * training computes it only for the epochs it records or when a listener follows the steps. This default computes
     * it anyway.
     *
     * @param order    the examples' order (a permutation of {@code 0..m-1}), or {@code null} for {@code 0..m-1}
     * @param from     first position in {@code order}, inclusive
     * @param to       last position, exclusive
     * @param withLoss whether to compute the loss
     * @return the summed loss of the batch's examples, or NaN if it was not asked for (or not computed)
     */
    default double batchGradients(int[] order, int from, int to, boolean withLoss) {
        return batchGradients(order, from, to);
    }

    /**
     * Moves every layer's parameters by {@code update} from the gradients of the last {@link #batchGradients}.
     *
     * @param update the optimizer's rule, applied to float64 parameters and gradients
     */
    void update(ParameterUpdate update);

    /**
     * Regularises the training from now on (see {@link NetworkEngine#regularize}).
     *
     * @param lambda   L2 strength {@code λ >= 0}
     * @param keepProb keep probabilities of the hidden layers, or null for no dropout
     * @param masks    the generator of each forward pass's dropout masks (null without dropout)
     */
    void regularize(double lambda, double[] keepProb, Supplier<NumpyRandom> masks);

    /**
     * The network as it is now.
     *
     * @return a new network holding copies of the current (float64) parameters
     */
    Network network();

    /**
     * The gradients of the last step, or {@code null} before the first.
     *
     * @return new float64 matrices {@code dW[l]}, {@code db[l]}, or {@code null}
     */
    Gradients lastGradients();

    /**
     * Whether this is the Gram computation, which computes full-batch gradient descent only.
     *
     * @return true for GRAM
     */
    boolean usesGram();

    /**
     * The number of training examples.
     *
     * @return {@code m}
     */
    int examples();

    /**
     * Whether every parameter is a finite number.
     *
     * @return true if all of W and b are finite
     */
    boolean parametersFinite();
}
