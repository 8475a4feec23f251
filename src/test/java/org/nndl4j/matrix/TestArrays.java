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
}
