package org.nndl4j.engine;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.ColumnGather;
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
 * <p>Memory: a step allocates nothing; the buffers are made once per number of examples. A small X (at most
 * {@link MemoryBudget#HELD_VALUES} values) is copied once as rows, with its transpose; a larger one is never copied
 * whole but read from the caller's matrix a panel of examples at a time, and so are large transposed activations and
 * layer 1's gradients (which need no {@code dA0}, so no whole {@code dZ1} either). {@code dA} is computed into
 * {@code dZ}, and {@code A = g(Z)} overwrites Z where {@code g'} reads A alone; a large hidden layer's {@code dZ} in
 * turn overwrites that A, a block of rows at a time, so the layer holds one buffer of its size, not two. None of
 * this changes a bit of the
 * results: a panel's products run on the kernel of the whole product (a short last panel, or a narrow layer's panel,
 * would otherwise fall below {@link Gemm#PACKED_THRESHOLD} and get the plain kernel's sums), and panels of
 * {@link Gemm#PACKED_SUM_BLOCK} examples or more are whole blocks of the packed kernel's sums. Only an input or a layer
 * wider than 16,384 makes panels narrower than that; a packed dW's sums are then cut at their edges, which agrees to
 * rounding.
 *
 * <p>Arrays here hold layer {@code l} at index {@code l} (1-based, like W1..WL); index 0 of the activations is the
 * input {@code X}. Matrices are held as arrays of rows.
 *
 * <p>Not thread-safe; one instance trains one network.
 */
public final class NetworkEngine implements TrainingEngine {

    /**
     * {@code dW = (1/m) dZ·APrevᵀ} goes through a transposed copy of APrev (Xᵀ, made once, for the input
     * layer) when APrev has at least this many rows, so that the kernel's vectorised loop runs along the long
     * dimension; below it, dot products of rows. Measured on the cat data: 8 ms against 22 ms per L-layer
     * iteration, 1.7 ms against 3.5 ms per logistic-regression iteration.
     */
    private static final int TRANSPOSE_THRESHOLD = 64;
    /**
     * The fewest first-layer units for which full-batch steps multiply by X packed once ({@link #packsXOnce}): a tile
     * of the kernel has 8 rows, and a logistic regression's single unit would use one of them. Measured on the cat's
     * logistic regression, 2,000 iterations, three runs each: 6.6–7.8 s on the plain kernel, 7.4–7.7 s packed (and two
     * packed copies of X, 41 MB).
     */
    private static final int PACKED_X_MIN_UNITS = 4;

    /**
     * A layer's transposed activations for {@code dW} are made whole when they hold at most
     * {@code HELD_VALUES / WHOLE_TRANSPOSE_SHARE} values ({@link MemoryBudget#WHOLE_TRANSPOSE_VALUES} by default, 4 MB),
     * and read in panels above that: one product over a
     * few thousand examples runs on the packed kernel (a panel's small product would not) and needs no copy at all
     * there ({@link Gemm#packs}); a whole copy for a full pass over tens of thousands of examples would cost memory
     * for nothing. Measured on chunks of 2048 examples of [100, 64, 32, 1], one thread, the other core busy:
     * 3.4–3.8 s per 2 million examples, against 4.8–5.7 s with these layers in panels as larger ones are.
     */
    static final int WHOLE_TRANSPOSE_SHARE = MemoryBudget.HELD_VALUES / MemoryBudget.WHOLE_TRANSPOSE_VALUES;

    /** Rows of a hidden layer's dA computed at a time when its dZ is written over its A ({@link #gradientInPlace}). */
    private static final int IN_PLACE_ROWS = 8;

    /** The engine's rule for copying operands whole or reading them in panels: {@link MemoryBudget#HELD_VALUES}. */
    static final int HELD_VALUES = MemoryBudget.HELD_VALUES;

    /**
     * Examples per panel (at most; fewer for very wide layers, see {@code Pass.width}): {@link MemoryBudget#PANEL_COLUMNS}.
     * {@link Gemm} adds the products of each element of {@code dW} in the order of the examples, so panels taken in
     * order give the same sums, bit for bit, as one product over all examples ({@code NetworkEnginePanelsTest}) on the
     * same kernel: a multiple of {@link Gemm#PACKED_SUM_BLOCK} keeps panel edges on the edges of the packed kernel's
     * blocks of sums and of the plain kernel's groups of four.
     */
    static final int PANEL_COLUMNS = MemoryBudget.PANEL_COLUMNS;
    /**
     * A panel's layer-1 gradient pass (mask, g', db1) is split over the threads from this many values of dZ1 on: it
     * runs between the panel's two parallel products, and on one thread the others wait for it.
     */
    private static final long PANEL_SPLIT_VALUES = 1L << 15;

    private final int L;
    private final boolean gram;
    private final Loss loss;
    private final Activation[] g;
    private final double[][][] W;
    private final double[][] b;
    private final double[][][] dW;
    private final double[][] db;
    private boolean stepped;
    /**
     * Whether the last gradient-descent step found every W and b finite as it moved them ({@link #step}, PRIMAL
     * only); false when anything else moved them since, and {@link #parametersFinite} then reads them.
     */
    private boolean finiteByStep;

    // regularisation: L2 strength λ; dropout keep probabilities per layer (1 = none) and where masks come from
    private double lambda;
    private double[] keepProb;
    private Supplier<NumpyRandom> masks;
    /** L2's scratch for the squares of the largest W, reused from step to step. */
    private double[] squares;

    /** The number of training examples. */
    private final int m;
    /** The number of inputs {@code n[0]}. */
    private final int n0;
    /** The whole training set in one pass (A[0] is X as rows, or null when X is read in panels); made on first use. */
    private Pass full;
    /** X and Xᵀ packed once for the full pass's Z1 = W1·X and dW1 = dZ1·Xᵀ ({@link #packsXOnce}), or null. */
    private Gemm.RightFactor packedX;
    private Gemm.RightFactor packedXT;
    /** The examples as the caller gave them: mini-batches and panels are copied out of it. */
    private final Matrix X;
    /** X as rows, shared by the engines of the same X ({@link InputCache}); null when X is read in panels. */
    private final double[][] Xrows;
    // the labels as rows, and one pass per batch size (the last batch may be shorter)
    private final double[][] Yrows;
    private Pass batch;
    private Pass lastBatch;
    /** The run of mini-batches gathered at once from a large X ({@link BatchRun}), or null when X is held as rows. */
    private final BatchRun<double[][]> run;

    /**
     * The activations and their gradients for one number of examples {@code m}: reused from step to step.
     * Arrays hold layer {@code l} at index {@code l}; {@code A[0]} is the input.
     */
    private final class Pass {
        final int m;
        final double[][] Y;
        final double[][][] Z;
        final double[][][] A;
        /**
         * dZ[l]; during the backward pass dZ[l-1] first receives dA[l-1] = W[l]ᵀ·dZ[l], then becomes dZ[l-1] in place.
         * For a large hidden layer (more than one panel of examples, and as many values as make a layer's dW go in
         * panels) whose A is its Z, dZ[l] is A[l] itself ({@link #gradientInPlace}).
         */
        final double[][][] dZ;
        /**
         * APrevᵀ for the layers whose dW goes through the kernel with a whole transposed copy; for layer 1 it is Xᵀ,
         * made once for a full pass.
         */
        final double[][][] APrevT;
        /** Whether layer l's dW (and, for layer 1, its forward product) reads A[l-1] in panels of columns. */
        final boolean[] panelled;
        /** Examples per panel; the panels' buffers, for this width and for the last, shorter panel. */
        final int width;
        private Panel wide;
        private Panel last;
        /** Dropout masks D[l] (0 or 1) of the last forward pass, for the layers that drop units; made on first use. */
        final double[][][] D;
        /** g(Z[l]) before dropout, for g' in the backward pass (A[l] holds the dropped, scaled activations). */
        final double[][][] G;
        /** The pass's own input buffer (A[0] may point into a run of gathered batches instead). */
        final double[][] input;
        /** Per layer l, the parts' buffers of layer l - 1's {@link #gradientInPlace}; made on first use. */
        private final InPlace[][] inPlace = new InPlace[L + 1][];

        /**
         * @param X          the input as rows, or null to read the examples from the engine's X in panels
         * @param inputFixed whether the input stays the same from step to step (Xᵀ is then made once)
         */
        Pass(double[][] X, double[][] Y, int m, boolean inputFixed) {
            this.m = m;
            this.Y = Y;
            Z = new double[L + 1][][];
            A = new double[L + 1][][];
            dZ = new double[L + 1][][];
            APrevT = new double[L + 1][][];
            panelled = new boolean[L + 1];
            D = new double[L + 1][][];
            G = new double[L + 1][][];
            A[0] = X;
            input = X;
            int widest = n0;
            for (int l = 1; l < L; l++) {
                widest = Math.max(widest, W[l].length);
            }
            // a panel's transposed operand holds at most HELD_VALUES values (and at least 4 examples); from
            // Gemm.PACKED_SUM_BLOCK examples on, a whole number of the packed kernel's blocks of sums
            int fits = Math.min(panelColumns, Math.max(4, heldValues / widest / 4 * 4));
            width = fits >= Gemm.PACKED_SUM_BLOCK ? fits / Gemm.PACKED_SUM_BLOCK * Gemm.PACKED_SUM_BLOCK : fits;
            for (int l = 1; l <= L; l++) {
                int n = W[l].length;
                int nPrev = l == 1 ? n0 : W[l - 1].length;
                Z[l] = new double[n][m];
                // A = g(Z) in place when g' can be read from A alone: Z is not kept (see derivativeFromOutput)
                A[l] = sharesZ(l) ? Z[l] : new double[n][m];
                // with X read in panels, layer 1's gradients are made a panel at a time, without a whole dZ1; a large
                // hidden layer's dZ takes the place of its A (gradientInPlace)
                dZ[l] = l == 1 && X == null && !gram && L > 1 ? null
                        : l > 1 && l < L && A[l] == Z[l] && g[l].isElementWise() && m > width
                          && (long) n * m > heldValues / WHOLE_TRANSPOSE_SHARE ? A[l] : new double[n][m];
                boolean needsGradient = l > 1 || !gram;
                if (l == 1 && X == null) {
                    panelled[l] = true;
                } else if (needsGradient && nPrev >= TRANSPOSE_THRESHOLD) {
                    if (l == 1 && inputFixed) {
                        // X is small (HELD_VALUES) and the same at every step: Xᵀ once (unless packed once)
                        APrevT[l] = packedXT != null ? null : Gemm.transpose(A[0]);
                    } else if (m > width && (long) m * nPrev > heldValues / WHOLE_TRANSPOSE_SHARE) {
                        panelled[l] = true;
                    } else {
                        APrevT[l] = new double[m][nPrev];
                    }
                }
            }
        }

        /** Gives layer {@code l} a Z, and a dZ, of its own again (before dropout is switched on for it). */
        void unshareZ(int l) {
            if (dZ[l] == A[l]) {
                dZ[l] = new double[A[l].length][m];
            }
            if (Z[l] == A[l]) {
                Z[l] = new double[Z[l].length][m];
            }
        }

        /**
         * The buffers of parts {@code 0 .. t-1} of layer {@code l - 1}'s {@link #gradientInPlace}, made before the
         * parts run (and kept).
         */
        InPlace[] inPlace(int l, int t) {
            if (inPlace[l] == null || inPlace[l].length < t) {
                InPlace[] parts = new InPlace[t];
                for (int s = 0; s < t; s++) {
                    parts[s] = inPlace[l] != null && s < inPlace[l].length ? inPlace[l][s]
                            : new InPlace(l, m);
                }
                inPlace[l] = parts;
            }
            return inPlace[l];
        }

        /** The buffers of the panel that starts at example {@code j0}. */
        Panel panel(int j0) {
            int w = Math.min(width, m - j0);
            if (w == width) {
                if (wide == null) {
                    wide = new Panel(this, w);
                }
                return wide;
            }
            if (last == null) {
                last = new Panel(this, w);
            }
            return last;
        }
    }

    /**
     * Whether a pass keeps layer {@code l}'s Z and A in one buffer ({@code A = g(Z)} in place): for the output layer,
     * whose backward pass starts from {@code dZL = AL - Y}, and for hidden layers whose {@code g'} reads A alone, unless
     * the Gram computation carries Z1 from step to step or the layer drops units (its A is then scaled by the mask).
     */
    private boolean sharesZ(int l) {
        if (gram && l == 1 || keepProb != null && keepProb[l] < 1.0) {
            return false;
        }
        return l == L || derivativeFromOutput(g[l]);
    }

    /**
     * Whether {@code g'(Z)} is a function of {@code A = g(Z)} as {@link Activation#backward} computes it, so that A can
     * stand for Z: sigmoid, tanh and softmax read A only; ReLU and leaky ReLU test {@code z > 0}, which holds exactly
     * when {@code g(z) > 0} (NaN and -0.0 included); linear reads neither. Any other activation keeps its Z.
     */
    private static boolean derivativeFromOutput(Activation activation) {
        switch (activation) {
            case SIGMOID:
            case TANH:
            case SOFTMAX:
            case RELU:
            case LEAKY_RELU:
            case LINEAR:
                return true;
            default:
                return false;
        }
    }

    /**
     * One thread's buffers for {@link #gradientInPlace} of layer {@code l - 1}: a block of {@link #IN_PLACE_ROWS} of
     * its rows (and the last, shorter one) of W[l]'s columns and of dA.
     */
    private final class InPlace {
        final double[][] W;
        final double[][] dA;
        final double[][] WLast;
        final double[][] dALast;

        InPlace(int l, int m) {
            int next = NetworkEngine.this.W[l].length;
            int rows = NetworkEngine.this.W[l - 1].length;
            int last = rows % IN_PLACE_ROWS;
            W = rows >= IN_PLACE_ROWS ? new double[next][IN_PLACE_ROWS] : null;
            dA = rows >= IN_PLACE_ROWS ? new double[IN_PLACE_ROWS][m] : null;
            WLast = last == 0 ? null : new double[next][last];
            dALast = last == 0 ? null : new double[last][m];
        }
    }

    /** The reused buffers of one panel of {@code width} examples of a pass. */
    private final class Panel {
        final int width;
        /** Layer 1's input, X's columns (n[0], width), when X is read in panels; and W1 times it, (n[1], width). */
        final double[][] X;
        final double[][] Z1;
        /** For each panelled layer l: A[l-1]ᵀ of the panel (width, n[l-1]) and dZ[l] of the panel (n[l], width). */
        final double[][][] APrevT;
        final double[][][] dZ;
        /** Without a whole dZ1: dZ2's panel (n[2], width), and layer 1's A (or g(Z) before dropout) if not Z itself. */
        final double[][] dZ2;
        double[][] A1;

        Panel(Pass p, int width) {
            this.width = width;
            boolean input = p.A[0] == null;
            X = input ? new double[n0][width] : null;
            Z1 = input ? new double[W[1].length][width] : null;
            APrevT = new double[L + 1][][];
            dZ = new double[L + 1][][];
            for (int l = 1; l <= L; l++) {
                if (p.panelled[l] && (l > 1 || !gram)) {
                    APrevT[l] = new double[width][l == 1 ? n0 : W[l - 1].length];
                    dZ[l] = new double[W[l].length][width];
                }
            }
            boolean noWholeDZ1 = p.dZ[1] == null;
            dZ2 = noWholeDZ1 ? new double[W[2].length][width] : null;
        }
    }

    // GRAM: G = Xᵀ·X; W1 = W1start + C·Xᵀ; Z[1] is carried from step to step.
    private final double[][] G;
    private final double[][] W1start;
    private final double[][] C;
    private boolean W1current;

    /** {@link #HELD_VALUES} and {@link #PANEL_COLUMNS} of this engine (tests make panels of small data). */
    private final int heldValues;
    private final int panelColumns;

    private NetworkEngine(Network network, Matrix X, Matrix Y, boolean gram, int heldValues, int panelColumns) {
        this(network, X, Y, gram, heldValues, panelColumns, X.cols());
    }

    /** {@code budgetExamples}: the most examples of one pass this engine will be asked for (the budget's m). */
    private NetworkEngine(Network network, Matrix X, Matrix Y, boolean gram, int heldValues, int panelColumns,
            int budgetExamples) {
        this.heldValues = heldValues;
        this.panelColumns = panelColumns;
        checkData(network, X, Y);
        // refuse before the buffers are allocated, by the library's one memory rule
        MemoryBudget.requireTraining("NetworkEngine", network.layerDims(), budgetExamples, 0, gram);
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
        this.X = X;
        n0 = X.rows();
        m = X.cols();
        // X as rows when the Gram matrix needs them or they are small; else read in panels (HELD_VALUES)
        Xrows = gram || (double) n0 * m <= heldValues ? InputCache.rows(X) : null;
        run = Xrows == null ? new BatchRun<>(m, BatchRun.SHARE, w -> new double[n0][w]) : null;
        Yrows = Y.toArray();
        if (gram) {
            full = new Pass(Xrows, Yrows, m, true);
            G = InputCache.gram(X);
            W1start = RowPasses.copy(W[1]);
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
            if (Gemm.packs(W[1].length, Math.min(budgetExamples, panelColumns), n0)) {
                // the steps' products run packed: let the JIT compile the vector kernel now, not during them
                Gemm.warmUp();
            }
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
        return new NetworkEngine(network, X, Y, false, HELD_VALUES, PANEL_COLUMNS);
    }

    /**
     * {@link #primal} for callers that only ever ask for {@link #batchGradients} of at most {@code largestBatch}
     * examples (e.g. a large block summed chunk by chunk): the memory check counts one pass of
     * {@code min(largestBatch, m)} examples instead of the full pass. The engine itself is the same: its passes are
     * made on first use, so a full pass is only allocated if one is asked for (which the check then did not count).
     *
     * @param network      the starting parameters and activations; not modified
     * @param X            the training examples, {@code (n[0], m)}
     * @param Y            the labels, {@code (n[L], m)}
     * @param largestBatch the most examples of one {@link #batchGradients} call, {@code >= 1}
     * @return an engine holding its own copy of the parameters
     * @throws ShapeException           if {@code X} or {@code Y} do not fit the network
     * @throws IllegalArgumentException if the labels do not fit the network's output and loss, {@code m = 0},
     *                                  {@code largestBatch < 1}, or one batch's buffers cannot fit in the heap
     *                                  ({@link MemoryBudget#requireTraining})
     */
    public static NetworkEngine primal(Network network, Matrix X, Matrix Y, int largestBatch) {
        if (largestBatch < 1) {
            throw new Nndl4jException("NetworkEngine.primal: the largest batch must be at least 1 example, got "
                    + largestBatch);
        }
        Checks.notNull("NetworkEngine.primal", "X", X);
        return new NetworkEngine(network, X, Y, false, HELD_VALUES, PANEL_COLUMNS, Math.min(largestBatch, X.cols()));
    }

    /**
     * {@link #primal} with other thresholds for reading X and transposing activations in panels, for tests: with
     * {@code heldValues = 0} every X is read in panels of at most {@code panelColumns} examples.
     */
    static NetworkEngine primal(Network network, Matrix X, Matrix Y, int heldValues, int panelColumns) {
        if (panelColumns < 4 || panelColumns % 4 != 0 || heldValues < 0) {
            throw new Nndl4jException("NetworkEngine.primal: panels of a multiple of 4 columns, got " + panelColumns
                    + " (held values " + heldValues + ")");
        }
        return new NetworkEngine(network, X, Y, false, heldValues, panelColumns);
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
        return new NetworkEngine(network, X, Y, true, HELD_VALUES, PANEL_COLUMNS);
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
        double cost = forwardAndCost(full, false, true);
        backward(full, false);
        // W = W - α dW, b = b - α db; the same pass finds whether they stay finite (PRIMAL)
        long bits = 0;
        for (int l = 1; l <= L; l++) {
            if (l == 1 && gram) {
                gramUpdate(learningRate);
            } else {
                for (int i = 0; i < W[l].length; i++) {
                    bits |= EngineArrays.descend(W[l][i], dW[l][i], learningRate);
                }
            }
            bits |= EngineArrays.descend(b[l], db[l], learningRate);
        }
        finiteByStep = !gram && bits == 0;
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
        return batchGradients(order, from, to, true);
    }

    @Override
    public double batchGradients(int[] order, int from, int to, boolean withLoss) {
        requirePrimal("batchGradients");
        EngineArrays.checkBatch(m, order, from, to);
        int mb = to - from;
        Pass pass;
        if (order == null && from == 0 && to == m) {
            pass = fullPass();
        } else {
            pass = passFor(mb);
            gather(order, from, pass);
        }
        double sum = forwardAndCost(pass, true, withLoss);
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
        finiteByStep = false;
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
        for (Pass p : new Pass[] {full, batch, lastBatch}) {
            for (int l = 1; p != null && dropout && l < L; l++) {
                if (keep[l] < 1.0) {
                    p.unshareZ(l);
                }
            }
        }
    }

    /**
     * Whether every parameter is a finite number (training goes on through an infinite cost, not through infinite
     * or NaN parameters).
     *
     * @return true if all of W and b (and, for GRAM, the first layer's coefficients) are finite
     */
    public boolean parametersFinite() {
        if (finiteByStep) {
            return true;
        }
        for (int l = 1; l <= L; l++) {
            if (!EngineArrays.finite(b[l]) || !(l == 1 && gram ? EngineArrays.finite(C) && EngineArrays.finite(full.Z[1])
                    : EngineArrays.finite(W[l]))) {
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
            if (packsXOnce()) {
                packedX = Gemm.pack(Xrows);
                packedXT = Gemm.packTransposed(Xrows);
                // steps of a few milliseconds: let the JIT compile the tile kernel now, not during them
                Gemm.warmUp();
            }
            full = new Pass(Xrows, Yrows, m, true);
        }
        return full;
    }

    /**
     * Whether full-batch steps multiply by X packed once for the tile kernel ({@link Gemm.RightFactor}): PRIMAL, X held
     * as rows, the Vector API kernel, and a first layer of at least {@link Gemm#PACKED_THRESHOLD} multiply-adds. Then
     * Z1 = W1·X and dW1 = dZ1·Xᵀ run on the tile kernel however few units the layer has (the cat network's 20, for
     * which packing X at every product would cost more than it saves), and no product packs X again: the cat L-layer's
     * iteration went from 10.4 to 8.7–9.3 ms at one thread and from 7.9 to 6.0–6.4 ms at two.
     */
    private boolean packsXOnce() {
        return !gram && Xrows != null && Gemm.kernel().equals("vector") && W[1].length >= PACKED_X_MIN_UNITS
                && (long) W[1].length * m * n0 >= Gemm.PACKED_THRESHOLD;
    }

    /**
     * The layer sizes {@code [n[0], ..., n[L]]}.
     *
     * @return a new array of {@code L + 1} sizes, input size first
     */
    public int[] layerDims() {
        int[] dims = new int[L + 1];
        dims[0] = n0;
        for (int l = 1; l <= L; l++) {
            dims[l] = W[l].length;
        }
        return dims;
    }

    /**
     * Forward propagation and the cost: the course's mean cost for a full-batch step, or the summed loss of a
     * mini-batch ({@code summed}); NaN without {@code withLoss}.
     */
    private double forwardAndCost(Pass p, boolean summed, boolean withLoss) {
        NumpyRandom random = keepProb == null ? null : masks.get();
        for (int l = 1; l <= L; l++) {
            if (l > 1 || !gram) {
                linearForward(p, l);
            }
            if (RowPasses.splitsByRows(g[l], p.Z[l].length, p.m)) {
                RowPasses.activateByRows(g[l], p.Z[l], p.A[l], p.m);
            } else {
                // called here, not through a helper: one call level fewer for the JIT to inline on small layers
                g[l].forward(p.Z[l], p.A[l], p.m);
            }
            if (keepProb != null && keepProb[l] < 1.0) {
                dropout(p, l, random);
            }
        }
        if (!withLoss) {
            return Double.NaN;
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
            squares = EngineArrays.squaresScratch(w, squares);
            total += EngineArrays.squaredSum(w, squares);
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
        // the loops over examples are in the helpers: a loop here would run thousands of times within the first
        // calls and have C2 compile this method twice, on stack and then whole (about 0.2 s of a one-core program)
        int mb = p.m;
        double scale = 1.0 / mb;
        outputGradient(p, scaledFirst ? scale : 1.0, scaledFirst);
        for (int l = L; l >= 1; l--) {
            if (p.dZ[l] == null) {
                // layer 1 with X read in panels: dZ1, db1 and dW1 a panel at a time
                inputLayerGradients(p, scaledFirst);
                break;
            }
            RowPasses.biasGradient(p.dZ[l], mb, db[l], scaledFirst);
            if (l > 1 || !gram) {
                weightGradient(p, l, scaledFirst ? 1.0 : scale);
                addWeightDecay(l, mb);
            }
            if (l > 1 && p.dZ[l - 1] == p.A[l - 1]) {
                gradientInPlace(p, l);
            } else if (l > 1 && p.dZ[l - 1] != null) {
                // dAPrev = Wᵀ · dZ, then dZPrev = dAPrev * g'(ZPrev) in place; there is no dA0 for the input layer
                double[][] dAPrev = p.dZ[l - 1];
                RowPasses.zero(dAPrev);
                Gemm.multAddTransA(1.0, W[l], p.dZ[l], dAPrev);
                if (keepProb != null && keepProb[l - 1] < 1.0) {
                    RowPasses.dropoutGradient(dAPrev, p.D[l - 1], keepProb[l - 1], mb);
                }
                // g' from g(Z) before dropout (tanh' = 1 - a², σ' = a(1 - a) read the activation itself)
                double[][] activated = keepProb != null && keepProb[l - 1] < 1.0 ? p.G[l - 1] : p.A[l - 1];
                if (RowPasses.splitsByRows(g[l - 1], dAPrev.length, mb)) {
                    RowPasses.derivativeByRows(g[l - 1], dAPrev, p.Z[l - 1], activated, p.dZ[l - 1], mb);
                } else {
                    g[l - 1].backward(dAPrev, p.Z[l - 1], activated, p.dZ[l - 1], mb);
                }
            }
        }
        stepped = true;
    }

    /**
     * {@code dZ[l-1] = (W[l]ᵀ·dZ[l]) * g'(A[l-1])} written over {@code A[l-1]}, which nothing reads after it (the
     * pass's buffers hold them as one, see {@link Pass}): {@value #IN_PLACE_ROWS} rows at a time, so that no buffer of
     * the whole {@code dA[l-1]} is needed. Each block's product is the whole product's rows, on its kernel, and g' the
     * same per element: the same bits as through a whole {@code dA[l-1]}. The blocks are split over the threads.
     */
    private void gradientInPlace(Pass p, int l) {
        int rows = W[l - 1].length;
        int blocks = (rows + IN_PLACE_ROWS - 1) / IN_PLACE_ROWS;
        boolean packed = Gemm.packs(rows, p.m, W[l].length);
        int t = Gemm.splitsRows((long) rows * p.m) ? Math.min(Gemm.threads(), blocks) : 1;
        InPlace[] parts = p.inPlace(l, t);
        if (t == 1) {
            blocksInPlace(p, l, parts[0], 0, blocks, packed);
            return;
        }
        Gemm.forRows(t, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                blocksInPlace(p, l, parts[s], blocks * s / t, blocks * (s + 1) / t, packed);
            }
        });
    }

    /** Whether the full pass writes layer {@code l}'s dZ over its A ({@link #gradientInPlace}); for tests. */
    boolean gradientOverActivation(int l) {
        Pass p = fullPass();
        return p.dZ[l] == p.A[l];
    }

    /** Blocks of rows {@code [b0, b1)} of {@link #gradientInPlace}, on one part's buffers. */
    private void blocksInPlace(Pass p, int l, InPlace part, int b0, int b1, boolean packed) {
        // one call per block: a loop over rows here as well would have C2 compile this method on stack first
        for (int b = b0; b < b1; b++) {
            blockInPlace(p, l, part, b * IN_PLACE_ROWS, packed);
        }
    }

    /** One block of {@link #gradientInPlace}, from row {@code i0} of layer {@code l - 1}. */
    private void blockInPlace(Pass p, int l, InPlace part, int i0, boolean packed) {
        int i1 = Math.min(i0 + IN_PLACE_ROWS, W[l - 1].length);
        double[][] w = i1 - i0 == IN_PLACE_ROWS ? part.W : part.WLast;
        double[][] dA = i1 - i0 == IN_PLACE_ROWS ? part.dA : part.dALast;
        // the block's columns of W[l], so that its product gives rows i0 .. i1 - 1 of W[l]ᵀ·dZ[l]
        for (int r = 0; r < w.length; r++) {
            System.arraycopy(W[l][r], i0, w[r], 0, i1 - i0);
        }
        for (double[] row : dA) {
            Arrays.fill(row, 0.0);
        }
        Gemm.multAddTransA(1.0, w, p.dZ[l], dA, packed);
        RowPasses.derivativeOver(g[l - 1], dA, p.dZ[l - 1], i0, p.m);
    }

    /**
     * dZL = AL - Y (times {@code scale} when {@code scaled}): the course's dAL * g'(ZL) for sigmoid with binary and
     * softmax with categorical cross-entropy.
     */
    private void outputGradient(Pass p, double scale, boolean scaled) {
        for (int i = 0; i < p.A[L].length; i++) {
            double[] dZL = p.dZ[L][i];
            double[] AL = p.A[L][i];
            double[] y = p.Y[i];
            for (int j = 0; j < p.m; j++) {
                dZL[j] = scaled ? scale * (AL[j] - y[j]) : AL[j] - y[j];
            }
        }
    }

    /** dW = dW + (λ·W)/m, in the course's order (nothing without L2). */
    private void addWeightDecay(int l, int mb) {
        if (lambda > 0.0) {
            for (int i = 0; i < dW[l].length; i++) {
                double[] dw = dW[l][i];
                double[] w = W[l][i];
                for (int j = 0; j < dw.length; j++) {
                    dw[j] = dw[j] + lambda * w[j] / mb;
                }
            }
        }
    }

    /**
     * Layer 1's gradients when X is read in panels, a panel of examples at a time and without a whole dZ1 (nothing
     * needs dA0, so dZ1 only feeds db1 and dW1): {@code dA1 = W2ᵀ·dZ2}, the dropout mask, {@code dZ1 = dA1 * g1'},
     * then {@code db1} and {@code dW1 = dZ1·Xᵀ} accumulated panel after panel in the order of the examples: the same
     * sums as the whole computation, bit for bit.
     */
    private void inputLayerGradients(Pass p, boolean scaledFirst) {
        int mb = p.m;
        boolean dropped = keepProb != null && keepProb[1] < 1.0;
        double keep = dropped ? keepProb[1] : 1.0;
        // g' from g(Z) before dropout
        double[][] activated = dropped ? p.G[1] : p.A[1];
        double[] dbSum = db[1];
        Arrays.fill(dbSum, 0.0);
        RowPasses.zero(dW[1]);
        for (int j0 = 0; j0 < mb; j0 += p.width) {
            Panel q = p.panel(j0);
            int w = q.width;
            double[][] dZ1 = q.dZ[1];
            // dA1 = W2ᵀ · dZ2, on this panel's examples, on the kernel of the whole product
            RowPasses.copyColumns(p.dZ[2], j0, w, q.dZ2);
            RowPasses.zero(dZ1);
            Gemm.multAddTransA(1.0, W[2], q.dZ2, dZ1, Gemm.packs(dZ1.length, mb, W[2].length));
            if (activated != p.Z[1] && q.A1 == null) {
                q.A1 = new double[W[1].length][w];
            }
            if (!g[1].isElementWise()) {
                // g' of a softmax mixes the rows of each column: the mask and copies by rows, then the whole panel
                panelRows(p, q, j0, dZ1, activated, keep, 0, dZ1.length, false);
                g[1].backward(dZ1, q.Z1, activated != p.Z[1] ? q.A1 : q.Z1, dZ1, w);
                for (int i = 0; i < dZ1.length; i++) {
                    dbSum[i] = RowPasses.runningSum(dbSum[i], dZ1[i], w);
                }
            } else if (Gemm.threads() > 1 && (long) dZ1.length * w >= PANEL_SPLIT_VALUES) {
                // each row's pass is its own: rows over the threads, which would otherwise wait for this one
                int from = j0;
                Gemm.forRows(dZ1.length, (r0, r1) -> panelRows(p, q, from, dZ1, activated, keep, r0, r1, true));
            } else {
                panelRows(p, q, j0, dZ1, activated, keep, 0, dZ1.length, true);
            }
            // dW1 += alpha · dZ1 · Xᵀ of the panel
            inputPanelGradient(q, j0, dZ1, scaledFirst ? 1.0 : 1.0 / mb, mb);
        }
        if (!scaledFirst) {
            for (int i = 0; i < dbSum.length; i++) {
                dbSum[i] = dbSum[i] / mb;
            }
        }
        addWeightDecay(1, mb);
    }

    /**
     * Rows {@code [r0, r1)} of a panel's layer-1 gradient after dA1: the dropout mask (when {@code keep < 1}), the
     * panel's Z1 (and g(Z1) before dropout), and with {@code derivative} (an element-wise g) {@code dZ1 = dA1 * g'(Z1)}
     * in place and db1's running sums carried from panel to panel.
     */
    private void panelRows(Pass p, Panel q, int j0, double[][] dZ1, double[][] activated, double keep, int r0, int r1,
                           boolean derivative) {
        int w = q.width;
        for (int i = r0; i < r1; i++) {
            double[] da = dZ1[i];
            if (keep < 1.0) {
                double[] d = p.D[1][i];
                for (int j = 0; j < w; j++) {
                    da[j] = da[j] * d[j0 + j];
                    da[j] = da[j] / keep;
                }
            }
            System.arraycopy(p.Z[1][i], j0, q.Z1[i], 0, w);
            double[] a = q.Z1[i];
            if (activated != p.Z[1]) {
                System.arraycopy(activated[i], j0, q.A1[i], 0, w);
                a = q.A1[i];
            }
            if (derivative) {
                g[1].backward(da, q.Z1[i], a, da, w);
                db[1][i] = RowPasses.runningSum(db[1][i], da, w);
            }
        }
    }

    /** The pass for batches of {@code mb} examples, made on first use. */
    private Pass passFor(int mb) {
        if (batch != null && batch.m == mb) {
            return batch;
        }
        if (lastBatch != null && lastBatch.m == mb) {
            return lastBatch;
        }
        Pass p = new Pass(new double[n0][mb], new double[Yrows.length][mb], mb, false);
        if (batch == null) {
            batch = p;
        } else {
            // a third size replaces the shorter one (batch sizes are one size and a last, shorter one)
            lastBatch = p;
        }
        return p;
    }

    /** Copies examples order[from..] into the pass's input (or points it at them in the run) and labels. */
    private void gather(int[] order, int from, Pass p) {
        p.A[0] = p.input;
        if (order != null && run != null && run.fits(n0, p.m, Double.BYTES)) {
            p.A[0] = run.batch(order, from, from + p.m, (o, f, t, w, batches) -> {
                double[][][] into = batches.toArray(new double[0][][]);
                // streamed reads: split by rows over the threads like any large pass
                Gemm.forRows(n0, (r0, r1) -> ColumnGather.into(X, o, f, t, w, into, r0, r1));
            });
        } else if (order == null) {
            X.copyColumnsInto(from, from + p.m, p.A[0]);
        } else if (Gemm.splitsRows((long) n0 * p.m * EngineArrays.GATHER_COST)) {
            // random reads that miss the caches: every thread's reads in flight at once
            Gemm.forRows(n0, (r0, r1) -> X.selectColumnsInto(order, from, from + p.m, p.A[0], r0, r1));
        } else {
            X.selectColumnsInto(order, from, from + p.m, p.A[0]);
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
        return EngineArrays.gradients(dW, db, L);
    }

    // ------------------------------------------------------------------ internals

    /** Z[l] = W[l] · A[l-1] + b[l]. */
    private void linearForward(Pass p, int l) {
        if (l == 1 && p.A[0] == null) {
            inputForward(p);
            return;
        }
        if (l == 1 && p == full && packedX != null) {
            RowPasses.zero(p.Z[1]);
            Gemm.multAdd(1.0, W[1], packedX, p.Z[1]);
        } else {
            // Z written over, not zeroed and added to: the same bits
            Gemm.mult(1.0, W[l], p.A[l - 1], p.Z[l]);
        }
        if (Gemm.splitsRows((long) p.Z[l].length * p.m)) {
            RowPasses.addBiasByRows(p.Z[l], b[l], p.m);
            return;
        }
        for (int i = 0; i < p.Z[l].length; i++) {
            double[] z = p.Z[l][i];
            double bi = b[l][i];
            for (int j = 0; j < p.m; j++) {
                z[j] += bi;
            }
        }
    }

    /**
     * Z1 = W1 · X + b1 with X read a panel of examples at a time: each element is the same sum, in the same order, as
     * in one product over all examples.
     */
    private void inputForward(Pass p) {
        double[][] Z1 = p.Z[1];
        if (Gemm.packs(Z1.length, p.m, n0)) {
            // one product over every example, packed from X's columns where they are, written straight into Z1
            Gemm.multColumns(1.0, W[1], X, 0, p.m, Z1);
            if (Gemm.splitsRows((long) Z1.length * p.m)) {
                RowPasses.addBiasByRows(Z1, b[1], p.m);
            } else {
                RowPasses.addBias(Z1, b[1], 0, Z1.length, p.m);
            }
            return;
        }
        for (int j0 = 0; j0 < p.m; j0 += p.width) {
            Panel q = p.panel(j0);
            int w = q.width;
            RowPasses.zero(q.Z1);
            X.copyColumnsInto(j0, j0 + w, q.X);
            Gemm.multAdd(1.0, W[1], q.X, q.Z1);
            for (int i = 0; i < Z1.length; i++) {
                double[] z = Z1[i];
                double[] zPanel = q.Z1[i];
                double bi = b[1][i];
                for (int j = 0; j < w; j++) {
                    z[j0 + j] = zPanel[j] + bi;
                }
            }
        }
    }

    /** dW[l] = alpha · dZ[l] · A[l-1]ᵀ. */
    private void weightGradient(Pass p, int l, double alpha) {
        if (l == 1 && p == full && packedXT != null) {
            Gemm.mult(alpha, p.dZ[1], packedXT, dW[1]);
            return;
        }
        if (p.A[l - 1] != null && Gemm.packs(dW[l].length, dW[l][0].length, p.m)) {
            // one product over all examples, packed straight from A[l-1]: no transposed copy, whole or in panels
            Gemm.multTransB(alpha, p.dZ[l], p.A[l - 1], dW[l]);
            return;
        }
        if (p.panelled[l]) {
            panelledWeightGradient(p, l, alpha);
            return;
        }
        if (p.APrevT[l] == null) {
            // as dot products of rows: A[l-1] is read once, no transposed copy
            Gemm.multTransB(alpha, p.dZ[l], p.A[l - 1], dW[l]);
            return;
        }
        if (l > 1 || p != full) {
            RowPasses.transposeInto(p.A[l - 1], p.APrevT[l]);
        }
        RowPasses.zero(dW[l]);
        Gemm.multAdd(alpha, p.dZ[l], p.APrevT[l], dW[l]);
    }

    /**
     * dW[l] = alpha · Σ_panels dZ[l][:, panel] · A[l-1][:, panel]ᵀ, the panels in order: the kernel adds each panel's
     * products into dW as it would add them in one product over all examples ({@link #PANEL_COLUMNS}).
     */
    private void panelledWeightGradient(Pass p, int l, double alpha) {
        RowPasses.zero(dW[l]);
        for (int j0 = 0; j0 < p.m; j0 += p.width) {
            Panel q = p.panel(j0);
            int w = q.width;
            double[][] dZ = p.dZ[l];
            for (int i = 0; i < dZ.length; i++) {
                System.arraycopy(dZ[i], j0, q.dZ[l][i], 0, w);
            }
            if (p.A[l - 1] == null) {
                inputPanelGradient(q, j0, q.dZ[l], alpha, p.m);
                continue;
            }
            RowPasses.transposeColumnsInto(p.A[l - 1], j0, w, q.APrevT[l]);
            Gemm.multAdd(alpha, q.dZ[l], q.APrevT[l], dW[l]);
        }
    }

    /**
     * {@code dW1 += alpha · dZ1 · Xᵀ} over the examples of panel {@code q} (from {@code j0}) of a pass over
     * {@code passExamples}: packed from X's columns where they are ({@link Gemm#multAddTransBColumns}) where the whole
     * product runs packed (so a short last panel too), else through their transposed copy; either way the kernel adds
     * the panel's products into dW1 in the order of the examples.
     */
    private void inputPanelGradient(Panel q, int j0, double[][] dZ1, double alpha, int passExamples) {
        int w = q.width;
        if (Gemm.packs(dW[1].length, n0, passExamples)) {
            Gemm.multAddTransBColumns(alpha, dZ1, X, j0, j0 + w, dW[1], true);
        } else {
            X.copyColumnsTransposedInto(j0, j0 + w, q.APrevT[1]);
            Gemm.multAdd(alpha, dZ1, q.APrevT[1], dW[1]);
        }
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
            RowPasses.axpy(step, full.dZ[1][i], C[i]);
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
            RowPasses.axpy(1.0, W1start[i], W[1][i]);
        }
        W1current = true;
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
