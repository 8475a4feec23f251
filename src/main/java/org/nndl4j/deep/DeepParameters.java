package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;

/**
 * The parameters of an L-layer network, the course's {@code parameters} dictionary {@code W1, b1, ..., WL, bL}
 * as a typed value. The shapes chain: {@code W[l]} is {@code (n[l], n[l-1])} and {@code b[l]} is {@code (n[l], 1)}.
 *
 * @param layers the layers in order; {@code layers.get(l - 1)} is the course's layer {@code l}
 */
public record DeepParameters(List<LayerParameters> layers) {

    /**
     * Copies the list of layers and checks that they chain.
     *
     * @param layers the layers in order, layer 1 first
     * @throws IllegalArgumentException if {@code layers} is null or empty
     * @throws org.nndl4j.matrix.ShapeException if a layer's {@code W} does not have the previous layer's units as
     *     columns
     */
    public DeepParameters {
        Checks.notNull("DeepParameters", "layers", layers);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new Nndl4jException("DeepParameters: a network needs at least one layer, got none");
        }
        for (int i = 1; i < layers.size(); i++) {
            Matrix previous = layers.get(i - 1).W();
            Matrix W = layers.get(i).W();
            if (W.cols() != previous.rows()) {
                // i is 0-based; the course's layer numbers are i and i + 1
                throw new ShapeException("DeepParameters", previous.shape(), W.shape(),
                        "do not chain: W" + (i + 1) + " must have " + previous.rows() + " columns (the units of layer "
                                + i + ", W" + i + " of shape " + previous.shape() + "), but W" + (i + 1) + " has shape "
                                + W.shape());
            }
        }
    }

    /**
     * Builds parameters from alternating {@code W1, b1, W2, b2, ...}.
     *
     * @param WAndB {@code W1, b1, W2, b2, ...}; an even number of matrices
     * @return the parameters
     */
    public static DeepParameters of(Matrix... WAndB) {
        if (WAndB.length == 0 || WAndB.length % 2 != 0) {
            throw new Nndl4jException("DeepParameters.of: expected W1, b1, ..., WL, bL (an even, non-zero count), got "
                    + WAndB.length + " matrices");
        }
        List<LayerParameters> layers = new ArrayList<>();
        for (int i = 0; i < WAndB.length; i += 2) {
            layers.add(new LayerParameters(WAndB[i], WAndB[i + 1]));
        }
        return new DeepParameters(layers);
    }

    /**
     * The number of layers {@code L} (hidden layers plus the output layer; the input is not counted).
     *
     * @return the number of layers {@code L}
     */
    public int numLayers() {
        return layers.size();
    }

    /**
     * The course's {@code layer_dims}: {@code [n[0], n[1], ..., n[L]]}, input size first.
     *
     * @return a new array of {@code L + 1} sizes
     */
    public int[] layerDims() {
        int[] dims = new int[layers.size() + 1];
        dims[0] = layers.get(0).inputs();
        for (int i = 0; i < layers.size(); i++) {
            dims[i + 1] = layers.get(i).units();
        }
        return dims;
    }

    /**
     * Layer {@code l}, 1-based as in the course ({@code 1 <= l <= L}).
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return the layer's weights and biases
     */
    public LayerParameters layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("DeepParameters: layer " + l + " does not exist; layers are 1.." + layers.size());
        }
        // course layer l is list index l - 1
        return layers.get(l - 1);
    }

    /**
     * {@code W[l]}, the course's {@code parameters["W" + l]} (1-based).
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code W[l]}, shape {@code (n[l], n[l-1])}
     */
    public Matrix W(int l) {
        return layer(l).W();
    }

    /**
     * {@code b[l]}, the course's {@code parameters["b" + l]} (1-based).
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code b[l]}, shape {@code (n[l], 1)}
     */
    public Matrix b(int l) {
        return layer(l).b();
    }

    /**
     * This network as a {@link Network} with the course's architecture: ReLU for layers {@code 1..L-1} and sigmoid
     * for layer {@code L}.
     *
     * @return the network (same matrices)
     */
    public Network toNetwork() {
        return toNetwork(Activation.RELU);
    }

    /**
     * This network as a {@link Network} with activation {@code hidden} for layers {@code 1..L-1} and sigmoid for layer
     * {@code L}.
     *
     * @param hidden the hidden layers' activation
     * @return the network (same matrices)
     */
    public Network toNetwork(Activation hidden) {
        List<Layer> list = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            list.add(new Layer(layers.get(i).W(), layers.get(i).b(), i == layers.size() - 1 ? Activation.SIGMOID : hidden));
        }
        return Network.of(list);
    }

    /**
     * The parameters of any network, whatever its activations (a lossless view: {@code W1, b1, ..., WL, bL}).
     *
     * @param network the network
     * @return its parameters
     */
    public static DeepParameters from(Network network) {
        Checks.notNull("DeepParameters.from", "network", network);
        List<LayerParameters> list = new ArrayList<>();
        for (Layer layer : network.layers()) {
            list.add(new LayerParameters(layer.W(), layer.b()));
        }
        return new DeepParameters(list);
    }
}
