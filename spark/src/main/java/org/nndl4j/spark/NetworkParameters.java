package org.nndl4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;

/**
 * A network's parameters and activations as plain arrays: what the driver broadcasts to the executors at every
 * iteration. Arrays hold layer {@code l} at index {@code l} (1-based, like W1..WL; index 0 is unused); {@code W[l]} as
 * its rows. {@code iteration} is the training iteration these parameters start.
 */
final class NetworkParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    final int iteration;
    final int[] dims;
    final Activation[] g;
    /** Written in bulk ({@link Doubles}); final in all but name. */
    transient double[][][] W;
    transient double[][] b;

    NetworkParameters(int iteration, int[] dims, Activation[] g, double[][][] W, double[][] b) {
        this.iteration = iteration;
        this.dims = dims;
        this.g = g;
        this.W = W;
        this.b = b;
    }

    /** Copies of {@code network}'s parameters, starting iteration {@code iteration}. */
    static NetworkParameters of(Network network, int iteration) {
        int L = network.numLayers();
        Activation[] g = new Activation[L + 1];
        double[][][] W = new double[L + 1][][];
        double[][] b = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            g[l] = network.activation(l);
            W[l] = network.W(l).toArray();
            b[l] = network.b(l).toRowMajor();
        }
        return new NetworkParameters(iteration, network.layerDims(), g, W, b);
    }

    int layers() {
        return dims.length - 1;
    }

    /** The network these parameters are (the arrays are copied into its matrices). */
    Network toNetwork() {
        List<Layer> layers = new ArrayList<>(layers());
        for (int l = 1; l <= layers(); l++) {
            layers.add(new Layer(Matrix.of(W[l]), Matrix.columnVector(b[l]), g[l]));
        }
        return Network.of(layers);
    }

    /** Whether a network of these sizes and activations is what {@code other} describes too. */
    boolean sameArchitecture(NetworkParameters other) {
        return java.util.Arrays.equals(dims, other.dims) && java.util.Arrays.equals(g, other.g);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        Doubles.writeLayers(out, dims, W, b);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int[] written = (int[]) in.readObject();
        W = new double[written.length][][];
        b = new double[written.length][];
        Doubles.readLayers(in, written, W, b);
    }
}
