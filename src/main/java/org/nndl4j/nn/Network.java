package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * A feed-forward network as a value: an ordered list of {@link Layer}s, {@code A[l] = g[l](W[l]·A[l-1] + b[l])} with
 * {@code A[0] = X}. Immutable and so thread-safe; equal to another network with the same layers (same activations,
 * same parameter values).
 *
 * <p>Numbering: layers are 1-based as in the course ({@link #W(int) W(1)} is the first layer's weights); the list
 * {@link #layers()} is 0-based, so {@code layers().get(l - 1)} is layer {@code l}.
 *
 * <p>A classifier ends in {@link Activation#SIGMOID} (one unit, two classes) or {@link Activation#SOFTMAX}
 * ({@code C} units, {@code C} classes); {@link #loss()} names the cost it trains on, {@link #predict} its labels.
 *
 * <p>A network may carry the preprocessing its inputs need ({@link #withInput(InputTransform, int...)}): then
 * {@link #forward} and {@link #predict} take raw inputs (e.g. pixels 0..255) and apply it first, and
 * {@link #save} records it in the file, with the shape of one raw example, so other programs can too.
 */
public final class Network {

    private final List<Layer> layers;
    /** Applied to raw inputs before layer 1; null if the network takes its inputs as they are. */
    private final InputTransform input;
    /** The shape of one raw example before it is flattened into a column; null means {@code (n[0])}. */
    private final int[] inputShape;

    private Network(List<Layer> layers) {
        this(layers, null, null);
    }

    private Network(List<Layer> layers, InputTransform input, int[] inputShape) {
        this.input = input;
        this.inputShape = inputShape == null ? null : inputShape.clone();
        Checks.notNull("Network", "layers", layers);
        if (layers.isEmpty()) {
            throw new Nndl4jException("Network: a network needs at least one layer, got none");
        }
        this.layers = List.copyOf(layers);
        for (int i = 1; i < this.layers.size(); i++) {
            Matrix previous = this.layers.get(i - 1).W();
            Matrix W = this.layers.get(i).W();
            if (W.cols() != previous.rows()) {
                // i is 0-based; the course's layer numbers are i and i + 1
                throw new ShapeException("Network", previous.shape(), W.shape(), "do not chain: W" + (i + 1)
                        + " must be (" + W.rows() + ", " + previous.rows() + ") to follow W" + i + " of shape "
                        + previous.shape() + " (layer " + i + " has " + previous.rows() + " units), but W" + (i + 1)
                        + " has shape " + W.shape());
            }
        }
    }

    /**
     * The network of these layers, first layer first.
     *
     * @param layers the layers, first layer first; copied
     * @return the network
     * @throws ShapeException           if consecutive layers do not chain ({@code W[l]} must have {@code n[l-1]} columns)
     * @throws IllegalArgumentException if the list is null, empty or holds a null
     */
    public static Network of(List<Layer> layers) {
        if (layers != null) {
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) == null) {
                    // list index i is layer i + 1
                    throw new Nndl4jException("Network: layer " + (i + 1) + " is null");
                }
            }
        }
        return new Network(layers);
    }

    /**
     * {@link #of(List)} for layers given in order.
     *
     * @param layers the layers, first layer first
     * @return the network
     */
    public static Network of(Layer... layers) {
        return of(layers == null ? null : Arrays.asList(layers));
    }

    /**
     * Reads a network saved by {@link #save(Path)} (or by nndl4j's earlier {@code ModelFiles}).
     *
     * @param file the HDF5 file
     * @return the network it holds
     * @throws ModelFileException naming the file and the problem if it is missing, not HDF5, not an nndl4j network,
     *                            or inconsistent
     */
    public static Network load(Path file) {
        return NetworkFile.load(file);
    }

    /**
     * Writes this network to {@code file} as HDF5 ({@code W1, b1, ..., WL, bL} as 2-D float64 datasets, the layer sizes
     * and activations as attributes; h5py reads it). The file is written under a temporary name and moved over the
     * target, so a failed save leaves any previous file untouched.
     *
     * @param file the file to write; replaced if it exists
     * @throws ModelFileException naming the file if it cannot be written
     */
    public void save(Path file) {
        NetworkFile.save(this, file);
    }

    /**
     * The layers, first layer at index 0.
     *
     * @return the unmodifiable list of layers
     */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * The number of layers {@code L} (the input is not a layer).
     *
     * @return the number of layers
     */
    public int numLayers() {
        return layers.size();
    }

    /**
     * Layer {@code l}, 1-based ({@code 1 <= l <= L}).
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return the layer
     */
    public Layer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("Network: layer " + l + " does not exist; layers are 1.." + layers.size());
        }
        // course layer l is list index l - 1
        return layers.get(l - 1);
    }

    /**
     * {@code W[l]}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code W[l]}, shape {@code (n[l], n[l-1])}
     */
    public Matrix W(int l) {
        return layer(l).W();
    }

    /**
     * {@code b[l]}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code b[l]}, shape {@code (n[l], 1)}
     */
    public Matrix b(int l) {
        return layer(l).b();
    }

    /**
     * The activation of layer {@code l}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return its activation {@code g[l]}
     */
    public Activation activation(int l) {
        return layer(l).activation();
    }

    /**
     * The activations of layers 1..L.
     *
     * @return a new list of {@code L} activations
     */
    public List<Activation> activations() {
        return layers.stream().map(Layer::activation).toList();
    }

    /**
     * The last layer's activation.
     *
     * @return {@code g[L]}
     */
    public Activation outputActivation() {
        return layers.get(layers.size() - 1).activation();
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
     * The number of input features {@code n[0]}.
     *
     * @return {@code n[0]}
     */
    public int inputSize() {
        return layers.get(0).inputs();
    }

    /**
     * The number of output units {@code n[L]}.
     *
     * @return {@code n[L]}
     */
    public int outputSize() {
        return layers.get(layers.size() - 1).units();
    }

    /**
     * The number of trainable values, {@code Σ_l n[l]·n[l-1] + n[l]}.
     *
     * @return the number of weights and biases
     */
    public long parameterCount() {
        long count = 0;
        for (Layer layer : layers) {
            count += layer.parameterCount();
        }
        return count;
    }

    /**
     * The loss this network trains on, from its output activation.
     *
     * @return {@link Loss#BINARY_CROSS_ENTROPY} for SIGMOID, {@link Loss#CATEGORICAL_CROSS_ENTROPY} for SOFTMAX
     * @throws IllegalArgumentException if the output is neither SIGMOID nor SOFTMAX
     */
    public Loss loss() {
        return Loss.forOutput(outputActivation());
    }

    /**
     * This network with layer {@code l} (1-based) replaced.
     *
     * @param l     the layer to replace, {@code 1 <= l <= L}
     * @param layer its replacement
     * @return a new network; this one is not modified
     */
    public Network withLayer(int l, Layer layer) {
        layer(l);
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(l - 1, layer);
        return new Network(copy, input, inputShape);
    }

    /**
     * This network taking raw inputs: {@link #forward} and {@link #predict} apply {@code transform} to them first,
     * and {@link #save} records it. One raw example is a column of {@code n[0]} values.
     *
     * @param transform the preprocessing, one shift and scale per input feature; null for none
     * @return the network with this input transform
     * @throws IllegalArgumentException if the transform does not have {@code n[0]} features
     */
    public Network withInput(InputTransform transform) {
        return withInput(transform, inputSize());
    }

    /**
     * This network taking raw inputs of shape {@code exampleShape} (e.g. {@code 64, 64, 3} for the cat pictures,
     * flattened in row-major (C) order into a column of {@code n[0]} values, as numpy's {@code reshape} does):
     * {@link #forward} and {@link #predict} apply {@code transform} first, and {@link #save} records both.
     *
     * @param transform    the preprocessing, one shift and scale per input feature; null for none
     * @param exampleShape the shape of one raw example; its sizes multiply to {@code n[0]}
     * @return the network with this input transform and shape
     * @throws IllegalArgumentException if the transform does not have {@code n[0]} features or the shape's sizes are
     *                                  not positive or do not multiply to {@code n[0]}
     */
    public Network withInput(InputTransform transform, int... exampleShape) {
        if (transform != null && transform.features() != inputSize()) {
            throw new Nndl4jException("Network.withInput: the transform has " + transform.features()
                    + " features but the network takes " + inputSize() + " inputs");
        }
        Checks.notNull("Network.withInput", "exampleShape", exampleShape);
        long product = 1;
        for (int n : exampleShape) {
            if (n < 1) {
                throw new Nndl4jException("Network.withInput: example shape " + Arrays.toString(exampleShape)
                        + " has a size < 1");
            }
            product *= n;
        }
        if (exampleShape.length == 0 || product != inputSize()) {
            throw new Nndl4jException("Network.withInput: example shape " + Arrays.toString(exampleShape)
                    + " holds " + product + " values but the network takes " + inputSize() + " inputs");
        }
        return new Network(layers, transform, exampleShape.length == 1 ? null : exampleShape);
    }

    /** @return the preprocessing {@link #forward} applies to raw inputs, if any */
    public Optional<InputTransform> inputTransform() {
        return Optional.ofNullable(input);
    }

    /**
     * @return the shape of one raw example, flattened in row-major order into the input column ({@code [n[0]]} unless
     *         {@link #withInput(InputTransform, int...)} said otherwise)
     */
    public int[] inputShape() {
        return inputShape == null ? new int[] {inputSize()} : inputShape.clone();
    }

    /**
     * The output activations {@code A[L]} for inputs {@code X} (raw inputs if the network has an
     * {@link #inputTransform()}: it is applied first).
     *
     * @param X inputs, one example per column, {@code (n[0], m)}
     * @return {@code (n[L], m)}
     * @throws ShapeException          naming both shapes if {@code X} does not have {@code n[0]} rows
     * @throws IllegalArgumentException if the forward pass cannot fit in the heap ({@link MemoryBudget#requireForward})
     */
    public Matrix forward(Matrix X) {
        Checks.notNull("Network.forward", "X", X);
        if (X.rows() != inputSize()) {
            throw new ShapeException("Network.forward", W(1).shape(), X.shape(),
                    "not aligned: X must have " + inputSize() + " rows (the network's inputs), got " + X.rows());
        }
        MemoryBudget.requireForward("Network.forward", layerDims(), X.cols());
        Matrix A = input == null ? X : input.apply(X);
        for (Layer layer : layers) {
            A = layer.forward(A);
        }
        return A;
    }

    /**
     * Class labels for inputs {@code X}, shape {@code (1, m)}: for a SIGMOID output of one unit, 1 where the output is
     * {@code > 0.5} and 0 elsewhere; for a SOFTMAX output, the index of the largest output of each column (the first
     * on ties, as {@code np.argmax}).
     *
     * @param X the inputs, {@code (n[0], m)}
     * @return a new {@code (1, m)} matrix of class indices
     * @throws IllegalArgumentException if the output layer is not a classifier's, or an input is NaN or infinite (the
     *                                  message names its row and column)
     */
    public Matrix predict(Matrix X) {
        org.nndl4j.matrix.Checks.finiteValues("predict", "X", X);
        Matrix A = forward(X);
        return labels(A, outputActivation());
    }

    /** The labels of output activations {@code A} (see {@link #predict}). */
    static Matrix labels(Matrix A, Activation output) {
        if (output == Activation.SIGMOID && A.rows() == 1) {
            return A.map(a -> a > 0.5 ? 1.0 : 0.0);
        }
        if (output == Activation.SOFTMAX) {
            double[] labels = new double[A.cols()];
            for (int j = 0; j < A.cols(); j++) {
                int best = 0;
                for (int i = 1; i < A.rows(); i++) {
                    if (A.get(i, j) > A.get(best, j)) {
                        best = i;
                    }
                }
                labels[j] = best;
            }
            return Matrix.rowVector(labels);
        }
        throw new Nndl4jException("predict: a " + output + " output of " + A.rows() + " units has no class "
                + "labels; predict needs a SIGMOID output of one unit or a SOFTMAX output");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network other && layers.equals(other.layers) && Objects.equals(input, other.input)
                && Arrays.equals(inputShape(), other.inputShape());
    }

    @Override
    public int hashCode() {
        return 31 * layers.hashCode() + Objects.hashCode(input);
    }

    /** E.g. {@code Network[64 -> 25 relu -> 12 relu -> 10 softmax]}. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" -> ", "Network[", "]");
        s.add(input == null ? Integer.toString(inputSize()) : inputSize() + " (transformed)");
        for (Layer layer : layers) {
            s.add(layer.units() + " " + layer.activation().fileName());
        }
        return s.toString();
    }
}
