package org.nndl4j.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;

/**
 * A fully connected network as a file holds it: the layer sizes, one activation per layer and the parameters.
 *
 * <p>Numbering: the lists are 0-based, the file's names 1-based: {@code weights.get(l - 1)} is stored as
 * {@code W<l>} and {@code biases.get(l - 1)} as {@code b<l>}.
 *
 * @param layerDims   {@code [n[0], n[1], ..., n[L]]}, input size first
 * @param activations the activation of layers {@code 1..L}
 * @param weights     {@code W1..WL}, {@code W[l]} of shape {@code (n[l], n[l-1])}
 * @param biases      {@code b1..bL}, {@code b[l]} of shape {@code (n[l], 1)}
 */
public record StoredNetwork(int[] layerDims, List<Activation> activations, List<Matrix> weights, List<Matrix> biases) {

    public StoredNetwork {
        Objects.requireNonNull(layerDims, "StoredNetwork: layerDims is null");
        Objects.requireNonNull(activations, "StoredNetwork: activations is null");
        Objects.requireNonNull(weights, "StoredNetwork: weights is null");
        Objects.requireNonNull(biases, "StoredNetwork: biases is null");
        layerDims = layerDims.clone();
        activations = List.copyOf(activations);
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
        int L = layerDims.length - 1;
        if (L < 1) {
            throw new IllegalArgumentException("StoredNetwork: layerDims needs at least two sizes, got " + Arrays.toString(layerDims));
        }
        if (activations.size() != L || weights.size() != L || biases.size() != L) {
            throw new IllegalArgumentException("StoredNetwork: layerDims " + Arrays.toString(layerDims) + " describe " + L
                    + " layers, but there are " + activations.size() + " activations, " + weights.size()
                    + " weight matrices and " + biases.size() + " bias vectors");
        }
        for (int l = 1; l <= L; l++) {
            // layer l (1-based, as in the file) is list index l - 1
            Matrix W = weights.get(l - 1);
            Matrix b = biases.get(l - 1);
            ShapeException.requireShape("StoredNetwork", "W" + l, W, new Shape(layerDims[l], layerDims[l - 1]));
            ShapeException.requireShape("StoredNetwork", "b" + l, b, new Shape(layerDims[l], 1));
        }
    }

    /** The number of layers {@code L}. */
    public int numLayers() {
        return weights.size();
    }

    @Override
    public int[] layerDims() {
        return layerDims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredNetwork other && Arrays.equals(layerDims, other.layerDims)
                && activations.equals(other.activations) && weights.equals(other.weights) && biases.equals(other.biases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(layerDims), activations, weights, biases);
    }

    @Override
    public String toString() {
        return "StoredNetwork[layerDims=" + Arrays.toString(layerDims) + ", activations=" + activations + "]";
    }
}
