package org.nndl4j.train;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nndl4j.activation.Activation;
import org.nndl4j.loss.CrossEntropy;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;

/**
 * The fast training engine shared by every model family: batch gradient descent on a feed-forward
 * network {@code [LINEAR -> g1] -> ... -> [LINEAR -> SIGMOID]} with the cross-entropy cost, on
 * reusable EJML buffers. Logistic regression is the one-layer case ({@code W1 = wᵀ}), the planar
 * network the two-layer case with tanh, the cat networks the ReLU cases.
 *
 * <p>One {@link #step} is the course's iteration: forward, cost, backward (all gradients from the
 * parameters before the update), then {@code θ = θ - α dθ}. Two shortcuts are exact: the output layer's
 * {@code dZL = AL - Y} (the course's {@code dAL * σ'(ZL)} simplified), and no {@code dA0} for the
 * input layer, which nothing uses. With {@link Engine#GRAM} the first layer works in the span of the
 * examples (see {@link Engine#GRAM}).
 *
 * <p>Arrays here hold layer {@code l} at index {@code l} (1-based, like W1..WL); index 0 of the
 * activations is the input {@code X}.
 *
 * <p>Not thread-safe; one instance trains one model.
 */
public final class NetworkTrainer {

    private final int L;
    private final int m;
    private final Engine engine;
    private final Activation[] g;
    private final double[] Y;
    private final DMatrixRMaj[] W;
    private final double[][] b;
    private final DMatrixRMaj[] Z;
    private final DMatrixRMaj[] A;
    private final DMatrixRMaj[] dZ;
    private final DMatrixRMaj[] dW;
    private final double[][] db;
    private final DMatrixRMaj[] dAPrev;

    // Engine.GRAM: G = Xᵀ·X; W1 = W1start + C·Xᵀ; Z[1] is carried from step to step.
    private final DMatrixRMaj G;
    private final DMatrixRMaj W1start;
    private final DMatrixRMaj C;
    private boolean W1current;

    private NetworkTrainer(List<Matrix> weights, List<Matrix> biases, List<Activation> activations,
                           LabeledData data, Engine requested) {
        Objects.requireNonNull(data, "NetworkTrainer: data is null");
        L = checkLayers(weights, biases, activations, data.X().shape());
        m = data.size();
        engine = requested.resolve(data.features(), m);
        if (engine == Engine.REFERENCE) {
            throw new IllegalArgumentException("NetworkTrainer: Engine.REFERENCE is the model family's own "
                    + "building blocks, not this engine");
        }
        g = new Activation[L + 1];
        W = new DMatrixRMaj[L + 1];
        b = new double[L + 1][];
        Z = new DMatrixRMaj[L + 1];
        A = new DMatrixRMaj[L + 1];
        dZ = new DMatrixRMaj[L + 1];
        dW = new DMatrixRMaj[L + 1];
        db = new double[L + 1][];
        dAPrev = new DMatrixRMaj[L + 1];
        A[0] = data.X().toEjml();
        Y = data.Y().toRowMajor();
        for (int l = 1; l <= L; l++) {
            // the lists are 0-based: layer l is element l - 1
            g[l] = activations.get(l - 1);
            W[l] = weights.get(l - 1).toEjml();
            b[l] = biases.get(l - 1).toRowMajor();
            int n = W[l].numRows;
            Z[l] = new DMatrixRMaj(n, m);
            A[l] = new DMatrixRMaj(n, m);
            dZ[l] = new DMatrixRMaj(n, m);
            dW[l] = new DMatrixRMaj(n, W[l].numCols);
            db[l] = new double[n];
            dAPrev[l] = l > 1 ? new DMatrixRMaj(W[l].numCols, m) : null;
        }
        if (engine == Engine.GRAM) {
            G = gram(data.X(), A[0]);
            W1start = W[1].copy();
            C = new DMatrixRMaj(W[1].numRows, m);
            // Z1 = W1·X + b1, once; afterwards it moves by the Gram update
            linearForward(1);
            W1current = true;
        } else {
            G = null;
            W1start = null;
            C = null;
            W1current = true;
        }
    }

    /**
     * A trainer for the network with the given layers (element {@code l-1} of each list is layer {@code l})
     * on {@code data}.
     *
     * @param weights     W1..WL, {@code W[l]} of shape {@code (n[l], n[l-1])}, {@code n[0] = n_x}, {@code n[L] = 1}
     * @param biases      b1..bL, {@code b[l]} of shape {@code (n[l], 1)}
     * @param activations g1..gL; the last must be {@link Activation#SIGMOID} (the cost is cross-entropy)
     * @param engine      {@link Engine#AUTO}, {@link Engine#PRIMAL} or {@link Engine#GRAM}
     */
    public static NetworkTrainer create(List<Matrix> weights, List<Matrix> biases, List<Activation> activations,
                                        LabeledData data, Engine engine) {
        Objects.requireNonNull(engine, "NetworkTrainer: engine is null");
        return new NetworkTrainer(weights, biases, activations, data, engine);
    }

    /** The engine actually in use ({@link Engine#AUTO} resolved). */
    public Engine engine() {
        return engine;
    }

    /** Number of layers {@code L}. */
    public int layers() {
        return L;
    }

    /**
     * One iteration of batch gradient descent at learning rate {@code α}.
     *
     * @return the cost before the update
     */
    public double step(double learningRate) {
        for (int l = 1; l <= L; l++) {
            if (l > 1 || engine != Engine.GRAM) {
                linearForward(l);
            }
            g[l].forward(Z[l].data, A[l].data, Z[l].getNumElements());
        }
        double cost = CrossEntropy.cost(A[L].data, Y, m);

        // dZL = AL - Y: the course's dAL = -(Y/AL - (1-Y)/(1-AL)) times σ'(ZL) = AL(1-AL)
        double[] dZL = dZ[L].data;
        double[] AL = A[L].data;
        for (int j = 0; j < m; j++) {
            dZL[j] = AL[j] - Y[j];
        }
        for (int l = L; l >= 1; l--) {
            // db = (1/m) Σ_j dZ
            rowMeans(dZ[l], db[l]);
            if (l > 1 || engine != Engine.GRAM) {
                // dW = (1/m) dZ · APrevᵀ
                CommonOps_DDRM.multTransB(1.0 / m, dZ[l], A[l - 1], dW[l]);
            }
            if (l > 1) {
                // dAPrev = Wᵀ · dZ, then dZPrev = dAPrev * g'(ZPrev); no dA0 for the input layer
                Gemm.multTransA(W[l], dZ[l], dAPrev[l]);
                g[l - 1].backward(dAPrev[l].data, Z[l - 1].data, A[l - 1].data, dZ[l - 1].data,
                        Z[l - 1].getNumElements());
            }
        }
        for (int l = 1; l <= L; l++) {
            if (l == 1 && engine == Engine.GRAM) {
                gramUpdate(learningRate);
            } else {
                // W = W - α dW
                CommonOps_DDRM.addEquals(W[l], -learningRate, dW[l]);
            }
            // b = b - α db
            double[] bl = b[l];
            for (int i = 0; i < bl.length; i++) {
                bl[i] -= learningRate * db[l][i];
            }
        }
        return cost;
    }

    /** {@code W[l]} now, 1-based; with the Gram engine W1 is materialised from the span of X. */
    public Matrix weights(int l) {
        checkLayer(l);
        if (l == 1 && !W1current) {
            // W1 = W1start + C · Xᵀ
            CommonOps_DDRM.multTransB(C, A[0], W[1]);
            CommonOps_DDRM.addEquals(W[1], W1start);
            W1current = true;
        }
        return Matrix.fromEjml(W[l]);
    }

    /** {@code b[l]} now, 1-based, as an {@code (n[l], 1)} column. */
    public Matrix bias(int l) {
        checkLayer(l);
        return Matrix.columnVector(b[l]);
    }

    // ------------------------------------------------------------------ internals

    /** Z[l] = W[l] · A[l-1] + b[l]. */
    private void linearForward(int l) {
        Gemm.mult(W[l], A[l - 1], Z[l]);
        double[] z = Z[l].data;
        double[] bl = b[l];
        for (int i = 0; i < bl.length; i++) {
            double bi = bl[i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                z[row + j] += bi;
            }
        }
    }

    /**
     * The first layer's update in the span of X: with {@code dW1 = (1/m) dZ1·Xᵀ},
     * {@code W1·X} moves by {@code -(α/m) dZ1·(Xᵀ·X)}.
     */
    private void gramUpdate(double learningRate) {
        double step = -learningRate / m;
        // Z1 = Z1 - (α/m) dZ1·G - α db1
        Gemm.multAdd(step, dZ[1], G, Z[1]);
        double[] z = Z[1].data;
        for (int i = 0; i < db[1].length; i++) {
            double shift = learningRate * db[1][i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                z[row + j] -= shift;
            }
        }
        // C = C - (α/m) dZ1, so that W1 = W1start + C·Xᵀ
        CommonOps_DDRM.addEquals(C, step, dZ[1]);
        W1current = false;
    }

    private static void rowMeans(DMatrixRMaj M, double[] out) {
        int cols = M.numCols;
        for (int i = 0; i < M.numRows; i++) {
            double s = 0;
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                s += M.data[row + j];
            }
            out[i] = s / cols;
        }
    }

    private void checkLayer(int l) {
        if (l < 1 || l > L) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are 1.." + L);
        }
    }

    private static int checkLayers(List<Matrix> weights, List<Matrix> biases, List<Activation> activations, Shape x) {
        Objects.requireNonNull(weights, "NetworkTrainer: weights is null");
        Objects.requireNonNull(biases, "NetworkTrainer: biases is null");
        Objects.requireNonNull(activations, "NetworkTrainer: activations is null");
        int layers = weights.size();
        if (layers == 0 || biases.size() != layers || activations.size() != layers) {
            throw new IllegalArgumentException("NetworkTrainer: need one weight matrix, bias and activation per layer, got "
                    + weights.size() + ", " + biases.size() + " and " + activations.size());
        }
        int previous = x.rows();
        for (int l = 1; l <= layers; l++) {
            Matrix Wl = weights.get(l - 1);
            Matrix bl = biases.get(l - 1);
            if (Wl.cols() != previous) {
                throw new ShapeException("NetworkTrainer", "W" + l + " with " + previous + " columns", Wl.shape());
            }
            if (bl.rows() != Wl.rows() || bl.cols() != 1) {
                throw new ShapeException("NetworkTrainer", Wl.shape(), bl.shape(), "(W" + l + ", b" + l
                        + ") do not fit: b" + l + " must be (" + Wl.rows() + ", 1)");
            }
            previous = Wl.rows();
        }
        if (previous != 1) {
            throw new IllegalArgumentException("NetworkTrainer: the output layer must have 1 unit, got " + previous);
        }
        if (activations.get(layers - 1) != Activation.SIGMOID) {
            throw new IllegalArgumentException("NetworkTrainer: the output activation must be SIGMOID (the cost is "
                    + "cross-entropy), got " + activations.get(layers - 1));
        }
        return layers;
    }

    // ------------------------------------------------------------------ Gram matrix, computed once per X

    private static WeakReference<Matrix> lastX = new WeakReference<>(null);
    private static DMatrixRMaj lastG;

    /**
     * {@code G = Xᵀ·X}. Training several models on the same data (the cat example trains two) computes it
     * once: the last one is kept while its X is alive. {@code Matrix} is immutable, so X's identity
     * stands for its contents.
     */
    private static synchronized DMatrixRMaj gram(Matrix x, DMatrixRMaj xData) {
        if (lastX.get() == x && lastG != null) {
            return lastG;
        }
        DMatrixRMaj gram = new DMatrixRMaj(xData.numCols, xData.numCols);
        Gemm.multTransA(xData, xData, gram);
        lastX = new WeakReference<>(x);
        lastG = gram;
        return gram;
    }
}
