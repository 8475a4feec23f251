package org.nndl4j.shallow;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;

/**
 * The parameters of the one-hidden-layer network (the course's {@code parameters} dictionary).
 *
 * @param W1 weights of the hidden layer, {@code (n_h, n_x)}
 * @param b1 bias of the hidden layer, {@code (n_h, 1)}
 * @param W2 weights of the output layer, {@code (n_y, n_h)}
 * @param b2 bias of the output layer, {@code (n_y, 1)}
 */
public record ShallowParameters(Matrix W1, Matrix b1, Matrix W2, Matrix b2) {

    /**
     * @param W1 weights of the hidden layer, {@code (n_h, n_x)}
     * @param b1 bias of the hidden layer, {@code (n_h, 1)}
     * @param W2 weights of the output layer, {@code (n_y, n_h)}
     * @param b2 bias of the output layer, {@code (n_y, 1)}
     * @throws IllegalArgumentException if a matrix is null
     * @throws ShapeException           if the shapes do not fit together; the message names both shapes
     */
    public ShallowParameters {
        Checks.notNull("ShallowParameters", "W1", W1);
        Checks.notNull("ShallowParameters", "b1", b1);
        Checks.notNull("ShallowParameters", "W2", W2);
        Checks.notNull("ShallowParameters", "b2", b2);
        int nH = W1.rows();
        int nY = W2.rows();
        Checks.fits("ShallowParameters", "W1", W1, "b1", b1, new Shape(nH, 1));
        Checks.fits("ShallowParameters", "W1", W1, "W2", W2, new Shape(nY, nH));
        Checks.fits("ShallowParameters", "W2", W2, "b2", b2, new Shape(nY, 1));
    }

    /**
     * The layer sizes these parameters are for.
     *
     * @return {@code (n_x, n_h, n_y)} read from the weights' shapes
     */
    public LayerSizes sizes() {
        return new LayerSizes(W1.cols(), W1.rows(), W2.rows());
    }

    /**
     * These parameters as the library's {@link Network}: {@code [LINEAR -> TANH] -> [LINEAR -> SIGMOID]}.
     *
     * @return the network (same matrices)
     */
    public Network toNetwork() {
        return Network.of(new Layer(W1, b1, Activation.TANH), new Layer(W2, b2, Activation.SIGMOID));
    }

    /**
     * The parameters of a two-layer network (a lossless view of its {@code W1, b1, W2, b2}).
     *
     * @param network a network of two layers
     * @return its parameters
     * @throws IllegalArgumentException if the network does not have exactly two layers
     */
    public static ShallowParameters from(Network network) {
        if (network == null || network.numLayers() != 2) {
            throw new Nndl4jException("ShallowParameters.from: need a network of 2 layers, got "
                    + (network == null ? "null" : network.numLayers() + " layers: " + network));
        }
        return new ShallowParameters(network.W(1), network.b(1), network.W(2), network.b(2));
    }
}
