package org.nndl4j.engine;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Loss;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * The fast computation of full-batch gradient descent on any {@link Network} whose output pairs with a {@link Loss}
 * (SIGMOID with the binary, SOFTMAX with the categorical cross-entropy), on reusable buffers. Logistic regression
 * is the one-layer case ({@code W1 = wᵀ}), the planar network the two-layer tanh case, the cat networks the ReLU
 * cases, the digits network the softmax case.
 *
 * <p>One {@link #step} is the course's iteration: forward, cost, backward (all gradients from the parameters before
 * the update), then {@code θ = θ - α dθ}. Two shortcuts are exact: the output layer's {@code dZL = AL - Y} (the
 * course's {@code dAL * g'(ZL)} simplified, for both losses), and no {@code dA0} for the input layer, which nothing
 * uses.
 *
 * <p>Two computations of the same step:
 * <ul>
 * <li>{@linkplain #primal PRIMAL}: the textbook one, {@code Z1 = W1·X + b1}, {@code dW1 = (1/m) dZ1·Xᵀ}, with the
 *     blocked, vectorised {@link Gemm}.</li>
 * <li>{@linkplain #gram GRAM}: exact for full-batch gradient descent on wide data. The first layer's weights only ever
 *     move inside the span of the examples, so with {@code G = Xᵀ·X} ({@code m x m}, computed once)
 *     {@code Z1 ← Z1 - (α/m) dZ1·G - α db1} and {@code W1 = W1₀ + C·Xᵀ} with {@code C ← C - (α/m) dZ1}; {@code W1}
 *     is formed only when asked for. Per iteration O(n1·m²) instead of O(n1·n_x·m). Whatever the output layer and
 *     loss, since only {@code dZ1} enters.</li>
 * </ul>
 *
 * <p>Arrays here hold layer {@code l} at index {@code l} (1-based, like W1..WL); index 0 of the activations is the
 * input {@code X}. Matrices are held as arrays of rows.
 *
 * <p>Not thread-safe; one instance trains one network.
 */
public final class NetworkEngine {

    /**
     * {@code dW = (1/m) dZ·APrevᵀ} goes through a transposed copy of APrev (Xᵀ, made once, for the input
     * layer) when APrev has at least this many rows, so that the kernel's vectorised loop runs along the long
     * dimension; below it, dot products of rows. Measured on the cat data: 8 ms against 22 ms per L-layer
     * iteration, 1.7 ms against 3.5 ms per logistic-regression iteration.
     */
    private static final int TRANSPOSE_THRESHOLD = 64;

    private final int L;
    private final boolean gram;
    private final Loss loss;
    private final Activation[] g;
    private final double[][][] W;
    private final double[][] b;
    private final double[][][] dW;
    private final double[][] db;
    private boolean stepped;

    // regularisation: L2 strength λ; dropout keep probabilities per layer (1 = none) and where masks come from
    private double lambda;
    private double[] keepProb;
    private Supplier<NumpyRandom> masks;

    /** The number of training examples. */
    private final int m;
    /** The whole training set in one pass (A[0] is X itself): full-batch steps; made on first use. */
    private Pass full;
    // mini-batches: X and Y as rows, and one pass per batch size (the last batch may be shorter)
    private final double[][] Xrows;
    private final double[][] Yrows;
    private Pass batch;
    private Pass lastBatch;

    /**
     * The activations and their gradients for one number of examples {@code m}: reused from step to step.
     * Arrays hold layer {@code l} at index {@code l}; {@code A[0]} is the input.
     */
    private final class Pass {
        final int m;
        final double[][] Y;
        final double[][][] Z;
        final double[][][] A;
        final double[][][] dZ;
        final double[][][] dAPrev;
        /** APrevᵀ for the layers whose dW goes through the kernel; for layer 1 it is Xᵀ, made once for a full pass. */
        final double[][][] APrevT;
        /** Dropout masks D[l] (0 or 1) of the last forward pass, for the layers that drop units; made on first use. */
        final double[][][] D;
        /** g(Z[l]) before dropout, for g' in the backward pass (A[l] holds the dropped, scaled activations). */
        final double[][][] G;

        Pass(double[][] X, double[][] Y, int m, boolean inputFixed) {
            this.m = m;
            this.Y = Y;
            Z = new double[L + 1][][];
            A = new double[L + 1][][];
            dZ = new double[L + 1][][];
            dAPrev = new double[L + 1][][];
            APrevT = new double[L + 1][][];
            D = new double[L + 1][][];
            G = new double[L + 1][][];
            A[0] = X;
            for (int l = 1; l <= L; l++) {
                int n = W[l].length;
                int nPrev = A[l - 1].length;
                Z[l] = new double[n][m];
                A[l] = new double[n][m];
                dZ[l] = new double[n][m];
                dAPrev[l] = l > 1 ? new double[nPrev][m] : null;
                boolean needsGradient = l > 1 || !gram;
                if (needsGradient && nPrev >= TRANSPOSE_THRESHOLD) {
                    APrevT[l] = l == 1 && inputFixed ? Gemm.transpose(A[0]) : new double[m][nPrev];
                }
            }
        }
    }

    // GRAM: G = Xᵀ·X; W1 = W1start + C·Xᵀ; Z[1] is carried from step to step.
    private final double[][] G;
    private final double[][] W1start;
    private final double[][] C;
    private boolean W1current;

    private NetworkEngine(Network network, Matrix X, Matrix Y, boolean gram) {
        checkData(network, X, Y);
        // refuse before the buffers are allocated, by the library's one memory rule
        MemoryBudget.requireTraining("NetworkEngine", network.layerDims(), X.cols(), 0, gram);
        this.gram = gram;
        L = network.numLayers();
        loss = network.loss();
        loss.requireLabels("NetworkEngine", Y, network.outputSize());
        g = new Activation[L + 1];
        W = new double[L + 1][][];
        b = new double[L + 1][];
        dW = new double[L + 1][][];
        db = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            g[l] = network.activation(l);
            W[l] = network.W(l).toArray();
            b[l] = network.b(l).toRowMajor();
            dW[l] = new double[W[l].length][W[l][0].length];
            db[l] = new double[W[l].length];
        }
        Xrows = InputCache.rows(X);
        Yrows = Y.toArray();
        m = X.cols();
        if (gram) {
            full = new Pass(Xrows, Yrows, m, true);
            G = InputCache.gram(X);
            W1start = copy(W[1]);
            C = new double[W[1].length][X.cols()];
            // Z1 = W1·X + b1, once; afterwards it moves by the Gram update. GRAM's products keep the textbook's order
            // (Gemm.inTextbookOrder), so the course's trainings print the same digits with or without the Vector API.
            Gemm.inTextbookOrder(() -> {
                linearForward(full, 1);
                return null;
            });
        } else {
            G = null;
            W1start = null;
            C = null;
        }
        W1current = true;
    }

    /**
     * The textbook computation of {@code network}'s training on examples {@code X} {@code (n[0], m)} with labels
     * {@code Y}.
     *
     * @param network the starting parameters and activations; not modified
     * @param X       the training examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @return an engine holding its own copy of the parameters
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the network's output and loss, {@code m = 0}, or the
     *                                  buffers cannot fit in the heap ({@link MemoryBudget#requireTraining})
     */
    public static NetworkEngine primal(Network network, Matrix X, Matrix Y) {
        return new NetworkEngine(network, X, Y, false);
    }

    /**
     * The exact Gram computation of the same training (see the class comment); {@code G = Xᵀ·X} is derived once per
     * {@code X}.
     *
     * @param network the starting parameters and activations; not modified
     * @param X       the training examples, {@code (n[0], m)}
     * @param Y       the labels, {@code (n[L], m)}
     * @return an engine holding its own copy of the parameters
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the network's output and loss, {@code m = 0}, or the
     *                                  buffers cannot fit in the heap ({@link MemoryBudget#requireTraining})
     */
    public static NetworkEngine gram(Network network, Matrix X, Matrix Y) {
        return new NetworkEngine(network, X, Y, true);
    }

    /**
     * Whether this is the Gram computation.
     *
     * @return true for the Gram computation, false for the primal one
     */
    public boolean usesGram() {
        return gram;
    }

    /**
     * Number of layers {@code L}.
     *
     * @return the number of layers, the input not counted
     */
    public int layers() {
        return L;
    }

    /**
     * One iteration of batch gradient descent at learning rate {@code α}.
     *
     * @param learningRate α, the step size
     * @return the cost before the update
     */
    public double step(double learningRate) {
        Pass full = fullPass();
        double cost = forwardAndCost(full, false);
        backward(full, false);
        for (int l = 1; l <= L; l++) {
            if (l == 1 && gram) {
                gramUpdate(learningRate);
            } else {
                // W = W - α dW
                for (int i = 0; i < W[l].length; i++) {
                    axpy(-learningRate, dW[l][i], W[l][i]);
                }
            }
            // b = b - α db
            axpy(-learningRate, db[l], b[l]);
        }
        return cost;
    }

    /**
     * The gradients of a batch of examples, for an optimizer to apply with {@link #update}: forward and backward on
     * examples {@code order[from] .. order[to - 1]} (columns of X, in that order), as the course's mini-batch code
     * computes them ({@code dZL = (1/m_b)(AL - Y)}, then {@code dW = dZ·APrevᵀ}, {@code db = Σ_j dZ}).
     *
     * @param order the examples' order (a permutation of {@code 0..m-1}), or {@code null} for {@code 0..m-1}
     * @param from  first position in {@code order}, inclusive
     * @param to    last position, exclusive
     * @return the summed loss of the batch's examples (not divided by the batch size)
     * @throws IllegalStateException for the Gram computation, which is full-batch gradient descent only
     */
    public double batchGradients(int[] order, int from, int to) {
        requirePrimal("batchGradients");
        int mb = to - from;
        if (from < 0 || mb < 1 || to > m || (order != null && order.length != m)) {
            throw new Nndl4jException("batchGradients: examples [" + from + ", " + to + ") of " + m
                    + (order == null ? "" : " with an order of " + order.length));
        }
        Pass pass;
        if (order == null && from == 0 && to == m) {
            pass = fullPass();
        } else {
            pass = passFor(mb);
            gather(order, from, pass);
        }
        double sum = forwardAndCost(pass, true);
        backward(pass, true);
        return sum;
    }

    /**
     * Moves every layer's parameters by {@code update} from the gradients of the last {@link #batchGradients}.
     *
     * @param update the optimizer's rule
     */
    public void update(ParameterUpdate update) {
        requirePrimal("update");
        for (int l = 1; l <= L; l++) {
            update.update(l, W[l], b[l], dW[l], db[l]);
        }
    }

    /**
     * Regularises the training from now on: L2 with strength {@code λ} (cost {@code + λ/(2m)·Σ_l ΣW[l]²}, gradient
     * {@code dW[l] + (λ/m)·W[l]}, {@code m} the batch's size) and inverted dropout on the hidden layers whose keep
     * probability is below 1: after {@code A[l] = g(Z[l])}, {@code D[l] = rand(n[l], m) < keep[l]},
     * {@code A[l] = A[l]·D[l] / keep[l]}, and backward {@code dA[l] = dA[l]·D[l] / keep[l]}. Masks are drawn layer
     * after layer (layer 1 first, each row-major as {@code np.random.rand}) from the generator {@code masks} gives at
     * the start of each forward pass.
     *
     * @param lambda    {@code λ >= 0}
     * @param keepProb  keep probability of layers {@code 1..L-1} at index {@code l - 1}, each in (0, 1]
     * @param masks     the generator of each forward pass (the same one for a stream; a fresh seeded one to reseed)
     * @throws IllegalArgumentException     if a value is out of range
     * @throws UnsupportedOperationException for L2 on the GRAM computation, whose first layer is kept as coefficients
     */
    public void regularize(double lambda, double[] keepProb, Supplier<NumpyRandom> masks) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new Nndl4jException("regularize: lambda must be a finite number >= 0, got " + lambda);
        }
        if (gram && lambda > 0.0) {
            throw new UnsupportedOperationException("regularize: the GRAM computation does not take L2 "
                    + "(use the PRIMAL computation)");
        }
        double[] keep = new double[L + 1];
        java.util.Arrays.fill(keep, 1.0);
        if (keepProb != null) {
            if (keepProb.length > L - 1) {
                throw new Nndl4jException("regularize: " + keepProb.length + " keep probabilities for "
                        + (L - 1) + " hidden layers (the output layer keeps all its units)");
            }
            for (int i = 0; i < keepProb.length; i++) {
                if (!(keepProb[i] > 0.0 && keepProb[i] <= 1.0)) {
                    throw new Nndl4jException("regularize: keep probability of layer " + (i + 1)
                            + " must be in (0, 1], got " + keepProb[i]);
                }
                // list index i is layer i + 1
                keep[i + 1] = keepProb[i];
            }
        }
        boolean dropout = false;
        for (double k : keep) {
            dropout |= k < 1.0;
        }
        if (dropout && masks == null) {
            throw new Nndl4jException("regularize: dropout needs a generator for its masks");
        }
        this.lambda = lambda;
        this.keepProb = dropout ? keep : null;
        this.masks = masks;
    }

    /**
     * Whether every parameter is a finite number (training goes on through an infinite cost, not through infinite
     * or NaN parameters).
     *
     * @return true if all of W and b (and, for GRAM, the first layer's coefficients) are finite
     */
    public boolean parametersFinite() {
        for (int l = 1; l <= L; l++) {
            if (!finite(b[l]) || !(l == 1 && gram ? finite(C) && finite(full.Z[1]) : finite(W[l]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] v) {
        double s = 0.0;
        for (double x : v) {
            // x - x is 0 for a finite x and NaN for an infinite or NaN one
            s += x - x;
        }
        return s == 0.0;
    }

    private static boolean finite(double[][] M) {
        for (double[] row : M) {
            if (!finite(row)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of training examples {@code m}.
     *
     * @return {@code m}
     */
    public int examples() {
        return m;
    }

    private Pass fullPass() {
        if (full == null) {
            full = new Pass(Xrows, Yrows, m, true);
        }
        return full;
    }

    /**
     * The layer sizes {@code [n[0], ..., n[L]]}.
     *
     * @return a new array of {@code L + 1} sizes, input size first
     */
    public int[] layerDims() {
        int[] dims = new int[L + 1];
        dims[0] = Xrows.length;
        for (int l = 1; l <= L; l++) {
            dims[l] = W[l].length;
        }
        return dims;
    }

    /**
     * Forward propagation and the cost: the course's mean cost for a full-batch step, or the summed loss of a
     * mini-batch ({@code summed}).
     */
    private double forwardAndCost(Pass p, boolean summed) {
        NumpyRandom random = keepProb == null ? null : masks.get();
        for (int l = 1; l <= L; l++) {
            if (l > 1 || !gram) {
                linearForward(p, l);
            }
            g[l].forward(p.Z[l], p.A[l], p.m);
            if (keepProb != null && keepProb[l] < 1.0) {
                dropout(p, l, random);
            }
        }
        double cost = summed ? loss.sum(p.A[L], p.Y, p.m) : loss.cost(p.A[L], p.Y, p.m);
        if (lambda > 0.0) {
            // the course's 1./m * lambd/2 * (ΣW1² + ... + ΣWL²); a batch's sum is m_b times its mean
            double penalty = 1.0 / p.m * lambda / 2 * squaredWeights();
            cost = summed ? cost + penalty * p.m : cost + penalty;
        }
        return cost;
    }

    /** D = rand(n, m) < keep; A = A·D; A = A / keep, in the course's order of operations. */
    private void dropout(Pass p, int l, NumpyRandom random) {
        if (p.D[l] == null) {
            p.D[l] = new double[p.A[l].length][p.m];
            p.G[l] = new double[p.A[l].length][p.m];
        }
        double keep = keepProb[l];
        for (int i = 0; i < p.A[l].length; i++) {
            double[] d = p.D[l][i];
            double[] a = p.A[l][i];
            System.arraycopy(a, 0, p.G[l][i], 0, p.m);
            random.fillRand(d, p.m);
            for (int j = 0; j < p.m; j++) {
                d[j] = d[j] < keep ? 1.0 : 0.0;
                a[j] = a[j] * d[j];
                a[j] = a[j] / keep;
            }
        }
    }

    /** Σ_l Σ W[l]², each layer's sum pairwise as np.sum(np.square(W)), the layers added in order. */
    private double squaredWeights() {
        double total = 0.0;
        for (int l = 1; l <= L; l++) {
            double[][] w = l == 1 && !W1current ? materialisedW1() : W[l];
            int cols = w[0].length;
            double[] squares = new double[w.length * cols];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < cols; j++) {
                    squares[i * cols + j] = w[i][j] * w[i][j];
                }
            }
            total += MathFunctions.pairwiseSum(squares, 0, squares.length);
        }
        return total;
    }

    private double[][] materialisedW1() {
        materialiseW1();
        return W[1];
    }

    /**
     * Backward propagation into dW and db. Full-batch steps keep the first course's order, {@code dZL = AL - Y},
     * {@code dW = (1/m) dZ·APrevᵀ}; batch gradients the second course's, {@code dZL = (1/m)(AL - Y)},
     * {@code dW = dZ·APrevᵀ}.
     */
    private void backward(Pass p, boolean scaledFirst) {
        int mb = p.m;
        double scale = 1.0 / mb;
        // dZL = AL - Y: the course's dAL * g'(ZL) for sigmoid with binary and softmax with categorical cross-entropy
        for (int i = 0; i < p.A[L].length; i++) {
            double[] dZL = p.dZ[L][i];
            double[] AL = p.A[L][i];
            double[] y = p.Y[i];
            for (int j = 0; j < mb; j++) {
                dZL[j] = scaledFirst ? scale * (AL[j] - y[j]) : AL[j] - y[j];
            }
        }
        for (int l = L; l >= 1; l--) {
            // db = (1/m) Σ_j dZ
            for (int i = 0; i < db[l].length; i++) {
                db[l][i] = scaledFirst ? sum(p.dZ[l][i], mb) : sum(p.dZ[l][i], mb) / mb;
            }
            if (l > 1 || !gram) {
                weightGradient(p, l, scaledFirst ? 1.0 : scale);
                if (lambda > 0.0) {
                    // dW = dW + (λ·W)/m, in the course's order
                    for (int i = 0; i < dW[l].length; i++) {
                        double[] dw = dW[l][i];
                        double[] w = W[l][i];
                        for (int j = 0; j < dw.length; j++) {
                            dw[j] = dw[j] + lambda * w[j] / mb;
                        }
                    }
                }
            }
            if (l > 1) {
                // dAPrev = Wᵀ · dZ, then dZPrev = dAPrev * g'(ZPrev); there is no dA0 for the input layer
                zero(p.dAPrev[l]);
                Gemm.multAddTransA(1.0, W[l], p.dZ[l], p.dAPrev[l]);
                if (keepProb != null && keepProb[l - 1] < 1.0) {
                    // dA = dA·D / keep: only the units the forward pass kept pass their gradient on
                    double keep = keepProb[l - 1];
                    for (int i = 0; i < p.dAPrev[l].length; i++) {
                        double[] da = p.dAPrev[l][i];
                        double[] d = p.D[l - 1][i];
                        for (int j = 0; j < mb; j++) {
                            da[j] = da[j] * d[j];
                            da[j] = da[j] / keep;
                        }
                    }
                }
                // g' from g(Z) before dropout (tanh' = 1 - a², σ' = a(1 - a) read the activation itself)
                double[][] activated = keepProb != null && keepProb[l - 1] < 1.0 ? p.G[l - 1] : p.A[l - 1];
                g[l - 1].backward(p.dAPrev[l], p.Z[l - 1], activated, p.dZ[l - 1], mb);
            }
        }
        stepped = true;
    }

    /** The pass for batches of {@code mb} examples, made on first use. */
    private Pass passFor(int mb) {
        if (batch != null && batch.m == mb) {
            return batch;
        }
        if (lastBatch != null && lastBatch.m == mb) {
            return lastBatch;
        }
        Pass p = new Pass(new double[Xrows.length][mb], new double[Yrows.length][mb], mb, false);
        if (batch == null) {
            batch = p;
        } else {
            // a third size replaces the shorter one (batch sizes are one size and a last, shorter one)
            lastBatch = p;
        }
        return p;
    }

    /** Copies examples order[from..] into the pass's input and labels. */
    private void gather(int[] order, int from, Pass p) {
        for (int i = 0; i < Xrows.length; i++) {
            double[] x = Xrows[i];
            double[] to = p.A[0][i];
            for (int j = 0; j < p.m; j++) {
                to[j] = x[order == null ? from + j : order[from + j]];
            }
        }
        for (int i = 0; i < Yrows.length; i++) {
            double[] y = Yrows[i];
            double[] to = p.Y[i];
            for (int j = 0; j < p.m; j++) {
                to[j] = y[order == null ? from + j : order[from + j]];
            }
        }
    }

    private void requirePrimal(String operation) {
        if (gram) {
            throw new IllegalStateException(operation + ": the GRAM computation is full-batch gradient descent only; "
                    + "use the PRIMAL computation for mini-batches and other optimizers");
        }
    }

    /**
     * {@code W[l]} now, 1-based; with the Gram computation W1 is materialised from the span of X.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return a copy of {@code W[l]}, shape {@code (n[l], n[l-1])}
     */
    public Matrix weights(int l) {
        checkLayer(l);
        if (l == 1 && !W1current) {
            materialiseW1();
        }
        return Matrix.of(W[l]);
    }

    /**
     * {@code b[l]} now, 1-based, as an {@code (n[l], 1)} column.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return a copy of {@code b[l]}, shape {@code (n[l], 1)}
     */
    public Matrix bias(int l) {
        checkLayer(l);
        return Matrix.columnVector(b[l]);
    }

    /**
     * The network as it is now, with the activations it started with.
     *
     * @return a new network holding copies of the current parameters
     */
    public Network network() {
        List<Layer> layers = new ArrayList<>(L);
        for (int l = 1; l <= L; l++) {
            layers.add(new Layer(weights(l), bias(l), g[l]));
        }
        return Network.of(layers);
    }

    /**
     * The gradients of the last {@link #step} (computed from the parameters before its update), or {@code null} before
     * the first step. With the Gram computation dW1 is only formed here, on request: {@code dW1 = (1/m) dZ1·Xᵀ}.
     *
     * @return new matrices {@code dW[l]}, {@code db[l]} for every layer, or {@code null} before the first step
     */
    public Gradients lastGradients() {
        if (!stepped) {
            return null;
        }
        if (gram) {
            // dW1 = (1/m) dZ1 · Xᵀ, as dot products of rows (X is held as its n_x rows)
            Gemm.inTextbookOrder(() -> {
                Gemm.multTransB(1.0 / full.m, full.dZ[1], full.A[0], dW[1]);
                return null;
            });
        }
        List<Matrix> dWs = new ArrayList<>(L);
        List<Matrix> dbs = new ArrayList<>(L);
        for (int l = 1; l <= L; l++) {
            dWs.add(Matrix.of(dW[l]));
            dbs.add(Matrix.columnVector(db[l]));
        }
        return new Gradients(dWs, dbs);
    }

    // ------------------------------------------------------------------ internals

    /** Z[l] = W[l] · A[l-1] + b[l]. */
    private void linearForward(Pass p, int l) {
        zero(p.Z[l]);
        Gemm.multAdd(1.0, W[l], p.A[l - 1], p.Z[l]);
        for (int i = 0; i < p.Z[l].length; i++) {
            double[] z = p.Z[l][i];
            double bi = b[l][i];
            for (int j = 0; j < p.m; j++) {
                z[j] += bi;
            }
        }
    }

    /** dW[l] = alpha · dZ[l] · A[l-1]ᵀ. */
    private void weightGradient(Pass p, int l, double alpha) {
        if (p.APrevT[l] == null) {
            // as dot products of rows: A[l-1] is read once, no transposed copy
            Gemm.multTransB(alpha, p.dZ[l], p.A[l - 1], dW[l]);
            return;
        }
        if (l > 1 || p != full) {
            transposeInto(p.A[l - 1], p.APrevT[l]);
        }
        zero(dW[l]);
        Gemm.multAdd(alpha, p.dZ[l], p.APrevT[l], dW[l]);
    }

    /**
     * The first layer's update in the span of X: with {@code dW1 = (1/m) dZ1·Xᵀ},
     * {@code W1·X} moves by {@code -(α/m) dZ1·(Xᵀ·X)}.
     */
    private void gramUpdate(double learningRate) {
        double step = -learningRate / m;
        // Z1 = Z1 - (α/m) dZ1·G - α db1
        Gemm.inTextbookOrder(() -> {
            Gemm.multAdd(step, full.dZ[1], G, full.Z[1]);
            return null;
        });
        for (int i = 0; i < full.Z[1].length; i++) {
            double shift = learningRate * db[1][i];
            double[] z = full.Z[1][i];
            for (int j = 0; j < m; j++) {
                z[j] -= shift;
            }
            // C = C - (α/m) dZ1, so that W1 = W1start + C·Xᵀ
            axpy(step, full.dZ[1][i], C[i]);
        }
        W1current = false;
    }

    /** W1 = W1start + C · Xᵀ. */
    private void materialiseW1() {
        Gemm.inTextbookOrder(() -> {
            Gemm.multTransB(1.0, C, full.A[0], W[1]);
            return null;
        });
        for (int i = 0; i < W[1].length; i++) {
            axpy(1.0, W1start[i], W[1][i]);
        }
        W1current = true;
    }

    private static double sum(double[] x, int n) {
        double s = 0.0;
        for (int j = 0; j < n; j++) {
            s += x[j];
        }
        return s;
    }

    /** y = y + a·x. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static void zero(double[][] M) {
        for (double[] row : M) {
            Arrays.fill(row, 0.0);
        }
    }

    private static void transposeInto(double[][] M, double[][] T) {
        for (int i = 0; i < M.length; i++) {
            double[] row = M[i];
            for (int j = 0; j < row.length; j++) {
                T[j][i] = row[j];
            }
        }
    }

    private static double[][] copy(double[][] M) {
        double[][] c = new double[M.length][];
        for (int i = 0; i < M.length; i++) {
            c[i] = M[i].clone();
        }
        return c;
    }

    private void checkLayer(int l) {
        if (l < 1 || l > L) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are 1.." + L);
        }
    }

    private static void checkData(Network network, Matrix X, Matrix Y) {
        Checks.notNull("NetworkEngine", "network", network);
        Checks.notNull("NetworkEngine", "X", X);
        if (X.rows() != network.inputSize()) {
            throw new ShapeException("NetworkEngine", network.W(1).shape(), X.shape(), "not aligned: X must have "
                    + network.inputSize() + " rows (the network's inputs), got " + X.rows());
        }
        Checks.examples("NetworkEngine", X, Y);
    }
}
