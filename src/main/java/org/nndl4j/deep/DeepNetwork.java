package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Loss;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;

/**
 * The building blocks of spec 1.4, one static method per course function, with typed caches and gradients.
 *
 * <p>Examples are columns: {@code X} and every {@code A[l]} have one column per example. The network is
 * [LINEAR-&gt;RELU] x (L-1) -&gt; LINEAR-&gt;SIGMOID; the overloads that take a hidden {@link Activation} generalise
 * the hidden layers (the output stays sigmoid, as the cross-entropy cost expects). No method modifies its
 * arguments: each returns new matrices.
 *
 * <p>The building blocks check shapes and nothing more, as the course's functions do, with three exceptions where a
 * silent wrong number would follow: {@link #computeCost} refuses labels other than 0/1 and predictions outside
 * {@code [0, 1]}; {@link #updateParameters} refuses a learning rate that is not a finite number {@code > 0} (as
 * {@code ShallowNetwork.updateParameters} and the optimizers' updates do); {@link #predict} refuses NaN or infinite
 * inputs.
 */
public final class DeepNetwork {

    private DeepNetwork() {
    }

    // ------------------------------------------------------------------ initialisation

    /**
     * The course's {@code initialize_parameters(n_x, n_h, n_y)} for LINEAR-&gt;RELU-&gt;LINEAR-&gt;SIGMOID:
     * {@code np.random.seed(1)}, {@code W = randn * 0.01}, zero biases.
     *
     * @param nX the number of inputs
     * @param nH the number of hidden units
     * @param nY the number of outputs
     * @return new parameters: {@code W1 (nH, nX)}, {@code b1 (nH, 1)}, {@code W2 (nY, nH)}, {@code b2 (nY, 1)}
     */
    public static DeepParameters initializeParameters(int nX, int nH, int nY) {
        return CourseInitialization.TWO_LAYER.initialize(new int[] {nX, nH, nY});
    }

    /**
     * The course's {@code initialize_parameters_deep(layer_dims)} in the given {@link CourseInitialization} variant.
     *
     * @param layerDims      the layer sizes {@code [n[0], ..., n[L]]}, input size first
     * @param initialization which of the course's variants to draw with
     * @return new parameters, zero biases
     */
    public static DeepParameters initializeParametersDeep(int[] layerDims, CourseInitialization initialization) {
        Checks.notNull("initializeParametersDeep", "initialization", initialization);
        return initialization.initialize(layerDims);
    }

    // ------------------------------------------------------------------ forward

    /**
     * LINEAR forward (spec 1.4.2): {@code Z = W·A + b}.
     *
     * @param A activations of the previous layer (or {@code X}), shape {@code (n[l-1], m)}
     * @param W weights, shape {@code (n[l], n[l-1])}
     * @param b biases, shape {@code (n[l], 1)}
     * @return {@code Z} of shape {@code (n[l], m)} and the cache {@code (A, W, b)}
     * @throws ShapeException naming both shapes if {@code W} and {@code A} do not align or {@code b} does not fit
     */
    public static LinearOutput linearForward(Matrix A, Matrix W, Matrix b) {
        Checks.aligned("linearForward", "W", W, "A", A);
        Checks.fits("linearForward", "W", W, "b", b, new Shape(W.rows(), 1));
        // Z = W · A + b    (b broadcast across the m columns)
        Matrix Z = W.dot(A).plus(b);
        return new LinearOutput(Z, new LinearCache(A, W, b));
    }

    /**
     * LINEAR-&gt;ACTIVATION forward: {@code A = g(W·APrev + b)}.
     *
     * @param APrev      the layer's input {@code A[l-1]}, shape {@code (n[l-1], m)}
     * @param W          the weights, {@code (n[l], n[l-1])}
     * @param b          the biases, {@code (n[l], 1)}
     * @param activation {@code g}
     * @return {@code A} of shape {@code (n[l], m)} and the cache {@code ((APrev, W, b), Z)}
     */
    public static LayerOutput linearActivationForward(Matrix APrev, Matrix W, Matrix b, Activation activation) {
        Checks.notNull("linearActivationForward", "activation", activation);
        LinearOutput linear = linearForward(APrev, W, b);
        // A = g(Z)
        Matrix A = activation.forward(linear.Z());
        return new LayerOutput(A, new LayerCache(linear.cache(), linear.Z()));
    }

    /**
     * Forward propagation of [LINEAR-&gt;RELU] x (L-1) -&gt; LINEAR-&gt;SIGMOID.
     *
     * @param X          inputs, shape {@code (n[0], m)}
     * @param parameters {@code W1, b1, ..., WL, bL}; {@code WL} must have one row
     * @return {@code AL} of shape {@code (1, m)} and the {@code L} caches
     */
    public static DeepForward lModelForward(Matrix X, DeepParameters parameters) {
        return lModelForward(X, parameters, Activation.RELU);
    }

    /**
     * {@link #lModelForward(Matrix, DeepParameters)} with {@code hidden} in layers {@code 1..L-1} instead of ReLU.
     *
     * @param X          the inputs, {@code (n[0], m)}
     * @param parameters the network's parameters
     * @param hidden     the activation of layers {@code 1..L-1}
     * @return {@code A[L]} of shape {@code (1, m)} and every layer's cache
     */
    public static DeepForward lModelForward(Matrix X, DeepParameters parameters, Activation hidden) {
        Checks.notNull("lModelForward", "parameters", parameters);
        Checks.notNull("lModelForward", "hidden activation", hidden);
        Checks.notNull("lModelForward", "X", X);
        int L = parameters.numLayers();
        if (X.rows() != parameters.W(1).cols()) {
            throw new ShapeException("lModelForward", X.shape(), parameters.W(1).shape(),
                    "do not fit: X has " + X.rows() + " features (rows) but W1 expects " + parameters.W(1).cols());
        }
        if (parameters.W(L).rows() != 1) {
            throw new ShapeException("lModelForward", "W" + L + " with one row (a single sigmoid output)", parameters.W(L).shape());
        }
        List<LayerCache> caches = new ArrayList<>(L);
        Matrix A = X;
        // layers 1..L-1: [LINEAR -> hidden]; layer l is parameters.layer(l), its cache goes to caches[l-1]
        for (int l = 1; l < L; l++) {
            LayerOutput out = linearActivationForward(A, parameters.W(l), parameters.b(l), hidden);
            caches.add(out.cache());
            A = out.A();
        }
        // layer L: LINEAR -> SIGMOID
        LayerOutput out = linearActivationForward(A, parameters.W(L), parameters.b(L), Activation.SIGMOID);
        caches.add(out.cache());
        return new DeepForward(out.A(), caches);
    }

    // ------------------------------------------------------------------ cost

    /**
     * The cross-entropy cost (spec 1.4.3): {@code J = -(1/m) Σ (y log(aL) + (1 - y) log(1 - aL))}.
     *
     * @param AL predictions, shape {@code (1, m)}, each a probability in {@code [0, 1]}
     * @param Y  labels 0/1, shape {@code (1, m)}
     * @return the cost {@code J}, a number {@code >= 0}
     * @throws ShapeException           naming {@code computeCost} and both shapes if they differ
     * @throws IllegalArgumentException if there are no examples ({@code m = 0}), or naming the first value outside the
     *                                  cost's domain: a label that is not 0 or 1, a prediction outside {@code [0, 1]}
     *                                  or NaN
     */
    public static double computeCost(Matrix AL, Matrix Y) {
        Checks.sameShape("computeCost", "AL", AL, "Y", Y);
        if (Y.cols() == 0) {
            throw new Nndl4jException("computeCost: no examples (m = 0) in Y of shape " + Y.shape());
        }
        Checks.binaryLabels("computeCost", Y);
        Checks.probabilities("computeCost", "AL", AL);
        return costUnchecked(AL, Y);
    }

    /** {@link #computeCost} for a training step, whose labels were checked once and whose AL it records as it is. */
    static double costUnchecked(Matrix AL, Matrix Y) {
        return Loss.BINARY_CROSS_ENTROPY.cost(AL, Y);
    }

    // ------------------------------------------------------------------ backward

    /**
     * LINEAR backward (spec 1.4.4-1.4.6) for one layer, given {@code dZ = ∂J/∂Z[l]}.
     *
     * @param dZ    shape {@code (n[l], m)}, the shape of the cached {@code Z}
     * @param cache the layer's {@code (APrev, W, b)}
     * @return {@code dAPrev} (shape of {@code APrev}), {@code dW} (shape of {@code W}), {@code db} (shape of {@code b})
     */
    public static LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
        Checks.notNull("linearBackward", "cache", cache);
        Checks.notNull("linearBackward", "dZ", dZ);
        Matrix APrev = cache.A();
        Matrix W = cache.W();
        if (dZ.rows() != W.rows() || dZ.cols() != APrev.cols()) {
            throw new ShapeException("linearBackward", dZ.shape(), W.shape(),
                    "do not fit: dZ must be (" + W.rows() + ", " + APrev.cols() + ") for W of shape " + W.shape()
                            + " and A_prev of shape " + APrev.shape());
        }
        int m = APrev.cols();
        // dW = dZ · APrevᵀ / m
        Matrix dW = dZ.dotTranspose(APrev).div(m);
        // db = Σ_examples dZ / m    (one value per row)
        Matrix db = dZ.sum(1).div(m);
        // dAPrev = Wᵀ · dZ
        Matrix dAPrev = W.transposeDot(dZ);
        return new LinearGradients(dAPrev, dW, db);
    }

    /**
     * LINEAR-&gt;ACTIVATION backward: {@code dZ = dA * g'(Z)} (spec 1.4.7), then {@link #linearBackward}.
     *
     * @param dA         gradient with respect to this layer's output {@code A[l]}, shape of the cached {@code Z}
     * @param cache      the layer's forward cache
     * @param activation {@code g}, the layer's activation
     * @return {@code dA[l-1]}, {@code dW[l]} and {@code db[l]}
     */
    public static LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
        Checks.notNull("linearActivationBackward", "cache", cache);
        Checks.notNull("linearActivationBackward", "activation", activation);
        Checks.sameShape("linearActivationBackward", "dA", dA, "the cached Z", cache.Z());
        // dZ = dA * g'(Z)
        Matrix dZ = activation.backward(dA, cache.Z());
        return linearBackward(dZ, cache.linear());
    }

    /**
     * Backward propagation of [LINEAR-&gt;RELU] x (L-1) -&gt; LINEAR-&gt;SIGMOID, starting from
     * {@code dAL = -(Y/AL - (1-Y)/(1-AL))}.
     *
     * @param AL     the forward pass's output, shape {@code (1, m)}
     * @param Y      labels, shape {@code (1, m)}
     * @param caches the forward pass's caches, layer 1 first
     * @return {@code dA}, {@code dW}, {@code db} for every layer
     */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, List<LayerCache> caches) {
        return lModelBackward(AL, Y, caches, Activation.RELU);
    }

    /**
     * {@link #lModelBackward(Matrix, Matrix, List)} for a network with {@code hidden} in layers {@code 1..L-1}.
     *
     * @param AL     the predictions {@code A[L]}, shape {@code (1, m)}
     * @param Y      labels 0/1, shape {@code (1, m)}
     * @param caches the layer caches from the forward pass, layer 1 first
     * @param hidden the activation of layers {@code 1..L-1}
     * @return every layer's gradients
     */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, List<LayerCache> caches, Activation hidden) {
        Checks.notNull("lModelBackward", "caches", caches);
        Checks.notNull("lModelBackward", "hidden activation", hidden);
        if (caches.isEmpty()) {
            throw new Nndl4jException("lModelBackward: caches is empty, expected one per layer");
        }
        Checks.sameShape("lModelBackward", "AL", AL, "Y", Y);
        int L = caches.size();
        LinearGradients[] grads = new LinearGradients[L];
        // dAL = -(Y / AL - (1 - Y) / (1 - AL))
        Matrix dAL = Loss.BINARY_CROSS_ENTROPY.outputGradient(AL, Y);
        // layer L (SIGMOID -> LINEAR); caches.get(L - 1) is the course's caches[L-1], grads[L - 1] its "dW" + L
        grads[L - 1] = linearActivationBackward(dAL, caches.get(L - 1), Activation.SIGMOID);
        // layers L-1 .. 1 (hidden -> LINEAR); layer l takes the dA_prev of layer l + 1
        for (int l = L - 1; l >= 1; l--) {
            grads[l - 1] = linearActivationBackward(grads[l].dAPrev(), caches.get(l - 1), hidden);
        }
        return new DeepGradients(List.of(grads));
    }

    // ------------------------------------------------------------------ update and predict

    /**
     * One gradient-descent step (spec 1.4.9, 1.4.10) on every layer: {@code W = W - α dW}, {@code b = b - α db}.
     *
     * @param parameters   the current parameters
     * @param grads        their gradients, layer for layer
     * @param learningRate α, a finite number {@code > 0} (as every update function of the library requires; the
     *                     course's code would accept anything and, for NaN, make every parameter NaN)
     * @return new parameters; {@code parameters} is not modified
     * @throws IllegalArgumentException if α is NaN, infinite or not {@code > 0}, or the layers do not match
     */
    public static DeepParameters updateParameters(DeepParameters parameters, DeepGradients grads, double learningRate) {
        Checks.notNull("updateParameters", "parameters", parameters);
        Checks.notNull("updateParameters", "grads", grads);
        Checks.finitePositive("updateParameters", "learning rate", learningRate);
        if (grads.numLayers() != parameters.numLayers()) {
            throw new Nndl4jException("updateParameters: parameters have " + parameters.numLayers()
                    + " layers but grads have " + grads.numLayers());
        }
        List<LayerParameters> updated = new ArrayList<>(parameters.numLayers());
        for (int l = 1; l <= parameters.numLayers(); l++) {
            Matrix W = parameters.W(l);
            Matrix b = parameters.b(l);
            Checks.sameShape("updateParameters", "W" + l, W, "dW" + l, grads.dW(l));
            Checks.sameShape("updateParameters", "b" + l, b, "db" + l, grads.db(l));
            // W[l] = W[l] - α dW[l];  b[l] = b[l] - α db[l]
            updated.add(new LayerParameters(W.minus(grads.dW(l).times(learningRate)),
                    b.minus(grads.db(l).times(learningRate))));
        }
        return new DeepParameters(updated);
    }

    /**
     * The course's {@code predict}: 1 where {@code AL > 0.5}, else 0. Parameters first, then inputs, as every
     * family's {@code predict} takes them.
     *
     * @param parameters the trained parameters
     * @param X          inputs, shape {@code (n[0], m)}
     * @return predictions of shape {@code (1, m)}
     * @throws IllegalArgumentException naming the column of the first NaN or infinite input, or if the forward pass
     *                                  cannot fit in the heap
     */
    public static Matrix predict(DeepParameters parameters, Matrix X) {
        Checks.notNull("predict", "parameters", parameters);
        Checks.finiteValues("predict", "X", X);
        MemoryBudget.requireForward("predict", parameters.toNetwork().layerDims(), X.cols());
        return lModelForward(X, parameters).AL().greaterThan(0.5);
    }
}
