package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The straightforward computation of a network's cost and gradients on {@link Matrix} values, layer by layer with a
 * cache per layer, as the course writes it: forward {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g[l](Z[l])};
 * backward from the fused output gradient {@code dZ[L] = A[L] - Y}, then for each layer
 * {@code dW = (1/m) dZ·A[l-1]ᵀ}, {@code db = (1/m) Σ_j dZ}, {@code dA[l-1] = W[l]ᵀ·dZ},
 * {@code dZ[l-1] = dA[l-1] * g'(Z[l-1])}. Allocates at every call: the reference the fast engines are held to, and
 * what gradient checks differentiate.
 */
public final class Backpropagation {

    private Backpropagation() {
    }

    /**
     * The cost of {@code network} on examples {@code X} with labels {@code Y}, by its {@link Network#loss()}.
     *
     * @param network the network; not modified
     * @param X       the examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @return the mean loss over the {@code m} examples
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the output and loss
     */
    public static double cost(Network network, Matrix X, Matrix Y) {
        return cost(network, X, Y, 0.0);
    }

    /**
     * The cost with L2 regularisation: {@link #cost(Network, Matrix, Matrix)}
     * {@code + (1/m)·(λ/2)·Σ_l ΣW[l]²} (each {@code ΣW²} summed pairwise, as numpy's {@code np.sum(np.square(W))}).
     *
     * @param network the network; not modified
     * @param X       the examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @param lambda  {@code λ >= 0}
     * @return the regularised cost
     */
    public static double cost(Network network, Matrix X, Matrix Y, double lambda) {
        check("cost", network, X, Y);
        double cost = network.loss().cost(network.forward(X), Y);
        if (lambda > 0.0) {
            double squares = 0.0;
            for (Layer layer : network.layers()) {
                squares += layer.W().times(layer.W()).sum();
            }
            cost += 1.0 / X.cols() * lambda / 2 * squares;
        }
        return cost;
    }

    /**
     * The gradients of {@link #cost} with respect to every {@code W[l]} and {@code b[l]}.
     *
     * @param network the network; not modified
     * @param X       the examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @return {@code dW[l]} and {@code db[l]} of every layer, of the parameters' shapes
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the output and loss
     */
    public static Gradients gradients(Network network, Matrix X, Matrix Y) {
        return gradients(network, X, Y, 0.0);
    }

    /**
     * The gradients of {@link #cost(Network, Matrix, Matrix, double)}: {@code dW[l] + (λ·W[l])/m}.
     *
     * @param network the network; not modified
     * @param X       the examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @param lambda  {@code λ >= 0}
     * @return the gradients
     */
    public static Gradients gradients(Network network, Matrix X, Matrix Y, double lambda) {
        check("gradients", network, X, Y);
        if (!(lambda >= 0.0)) {
            throw new Nndl4jException("gradients: lambda must be >= 0, got " + lambda);
        }
        int L = network.numLayers();
        int m = X.cols();
        // A.get(l) is A[l], Z.get(l) is Z[l]; index 0 of A is X and of Z is unused
        List<Matrix> A = new ArrayList<>(List.of(X));
        List<Matrix> Z = new ArrayList<>(Arrays.asList((Matrix) null));
        for (int l = 1; l <= L; l++) {
            Z.add(network.layer(l).linear(A.get(l - 1)));
            A.add(network.activation(l).forward(Z.get(l)));
        }
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        // dZL = AL - Y, the fused gradient of both losses with their output activations
        Matrix dZ = A.get(L).minus(Y);
        for (int l = L; l >= 1; l--) {
            // dW = (1/m) dZ · A[l-1]ᵀ, db = (1/m) Σ_j dZ; arrays are 0-based: layer l at l - 1
            dW[l - 1] = dZ.dotTranspose(A.get(l - 1)).times(1.0 / m);
            if (lambda > 0.0) {
                // + (λ·W)/m
                dW[l - 1] = dW[l - 1].plus(network.W(l).times(lambda).div(m));
            }
            db[l - 1] = dZ.sum(1).times(1.0 / m);
            if (l > 1) {
                // dA[l-1] = W[l]ᵀ · dZ, dZ[l-1] = dA[l-1] * g'(Z[l-1])
                Matrix dAPrev = network.W(l).transposeDot(dZ);
                dZ = network.activation(l - 1).backward(dAPrev, Z.get(l - 1));
            }
        }
        return new Gradients(Arrays.asList(dW), Arrays.asList(db));
    }

    /**
     * One step of gradient descent: {@code W[l] = W[l] - α dW[l]}, {@code b[l] = b[l] - α db[l]}.
     *
     * @param network      the network to update
     * @param grads        its gradients, of the parameters' shapes
     * @param learningRate α
     * @return the updated network ({@code network} is not modified)
     * @throws ShapeException if the gradients do not have the parameters' shapes
     */
    public static Network update(Network network, Gradients grads, double learningRate) {
        Checks.notNull("update", "network", network);
        Checks.notNull("update", "grads", grads);
        if (grads.numLayers() != network.numLayers()) {
            throw new Nndl4jException("update: " + grads.numLayers() + " layers of gradients for a network of "
                    + network.numLayers() + " layers");
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= network.numLayers(); l++) {
            Layer layer = network.layer(l);
            ShapeException.requireShape("update", "dW" + l, grads.dW(l), layer.W().shape());
            layers.add(new Layer(layer.W().minus(grads.dW(l).times(learningRate)),
                    layer.b().minus(grads.db(l).times(learningRate)), layer.activation()));
        }
        return Network.of(layers);
    }

    private static void check(String operation, Network network, Matrix X, Matrix Y) {
        Checks.notNull(operation, "network", network);
        Checks.notNull(operation, "X", X);
        Checks.notNull(operation, "Y", Y);
        if (X.rows() != network.inputSize()) {
            throw new ShapeException(operation, network.W(1).shape(), X.shape(), "not aligned: X must have "
                    + network.inputSize() + " rows (the network's inputs), got " + X.rows());
        }
        if (Y.cols() != X.cols()) {
            throw new ShapeException(operation, X.shape(), Y.shape(), "differ in number of examples: X has " + X.cols()
                    + " columns, Y has " + Y.cols());
        }
        network.loss().requireLabels(operation, Y, network.outputSize());
    }
}
