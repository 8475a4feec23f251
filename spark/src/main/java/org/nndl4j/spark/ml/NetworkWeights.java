package org.nndl4j.spark.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;

/**
 * A network as plain arrays, for Spark's closures: what a {@link NetworkClassificationModel}'s transform ships to the
 * executors. Each task rebuilds the {@link Network} once (the arrays are copied exactly) and runs its forward pass on
 * one row at a time, on one thread, so a row's probabilities do not depend on how the rows are partitioned. Arrays
 * hold layer {@code l} at index {@code l - 1} (0-based, W1 first).
 */
final class NetworkWeights implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][][] W;
    private final double[][] b;
    private final Activation[] g;
    private transient Network network;

    private NetworkWeights(double[][][] W, double[][] b, Activation[] g) {
        this.W = W;
        this.b = b;
        this.g = g;
    }

    /** Copies of {@code network}'s parameters; refuses a network with an input transform (not carried). */
    static NetworkWeights of(Network network) {
        if (network.inputTransform().isPresent()) {
            throw new Nndl4jException("NetworkClassificationModel: the network has an input transform, which a Spark "
                    + "model does not carry; give it a network on the features as they are in the column");
        }
        int L = network.numLayers();
        double[][][] W = new double[L][][];
        double[][] b = new double[L][];
        Activation[] g = new Activation[L];
        for (int l = 1; l <= L; l++) {
            // layer l (1-based, as W1..WL) at index l - 1
            W[l - 1] = network.W(l).toArray();
            b[l - 1] = network.b(l).toRowMajor();
            g[l - 1] = network.activation(l);
        }
        return new NetworkWeights(W, b, g);
    }

    /** The network, rebuilt once per deserialized copy. */
    synchronized Network network() {
        if (network == null) {
            List<Layer> layers = new ArrayList<>(W.length);
            for (int l = 0; l < W.length; l++) {
                layers.add(new Layer(Matrix.of(W[l]), Matrix.columnVector(b[l]), g[l]));
            }
            network = Network.of(layers);
        }
        return network;
    }

    /**
     * The output activations {@code A[L]} of one example.
     *
     * @param x the example's features, {@code n[0]} values
     * @return {@code n[L]} values
     * @throws Nndl4jException naming both sizes if {@code x} does not have {@code n[0]} values
     */
    double[] forward(double[] x) {
        Network net = network();
        if (x.length != net.inputSize()) {
            throw new Nndl4jException("NetworkClassificationModel.transform: a features vector of " + x.length
                    + " values, the network takes " + net.inputSize());
        }
        return Gemm.withThreads(1, () -> net.forward(Matrix.columnVector(x)).toRowMajor());
    }
}
