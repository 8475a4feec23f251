package org.nndl4j.matrix;

import java.util.Random;

/** The arrays of rows the kernel tests multiply: seeded random values with some exact zeros, and copies. */
final class TestArrays {

    private TestArrays() {
    }

    /**
     * A seeded {@code (rows, cols)} array of values in [-1, 1), a fifth of them exact zeros (as in ReLU gradients).
     *
     * @param rows the rows
     * @param cols the columns
     * @param seed the seed of {@link Random}
     * @return a new array of rows
     */
    static double[][] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] M = new double[rows][cols];
        for (double[] row : M) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * 2 - 1;
            }
        }
        return M;
    }

    /**
     * A deep copy.
     *
     * @param M an array of rows
     * @return a new array with copies of its rows
     */
    static double[][] copy(double[][] M) {
        double[][] c = new double[M.length][];
        for (int i = 0; i < M.length; i++) {
            c[i] = M[i].clone();
        }
        return c;
    }

    /**
     * {@code C0 + alpha·A·B} in the packed kernel's order on rows {@code [i0, i1)} and columns {@code [j0, j1)} (the
     * rest copied): per block of {@link PackedGemm#KC} of the shared dimension, {@code s = fma(a, b, s)} from 0 in
     * order, then {@code c = fma(s, alpha, c)}.
     */
    static double[][] packedOrder(double alpha, double[][] A, double[][] B, double[][] C0, int i0, int i1, int j0,
                                  int j1) {
        int k = B.length;
        double[][] C = copy(C0);
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                for (int p0 = 0; p0 < k; p0 += PackedGemm.KC) {
                    double s = 0.0;
                    for (int p = p0; p < Math.min(k, p0 + PackedGemm.KC); p++) {
                        s = Math.fma(A[i][p], B[p][j], s);
                    }
                    C[i][j] = Math.fma(s, alpha, C[i][j]);
                }
            }
        }
        return C;
    }
}
