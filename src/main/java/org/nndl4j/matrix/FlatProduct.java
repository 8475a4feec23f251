package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * {@code C = A · B} for row-major arrays with the operations of EJML's {@code mult_reorder}, in its order: row
 * {@code i} of C starts as {@code A[i][0]·B[0]} and adds {@code A[i][p]·B[p]} for {@code p = 1, 2, ...}, each
 * element one product at a time. So the result has EJML's bits, signed zeros included (and NaN where it has NaN), in a
 * quarter to a sixth of its time on the cat models' {@code W·X} (measured below).
 *
 * <p>EJML's loop runs over the flat arrays, where the JIT cannot tell that the stores into C miss the loads of B
 * (they could be one array at two offsets) and leaves it scalar. Here a block of B is first copied into rows of their
 * own and C's rows are summed in rows of their own, so that the inner loop is {@link RowKernel}'s {@code axpy4}, every
 * operand indexed by the same {@code j}, which C2 vectorises; the copies cost one pass over B per block of C's rows.
 * The training loops of the plain-Java kernel compile that loop too, so a prediction after a training starts on
 * compiled code.
 *
 * <p>Measured on the development machine (Intel Xeon, one core, {@link Matrix#dot} and EJML's {@code mult} in turn,
 * best of 30): the L-layer cat model's first product, {@code (20, 12288)·(12288, 209)}, 10.7 ms against EJML's
 * 66.2 ms; {@code (7, 12288)·(12288, 209)} 5.3 ms against 23.2 ms.
 */
final class FlatProduct {

    /** Rows of B per block: 128 rows of 512 columns are 512 KB, which stay in L2. */
    private static final int K_BLOCK = 128;
    /** Columns of B and C per block. */
    private static final int N_BLOCK = 512;
    /** Rows of C per block (their partial sums stay in L1/L2 while a block of B passes). */
    private static final int M_BLOCK = 64;

    private FlatProduct() {
    }

    /**
     * {@code c = a · b}, with {@code a} {@code (m, k)}, {@code b} {@code (k, n)} and {@code c} {@code (m, n)}, all
     * row-major; {@code c} is overwritten.
     *
     * @throws Nndl4jException if {@code k < 1} (EJML fills C with zeros then; so does the caller)
     */
    static void multiply(double[] a, double[] b, double[] c, int m, int n, int k) {
        if (k < 1) {
            throw new Nndl4jException("FlatProduct.multiply: k = " + k + " < 1");
        }
        int nb = Math.min(n, N_BLOCK);
        double[][] B = new double[Math.min(k, K_BLOCK)][nb];
        double[][] C = new double[Math.min(m, M_BLOCK)][nb];
        for (int i0 = 0; i0 < m; i0 += M_BLOCK) {
            int i1 = Math.min(m, i0 + M_BLOCK);
            for (int j0 = 0; j0 < n; j0 += N_BLOCK) {
                int width = Math.min(n, j0 + N_BLOCK) - j0;
                for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                    int p1 = Math.min(k, p0 + K_BLOCK);
                    for (int p = p0; p < p1; p++) {
                        System.arraycopy(b, p * n + j0, B[p - p0], 0, width);
                    }
                    for (int i = i0; i < i1; i++) {
                        accumulate(a, i * k, B, p0, p1, C[i - i0], width);
                    }
                }
                for (int i = i0; i < i1; i++) {
                    System.arraycopy(C[i - i0], 0, c, i * n + j0, width);
                }
            }
        }
    }

    /**
     * {@code c[j] (+)= Σ_{p0 <= p < p1} a[row + p]·B[p - p0][j]} for {@code j < width}, p in order; at {@code p = 0}
     * the sum starts as the first product, as EJML's does, not as {@code 0 + product} (which is +0 where it is -0).
     */
    private static void accumulate(double[] a, int row, double[][] B, int p0, int p1, double[] c, int width) {
        int p = p0;
        if (p == 0) {
            double a0 = a[row];
            double[] b0 = B[0];
            for (int j = 0; j < width; j++) {
                c[j] = a0 * b0[j];
            }
            p = 1;
        }
        for (; p + 3 < p1; p += 4) {
            RowKernel.axpy4(c, a[row + p], B[p - p0], a[row + p + 1], B[p + 1 - p0], a[row + p + 2], B[p + 2 - p0],
                    a[row + p + 3], B[p + 3 - p0], 0, width);
        }
        for (; p < p1; p++) {
            RowKernel.axpy1(c, a[row + p], B[p - p0], 0, width);
        }
    }
}
