package org.nndl4j.logistic;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;
import org.nndl4j.matrix.ShapeException;

/**
 * The parameters of logistic regression: {@code ŷ = σ(wᵀx + b)}.
 *
 * @param w weights, shape {@code (n_x, 1)}
 * @param b bias, a scalar
 */
public record LogisticParameters(Matrix w, double b) {

    /**
     * Checks that {@code w} is a column.
     *
     * @param w weights, shape {@code (n_x, 1)}
     * @param b bias
     * @throws IllegalArgumentException if {@code w} is null
     * @throws org.nndl4j.matrix.ShapeException if {@code w} is not one column
     */
    public LogisticParameters {
        if (w == null) {
            throw new Nndl4jException("LogisticParameters: w is null");
        }
        if (w.cols() != 1) {
            throw new ShapeException("LogisticParameters", "w of shape (n_x, 1)", w.shape());
        }
    }

    /**
     * Number of input features {@code n_x} (rows of {@code w}).
     *
     * @return {@code n_x}
     */
    public int features() {
        return w.rows();
    }

    /**
     * These parameters as the library's one-layer {@link Network}: {@code A = σ(W1·X + b1)} with {@code W1 = wᵀ} of
     * shape {@code (1, n_x)} and {@code b1 = [[b]]}.
     *
     * @return the network
     */
    public Network toNetwork() {
        return Network.of(new Layer(w.reshape(1, w.rows()), Matrix.scalar(b), Activation.SIGMOID));
    }

    /**
     * The parameters of a one-layer network of one unit (a lossless view: {@code w = W1ᵀ}, {@code b = b1}).
     *
     * @param network a network of one layer with one unit
     * @return its parameters
     * @throws IllegalArgumentException if the network is not of that shape
     */
    public static LogisticParameters from(Network network) {
        if (network == null || network.numLayers() != 1 || network.outputSize() != 1) {
            throw new Nndl4jException("LogisticParameters.from: need a network of 1 layer with 1 unit, got "
                    + (network == null ? "null" : network.toString()));
        }
        // w = W1ᵀ
        return new LogisticParameters(network.W(1).reshape(network.inputSize(), 1), network.b(1).item());
    }
}
