package org.nndl4j.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.ColumnGather;
import org.nndl4j.matrix.FloatGemm;
import org.nndl4j.matrix.Gemm;
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
 * The PRIMAL computation in float32 with float64 master parameters (mixed precision, as the usual float32 training
 * is done): the network's {@code W} and {@code b}, their gradients as the optimizer sees them and the optimizer's
 * state stay float64; the engine keeps float32 copies of {@code W} and {@code b} (refreshed after every update) and
 * of the examples {@code X} (made once: half of X's bytes), and computes the forward pass, the backward pass and the
 * products in float32 ({@link FloatGemm}). The output layer's activation, the cost and {@code db} are computed in
 * float64 from the float32 products, and {@code dW} is handed to the update as float64.
 *
 * <p>The same steps as {@link NetworkEngine#primal}: full-batch gradient descent ({@link #step}: {@code dZL = AL - Y},
 * {@code dW = (1/m) dZ·APrevᵀ}), and batch gradients for any optimizer ({@link #batchGradients}:
 * {@code dZL = (1/m_b)(AL - Y)}, {@code dW = dZ·APrevᵀ}), with L2; no dropout. Hidden layers may be sigmoid, tanh,
 * ReLU, leaky ReLU or linear; the output SIGMOID or SOFTMAX with its loss. Costs and parameters agree with the float64
 * engine to float32 rounding, not bit for bit.
 *
 * <p>Memory: the float32 X (a large X's only once a full-batch pass needs it, row-major in one array when its products
 * run on the tile kernels: mini-batches of a large X are gathered from the caller's matrix, half the examples at a time
 * when the heap has room: {@link BatchRun}), and per number of examples one pass of float32 activations and
 * gradients, made on first use (a large hidden layer's gradient written over its activation, a panel at a time); a
 * step allocates nothing. Arrays hold layer {@code l} at index {@code l} (1-based); index 0 of the activations
 * is the input. Not thread-safe; one instance trains one network.
 */
public final class FloatNetworkEngine implements TrainingEngine {

    /** Columns of X converted at a time when the float32 copy is made (a double scratch of n[0] x this). */
    private static final int COPY_COLUMNS = 1024;
    /** Examples per panel of a hidden layer's gradient written over its activation ({@link #overActivation}). */
    static final int PANEL = 4096;

    private final int L;
    private final Loss loss;
    private final Activation[] g;
    // the float64 master parameters and the gradients handed to the update
    private final double[][][] W;
    private final double[][] b;
    private final double[][][] dW;
    private final double[][] db;
    // their float32 copies, and the float32 weight gradients
    private final float[][][] Wf;
    private final float[][] bf;
    private final float[][][] dWf;
    private double lambda;
    /** L2's scratch for the squares of the largest W, reused from step to step. */
    private double[] squares;
    private boolean stepped;
    /** Whether the last step left its weight gradients in dWf only ({@link #widenGradients} makes dW). */
    private boolean gradientsNarrow;
    /** Whether layer l's W and b are all finite, as of the last pass that changed them ({@link #refresh}). */
    private final boolean[] finite;

    private final int m;
    private final int n0;
    /** The examples as the caller gave them: a large X's mini-batches are gathered from it. */
    private final Matrix source;
    /** A large X's mini-batches, gathered a run at a time ({@link BatchRun}). */
    private final BatchRun<float[][]> run;
    /**
     * X in float32, {@code (n[0], m)}, made once: at once for a small X ({@link MemoryBudget#HELD_VALUES}), for a large
     * one at the first full-batch pass (a training by mini-batches never makes it) unless it is {@link #flatX}.
     */
    private float[][] X;
    /**
     * A large X in float32 made at the first full-batch pass when its products run on the tile kernels: row-major in
     * one array, {@code X[i][j]} at {@code i·m + j}, which the JVM places with the large objects. As rows (240 KB each
     * on the tall workload), a young collection copied them while they were new (a pause of 250 ms at two threads),
     * and the tall workload's peak memory at two threads was 916–1078 MB (median 1030, 18 runs) against 903–1045
     * (median 931) this way; at one thread, the same. Else null.
     */
    private float[] flatX;
    /**
     * A small X ({@link MemoryBudget#HELD_VALUES}) packed once for the tile kernels, as the right factor of
     * {@code Z1 = W1·X} and as {@code Xᵀ} for {@code dW1 = dZ1·Xᵀ} (then only W1 and dZ1 are packed a step), when the
     * Vector API kernel runs; else null.
     */
    private final FloatGemm.RightFactor packedX;
    private final FloatGemm.RightFactor packedXT;
    /** Xᵀ for the row kernel's {@code dW1 = dZ1·Xᵀ} under a narrow first layer on a small X without the Vector API. */
    private final float[][] XT;
    private final double[][] Y;
    private Pass full;
    private Pass batch;
    private Pass lastBatch;

    /** The activations and gradients of one number of examples, reused from step to step. */
    private final class Pass {
        final int m;
        /** The input: the pass's own buffer {@link #input}, or a batch of the run of batches. */
        float[][] A0;
        final float[][] input;
        final double[][] Y;
        /** Z[l] for the hidden layers, which A = g(Z) overwrites (A[l] is Z[l]); Z[L] is the output's product W·A. */
        final float[][][] Z;
        /**
         * dZ[l]; dZ[l-1] first receives dA[l-1] = W[l]ᵀ·dZ[l], then becomes dZ[l-1] in place. No dZ0. A hidden layer
         * whose dA goes {@link #overActivation in panels} has no buffer of its own: its dZ[l] is Z[l].
         */
        final float[][][] dZ;
        /** The output layer in float64: Z[L] + b[L], then AL = g(ZL) in place. */
        final double[][] AL;
        /** A batch's examples in float64, gathered from the caller's X when there is no float32 X; made on first use. */
        double[][] gathered;
        /**
         * For each layer written over its activation, its panel scratch as {@code [l][0]} for a whole panel and
         * {@code [l][1]} for the last one: views of scratches shared by the layers; else null.
         */
        final PanelScratch[][] panels;

        Pass(float[][] A0, double[][] Y, int m) {
            this.m = m;
            this.A0 = A0;
            this.input = A0;
            this.Y = Y;
            Z = new float[L + 1][][];
            dZ = new float[L + 1][][];
            for (int l = 1; l <= L; l++) {
                Z[l] = new float[Wf[l].length][m];
                dZ[l] = l < L && overActivation(l, m) ? Z[l] : new float[Wf[l].length][m];
            }
            AL = new double[Wf[L].length][m];
            panels = panelScratch(m);
        }

        /** The views of {@link #panels}, or null when no layer is written over its activation. */
        private PanelScratch[][] panelScratch(int m) {
            int rows = 0;
            for (int l = 1; l < L; l++) {
                rows = overActivation(l, m) ? Math.max(rows, Math.max(Wf[l].length, Wf[l + 1].length)) : rows;
            }
            if (rows == 0) {
                return null;
            }
            int tail = m - (m - 1) / PANEL * PANEL;
            float[][][] whole = {new float[rows][PANEL], new float[rows][PANEL]};
            float[][][] last = tail == PANEL ? whole : new float[][][] {new float[rows][tail], new float[rows][tail]};
            PanelScratch[][] views = new PanelScratch[L][];
            for (int l = 1; l < L; l++) {
                if (overActivation(l, m)) {
                    views[l] = new PanelScratch[2];
                    for (int v = 0; v < 2; v++) {
                        float[][][] scratch = v == 0 ? whole : last;
                        views[l][v] = new PanelScratch(Arrays.copyOf(scratch[0], Wf[l + 1].length),
                                Arrays.copyOf(scratch[1], Wf[l].length));
                    }
                }
            }
            return views;
        }

        float[][] A(int l) {
            return l == 0 ? A0 : Z[l];
        }
    }

    /**
     * One panel's scratch for {@link #gradientOverActivation}: {@code dZNext} receives the panel of dZ[l+1], {@code dA}
     * the product {@code W[l+1]ᵀ·dZNext}; both as wide as the panel.
     */
    private record PanelScratch(float[][] dZNext, float[][] dA) {
    }

    /**
     * Whether hidden layer {@code l}'s dZ, in a pass of {@code m} examples, is written over its activation A (which
     * nothing reads after its g'), a panel of {@value #PANEL} examples at a time: {@code dA = W[l+1]ᵀ·dZ[l+1]} for the
     * panel into a scratch, then {@code dZ = dA * g'(A)} into A's columns. Each panel's product runs on the tile
     * kernels as the whole product does, so it gives the whole product's bits for those columns (the tall workload's
     * costs are the same bits); a pass of at most one panel keeps its buffer. On the tall workload: layers 1 and 2,
     * 46 MB of buffers fewer for 7 MB of panels; its peak memory at one thread was 797–811 MB against 834–874, for
     * the same time (0.347–0.364 s an iteration against 0.341–0.370, seven pairs of processes). Panels of 1,024
     * examples were slower at two threads (0.207–0.220 s against 0.192–0.199): many more small products.
     */
    private boolean overActivation(int l, int m) {
        int tail = m - (m - 1) / PANEL * PANEL;
        int n = Wf[l].length;
        int k = Wf[l + 1].length;
        return m > PANEL && FloatGemm.packs(n, PANEL, k) && FloatGemm.packs(n, tail, k);
    }

    /**
     * {@code dZ[l] = (W[l+1]ᵀ·dZ[l+1]) * g'(A[l])} written over A[l], a panel of examples at a time
     * ({@link #overActivation}).
     */
    private void gradientOverActivation(Pass p, int l) {
        float[][] A = p.Z[l];
        float[][] dZNext = p.dZ[l + 1];
        for (int j0 = 0; j0 < p.m; j0 += PANEL) {
            int w = Math.min(PANEL, p.m - j0);
            PanelScratch panel = p.panels[l][w == PANEL ? 0 : 1];
            float[][] B = panel.dZNext();
            float[][] C = panel.dA();
            for (int i = 0; i < B.length; i++) {
                System.arraycopy(dZNext[i], j0, B[i], 0, w);
            }
            for (float[] row : C) {
                Arrays.fill(row, 0.0f);
            }
            FloatGemm.multAddTransA(1.0f, Wf[l + 1], B, C);
            FloatActivations.backward(g[l], C, 0, A, j0, A, j0, w);
        }
    }

    private FloatNetworkEngine(Network network, Matrix X, Matrix Y) {
        Checks.notNull("FloatNetworkEngine", "network", network);
        Checks.notNull("FloatNetworkEngine", "X", X);
        if (X.rows() != network.inputSize()) {
            throw new ShapeException("FloatNetworkEngine", network.W(1).shape(), X.shape(), "not aligned: X must have "
                    + network.inputSize() + " rows (the network's inputs), got " + X.rows());
        }
        Checks.examples("FloatNetworkEngine", X, Y);
        MemoryBudget.requireTraining("FloatNetworkEngine", network.layerDims(), X.cols(), 0, false);
        L = network.numLayers();
        loss = network.loss();
        loss.requireLabels("FloatNetworkEngine", Y, network.outputSize());
        g = new Activation[L + 1];
        W = new double[L + 1][][];
        b = new double[L + 1][];
        dW = new double[L + 1][][];
        db = new double[L + 1][];
        Wf = new float[L + 1][][];
        bf = new float[L + 1][];
        dWf = new float[L + 1][][];
        finite = new boolean[L + 1];
        for (int l = 1; l <= L; l++) {
            g[l] = network.activation(l);
            if (l < L) {
                FloatActivations.requireHidden(g[l], l);
            }
            W[l] = network.W(l).toArray();
            b[l] = network.b(l).toRowMajor();
            dW[l] = new double[W[l].length][W[l][0].length];
            db[l] = new double[W[l].length];
            Wf[l] = new float[W[l].length][W[l][0].length];
            bf[l] = new float[W[l].length];
            dWf[l] = new float[W[l].length][W[l][0].length];
            refresh(l);
        }
        n0 = X.rows();
        m = X.cols();
        this.source = X;
        boolean small = (long) n0 * m <= MemoryBudget.HELD_VALUES;
        this.X = small ? toFloat(X) : null;
        this.run = new BatchRun<>(m, BatchRun.SHARE / 2, w -> new float[n0][w]);
        boolean tiles = small && FloatGemm.kernel().equals("vector");
        if (tiles) {
            // a small training's steps are milliseconds: let the JIT compile the tile kernel now, not during them
            FloatGemm.warmUp();
        }
        this.packedX = tiles ? FloatGemm.pack(this.X) : null;
        this.packedXT = tiles ? FloatGemm.packTransposed(this.X) : null;
        this.XT = small && !tiles && W[1].length < FloatGemm.PACKED_MIN_SIDE ? transpose(this.X) : null;
        this.Y = Y.toArray();
    }

    /**
     * The float32 computation of {@code network}'s training on examples {@code X} {@code (n[0], m)} with labels
     * {@code Y}.
     *
     * @param network the starting parameters and activations; not modified
     * @param X       the training examples, {@code (n[0], m)}; copied once to float32
     * @param Y       the labels, {@code (n[L], m)}
     * @return an engine holding its own copy of the parameters
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the network's output and loss, {@code m = 0}, a hidden
     *                                  layer is softmax, or the buffers cannot fit in the heap
     */
    public static FloatNetworkEngine primal(Network network, Matrix X, Matrix Y) {
        return new FloatNetworkEngine(network, X, Y);
    }

    /** X in float32 as rows. */
    private static float[][] toFloat(Matrix X) {
        float[][] f = new float[X.rows()][X.cols()];
        inBlocks(X, (i, j0, values, w) -> {
            for (int j = 0; j < w; j++) {
                f[i][j0 + j] = (float) values[j];
            }
        });
        return f;
    }

    /** A row {@code i} of X's columns {@code [j0, j0 + w)} in float64: {@code values[0 .. w)}. */
    @FunctionalInterface
    private interface BlockRow {
        void accept(int i, int j0, double[] values, int w);
    }

    /** Hands X over a block of {@value #COPY_COLUMNS} columns at a time, row by row (no whole double copy). */
    private static void inBlocks(Matrix X, BlockRow to) {
        int rows = X.rows();
        int cols = X.cols();
        double[][] scratch = new double[rows][Math.min(COPY_COLUMNS, cols)];
        for (int j0 = 0; j0 < cols; j0 += COPY_COLUMNS) {
            int w = Math.min(COPY_COLUMNS, cols - j0);
            X.copyColumnsInto(j0, j0 + w, scratch);
            for (int i = 0; i < rows; i++) {
                to.accept(i, j0, scratch[i], w);
            }
        }
    }

    private static float[][] transpose(float[][] M) {
        float[][] T = new float[M[0].length][M.length];
        for (int i = 0; i < M.length; i++) {
            for (int j = 0; j < M[i].length; j++) {
                T[j][i] = M[i][j];
            }
        }
        return T;
    }

    /**
     * Wf[l], bf[l] = W[l], b[l] rounded to float32; records whether they are all finite (for
     * {@link #parametersFinite}, which the training loop asks after every step: a pass of its own over the cat's
     * first layer, 2 MB in float64, read from L3; the step's passes took 0.33–0.35 ms with the check here against
     * 0.37–0.39 without, one core, best of 300, three runs).
     */
    private void refresh(int l) {
        long bits = 0;
        for (int i = 0; i < W[l].length; i++) {
            bits |= EngineArrays.rounded(W[l][i], Wf[l][i]);
        }
        // both passes always run: bf must follow b even when W is not finite
        boolean biasesFinite = roundBiases(l);
        finite[l] = bits == 0 && biasesFinite;
    }

    /** bf[l] = b[l] rounded to float32; whether b[l] is all finite. */
    private boolean roundBiases(int l) {
        long bits = 0;
        for (int i = 0; i < b[l].length; i++) {
            bf[l][i] = (float) b[l][i];
            bits |= Double.doubleToRawLongBits(b[l][i] - b[l][i]);
        }
        return bits == 0;
    }

    @Override
    public double step(double learningRate) {
        Pass p = fullPass();
        double cost = forwardAndCost(p, false, true);
        // without L2 (dW is then the float32 product widened), W moves and is rounded in one pass from dWf; dW is
        // widened only if asked for (lastGradients, update)
        boolean onePass = lambda == 0.0;
        backward(p, false, !onePass);
        for (int l = 1; l <= L; l++) {
            if (onePass) {
                descendRounding(l, learningRate);
            } else {
                descend(W[l], b[l], dW[l], db[l], learningRate);
                refresh(l);
            }
        }
        return cost;
    }

    /**
     * {@link #descend} and {@link #refresh} of layer {@code l} without L2: W moves by the float32 gradient dWf widened
     * and is rounded to Wf in one pass ({@link EngineArrays#descendRounded}).
     */
    private void descendRounding(int l, double learningRate) {
        long bits = 0;
        for (int i = 0; i < W[l].length; i++) {
            bits |= EngineArrays.descendRounded(W[l][i], dWf[l][i], learningRate, Wf[l][i]);
            b[l][i] += -learningRate * db[l][i];
        }
        boolean biasesFinite = roundBiases(l);
        finite[l] = bits == 0 && biasesFinite;
    }

    /** dW = dWf in float64, if the last step left it to be widened. */
    private void widenGradients() {
        if (gradientsNarrow) {
            for (int l = 1; l <= L; l++) {
                toDouble(dWf[l], W[l], 0.0, m, dW[l]);
            }
            gradientsNarrow = false;
        }
    }

    /**
     * W = W - α dW, b = b - α db, in float64. The loops over a layer's values are here and in the other small helpers,
     * not in the methods of a step: a long loop in a large method had C2 compile that method twice, on stack first (an
     * on-stack replacement) and then whole. The cat network's forward pass was compiled on stack at about its 165th
     * iteration ({@code -XX:+PrintCompilation}); its iterations 101 to 200 took 4.16–4.70 ms on average, against
     * 4.07–4.24 ms with these helpers (float32, one core, four runs each).
     *
     * <p>With L2 only: without it, {@link #descendRounding} moves and rounds W in one pass.
     */
    private static void descend(double[][] W, double[] b, double[][] dW, double[] db, double learningRate) {
        for (int i = 0; i < W.length; i++) {
            double[] w = W[i];
            double[] dw = dW[i];
            for (int j = 0; j < w.length; j++) {
                w[j] += -learningRate * dw[j];
            }
            b[i] += -learningRate * db[i];
        }
    }

    @Override
    public double batchGradients(int[] order, int from, int to) {
        return batchGradients(order, from, to, true);
    }

    @Override
    public double batchGradients(int[] order, int from, int to, boolean withLoss) {
        EngineArrays.checkBatch(m, order, from, to);
        int mb = to - from;
        Pass p;
        if (order == null && from == 0 && to == m) {
            p = fullPass();
        } else {
            p = passFor(mb);
            gather(order, from, p);
        }
        double sum = forwardAndCost(p, true, withLoss);
        backward(p, true, true);
        return sum;
    }

    @Override
    public void update(ParameterUpdate update) {
        widenGradients();
        for (int l = 1; l <= L; l++) {
            update.update(l, W[l], b[l], dW[l], db[l]);
            refresh(l);
        }
    }

    /**
     * L2 with strength {@code λ} as {@link NetworkEngine#regularize} computes it (the penalty and {@code λW/m} in
     * float64, from the master weights); dropout is refused.
     *
     * @param lambda   {@code λ >= 0}
     * @param keepProb must be null or all 1 (no dropout)
     * @param masks    unused
     * @throws IllegalArgumentException if {@code λ} is out of range or a keep probability is below 1
     */
    @Override
    public void regularize(double lambda, double[] keepProb, Supplier<NumpyRandom> masks) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new Nndl4jException("regularize: lambda must be a finite number >= 0, got " + lambda);
        }
        for (int i = 0; keepProb != null && i < keepProb.length; i++) {
            if (keepProb[i] != 1.0) {
                throw new Nndl4jException("FloatNetworkEngine.regularize: the float32 path has no dropout (keep "
                        + "probability " + keepProb[i] + " on layer " + (i + 1) + "); use Precision.FLOAT64");
            }
        }
        this.lambda = lambda;
    }

    @Override
    public Network network() {
        List<Layer> layers = new ArrayList<>(L);
        for (int l = 1; l <= L; l++) {
            layers.add(new Layer(Matrix.of(W[l]), Matrix.columnVector(b[l]), g[l]));
        }
        return Network.of(layers);
    }

    @Override
    public Gradients lastGradients() {
        if (!stepped) {
            return null;
        }
        widenGradients();
        return EngineArrays.gradients(dW, db, L);
    }

    @Override
    public boolean usesGram() {
        return false;
    }

    @Override
    public int examples() {
        return m;
    }

    /** Whether every parameter is finite: recorded by the pass that last changed or rounded each layer's. */
    @Override
    public boolean parametersFinite() {
        for (int l = 1; l <= L; l++) {
            if (!finite[l]) {
                return false;
            }
        }
        return true;
    }

    /** Whether hidden layer {@code l}'s dZ is written over its A in a pass of {@code m} examples; for tests. */
    boolean writesGradientOverActivation(int l, int m) {
        return overActivation(l, m);
    }

    /** Whether the full-batch passes read X row-major from one array ({@link #flatX}); for tests. */
    boolean holdsFlatX() {
        return flatX != null;
    }

    private Pass fullPass() {
        if (full == null) {
            int n1 = Wf[1].length;
            if (X == null && FloatGemm.packs(n1, m, n0) && FloatGemm.packs(n1, n0, m)) {
                flatX = toFlatFloat(source);
            } else if (X == null) {
                X = toFloat(source);
            }
            full = new Pass(X, Y, m);
        }
        return full;
    }

    /** X in float32, row-major in one array. */
    private static float[] toFlatFloat(Matrix X) {
        int cols = X.cols();
        float[] f = new float[X.rows() * cols];
        inBlocks(X, (i, j0, values, w) -> {
            int at = i * cols + j0;
            for (int j = 0; j < w; j++) {
                f[at + j] = (float) values[j];
            }
        });
        return f;
    }

    /** The pass for batches of {@code mb} examples: one size and a last, shorter one. */
    private Pass passFor(int mb) {
        for (Pass p : new Pass[] {batch, lastBatch}) {
            if (p != null && p.m == mb) {
                return p;
            }
        }
        Pass p = new Pass(new float[n0][mb], new double[Y.length][mb], mb);
        if (batch == null) {
            batch = p;
        } else {
            lastBatch = p;
        }
        return p;
    }

    /**
     * Copies examples order[from..] (or from.. in order) into the pass's input and labels: from the float32 X, or
     * without one from the caller's X through a float64 scratch of the batch's size.
     */
    private void gather(int[] order, int from, Pass p) {
        p.A0 = p.input;
        if (X == null && order != null && run.fits(n0, p.m, Float.BYTES)) {
            p.A0 = run.batch(order, from, from + p.m, (o, f, t, w, batches) -> {
                float[][][] into = batches.toArray(new float[0][][]);
                // streamed reads: split by rows over the threads like any large pass
                Gemm.forRows(n0, (r0, r1) -> ColumnGather.into(source, o, f, t, w, into, r0, r1));
            });
        } else if (X == null) {
            if (p.gathered == null) {
                p.gathered = new double[n0][p.m];
            }
            if (order == null) {
                source.copyColumnsInto(from, from + p.m, p.gathered);
                toFloat(p, 0, n0);
            } else if (Gemm.splitsRows((long) n0 * p.m * EngineArrays.GATHER_COST)) {
                // random reads that miss the caches: every thread's reads in flight at once
                Gemm.forRows(n0, (r0, r1) -> {
                    source.selectColumnsInto(order, from, from + p.m, p.gathered, r0, r1);
                    toFloat(p, r0, r1);
                });
            } else {
                source.selectColumnsInto(order, from, from + p.m, p.gathered);
                toFloat(p, 0, n0);
            }
        } else {
            for (int i = 0; i < n0; i++) {
                float[] x = X[i];
                float[] to = p.A0[i];
                for (int j = 0; j < p.m; j++) {
                    to[j] = x[order == null ? from + j : order[from + j]];
                }
            }
        }
        for (int i = 0; i < Y.length; i++) {
            for (int j = 0; j < p.m; j++) {
                p.Y[i][j] = Y[i][order == null ? from + j : order[from + j]];
            }
        }
    }

    /** Rows {@code [r0, r1)} of the gathered float64 batch into the pass's float32 input. */
    private static void toFloat(Pass p, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            double[] x = p.gathered[i];
            float[] to = p.A0[i];
            for (int j = 0; j < p.m; j++) {
                to[j] = (float) x[j];
            }
        }
    }

    /**
     * Forward propagation and the cost (the mean, or a batch's summed loss when {@code summed}; NaN without
     * {@code withLoss}).
     */
    private double forwardAndCost(Pass p, boolean summed, boolean withLoss) {
        for (int l = 1; l <= L; l++) {
            float[][] Z = p.Z[l];
            // Z = b + W·APrev (the output layer's bias is added in float64 below)
            fillRows(Z, l < L ? bf[l] : null);
            if (l == 1 && p == full && packedX != null) {
                FloatGemm.multAdd(1.0f, Wf[l], packedX, Z);
            } else if (l == 1 && p == full && flatX != null) {
                FloatGemm.multAddRowMajor(1.0f, Wf[l], flatX, p.m, Z);
            } else {
                FloatGemm.multAdd(1.0f, Wf[l], p.A(l - 1), Z);
            }
            if (l < L) {
                FloatActivations.forward(g[l], Z, p.m);
            }
        }
        addBias(p.Z[L], b[L], p.AL, p.m);
        g[L].forward(p.AL, p.AL, p.m);
        if (!withLoss) {
            return Double.NaN;
        }
        double cost = summed ? loss.sum(p.AL, p.Y, p.m) : loss.cost(p.AL, p.Y, p.m);
        if (lambda > 0.0) {
            // λ/(2m)·Σ_l ΣW[l]²; a batch's sum is m_b times its mean
            double penalty = lambda / 2 / p.m * squaredWeights();
            cost += summed ? penalty * p.m : penalty;
        }
        return cost;
    }

    /** {@code ZL + b} in float64: the output layer's pre-activations, {@code AL[i][j] = Z[i][j] + b[i]}. */
    private static void addBias(float[][] Z, double[] b, double[][] AL, int m) {
        for (int i = 0; i < AL.length; i++) {
            float[] z = Z[i];
            double[] a = AL[i];
            for (int j = 0; j < m; j++) {
                a[j] = z[j] + b[i];
            }
        }
    }

    /**
     * Each row of {@code M} filled with its {@code values[i]}, or zeroed when {@code values} is null. The loops over
     * rows live in small methods of their own (here and {@link #biasGradient}): in {@code forwardAndCost} and
     * {@code backward} they made C2 compile those large methods on the stack (OSR) again and again.
     */
    private static void fillRows(float[][] M, float[] values) {
        for (int i = 0; i < M.length; i++) {
            Arrays.fill(M[i], values == null ? 0.0f : values[i]);
        }
    }

    /** {@code db[i] = Σ_j dZ[i][j]} over the batch's {@code mb} columns, {@code / mb} unless {@code scaledFirst}. */
    private static void biasGradient(float[][] dZ, int mb, boolean scaledFirst, double[] db) {
        for (int i = 0; i < dZ.length; i++) {
            double s = sum(dZ[i], mb);
            db[i] = scaledFirst ? s : s / mb;
        }
    }

    /** {@code Σ_j x[j]} for {@code j < n} in float64, in four interleaved partial sums (so the additions overlap). */
    private static double sum(float[] x, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[j];
            s1 += x[j + 1];
            s2 += x[j + 2];
            s3 += x[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_l Σ W[l]² from the float64 weights, each layer's sum pairwise as np.sum(np.square(W)), as float64's. */
    private double squaredWeights() {
        double total = 0.0;
        for (int l = 1; l <= L; l++) {
            squares = EngineArrays.squaresScratch(W[l], squares);
            total += EngineArrays.squaredSum(W[l], squares);
        }
        return total;
    }

    /**
     * Backward propagation into dW and db (float64). Full-batch steps: {@code dZL = AL - Y},
     * {@code dW = (1/m) dZ·APrevᵀ}; batch gradients: {@code dZL = (1/m_b)(AL - Y)}, {@code dW = dZ·APrevᵀ}.
     */
    private void backward(Pass p, boolean scaledFirst, boolean widen) {
        int mb = p.m;
        double scale = scaledFirst ? 1.0 / mb : 1.0;
        outputGradient(p.AL, p.Y, scale, p.dZ[L], mb);
        for (int l = L; l >= 1; l--) {
            float[][] dZ = p.dZ[l];
            biasGradient(dZ, mb, scaledFirst, db[l]);
            // dW = alpha · dZ · APrevᵀ, then in float64 (+ λ/m_b · W)
            fillRows(dWf[l], null);
            float alpha = scaledFirst ? 1.0f : 1.0f / mb;
            if (l == 1 && p == full && packedXT != null) {
                FloatGemm.multAdd(alpha, dZ, packedXT, dWf[l]);
            } else if (l == 1 && p == full && XT != null) {
                FloatGemm.multAdd(alpha, dZ, XT, dWf[l]);
            } else if (l == 1 && p == full && flatX != null) {
                FloatGemm.multAddTransBRowMajor(alpha, dZ, flatX, dWf[l]);
            } else {
                FloatGemm.multAddTransB(alpha, dZ, p.A(l - 1), dWf[l]);
            }
            if (widen) {
                toDouble(dWf[l], W[l], lambda, mb, dW[l]);
            }
            if (l > 1 && p.dZ[l - 1] == p.Z[l - 1]) {
                gradientOverActivation(p, l - 1);
            } else if (l > 1) {
                // dAPrev = Wᵀ · dZ, then dZPrev = dAPrev * g'(ZPrev) in place; no dA0
                float[][] dAPrev = p.dZ[l - 1];
                fillRows(dAPrev, null);
                FloatGemm.multAddTransA(1.0f, Wf[l], dZ, dAPrev);
                FloatActivations.backward(g[l - 1], dAPrev, p.Z[l - 1], mb);
            }
        }
        stepped = true;
        gradientsNarrow = !widen;
    }

    /** dZL = AL - Y (the paired output and loss; times {@code scale}), in float64, rounded to float32 for the products. */
    private static void outputGradient(double[][] AL, double[][] Y, double scale, float[][] dZL, int mb) {
        for (int i = 0; i < AL.length; i++) {
            double[] a = AL[i];
            double[] y = Y[i];
            float[] dz = dZL[i];
            for (int j = 0; j < mb; j++) {
                dz[j] = (float) (scale * (a[j] - y[j]));
            }
        }
    }

    /** dW = the float32 product in float64, plus {@code λ/m_b · W} with L2. */
    private static void toDouble(float[][] dWf, double[][] W, double lambda, int mb, double[][] dW) {
        for (int i = 0; i < dW.length; i++) {
            double[] dw = dW[i];
            float[] f = dWf[i];
            double[] w = W[i];
            for (int j = 0; j < dw.length; j++) {
                dw[j] = lambda > 0.0 ? f[j] + lambda * w[j] / mb : f[j];
            }
        }
    }
}
