package org.nndl4j.deep;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Backpropagation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Loss;
import org.nndl4j.random.NumpyRandom;

/**
 * The second course's "Regularization" building blocks under the course's names, for an L-layer
 * [LINEAR-&gt;RELU] x (L-1) -&gt; LINEAR-&gt;SIGMOID network: the L2-regularised cost and backward pass, and inverted
 * dropout forward and backward, as plain functions of matrices (allocating; nothing is modified). The library trains
 * with the same formulas on reused buffers ({@link org.nndl4j.train.Regularization}); the tests hold the two to each
 * other and to a numpy transcription.
 */
public final class RegularizationMethods {

    private RegularizationMethods() {
    }

    /**
     * A forward pass with dropout: the output and, per layer (index {@code l - 1}), {@code Z}, the dropped and scaled
     * {@code A}, and the mask {@code D} (null for the output layer).
     *
     * @param AL the output
     * @param Z  the pre-activations
     * @param A  the activations after dropout
     * @param D  the masks of 0 and 1
     */
    public record DropoutForward(Matrix AL, List<Matrix> Z, List<Matrix> A, List<Matrix> D) {
    }

    /**
     * A backward pass with dropout: the parameter gradients and {@code dA[l]} for the hidden layers (index
     * {@code l - 1}), after the mask.
     *
     * @param grads the gradients
     * @param dA    the gradients with respect to the hidden activations
     */
    public record DropoutBackward(Gradients grads, List<Matrix> dA) {
    }

    /**
     * The course's {@code compute_cost_with_regularization}: the cross-entropy
     * {@code (1/m)·nansum(-Y·log(AL) - (1-Y)·log(1-AL))} plus {@code (1/m)·(λ/2)·Σ_l ΣW[l]²}.
     *
     * @param AL         predictions {@code (1, m)}
     * @param Y          labels {@code (1, m)}
     * @param parameters the weights
     * @param lambd      {@code λ}
     * @return the regularised cost
     */
    public static double computeCostWithRegularization(Matrix AL, Matrix Y, DeepParameters parameters, double lambd) {
        Checks.sameShape("computeCostWithRegularization", "AL", AL, "Y", Y);
        Checks.notNull("computeCostWithRegularization", "parameters", parameters);
        int m = Y.cols();
        // cross_entropy_cost = 1./m * np.nansum(logprobs)
        double crossEntropy = 1.0 / m * Loss.BINARY_CROSS_ENTROPY.sum(AL.toArray(), Y.toArray(), m);
        double squares = 0.0;
        for (int l = 1; l <= parameters.numLayers(); l++) {
            squares += parameters.W(l).times(parameters.W(l)).sum();
        }
        // L2_regularization_cost = 1./m * lambd/2 * (np.sum(np.square(W1)) + ...)
        return crossEntropy + 1.0 / m * lambd / 2 * squares;
    }

    /**
     * The course's {@code backward_propagation_with_regularization}: every {@code dW[l]} gains {@code (λ·W[l])/m}.
     *
     * @param X          examples
     * @param Y          labels
     * @param parameters the network's parameters
     * @param lambd      {@code λ}
     * @return the gradients
     */
    public static Gradients backwardPropagationWithRegularization(Matrix X, Matrix Y, DeepParameters parameters,
                                                                  double lambd) {
        Checks.notNull("backwardPropagationWithRegularization", "parameters", parameters);
        return Backpropagation.gradients(parameters.toNetwork(), X, Y, lambd);
    }

    /**
     * The course's {@code forward_propagation_with_dropout}: after every hidden layer's ReLU,
     * {@code D = rand(n, m) < keepProb}, {@code A = A·D}, {@code A = A / keepProb}. The course calls
     * {@code np.random.seed(1)} first; pass {@code new NumpyRandom(1)} for its numbers.
     *
     * @param X          examples
     * @param parameters the network's parameters
     * @param keepProb   the probability of keeping a unit
     * @param random     where the masks come from (it advances)
     * @return the output and the caches
     */
    public static DropoutForward forwardPropagationWithDropout(Matrix X, DeepParameters parameters, double keepProb,
                                                               NumpyRandom random) {
        Checks.notNull("forwardPropagationWithDropout", "parameters", parameters);
        Checks.notNull("forwardPropagationWithDropout", "random", random);
        int L = parameters.numLayers();
        List<Matrix> Z = new ArrayList<>();
        List<Matrix> A = new ArrayList<>();
        List<Matrix> D = new ArrayList<>();
        Matrix APrev = X;
        for (int l = 1; l <= L; l++) {
            Matrix z = DeepNetwork.linearForward(APrev, parameters.W(l), parameters.b(l)).Z();
            Matrix a = (l == L ? Activation.SIGMOID : Activation.RELU).forward(z);
            Matrix d = null;
            if (l < L) {
                // D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob; A = A * D; A = A / keep_prob
                d = random.rand(a.rows(), a.cols()).map(v -> v < keepProb ? 1.0 : 0.0);
                a = a.times(d).div(keepProb);
            }
            Z.add(z);
            A.add(a);
            D.add(d);
            APrev = a;
        }
        return new DropoutForward(APrev, Z, A, D);
    }

    /**
     * The course's {@code backward_propagation_with_dropout}: {@code dZL = AL - Y}, and for each hidden layer
     * {@code dA = dA·D}, {@code dA = dA / keepProb} before the ReLU mask; {@code dW = (1/m) dZ·APrevᵀ},
     * {@code db = (1/m) Σ dZ}.
     *
     * @param X          examples
     * @param Y          labels
     * @param cache      the forward pass
     * @param parameters the parameters of that pass
     * @param keepProb   the probability of keeping a unit
     * @return the gradients and the hidden layers' {@code dA}
     */
    public static DropoutBackward backwardPropagationWithDropout(Matrix X, Matrix Y, DropoutForward cache,
                                                                 DeepParameters parameters, double keepProb) {
        Checks.notNull("backwardPropagationWithDropout", "cache", cache);
        Checks.notNull("backwardPropagationWithDropout", "parameters", parameters);
        int L = parameters.numLayers();
        int m = X.cols();
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        Matrix[] dAs = new Matrix[L - 1];
        // dZ3 = A3 - Y
        Matrix dZ = cache.AL().minus(Y);
        for (int l = L; l >= 1; l--) {
            Matrix APrev = l == 1 ? X : cache.A().get(l - 2);
            // dW = 1./m * np.dot(dZ, A_prev.T); db = 1./m * np.sum(dZ, axis=1, keepdims=True); lists are 0-based
            dW[l - 1] = dZ.dotTranspose(APrev).times(1.0 / m);
            db[l - 1] = dZ.sum(1).times(1.0 / m);
            if (l > 1) {
                // dA = W.T · dZ; dA = dA * D; dA = dA / keep_prob; dZ = dA * (A > 0)
                Matrix dA = parameters.W(l).transposeDot(dZ).times(cache.D().get(l - 2)).div(keepProb);
                dAs[l - 2] = dA;
                dZ = dA.times(cache.A().get(l - 2).greaterThan(0));
            }
        }
        return new DropoutBackward(new Gradients(List.of(dW), List.of(db)), List.of(dAs));
    }
}
