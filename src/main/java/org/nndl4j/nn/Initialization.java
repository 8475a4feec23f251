package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * How the weights of a new {@link Network} are drawn. Every scheme draws {@code W[l]} layer after layer, W1 first,
 * as {@code randn(n[l], n[l-1])} from the one {@link NumpyRandom} it is given, times the scheme's scale (so a
 * generator seeded like the course's {@code np.random.seed(s)} gives the course's numbers); every bias is zero.
 */
public enum Initialization {

    /** Every weight 0 (the course's "zeros" initialisation: it never breaks symmetry). Draws nothing. */
    ZEROS {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return Matrix.zeros(n, nPrev);
        }
    },

    /** {@code W = randn(n[l], n[l-1]) * 0.01}: the small random weights of the first course's first networks. */
    SMALL {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return random.randn(n, nPrev).times(0.01);
        }
    },

    /**
     * {@code W = randn(n[l], n[l-1]) * 10}: the second course's "random" initialisation, large on purpose (sigmoid
     * outputs saturate and the first cost is infinite).
     */
    LARGE {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return random.randn(n, nPrev).times(10);
        }
    },

    /**
     * {@code W = randn(n[l], n[l-1]) / sqrt(n[l-1])}, as the first course's deep application divides (LeCun's
     * normal initialisation; the same scale as {@link #XAVIER}, rounded differently).
     */
    LECUN {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return random.randn(n, nPrev).div(Math.sqrt(nPrev));
        }
    },

    /** He et al.: {@code W = randn(n[l], n[l-1]) * sqrt(2 / n[l-1])}, for ReLU networks. */
    HE {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return random.randn(n, nPrev).times(Math.sqrt(2.0 / nPrev));
        }
    },

    /** Xavier, as the course writes it: {@code W = randn(n[l], n[l-1]) * sqrt(1 / n[l-1])}, for tanh networks. */
    XAVIER {
        @Override
        Matrix weights(NumpyRandom random, int n, int nPrev) {
            return random.randn(n, nPrev).times(Math.sqrt(1.0 / nPrev));
        }
    };

    /**
     * The weights of one layer, drawn from {@code random} (which advances) as this scheme says.
     *
     * @param random the generator
     * @param n      the layer's units {@code n[l]}
     * @param nPrev  its inputs {@code n[l-1]}
     * @return {@code W[l]}, {@code (n, nPrev)}
     * @throws IllegalArgumentException if a size is below 1, or the weights cannot fit in the heap
     *                                  ({@link MemoryBudget#requireParameters})
     */
    public Matrix drawWeights(NumpyRandom random, int n, int nPrev) {
        Checks.notNull("drawWeights", "random", random);
        if (n < 1 || nPrev < 1) {
            throw new Nndl4jException("drawWeights: layer sizes must be >= 1, got (" + n + ", " + nPrev + ")");
        }
        MemoryBudget.requireParameters("drawWeights", new int[] {nPrev, n});
        return weights(random, n, nPrev);
    }

    abstract Matrix weights(NumpyRandom random, int n, int nPrev);

    /**
     * A new network of the given sizes and activations.
     *
     * @param layerDims   {@code [n[0], n[1], ..., n[L]]}, every size {@code >= 1}
     * @param activations the activation of layers {@code 1..L}
     * @param random      the generator the weights are drawn from (it advances)
     * @return the network
     * @throws IllegalArgumentException if the sizes and activations do not fit, or the parameters cannot fit in the
     *                                  heap ({@link MemoryBudget#requireParameters})
     */
    public Network initialize(int[] layerDims, List<Activation> activations, NumpyRandom random) {
        Checks.notNull("initialize", "random", random);
        requireLayerDims(layerDims);
        MemoryBudget.requireParameters("initialize", layerDims);
        Checks.notNull("initialize", "activations", activations);
        if (activations.size() != layerDims.length - 1) {
            throw new Nndl4jException("initialize: layerDims " + Arrays.toString(layerDims) + " describe "
                    + (layerDims.length - 1) + " layers, but there are " + activations.size() + " activations");
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < layerDims.length; l++) {
            // activations are 0-based: layer l's is element l - 1
            layers.add(new Layer(weights(random, layerDims[l], layerDims[l - 1]), Matrix.zeros(layerDims[l], 1),
                    activations.get(l - 1)));
        }
        return Network.of(layers);
    }

    /**
     * A new network with one activation for the hidden layers and another for the output layer, e.g.
     * {@code HE.initialize(new int[] {64, 25, 12, 10}, RELU, SOFTMAX, new NumpyRandom(1))}.
     *
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @param hidden    the activation of layers {@code 1..L-1}
     * @param output    the activation of layer {@code L}
     * @param random    the generator the weights are drawn from (it advances)
     * @return the network
     */
    public Network initialize(int[] layerDims, Activation hidden, Activation output, NumpyRandom random) {
        requireLayerDims(layerDims);
        List<Activation> activations = new ArrayList<>(Collections.nCopies(layerDims.length - 2, hidden));
        activations.add(output);
        return initialize(layerDims, activations, random);
    }

    private static void requireLayerDims(int[] layerDims) {
        if (layerDims == null || layerDims.length < 2) {
            throw new Nndl4jException("initialize: layerDims needs the input size and at least one layer size, got "
                    + Arrays.toString(layerDims));
        }
        for (int i = 0; i < layerDims.length; i++) {
            if (layerDims[i] < 1) {
                throw new Nndl4jException("initialize: layer sizes must be >= 1, got layerDims[" + i + "] = "
                        + layerDims[i] + " in " + Arrays.toString(layerDims));
            }
        }
    }
}
