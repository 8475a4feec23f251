package org.nndl4j.matrix;

/**
 * The plain-Java kernel: the exact summation order of the course's figures, and the fallback when the Vector API
 * is absent. HotSpot's C2 compiler (Java 17) vectorises a loop only when it can prove the arrays it writes do not
 * overlap the ones it reads at another position; with every operand a separate row indexed by the same {@code j},
 * the inner loop {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]} compiles to AVX2/AVX-512 code with no
 * JVM flags. The shared dimension {@code p} runs in order, so results agree with EJML's and the textbook's to
 * rounding; blocks of rows of B and of columns keep the working set in cache.
 */
final class RowKernel {

    /** Rows of B (the shared dimension) per block. */
    private static final int K_BLOCK = 128;
    /** Columns per block: 128 rows x 512 columns of B is 512 KB, which stays in L2. */
    private static final int N_BLOCK = 512;

    /** Each thread's row of coefficients of one block of A, so that a product allocates nothing. */
    private static final ThreadLocal<double[]> COEFFICIENTS = ThreadLocal.withInitial(() -> new double[K_BLOCK]);

    private RowKernel() {
    }

    /**
     * {@code C[i] += alpha · Σ_p a(i, p) · B[p]} for rows {@code [i0, i1)} of C, where {@code a(i, p)} is
     * {@code A[i][p]}, or {@code A[p][i]} when {@code transposedA}.
     */
    static void rows(double alpha, double[][] A, boolean transposedA, double[][] B, double[][] C,
                     int i0, int i1, int n, int k) {
        rows(alpha, A, transposedA, B, C, i0, i1, n, k, false);
    }

    /**
     * {@link #rows(double, double[][], boolean, double[][], double[][], int, int, int, int)}, or only the columns
     * {@code j >= i} of each row {@code i} when {@code upper}: the same sums, in the same order, as those elements
     * of the whole rows.
     */
    static void rows(double alpha, double[][] A, boolean transposedA, double[][] B, double[][] C,
                     int i0, int i1, int n, int k, boolean upper) {
        double[] a = COEFFICIENTS.get();
        for (int j0 = 0; j0 < n; j0 += N_BLOCK) {
            int j1 = Math.min(n, j0 + N_BLOCK);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    int from = upper ? Math.max(j0, i) : j0;
                    if (from < j1) {
                        coefficients(alpha, A, transposedA, i, p0, p1, a);
                        accumulate(C[i], a, B, p0, p1 - p0, from, j1);
                    }
                }
            }
        }
    }

    /** {@code a[p - p0] = alpha · a(i, p)} for {@code p} in {@code [p0, p1)}: row i's coefficients of one block. */
    private static void coefficients(double alpha, double[][] A, boolean transposedA, int i, int p0, int p1,
                                     double[] a) {
        if (transposedA) {
            for (int p = p0; p < p1; p++) {
                a[p - p0] = alpha * A[p][i];
            }
        } else {
            System.arraycopy(A[i], p0, a, 0, p1 - p0);
            for (int q = 0; q < p1 - p0; q++) {
                a[q] *= alpha;
            }
        }
    }

    /**
     * {@code c[j] += Σ_q a[q]·B[p0 + q][j]} for {@code j} in {@code [from, to)}, {@code q} in order: four rows of B
     * per pass over c, then the last one to three one at a time. Each pass adds its products left to right, so the
     * sums are those of adding one product at a time. (Java never contracts {@code x + a·b} into a fused
     * multiply-add.) Its only branches are loop bounds and the skip of four zero coefficients, so the JIT's first
     * compilation holds for every shape, with no recompilation when a new remainder shows up.
     */
    private static void accumulate(double[] c, double[] a, double[][] B, int p0, int len, int from, int to) {
        int q = 0;
        for (; q + 3 < len; q += 4) {
            if (a[q] == 0.0 && a[q + 1] == 0.0 && a[q + 2] == 0.0 && a[q + 3] == 0.0) {
                continue; // ReLU gradients are often zero; 0·b adds nothing for finite b
            }
            axpy4(c, a[q], B[p0 + q], a[q + 1], B[p0 + q + 1], a[q + 2], B[p0 + q + 2], a[q + 3], B[p0 + q + 3],
                    from, to);
        }
        for (; q < len; q++) {
            axpy1(c, a[q], B[p0 + q], from, to);
        }
    }

    /**
     * {@code C[i][q] = alpha · Σ_p A[i][p]·B[q][p]} for columns {@code [q0, q1)} of C, as dot products of rows (each
     * sum over {@code p} in order). Four rows of A share each row of B, so B is read once.
     */
    static void dots(double alpha, double[][] A, double[][] B, double[][] C, int q0, int q1, int m, int k) {
        for (int q = q0; q < q1; q++) {
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

    /** {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}, summed left to right. */
    static void axpy4(double[] c, double a0, double[] b0, double a1, double[] b1, double a2, double[] b2,
                      double a3, double[] b3, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    static void axpy1(double[] c, double a0, double[] b0, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += a0 * b0[j];
        }
    }
}
