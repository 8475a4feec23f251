package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The matrix-multiply kernel of the training hot loops, on matrices stored as arrays of rows
 * ({@code double[][]}, row {@code i} is {@code M[i]}).
 *
 * <p>Two kernels. Large products (at least {@value #PACKED_THRESHOLD} multiply-adds, an output at least
 * {@value #PACKED_MIN_SIDE} wide each way) run, when the JVM has the
 * Java Vector API, on a register-blocked kernel as the best BLAS libraries do it: panels of A and B are packed
 * into per-thread buffers and a tile of C of 8 rows by three vectors (8 x 24 with AVX-512) is held in registers, one
 * fused multiply-add per element and step (1.6 to 2.4 times the plain-Java kernel's speed on the large products
 * of training; see the README). The Vector API is still an incubator module in Java 17: it is used only when the JVM
 * starts with {@code --add-modules jdk.incubator.vector} (see {@link #kernel()}); without the flag, and for
 * smaller products (whose results therefore do not change with the flag), a plain-Java kernel runs that C2
 * auto-vectorises and that sums the shared dimension {@code p} in order, as the textbook does. The system property
 * {@code nndl4j.gemm.kernel=rows} forces the plain-Java kernel. The two kernels agree to rounding, not bit for bit.
 *
 * <p>Products of at least {@value #PARALLEL_THRESHOLD} multiply-adds are split by rows or columns of {@code C}
 * over {@link #threads()} threads (default: the available processors; see {@link #setThreads(int)}, and
 * {@link #withThreads} for a count of one thread's work, such as a training's). Each element is still computed
 * by one thread in the same order, so results do not depend on the thread count. Changing the count never
 * disturbs a running product: it keeps the pool it started with, and a replaced pool is shut down only once
 * idle.
 *
 * <p>Methods write only their output {@code C}, which must not share rows with the inputs. Shapes are
 * read from the arrays and checked: a mismatch throws a {@link ShapeException} naming both shapes.
 */
public final class Gemm {

    /** Products smaller than this many multiply-adds run on the calling thread only. */
    public static final long PARALLEL_THRESHOLD = 1L << 22;

    /**
     * Element-wise passes over fewer values than this run on the calling thread only ({@link #splitsRows}): a pass
     * over 2¹⁸ values takes about 0.1 ms, several times the cost of handing a part to another thread.
     */
    public static final long ELEMENTWISE_THRESHOLD = 1L << 18;

    /** A part of an element-wise pass: rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        /**
         * Runs the pass on rows {@code [from, to)}.
         *
         * @param from the first row
         * @param to   the row after the last one
         */
        void run(int from, int to);
    }

    /**
     * Products of at least this many multiply-adds use the Vector API kernel when it is available; smaller ones
     * keep the plain-Java kernel's summation order. Measured once the vector kernel was compiled, one thread: at
     * 2¹⁸–2¹⁹ multiply-adds (64 x 64 x 64 .. 128 x 128 x 32) packed ran 38–43 GFLOP/s against the plain kernel's
     * 19–26 ({@code multAdd}) and 9 ({@code multTransB}); the tall workload's products on batches of 256 (2²¹) 41–54
     * against 8–21. It stays at 2²⁰: until C2 has compiled the vector kernel, packed products run on
     * {@code FmaMicroKernel} (the same bits, about 3 GFLOP/s), which small trainings of a few seconds would feel.
     */
    public static final long PACKED_THRESHOLD = 1L << 20;

    /**
     * Products whose output has fewer rows or columns than this keep the plain-Java kernel even when large: packing
     * the other factor is then not paid back (measured: the cat L-layer's (20 x 12288)·(12288 x 209) and its
     * dW1 = dZ1·Xᵀ ran 1.4x slower per training iteration on the vector kernel).
     */
    public static final int PACKED_MIN_SIDE = 32;

    /**
     * Packed products sum their shared dimension in blocks of this many, each block's sum added into C in order: a
     * product whose shared dimension is split into parts that start at multiples of it gives, part after part on the
     * packed kernel, the same bits as one product.
     */
    public static final int PACKED_SUM_BLOCK = PackedGemm.KC;

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    /** The calling thread's count set by {@link #withThreads} ({@code [0]}; 0 = none, use {@link #threads}). */
    private static final ThreadLocal<int[]> SCOPED = ThreadLocal.withInitial(() -> new int[1]);

    /** The calling thread is inside {@link #inTextbookOrder} ({@code [0]}). */
    private static final ThreadLocal<boolean[]> TEXTBOOK = ThreadLocal.withInitial(() -> new boolean[1]);

    /** The Vector API micro-kernel, or null when the JVM lacks {@code jdk.incubator.vector} or it is turned off. */
    private static final MicroKernel VECTOR_TILES = loadVectorKernel();
    /** {@link #VECTOR_TILES} once the JIT has compiled it, its bits in plain Java until then; or null. */
    private static final WarmedKernel VECTOR = VECTOR_TILES == null ? null : new WarmedKernel(VECTOR_TILES);
    /** Whether large products use {@link #VECTOR}: a switch for tests of the fallback. */
    private static volatile boolean packed = VECTOR != null;
    /** The tile kernel's plain-Java twin: the tiles of {@link RightFactor} products where the JVM lacks the Vector API. */
    private static final MicroKernel TILES = VECTOR_TILES != null ? new FmaMicroKernel(VECTOR_TILES.rows(),
            VECTOR_TILES.cols()) : new FmaMicroKernel(8, 16);

    private Gemm() {
    }

    /**
     * The Vector API kernel if the module {@code jdk.incubator.vector} is in the boot layer (the JVM was started
     * with {@code --add-modules jdk.incubator.vector}) and {@code nndl4j.gemm.kernel} is not {@code rows}. The
     * class that uses the module is loaded only then, by name, so nndl4j runs without it.
     */
    private static MicroKernel loadVectorKernel() {
        return (MicroKernel) VectorModule.instance("org.nndl4j.matrix.VectorMicroKernel");
    }

    /**
     * Which kernel large products use: {@code "vector"} (the Vector API kernel; the JVM was started with
     * {@code --add-modules jdk.incubator.vector}) or {@code "rows"} (the plain-Java kernel).
     *
     * @return {@code "vector"} or {@code "rows"}
     */
    public static String kernel() {
        return packed ? "vector" : "rows";
    }

    /**
     * Whether an element-wise pass over {@code values} values is split over threads by {@link #forRows}: on at least
     * two {@link #threads()}, and at least {@value #ELEMENTWISE_THRESHOLD} values. A caller with nothing to split
     * runs its pass directly, so that it makes no task object.
     *
     * @param values the values the pass reads or writes
     * @return whether {@link #forRows} would split it
     */
    public static boolean splitsRows(long values) {
        return values >= ELEMENTWISE_THRESHOLD && threads() > 1;
    }

    /**
     * Runs an element-wise pass over rows {@code [0, rows)} in contiguous parts, one per thread of {@link #threads()}
     * (at most one part per row), the calling thread taking the first; returns when every part is done. Each row is
     * handled whole by one thread, so the results do not depend on the thread count. For the passes between the
     * products of a training (bias, activation, its derivative), on the products' threads.
     *
     * @param rows the rows of the pass
     * @param part the pass on a range of rows
     * @throws IllegalArgumentException if {@code part} is null or {@code rows < 0}
     */
    public static void forRows(int rows, RowRange part) {
        Checks.notNull("Gemm.forRows", "part", part);
        Checks.nonNegative("Gemm.forRows", "rows", rows);
        int t = Math.min(threads(), rows);
        if (t < 2) {
            part.run(0, rows);
            return;
        }
        GemmPool.run(t, s -> part.run(rows * s / t, rows * (s + 1) / t));
    }

    /**
     * Lets the JIT compile the Vector API kernel now (for at most a second), if this JVM has it and it is not compiled
     * yet, so that the large products that follow run on it from the start rather than on its plain twin
     * ({@link FmaMicroKernel}: the same bits, about a tenth of the speed). Left to the products themselves, which
     * probe it at most once a millisecond, it came late: the tall workload's first iteration took 2.3–2.8 s without
     * this call and 1.3–1.9 s with it (one and two threads), and its next iterations were slower too. A
     * training whose products run packed calls it once before its first step; it returns at once when there is
     * nothing to do.
     */
    public static void warmUp() {
        if (VECTOR != null && packed && !VECTOR.hot()) {
            VECTOR.warmUp(1_000_000_000L);
        }
    }

    /**
     * Runs {@code work} on the calling thread with every product in the plain-Java kernel's order (the textbook's:
     * the shared dimension in order, no fused multiply-add), whether or not the Vector API kernel is available, and
     * restores the previous mode afterwards. For computations whose printed figures must not move in the last
     * digits with the JVM flag: the GRAM computation of the course's trainings runs in it. Other threads are not
     * affected.
     *
     * @param work what to compute
     * @param <T>  the result type
     * @return what {@code work} returns
     * @throws IllegalArgumentException if {@code work} is null
     */
    public static <T> T inTextbookOrder(Supplier<T> work) {
        Checks.notNull("Gemm.inTextbookOrder", "work", work);
        boolean[] textbook = TEXTBOOK.get();
        boolean previous = textbook[0];
        textbook[0] = true;
        try {
            return work.get();
        } finally {
            textbook[0] = previous;
        }
    }

    /**
     * Turns the Vector API kernel on (if available) or off, for tests of both kernels in one JVM.
     *
     * @return whether it was on
     */
    static boolean useVectorKernel(boolean on) {
        boolean was = packed;
        packed = on && VECTOR != null;
        return was;
    }

    /** The Vector API micro-kernel itself, or null when this JVM lacks it (for tests). */
    static MicroKernel vectorKernel() {
        return VECTOR_TILES;
    }

    /** The kernel large products use: the Vector API kernel once compiled, or null when this JVM lacks it (for tests). */
    static WarmedKernel warmedKernel() {
        return VECTOR;
    }

    /**
     * Sets how many threads large products may use by default (1 = only the calling thread): for all later
     * products, from any thread, except those run inside {@link #withThreads} (a training with
     * {@code TrainingConfig.withThreads} runs inside it). Products already running keep the threads they
     * started with; results are bit-identical for any count, so changing it while another thread computes is
     * safe.
     *
     * @param n the default thread count, {@code >= 1}
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void setThreads(int n) {
        checkThreads("Gemm.setThreads", n);
        synchronized (Gemm.class) {
            if (n != threads) {
                GemmPool.threadsChanged(n);
            }
            threads = n;
        }
    }

    /**
     * How many threads large products started on the calling thread use: the count of the enclosing
     * {@link #withThreads}, else the default of {@link #setThreads}.
     *
     * @return the thread count, {@code >= 1}
     */
    public static int threads() {
        int scoped = SCOPED.get()[0];
        return scoped > 0 ? scoped : threads;
    }

    /**
     * Runs {@code work} on the calling thread with its products split over {@code n} threads, whatever the
     * default of {@link #setThreads} is or becomes meanwhile (other threads are not affected); the previous
     * count of the calling thread is restored afterwards. Results do not depend on {@code n}.
     *
     * @param n    the thread count, {@code >= 1}; or 0 for the default of {@link #setThreads}
     * @param work what to compute
     * @param <T>  the result type
     * @return what {@code work} returns
     * @throws IllegalArgumentException if {@code n < 0} or {@code work} is null
     */
    public static <T> T withThreads(int n, Supplier<T> work) {
        if (n != 0) {
            checkThreads("Gemm.withThreads", n);
        }
        Checks.notNull("Gemm.withThreads", "work", work);
        int[] scoped = SCOPED.get();
        int previous = scoped[0];
        scoped[0] = n;
        try {
            return work.get();
        } finally {
            scoped[0] = previous;
        }
    }

    private static void checkThreads(String op, int n) {
        if (n < 1) {
            throw new Nndl4jException(op + ": the thread count must be >= 1, got " + n);
        }
    }

    /** Whether no pool is running: every replaced pool shut down and the current one idle (for tests). */
    static boolean poolsIdle() {
        return GemmPool.idle();
    }

    /**
     * {@code C = C + alpha · A · B} for A {@code (m, k)}, B {@code (k, n)}, C {@code (m, n)}; modifies only C.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, {@code (k, n)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAdd(double alpha, double[][] A, double[][] B, double[][] C) {
        int m = A.length;
        int k = cols(A, B.length);
        int n = cols(B, cols(C, 0));
        checkAligned("multAdd", m, k, B.length, n, k, B.length);
        checkOutput("multAdd", C, m, n);
        product(alpha, A, false, B, false, C, m, n, k);
    }

    /**
     * {@code C = alpha · A · B} for A {@code (m, k)}, B {@code (k, n)}, C {@code (m, n)}: C's values are written over,
     * not read. The same bits as zeroing C and then {@link #multAdd(double, double[][], double[][], double[][])},
     * without the pass that zeroes C, and on the tile kernel without reading C in the first block of the shared
     * dimension.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, {@code (k, n)} as rows
     * @param C     the result, {@code (m, n)} as rows; overwritten
     * @throws ShapeException naming both shapes if A's columns are not B's rows, or C's shape is not {@code (m, n)}
     */
    public static void mult(double alpha, double[][] A, double[][] B, double[][] C) {
        int m = A.length;
        int k = cols(A, B.length);
        int n = cols(B, cols(C, 0));
        checkAligned("mult", m, k, B.length, n, k, B.length);
        checkOutput("mult", C, m, n);
        product(alpha, A, false, B, false, C, m, n, k, true);
    }

    /**
     * {@code C = C + alpha · Aᵀ · B} for A {@code (k, m)}, B {@code (k, n)}, C {@code (m, n)}, without forming Aᵀ.
     *
     * @param alpha the scale of the product
     * @param A     the left factor before transposition, {@code (k, m)} as rows
     * @param B     the right factor, {@code (k, n)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAddTransA(double alpha, double[][] A, double[][] B, double[][] C) {
        transA(alpha, A, B, C, null);
    }

    /**
     * {@link #multAddTransA(double, double[][], double[][], double[][])} on the kernel the caller chooses: for a part
     * of a larger product, which gives the bits of that product only on the kernel the whole one runs on (a part's
     * smaller size could choose the other). Pass {@link #packs} of the whole product's shape.
     *
     * @param alpha          the scale of the product
     * @param A              the left factor before transposition, {@code (k, m)} as rows
     * @param B              the right factor, {@code (k, n)} as rows
     * @param C              the accumulator, {@code (m, n)} as rows; modified
     * @param onPackedKernel whether to run on the packed kernel (ignored where this JVM has none, or in
     *                       {@link #inTextbookOrder}: the plain kernel runs then, as {@link #packs} says for every
     *                       shape)
     */
    public static void multAddTransA(double alpha, double[][] A, double[][] B, double[][] C, boolean onPackedKernel) {
        transA(alpha, A, B, C, onPackedKernel);
    }

    /** {@code multAddTransA} on the kernel given, or when {@code onPackedKernel} is null the one its shape chooses. */
    private static void transA(double alpha, double[][] A, double[][] B, double[][] C, Boolean onPackedKernel) {
        int k = A.length;
        int m = cols(A, C.length);
        int n = cols(B, cols(C, 0));
        checkAligned("multAddTransA", k, m, B.length, n, k, B.length);
        checkOutput("multAddTransA", C, m, n);
        if (onPackedKernel == null ? usesVectorKernel(m, n, k) : onPackedKernel && packsAny()) {
            packed(new PackedGemm.Operands(alpha, A, true, B, false, C, k), m, n, k);
        } else {
            plain(alpha, A, true, B, C, m, n, k);
        }
    }

    /**
     * {@code C = alpha · A · Bᵀ} for A {@code (m, k)}, B {@code (n, k)}, C {@code (m, n)}, as dot products of
     * rows (each sum over {@code p} in order); overwrites C. Four rows of A share each row of B, so B is
     * read once: the right form when B is large and tall (the examples X) and A has few rows.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor before transposition, {@code (n, k)} as rows
     * @param C     the result, {@code (m, n)} as rows; overwritten
     */
    public static void multTransB(double alpha, double[][] A, double[][] B, double[][] C) {
        int m = A.length;
        int k = cols(A, cols(B, 0));
        int n = B.length;
        int kB = cols(B, k);
        checkAligned("multTransB", m, k, n, kB, k, kB);
        checkOutput("multTransB", C, m, n);
        if (usesVectorKernel(m, n, k)) {
            for (double[] c : C) {
                Arrays.fill(c, 0.0);
            }
            product(alpha, A, false, B, true, C, m, n, k);
            return;
        }
        // C[i][q] = alpha · A[i]·B[q], by columns of C
        int t = shares(m, n, k, n);
        if (t < 2) {
            RowKernel.dots(alpha, A, B, C, 0, n, m, k);
        } else {
            GemmPool.run(t, s -> RowKernel.dots(alpha, A, B, C, n * s / t, n * (s + 1) / t, m, k));
        }
    }

    /**
     * {@code C = C + alpha · A · Bᵀ} for A {@code (m, k)}, B {@code (n, k)}, C {@code (m, n)}, without forming Bᵀ
     * where the product runs packed ({@link #packs}): the packing reads B's rows as they are. Otherwise B is
     * transposed into a new array first, and the product is {@link #multAdd}'s.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor before transposition, {@code (n, k)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAddTransB(double alpha, double[][] A, double[][] B, double[][] C) {
        int m = A.length;
        int k = cols(A, cols(B, 0));
        int n = B.length;
        int kB = cols(B, k);
        checkAligned("multAddTransB", m, k, n, kB, k, kB);
        checkOutput("multAddTransB", C, m, n);
        if (usesVectorKernel(m, n, k)) {
            product(alpha, A, false, B, true, C, m, n, k);
        } else {
            product(alpha, A, false, transpose(B), false, C, m, n, k);
        }
    }

    /**
     * {@code C = C + alpha · A · X[:, from:to]} for A {@code (m, k)}, X {@code (k, ·)}, C {@code (m, to - from)}:
     * where the product runs packed ({@link #packs}) the panels are packed from X's columns where they are, with no
     * copy of them; otherwise they are copied into a new array of rows first. Either way the bits of
     * {@link #multAdd} on {@code X[:, from:to]}. Modifies only C.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param X     the matrix whose columns {@code [from, to)} are the right factor
     * @param from  the first column of X
     * @param to    the column of X after the last one
     * @param C     the accumulator, {@code (m, to - from)} as rows; modified
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within X's columns
     * @throws ShapeException            naming both shapes if A's columns are not X's rows, or C's shape is not
     *                                   {@code (m, to - from)}
     */
    public static void multAddColumns(double alpha, double[][] A, Matrix X, int from, int to, double[][] C) {
        columns("multAddColumns", alpha, A, X, from, to, C, false);
    }

    /**
     * {@code C = alpha · A · X[:, from:to]}: {@link #multAddColumns} writing over C's values, not reading them, as
     * {@link #mult(double, double[][], double[][], double[][])}: the bits of zeroing C first.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param X     the matrix whose columns {@code [from, to)} are the right factor
     * @param from  the first column of X
     * @param to    the column of X after the last one
     * @param C     the result, {@code (m, to - from)} as rows; overwritten
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within X's columns
     * @throws ShapeException            naming both shapes if A's columns are not X's rows, or C's shape is not
     *                                   {@code (m, to - from)}
     */
    public static void multColumns(double alpha, double[][] A, Matrix X, int from, int to, double[][] C) {
        columns("multColumns", alpha, A, X, from, to, C, true);
    }

    private static void columns(String operation, double alpha, double[][] A, Matrix X, int from, int to,
                                double[][] C, boolean overwrite) {
        Checks.notNull(operation, "X", X);
        X.checkColumns(operation, from, to);
        int m = A.length;
        int k = cols(A, X.rows());
        int n = to - from;
        checkAligned(operation, m, k, X.rows(), n, k, X.rows());
        checkOutput(operation, C, m, n);
        if (!usesVectorKernel(m, n, k)) {
            double[][] B = new double[k][n];
            X.copyColumnsInto(from, to, B);
            product(alpha, A, false, B, false, C, m, n, k, overwrite);
            return;
        }
        PackedGemm.Operands o = new PackedGemm.Operands(alpha, A, false, null, X.values(), X.cols(), from, false, C, k);
        packed(overwrite ? o.overwriting() : o, m, n, k);
    }

    /**
     * {@code C = C + alpha · A · X[:, from:to]ᵀ} for A {@code (m, to - from)}, X {@code (n, ·)}, C {@code (m, n)}:
     * packed from X's columns where they are when the product runs packed ({@link #packs}), else through a transposed
     * copy; either way the bits of {@link #multAddTransB} on {@code X[:, from:to]}. Modifies only C.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, to - from)} as rows
     * @param X     the matrix whose columns {@code [from, to)}, transposed, are the right factor
     * @param from  the first column of X
     * @param to    the column of X after the last one
     * @param C     the accumulator, {@code (m, n)} as rows, {@code n} X's rows; modified
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within X's columns
     * @throws ShapeException            naming both shapes if A's columns are not {@code to - from}, or C's shape is
     *                                   not {@code (m, n)}
     */
    public static void multAddTransBColumns(double alpha, double[][] A, Matrix X, int from, int to, double[][] C) {
        transBColumns(alpha, A, X, from, to, C, null);
    }

    /**
     * {@link #multAddTransBColumns(double, double[][], Matrix, int, int, double[][])} on the kernel the caller chooses,
     * as {@link #multAddTransA(double, double[][], double[][], double[][], boolean)}: for a panel of examples of a
     * product over all of them, pass {@link #packs} of the whole product's shape.
     *
     * @param alpha          the scale of the product
     * @param A              the left factor, {@code (m, to - from)} as rows
     * @param X              the matrix whose columns {@code [from, to)}, transposed, are the right factor
     * @param from           the first column of X
     * @param to             the column of X after the last one
     * @param C              the accumulator, {@code (m, n)} as rows, {@code n} X's rows; modified
     * @param onPackedKernel whether to run on the packed kernel (ignored where this JVM has none, or in
     *                       {@link #inTextbookOrder})
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within X's columns
     * @throws ShapeException            naming both shapes if A's columns are not {@code to - from}, or C's shape is
     *                                   not {@code (m, n)}
     */
    public static void multAddTransBColumns(double alpha, double[][] A, Matrix X, int from, int to, double[][] C,
                                            boolean onPackedKernel) {
        transBColumns(alpha, A, X, from, to, C, onPackedKernel);
    }

    /** {@code multAddTransBColumns} on the kernel given, or when {@code onPackedKernel} is null its shape's. */
    private static void transBColumns(double alpha, double[][] A, Matrix X, int from, int to, double[][] C,
                                      Boolean onPackedKernel) {
        Checks.notNull("multAddTransBColumns", "X", X);
        X.checkColumns("multAddTransBColumns", from, to);
        int m = A.length;
        int k = cols(A, to - from);
        int n = X.rows();
        checkAligned("multAddTransBColumns", m, k, n, to - from, k, to - from);
        checkOutput("multAddTransBColumns", C, m, n);
        if (!(onPackedKernel == null ? usesVectorKernel(m, n, k) : onPackedKernel && packsAny())) {
            double[][] BT = new double[k][n];
            X.copyColumnsTransposedInto(from, to, BT);
            plain(alpha, A, false, BT, C, m, n, k);
            return;
        }
        packed(new PackedGemm.Operands(alpha, A, false, null, X.values(), X.cols(), from, true, C, k), m, n, k);
    }

    /**
     * A right factor packed once for the tile kernel, for products that use the same {@code B} many times (a full-batch
     * training's examples): {@link #multAdd(double, double[][], RightFactor, double[][])} then packs only the left
     * factor, and runs on the tile kernel whatever the shape (the cat network's first layer has 20 rows, too few to pay
     * for packing X at every product). It holds a copy of B's values (as many as B, rounded up to whole tiles); B itself
     * may change afterwards without affecting it.
     */
    public static final class RightFactor {
        private final PackedPanels panels;
        private final int k;
        private final int n;

        private RightFactor(PackedPanels panels, int k, int n) {
            this.panels = panels;
            this.k = k;
            this.n = n;
        }

        /** @return the shape of the factor, {@code (k, n)} */
        public Shape shape() {
            return new Shape(k, n);
        }
    }

    /**
     * {@code B} {@code (k, n)} packed once as a right factor.
     *
     * @param B the factor, {@code (k, n)} as rows, at least one row
     * @return the packed factor
     * @throws IllegalArgumentException if {@code B} is null, empty or ragged, or has more values (with its tiles'
     *                                  padding) than one array holds
     */
    public static RightFactor pack(double[][] B) {
        Checks.notNull("Gemm.pack", "B", B);
        if (B.length == 0) {
            throw new Nndl4jException("Gemm.pack: B has no rows");
        }
        int n = cols(B, 0);
        return new RightFactor(PackedGemm.packAll(B, false, B.length, n, TILES.cols()), B.length, n);
    }

    /**
     * {@code Bᵀ} packed once as a right factor, from {@code B} {@code (n, k)} as it is (no transposed copy).
     *
     * @param B the factor before transposition, {@code (n, k)} as rows, at least one row
     * @return the packed {@code Bᵀ}, {@code (k, n)}
     * @throws IllegalArgumentException if {@code B} is null, empty or ragged, or has more values (with its tiles'
     *                                  padding) than one array holds
     */
    public static RightFactor packTransposed(double[][] B) {
        Checks.notNull("Gemm.packTransposed", "B", B);
        if (B.length == 0) {
            throw new Nndl4jException("Gemm.packTransposed: B has no rows");
        }
        int k = cols(B, 0);
        return new RightFactor(PackedGemm.packAll(B, true, k, B.length, TILES.cols()), k, B.length);
    }

    /**
     * {@code C = C + alpha · A · B} for A {@code (m, k)}, a packed B {@code (k, n)} and C {@code (m, n)}, on the tile
     * kernel whatever the size: the Vector API kernel once compiled, else its plain-Java twin ({@link FmaMicroKernel},
     * the same bits, and slow: meant for a JVM with the Vector API, {@link #kernel()} {@code "vector"}). The same bits
     * as a packed {@link #multAdd} of the same factors. Modifies only C.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, packed by {@link #pack} or {@link #packTransposed}
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     * @throws ShapeException naming both shapes if A's columns are not B's rows, or C's shape is not {@code (m, n)}
     */
    public static void multAdd(double alpha, double[][] A, RightFactor B, double[][] C) {
        packedProduct("multAdd", alpha, A, B, C, false);
    }

    /**
     * {@code C = alpha · A · B} for A {@code (m, k)}, a packed B {@code (k, n)} and C {@code (m, n)}: C's values are
     * written over, not read. The same bits as zeroing C and then {@link #multAdd(double, double[][], RightFactor,
     * double[][])}, without the pass that zeroes C and without reading C in the first block of the shared dimension.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, packed by {@link #pack} or {@link #packTransposed}
     * @param C     the result, {@code (m, n)} as rows; overwritten
     * @throws ShapeException naming both shapes if A's columns are not B's rows, or C's shape is not {@code (m, n)}
     */
    public static void mult(double alpha, double[][] A, RightFactor B, double[][] C) {
        packedProduct("mult", alpha, A, B, C, true);
    }

    private static void packedProduct(String name, double alpha, double[][] A, RightFactor B, double[][] C,
                                      boolean overwrite) {
        Checks.notNull(name, "B", B);
        int m = A.length;
        int k = cols(A, B.k);
        checkAligned(name, m, k, B.k, B.n, k, B.k);
        checkOutput(name, C, m, B.n);
        if (overwrite && k == 0) {
            for (double[] row : C) {
                Arrays.fill(row, 0.0);
            }
            return;
        }
        MicroKernel kernel = VECTOR != null ? VECTOR : TILES;
        int n = B.n;
        int nr = kernel.cols();
        int tiles = (n + nr - 1) / nr;
        int t = shares(m, n, k, tiles);
        int start = B.panels.lock();
        try {
            if (t < 2) {
                PackedGemm.multiplyPacked(kernel, alpha, A, B.panels, start, k, C, 0, m, 0, n, overwrite);
            } else {
                GemmPool.run(t, s -> PackedGemm.multiplyPacked(kernel, alpha, A, B.panels, start, k, C, 0, m,
                        Math.min(n, tiles * s / t * nr), Math.min(n, tiles * (s + 1) / t * nr), overwrite));
            }
        } finally {
            B.panels.unlock();
        }
    }

    /**
     * {@code A · B} as a new array of rows ({@code B} must have at least one row, to tell its width).
     *
     * @param A the left factor, {@code (m, k)} as rows
     * @param B the right factor, {@code (k, n)} as rows
     * @return a new {@code (m, n)} array of rows
     */
    public static double[][] mult(double[][] A, double[][] B) {
        double[][] C = new double[A.length][cols(B, 0)];
        multAdd(1.0, A, B, C);
        return C;
    }

    /**
     * {@code Aᵀ · B} as a new array of rows.
     *
     * @param A the left factor before transposition, {@code (k, m)} as rows
     * @param B the right factor, {@code (k, n)} as rows
     * @return a new {@code (m, n)} array of rows
     */
    public static double[][] multTransA(double[][] A, double[][] B) {
        double[][] C = new double[cols(A, 0)][cols(B, 0)];
        multAddTransA(1.0, A, B, C);
        return C;
    }

    /**
     * The Gram matrix {@code Aᵀ · A} as a new array of rows: the same bits as {@link #multTransA multTransA(A, A)} for
     * finite A, in half the time outside the packed kernel. There each element is a sum over {@code p} in order of
     * {@code A[p][i]·A[p][j]}, which are the products of element {@code (j, i)} in the same order: only the upper
     * triangle is computed (rows split over threads by its area), then copied below the diagonal. (An element whose
     * four products of a block are all zero skips them, as in every product; for finite A, adding them would leave it
     * unchanged, so the two triangles agree.) The packed kernel computes the whole product.
     *
     * @param A the factor, {@code (k, n)} as rows
     * @return a new {@code (n, n)} array of rows
     */
    public static double[][] gram(double[][] A) {
        int k = A.length;
        int n = cols(A, 0);
        double[][] C = new double[n][n];
        if (usesVectorKernel(n, n, k)) {
            multAddTransA(1.0, A, A, C);
            return C;
        }
        int t = shares(n, (n + 1) / 2, k, n);
        if (t < 2) {
            RowKernel.rows(1.0, A, true, A, C, 0, n, n, k, true);
        } else {
            // rows [i_s, i_s+1) hold a t-th of the triangle each: (n - i_s)² = (1 - s/t)·n²
            GemmPool.run(t, s -> RowKernel.rows(1.0, A, true, A, C, triangleRow(n, s, t), triangleRow(n, s + 1, t),
                    n, k, true));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                C[i][j] = C[j][i];
            }
        }
        return C;
    }

    /** The first row of share {@code s} of {@code t} of an {@code n x n} upper triangle split by area. */
    private static int triangleRow(int n, int s, int t) {
        return s == t ? n : (int) Math.round(n * (1 - Math.sqrt(1 - (double) s / t)));
    }

    /**
     * A new {@code (cols, rows)} array of rows holding {@code Mᵀ}.
     *
     * @param M a {@code (rows, cols)} array of rows
     * @return a new {@code (cols, rows)} array of rows
     */
    public static double[][] transpose(double[][] M) {
        int rows = M.length;
        int cols = cols(M, 0);
        double[][] T = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            double[] row = M[i];
            for (int j = 0; j < cols; j++) {
                T[j][i] = row[j];
            }
        }
        return T;
    }

    /**
     * Whether a product of {@code m·n·k} multiply-adds into an {@code (m, n)} result goes to the packed Vector API
     * kernel on this thread now (the JVM has the module, the product is large and wide enough, and no
     * {@link #inTextbookOrder} is running). Its operands are then packed whatever their layout, so that a caller
     * can hand over {@code Bᵀ} as it is ({@link #multTransB}) instead of a transposed copy: the same bits.
     *
     * @param m the rows of the result
     * @param n the columns of the result
     * @param k the length of each sum
     * @return whether {@link #multAdd}, {@link #multAddTransA} and {@link #multTransB} run packed for this shape
     */
    public static boolean packs(int m, int n, int k) {
        return usesVectorKernel(m, n, k);
    }

    /**
     * Whether a product goes to the vector kernel: large, at least {@value #PACKED_MIN_SIDE} rows and columns of C
     * (and at least one tile), and 16 deep.
     */
    private static boolean usesVectorKernel(int m, int n, int k) {
        return packed && (long) m * n * k >= PACKED_THRESHOLD && Math.min(m, n) >= PACKED_MIN_SIDE
                && m >= VECTOR.rows() && n >= VECTOR.cols() && k >= 16
                && !TEXTBOOK.get()[0];
    }

    /** How many threads a product of {@code m·n·k} multiply-adds splittable into {@code units} parts uses. */
    private static int shares(int m, int n, int k, int units) {
        return (long) m * n * k < PARALLEL_THRESHOLD ? 1 : Math.min(threads(), units);
    }

    /**
     * {@code C += alpha · a · b} for {@code a(i, p)} = {@code A[i][p]} (or {@code A[p][i]} when {@code transA}) and
     * {@code b(p, j)} = {@code B[p][j]} (or {@code B[j][p]} when {@code transB}; only with the vector kernel).
     */
    private static void product(double alpha, double[][] A, boolean transA, double[][] B, boolean transB,
                                double[][] C, int m, int n, int k) {
        product(alpha, A, transA, B, transB, C, m, n, k, false);
    }

    /** {@link #product}, or with {@code overwrite} {@code C = alpha · a · b} (the bits of zeroing C first). */
    private static void product(double alpha, double[][] A, boolean transA, double[][] B, boolean transB,
                                double[][] C, int m, int n, int k, boolean overwrite) {
        if (!usesVectorKernel(m, n, k)) {
            plain(alpha, A, transA, B, C, m, n, k, overwrite);
            return;
        }
        PackedGemm.Operands o = new PackedGemm.Operands(alpha, A, transA, B, transB, C, k);
        packed(overwrite ? o.overwriting() : o, m, n, k);
    }

    /** {@code C += alpha · a · B} on the plain kernel, rows {@code [i0, i1)} of C per thread. */
    private static void plain(double alpha, double[][] A, boolean transA, double[][] B, double[][] C, int m, int n,
                              int k) {
        plain(alpha, A, transA, B, C, m, n, k, false);
    }

    /** {@link #plain}, with {@code overwrite} on rows of C zeroed first (by the thread that computes them). */
    private static void plain(double alpha, double[][] A, boolean transA, double[][] B, double[][] C, int m, int n,
                              int k, boolean overwrite) {
        int t = shares(m, n, k, m);
        if (t < 2) {
            plainRows(alpha, A, transA, B, C, 0, m, n, k, overwrite);
        } else {
            GemmPool.run(t, s -> plainRows(alpha, A, transA, B, C, m * s / t, m * (s + 1) / t, n, k, overwrite));
        }
    }

    private static void plainRows(double alpha, double[][] A, boolean transA, double[][] B, double[][] C, int i0,
                                  int i1, int n, int k, boolean overwrite) {
        if (overwrite) {
            for (int i = i0; i < i1; i++) {
                Arrays.fill(C[i], 0, n, 0.0);
            }
        }
        RowKernel.rows(alpha, A, transA, B, C, i0, i1, n, k);
    }

    /** Whether any product can run packed here: the Vector API kernel, and not {@link #inTextbookOrder}. */
    private static boolean packsAny() {
        return packed && !TEXTBOOK.get()[0];
    }

    /** The product of {@code o} on the vector kernel: whole tiles per thread, along the longer side of C. */
    private static void packed(PackedGemm.Operands o, int m, int n, int k) {
        MicroKernel kernel = VECTOR;
        boolean byColumns = n >= m;
        int tile = byColumns ? kernel.cols() : kernel.rows();
        int tiles = ((byColumns ? n : m) + tile - 1) / tile;
        int t = shares(m, n, k, tiles);
        if (t < 2) {
            PackedGemm.multiply(kernel, o, 0, m, 0, n);
        } else if (byColumns) {
            GemmPool.run(t, s -> PackedGemm.multiply(kernel, o, 0, m,
                    Math.min(n, tiles * s / t * tile), Math.min(n, tiles * (s + 1) / t * tile)));
        } else {
            GemmPool.run(t, s -> PackedGemm.multiply(kernel, o,
                    Math.min(m, tiles * s / t * tile), Math.min(m, tiles * (s + 1) / t * tile), 0, n));
        }
    }

    /** Number of columns of an array of rows (all rows must have it); {@code empty} when there are no rows. */
    private static int cols(double[][] M, int empty) {
        Checks.notNull("Gemm", "a matrix", M);
        if (M.length == 0) {
            return empty;
        }
        int cols = M[0].length;
        for (int i = 1; i < M.length; i++) {
            if (M[i].length != cols) {
                throw new Nndl4jException("Gemm: ragged rows: row 0 has " + cols + " values but row "
                        + i + " has " + M[i].length);
            }
        }
        return cols;
    }

    /** Refuses {@code inner != innerB}, naming the shapes {@code (aRows, aCols)} and {@code (bRows, bCols)}. */
    private static void checkAligned(String op, int aRows, int aCols, int bRows, int bCols, int inner, int innerB) {
        if (inner != innerB) {
            throw new ShapeException(op, new Shape(aRows, aCols), new Shape(bRows, bCols),
                    "not aligned: " + inner + " != " + innerB);
        }
    }

    private static void checkOutput(String op, double[][] C, int rows, int cols) {
        Checks.notNull(op, "C", C);
        int actualCols = C.length == 0 ? cols : cols(C, cols);
        if (C.length != rows || actualCols != cols) {
            throw new ShapeException(op, "output C of shape " + new Shape(rows, cols), new Shape(C.length, actualCols));
        }
    }
}
