package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * The matrix-multiply kernel of the training hot loops, on matrices stored as arrays of rows
 * ({@code double[][]}, row {@code i} is {@code M[i]}).
 *
 * <p>Why rows: HotSpot's C2 compiler (Java 17) vectorises a loop only when it can prove the arrays it
 * writes do not overlap the ones it reads at another position; with every operand a separate row
 * indexed by the same {@code j}, the inner loop {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}
 * compiles to AVX2/AVX-512 code with no JVM flags, several times faster than the same loop over one
 * flat array (measured on this project's shapes: about 4x, the difference between EJML's general
 * multiply and OpenBLAS). The shared dimension {@code p} runs in order, so results agree with EJML's
 * and the textbook's to rounding; blocks of rows of B and of columns keep the working set in cache.
 *
 * <p>Products of at least {@value #PARALLEL_THRESHOLD} multiply-adds are split by rows of {@code C} over
 * {@link #threads()} threads (default: the available processors; see {@link #setThreads(int)}, and
 * {@link #withThreads} for a count of one thread's work, such as a training's). Each element is still computed
 * by one thread in the same order, so results do not depend on the thread count. Changing the count never
 * disturbs a running product: it keeps the pool it started with, and a replaced pool is shut down only once
 * idle.
 *
 * <p>Methods write only their output {@code C}, which must not share rows with the inputs. Shapes are
 * read from the arrays and checked: a mismatch throws a {@link ShapeException} naming both shapes.
 */
public final class Gemm {

    /** Rows of B (the shared dimension) per block. */
    private static final int K_BLOCK = 128;
    /** Columns per block: 128 rows x 512 columns of B is 512 KB, which stays in L2. */
    private static final int N_BLOCK = 512;

    /** Products smaller than this many multiply-adds run on the calling thread only. */
    public static final long PARALLEL_THRESHOLD = 1L << 22;

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    /** The calling thread's count set by {@link #withThreads} ({@code [0]}; 0 = none, use {@link #threads}). */
    private static final ThreadLocal<int[]> SCOPED = ThreadLocal.withInitial(() -> new int[1]);
    /** The pool products submit to; replaced when too small or when the default changes. Guarded by Gemm.class. */
    private static Workers workers;

    private Gemm() {
    }

    /**
     * A pool and how many running products are using it. A product holds the pool it started with until it
     * ends; a replaced ("retired") pool is shut down only once no product uses it, so changing the thread count
     * never makes a running product's submission fail.
     */
    private static final class Workers {
        final ForkJoinPool pool;
        final int parallelism;
        /** Guarded by Gemm.class. */
        int users;
        /** Guarded by Gemm.class. */
        boolean retired;

        Workers(int parallelism) {
            this.pool = new ForkJoinPool(parallelism);
            this.parallelism = parallelism;
        }
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
            if (n != threads && workers != null && workers.parallelism != n - 1) {
                // threads a smaller count no longer needs are freed once the products using them end
                retire(workers);
                workers = null;
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

    /** The pool, with at least {@code helpers} workers, marked as used by one more product. */
    private static synchronized Workers acquire(int helpers) {
        if (workers == null || workers.parallelism < helpers) {
            if (workers != null) {
                retire(workers);
            }
            workers = new Workers(helpers);
        }
        workers.users++;
        return workers;
    }

    /** Marks one product using {@code w} as ended; shuts {@code w} down if it was replaced and is now idle. */
    private static synchronized void release(Workers w) {
        w.users--;
        if (w.retired && w.users == 0) {
            w.pool.shutdown();
        }
    }

    private static void retire(Workers w) {
        w.retired = true;
        if (w.users == 0) {
            w.pool.shutdown();
        }
    }

    /** Whether no pool is running: every replaced pool shut down and the current one idle (for tests). */
    static synchronized boolean poolsIdle() {
        return workers == null || workers.users == 0;
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
        kernel(alpha, A, false, B, C, m, n, k);
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
        int k = A.length;
        int m = cols(A, C.length);
        int n = cols(B, cols(C, 0));
        checkAligned("multAddTransA", k, m, B.length, n, k, B.length);
        checkOutput("multAddTransA", C, m, n);
        kernel(alpha, A, true, B, C, m, n, k);
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
        for (int q = 0; q < n; q++) {
            double[] b = B[q];
            int i = 0;
            for (; i + 3 < m; i += 4) {
                double[] a0 = A[i];
                double[] a1 = A[i + 1];
                double[] a2 = A[i + 2];
                double[] a3 = A[i + 3];
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                for (int p = 0; p < k; p++) {
                    double bp = b[p];
                    s0 += a0[p] * bp;
                    s1 += a1[p] * bp;
                    s2 += a2[p] * bp;
                    s3 += a3[p] * bp;
                }
                C[i][q] = alpha * s0;
                C[i + 1][q] = alpha * s1;
                C[i + 2][q] = alpha * s2;
                C[i + 3][q] = alpha * s3;
            }
            for (; i < m; i++) {
                C[i][q] = alpha * dot(A[i], b, k);
            }
        }
    }

    /** {@code Σ_p a[p]·b[p]} in four interleaved partial sums (so the additions can overlap), then added up. */
    private static double dot(double[] a, double[] b, int k) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int p = 0;
        for (; p + 3 < k; p += 4) {
            s0 += a[p] * b[p];
            s1 += a[p + 1] * b[p + 1];
            s2 += a[p + 2] * b[p + 2];
            s3 += a[p + 3] * b[p + 3];
        }
        for (; p < k; p++) {
            s0 += a[p] * b[p];
        }
        return (s0 + s1) + (s2 + s3);
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
     * {@code C[i] += alpha · Σ_p a(i, p) · B[p]}, where {@code a(i, p)} is {@code A[i][p]}, or
     * {@code A[p][i]} when {@code transposedA}.
     */
    private static void kernel(double alpha, double[][] A, boolean transposedA, double[][] B, double[][] C,
                               int m, int n, int k) {
        int t = Math.min(threads(), m);
        if (t < 2 || (long) m * n * k < PARALLEL_THRESHOLD) {
            rows(alpha, A, transposedA, B, C, 0, m, n, k);
            return;
        }
        // rows [i0, i1) of C per thread; the calling thread takes the first share. The product keeps the pool it
        // acquired until it ends, whatever setThreads does meanwhile.
        Workers w = acquire(t - 1);
        try {
            List<ForkJoinTask<?>> others = new ArrayList<>(t - 1);
            try {
                for (int s = 1; s < t; s++) {
                    int i0 = m * s / t;
                    int i1 = m * (s + 1) / t;
                    others.add(w.pool.submit(() -> rows(alpha, A, transposedA, B, C, i0, i1, n, k)));
                }
                rows(alpha, A, transposedA, B, C, 0, m / t, n, k);
            } finally {
                // C is complete (or the product failed) only once every share has ended
                for (ForkJoinTask<?> task : others) {
                    task.join();
                }
            }
        } finally {
            release(w);
        }
    }

    /** {@link #kernel} for rows {@code [i0, i1)} of C. */
    private static void rows(double alpha, double[][] A, boolean transposedA, double[][] B, double[][] C,
                             int i0, int i1, int n, int k) {
        for (int j0 = 0; j0 < n; j0 += N_BLOCK) {
            int j1 = Math.min(n, j0 + N_BLOCK);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    double[] c = C[i];
                    int p = p0;
                    for (; p + 3 < p1; p += 4) {
                        double a0 = alpha * (transposedA ? A[p][i] : A[i][p]);
                        double a1 = alpha * (transposedA ? A[p + 1][i] : A[i][p + 1]);
                        double a2 = alpha * (transposedA ? A[p + 2][i] : A[i][p + 2]);
                        double a3 = alpha * (transposedA ? A[p + 3][i] : A[i][p + 3]);
                        if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                            continue; // ReLU gradients are often zero; 0·b adds nothing for finite b
                        }
                        axpy4(c, a0, B[p], a1, B[p + 1], a2, B[p + 2], a3, B[p + 3], j0, j1);
                    }
                    for (; p < p1; p++) {
                        double a0 = alpha * (transposedA ? A[p][i] : A[i][p]);
                        axpy1(c, a0, B[p], j0, j1);
                    }
                }
            }
        }
    }

    /** {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}, summed left to right. */
    private static void axpy4(double[] c, double a0, double[] b0, double a1, double[] b1, double a2, double[] b2,
                              double a3, double[] b3, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void axpy1(double[] c, double a0, double[] b0, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += a0 * b0[j];
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
