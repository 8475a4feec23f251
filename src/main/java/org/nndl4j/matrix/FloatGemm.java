package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * The float32 matrix products of the float32 training path ({@code TrainingConfig.withPrecision}), on matrices held as
 * arrays of rows ({@code float[][]}), and on a large right factor held row-major in one array
 * ({@link #multAddRowMajor}, {@link #multAddTransBRowMajor}); {@link Gemm}'s float twin, with the same rules.
 *
 * <p>Two kernels. With the JVM flag {@code --add-modules jdk.incubator.vector}, large products (at least
 * {@value #PACKED_THRESHOLD} multiply-adds, an output at least {@value #PACKED_MIN_SIDE} wide each way, 16 deep) pack
 * panels of A and B ({@link FloatPackedGemm}) and run a Vector API register tile (8 x 48 floats with AVX-512; until the
 * JIT has compiled it, {@link FloatFmaMicroKernel}, plain Java with the same arithmetic and bits). Without the flag,
 * and for smaller products, a plain-Java row kernel runs that C2 vectorises ({@link FloatRowKernel}). Any of the three
 * layouts {@code A·B}, {@code Aᵀ·B}, {@code A·Bᵀ} is read in place: nothing is transposed whole (the row kernel reads
 * a large {@code A·Bᵀ} through blocks of B transposed into a per-thread scratch, a small one as dot products of rows).
 * A factor used by many products can be packed once ({@link #pack}, {@link #packTransposed}). The two kernels agree
 * to rounding, not bit for bit.
 *
 * <p>Threads: the count of {@link Gemm#threads()} (a training's, inside {@link Gemm#withThreads}); products of at
 * least {@link Gemm#PARALLEL_THRESHOLD} multiply-adds are split into whole tiles or rows of C, each element computed
 * by one thread in the same order, so results are bit-identical for any count. Methods write only C, which must not
 * share rows with the inputs; shapes are checked, and a mismatch throws a {@link ShapeException} naming both shapes.
 */
public final class FloatGemm {

    /** Products of at least this many multiply-adds run on the packed tile kernels. */
    public static final long PACKED_THRESHOLD = 1L << 18;

    /**
     * Products whose output has fewer rows or columns than this keep the row kernel even when large: packing the
     * other factor is then not paid back (as for {@link Gemm#PACKED_MIN_SIDE}; the cat network's 20-row products).
     */
    public static final int PACKED_MIN_SIDE = 32;

    /** The Vector API float micro-kernel, or null when the JVM lacks {@code jdk.incubator.vector}. */
    private static final FloatMicroKernel VECTOR_TILES = loadVectorKernel();
    private static final FloatMicroKernel VECTOR = VECTOR_TILES == null ? null : new FloatWarmedKernel(VECTOR_TILES);
    /**
     * The vector kernel's plain-Java twin (its tile; 8 x 32 where it is absent): the products on a {@link RightFactor}
     * when the vector kernel is switched off (tests), with the same bits.
     */
    private static final FloatMicroKernel PLAIN = VECTOR_TILES == null ? new FloatFmaMicroKernel(8, 32)
            : new FloatFmaMicroKernel(VECTOR_TILES.rows(), VECTOR_TILES.cols());
    /** Whether large products use {@link #VECTOR}: a switch for tests of the fallback. */
    private static volatile boolean vector = VECTOR != null;

    private FloatGemm() {
    }

    /** The Vector API kernel if {@code jdk.incubator.vector} is in the boot layer, as {@link Gemm} finds it. */
    private static FloatMicroKernel loadVectorKernel() {
        return (FloatMicroKernel) VectorModule.instance("org.nndl4j.matrix.FloatVectorMicroKernel");
    }

    /**
     * Which kernel large float products use: {@code "vector"} (the Vector API tile kernel) or {@code "rows"} (the
     * plain-Java row kernel).
     *
     * @return {@code "vector"} or {@code "rows"}
     */
    public static String kernel() {
        return vector ? "vector" : "rows";
    }

    /**
     * Lets the JIT compile the Vector API kernel now (for at most a second), if this JVM has it and it is not compiled
     * yet, so that the products that follow run on it from the start rather than on its plain twin (the same bits,
     * slower). A training calls it once before its first step; it returns at once when there is nothing to do.
     */
    public static void warmUp() {
        if (VECTOR instanceof FloatWarmedKernel warmed && vector && !warmed.hot()) {
            warmed.warmUp(1_000_000_000L);
        }
    }

    /** Turns the Vector API kernel on (if available) or off, for tests; returns whether it was on. */
    static boolean useVectorKernel(boolean on) {
        boolean was = vector;
        vector = on && VECTOR != null;
        return was;
    }

    /** The Vector API kernel itself, or null when this JVM lacks it (for tests). */
    static FloatMicroKernel vectorKernel() {
        return VECTOR_TILES;
    }

    /**
     * {@code C = C + alpha · A · B} for A {@code (m, k)}, B {@code (k, n)}, C {@code (m, n)}; modifies only C.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, {@code (k, n)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAdd(float alpha, float[][] A, float[][] B, float[][] C) {
        int m = A.length;
        int k = cols(A, B.length);
        int n = cols(B, cols(C, 0));
        check("multAdd", new Shape(m, k), new Shape(B.length, n), k, B.length, C, m, n);
        product(alpha, A, false, B, false, C, m, n, k);
    }

    /**
     * {@code C = C + alpha · Aᵀ · B} for A {@code (k, m)}, B {@code (k, n)}, C {@code (m, n)}, without forming Aᵀ.
     *
     * @param alpha the scale of the product
     * @param A     the left factor before transposition, {@code (k, m)} as rows
     * @param B     the right factor, {@code (k, n)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAddTransA(float alpha, float[][] A, float[][] B, float[][] C) {
        int k = A.length;
        int m = cols(A, C.length);
        int n = cols(B, cols(C, 0));
        check("multAddTransA", new Shape(k, m), new Shape(B.length, n), k, B.length, C, m, n);
        product(alpha, A, true, B, false, C, m, n, k);
    }

    /**
     * {@code C = C + alpha · A · Bᵀ} for A {@code (m, k)}, B {@code (n, k)}, C {@code (m, n)}, without forming Bᵀ.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor before transposition, {@code (n, k)} as rows
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAddTransB(float alpha, float[][] A, float[][] B, float[][] C) {
        int m = A.length;
        int n = B.length;
        int k = cols(A, cols(B, 0));
        int kB = cols(B, k);
        check("multAddTransB", new Shape(m, k), new Shape(n, kB), k, kB, C, m, n);
        product(alpha, A, false, B, true, C, m, n, k);
    }

    /**
     * {@code C = C + alpha · A · B} for A {@code (m, k)}, C {@code (m, n)} and B {@code (k, n)} held row-major in one
     * array ({@code B[r·n + c]}), as a large factor is best held: one array the JVM places with the large objects, not
     * thousands of rows that its young collections copy. Where the product runs on the tile kernels ({@link #packs}),
     * B's panels are packed from where they are; otherwise B is first copied into rows. Either way the bits of
     * {@link #multAdd(float, float[][], float[][], float[][])} on B as rows.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor's {@code k·n} values, row-major
     * @param n     the right factor's columns, at least 1
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     * @throws ShapeException         naming both shapes if B does not hold {@code k} rows of {@code n}, or C is not
     *                                 {@code (m, n)}
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static void multAddRowMajor(float alpha, float[][] A, float[] B, int n, float[][] C) {
        Checks.notNull("multAddRowMajor", "B", B);
        if (n < 1) {
            throw new Nndl4jException("multAddRowMajor: B must have at least one column, got n = " + n);
        }
        int m = A.length;
        int kB = B.length / n;
        int k = cols(A, kB);
        wholeRows("multAddRowMajor", new Shape(m, k), B, kB, n);
        check("multAddRowMajor", new Shape(m, k), new Shape(kB, n), k, kB, C, m, n);
        if (!packs(m, n, k)) {
            product(alpha, A, false, rows(B, kB, n), false, C, m, n, k);
            return;
        }
        packedProduct(new FloatPackedGemm.Operands(alpha, A, false, null, B, n, false, C, k), m, n, k);
    }

    /**
     * {@code C = C + alpha · A · Bᵀ} for A {@code (m, k)}, C {@code (m, n)} and B {@code (n, k)} held row-major in one
     * array ({@code B[r·k + c]}), without forming Bᵀ: {@link #multAddRowMajor}'s transposed twin, with the bits of
     * {@link #multAddTransB} on B as rows.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows, {@code k} at least 1
     * @param B     the right factor's {@code n·k} values before transposition, row-major
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     * @throws ShapeException         naming both shapes if B does not hold whole rows of {@code k}, or C is not
     *                                 {@code (m, n)}
     * @throws IllegalArgumentException if A has no columns
     */
    public static void multAddTransBRowMajor(float alpha, float[][] A, float[] B, float[][] C) {
        Checks.notNull("multAddTransBRowMajor", "B", B);
        int m = A.length;
        int k = cols(A, 0);
        if (k == 0) {
            throw new Nndl4jException("multAddTransBRowMajor: A must have at least one column, got shape "
                    + new Shape(m, k));
        }
        int n = B.length / k;
        wholeRows("multAddTransBRowMajor", new Shape(m, k), B, n, k);
        check("multAddTransBRowMajor", new Shape(m, k), new Shape(n, k), k, k, C, m, n);
        if (!packs(m, n, k)) {
            product(alpha, A, false, rows(B, n, k), true, C, m, n, k);
            return;
        }
        packedProduct(new FloatPackedGemm.Operands(alpha, A, false, null, B, k, true, C, k), m, n, k);
    }

    /**
     * Whether a product of {@code m·n·k} multiply-adds into an {@code (m, n)} result runs on the tile kernels: the JVM
     * has the Vector API and the product is large and wide enough.
     *
     * @param m the rows of the result
     * @param n the columns of the result
     * @param k the length of each sum
     * @return whether {@link #multAdd}, {@link #multAddTransA}, {@link #multAddTransB} and their row-major twins run
     *         packed for this shape
     */
    public static boolean packs(int m, int n, int k) {
        return vector && packed(m, n, k, VECTOR);
    }

    /** Refuses a row-major factor whose values are not {@code rows} whole rows of {@code cols}. */
    private static void wholeRows(String op, Shape a, float[] B, int rows, int cols) {
        if ((long) rows * cols != B.length) {
            throw new ShapeException(op, a, new Shape(rows, cols), "not whole rows: B holds " + B.length
                    + " values, not a multiple of " + cols);
        }
    }

    /** {@code rows x cols} row-major values as rows. */
    private static float[][] rows(float[] flat, int rows, int cols) {
        float[][] M = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, M[i], 0, cols);
        }
        return M;
    }

    /**
     * A right factor packed once for the tile kernels, for products that use the same {@code B} many times (a
     * training's examples): {@link #multAdd(float, float[][], RightFactor, float[][])} then packs only the left
     * factor. It holds a copy of B's values (as many as B, rounded up to whole tiles); B itself may change afterwards
     * without affecting it.
     */
    public static final class RightFactor {
        private final PackedPanels panels;
        private final int k;
        private final int n;
        private final int nr;

        private RightFactor(PackedPanels panels, int k, int n, int nr) {
            this.panels = panels;
            this.k = k;
            this.n = n;
            this.nr = nr;
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
     * @throws IllegalArgumentException if {@code B} has more values (with its tiles' padding) than one array holds
     */
    public static RightFactor pack(float[][] B) {
        int n = cols(B, 0);
        return new RightFactor(FloatPackedGemm.packAll(B, false, B.length, n, tileColumns()), B.length, n,
                tileColumns());
    }

    /**
     * {@code Bᵀ} packed once as a right factor {@code (k, n)}, from {@code B} {@code (n, k)}, without forming Bᵀ.
     *
     * @param B the factor before transposition, {@code (n, k)} as rows, at least one row
     * @return the packed factor {@code Bᵀ}
     * @throws IllegalArgumentException if {@code B} has more values (with its tiles' padding) than one array holds
     */
    public static RightFactor packTransposed(float[][] B) {
        int k = cols(B, 0);
        return new RightFactor(FloatPackedGemm.packAll(B, true, k, B.length, tileColumns()), k, B.length,
                tileColumns());
    }

    /**
     * {@code C = C + alpha · A · B} for A {@code (m, k)}, a packed B {@code (k, n)} and C {@code (m, n)}, on the tile
     * kernels whatever the size (the same bits as {@link #multAdd} on the tile kernels). Meant for a JVM with the
     * Vector API ({@link #kernel()} is {@code "vector"}): without it the tile runs in plain Java, slowly.
     *
     * @param alpha the scale of the product
     * @param A     the left factor, {@code (m, k)} as rows
     * @param B     the right factor, packed by {@link #pack} or {@link #packTransposed}
     * @param C     the accumulator, {@code (m, n)} as rows; modified
     */
    public static void multAdd(float alpha, float[][] A, RightFactor B, float[][] C) {
        Checks.notNull("multAdd", "B", B);
        int m = A.length;
        int k = cols(A, B.k);
        check("multAdd", new Shape(m, k), B.shape(), k, B.k, C, m, B.n);
        FloatMicroKernel kernel = vector ? VECTOR : PLAIN;
        int n = B.n;
        int nr = B.nr;
        int tiles = (n + nr - 1) / nr;
        int t = shares(m, n, k, tiles);
        int start = B.panels.lock();
        try {
            if (t < 2) {
                FloatPackedGemm.multiplyPacked(kernel, alpha, A, false, B.panels, start, k, C, 0, m, 0, n);
            } else {
                GemmPool.run(t, s -> FloatPackedGemm.multiplyPacked(kernel, alpha, A, false, B.panels, start, k, C,
                        0, m, Math.min(n, tiles * s / t * nr), Math.min(n, tiles * (s + 1) / t * nr)));
            }
        } finally {
            B.panels.unlock();
        }
    }

    /** The columns of the tile kernels' tiles (the same for the Vector API kernel and its plain twin). */
    private static int tileColumns() {
        return PLAIN.cols();
    }

    /**
     * Whether a product goes to the packed tile kernels: large, at least {@value #PACKED_MIN_SIDE} (and a tile) each
     * way, and 16 deep.
     */
    private static boolean packed(int m, int n, int k, FloatMicroKernel kernel) {
        return (long) m * n * k >= PACKED_THRESHOLD && Math.min(m, n) >= PACKED_MIN_SIDE && m >= kernel.rows()
                && n >= kernel.cols() && k >= 16;
    }

    private static void product(float alpha, float[][] A, boolean transA, float[][] B, boolean transB,
                                float[][] C, int m, int n, int k) {
        FloatMicroKernel kernel = VECTOR;
        if (!vector || !packed(m, n, k, kernel)) {
            if (transB && (long) m * n * k >= PACKED_THRESHOLD) {
                // B transposed a block at a time into this thread's scratch, then the row kernel, by columns of C
                int t = shares(m, n, k, n);
                if (t < 2) {
                    FloatRowKernel.rowsTransB(alpha, A, B, C, 0, n, m, k);
                } else {
                    GemmPool.run(t, s -> FloatRowKernel.rowsTransB(alpha, A, B, C, n * s / t, n * (s + 1) / t, m, k));
                }
                return;
            }
            if (transB) {
                // dot products of rows, by columns of C
                int t = shares(m, n, k, n);
                if (t < 2) {
                    FloatRowKernel.dots(alpha, A, B, C, 0, n, m, k);
                } else {
                    GemmPool.run(t, s -> FloatRowKernel.dots(alpha, A, B, C, n * s / t, n * (s + 1) / t, m, k));
                }
                return;
            }
            int t = shares(m, n, k, m);
            if (t < 2) {
                FloatRowKernel.rows(alpha, A, transA, B, C, 0, m, n, k);
            } else {
                GemmPool.run(t, s -> FloatRowKernel.rows(alpha, A, transA, B, C, m * s / t, m * (s + 1) / t, n, k));
            }
            return;
        }
        packedProduct(new FloatPackedGemm.Operands(alpha, A, transA, B, transB, C, k), m, n, k);
    }

    /** A product on the tile kernels, split over the threads by whole tiles along the longer side of C. */
    private static void packedProduct(FloatPackedGemm.Operands o, int m, int n, int k) {
        FloatMicroKernel kernel = VECTOR;
        boolean byColumns = n >= m;
        int tile = byColumns ? kernel.cols() : kernel.rows();
        int tiles = ((byColumns ? n : m) + tile - 1) / tile;
        int t = shares(m, n, k, tiles);
        if (t < 2) {
            FloatPackedGemm.multiply(kernel, o, 0, m, 0, n);
        } else if (byColumns) {
            GemmPool.run(t, s -> FloatPackedGemm.multiply(kernel, o, 0, m,
                    Math.min(n, tiles * s / t * tile), Math.min(n, tiles * (s + 1) / t * tile)));
        } else {
            GemmPool.run(t, s -> FloatPackedGemm.multiply(kernel, o,
                    Math.min(m, tiles * s / t * tile), Math.min(m, tiles * (s + 1) / t * tile), 0, n));
        }
    }

    /** How many threads a product of {@code m·n·k} multiply-adds splittable into {@code units} parts uses. */
    private static int shares(int m, int n, int k, int units) {
        return (long) m * n * k < Gemm.PARALLEL_THRESHOLD ? 1 : Math.min(Gemm.threads(), units);
    }

    /** Number of columns of an array of rows (all rows must have it); {@code empty} when there are no rows. */
    private static int cols(float[][] M, int empty) {
        Checks.notNull("FloatGemm", "a matrix", M);
        if (M.length == 0) {
            return empty;
        }
        int cols = M[0].length;
        for (int i = 1; i < M.length; i++) {
            if (M[i].length != cols) {
                throw new Nndl4jException("FloatGemm: ragged rows: row 0 has " + cols + " values but row "
                        + i + " has " + M[i].length);
            }
        }
        return cols;
    }

    /** Refuses factors whose shared dimensions differ, or an output C not of shape {@code (rows, cols)}. */
    private static void check(String op, Shape a, Shape b, int inner, int innerB, float[][] C, int rows, int cols) {
        if (inner != innerB) {
            throw new ShapeException(op, a, b, "not aligned: " + inner + " != " + innerB);
        }
        Checks.notNull(op, "C", C);
        int actualCols = C.length == 0 ? cols : cols(C, cols);
        if (C.length != rows || actualCols != cols) {
            throw new ShapeException(op, "output C of shape " + new Shape(rows, cols), new Shape(C.length, actualCols));
        }
    }
}
