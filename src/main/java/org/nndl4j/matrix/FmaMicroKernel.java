package org.nndl4j.matrix;

import java.util.Arrays;

/**
 * A {@link MicroKernel} in plain Java with the vector kernel's arithmetic: {@code sum = fma(a, b, sum)} per
 * {@code p} in order from {@code +0.0}, then {@code c = fma(sum, alpha, c)} (or {@code fma(sum, alpha, +0.0)}); each element of C is computed
 * independently, so this gives the same bits as {@code VectorMicroKernel} for the same {@code MR x NR} tile. It
 * stands in for the vector kernel until the JIT has compiled it (see {@link WarmedKernel}).
 */
final class FmaMicroKernel implements MicroKernel {

    private final int mr;
    private final int nr;

    /**
     * @param mr the rows of the tile
     * @param nr the columns of the tile
     */
    FmaMicroKernel(int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
    }

    @Override
    public int rows() {
        return mr;
    }

    @Override
    public int cols() {
        return nr;
    }

    @Override
    public void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double[][] C,
                         int i0, int rows, int j0, int cols, boolean overwrite, double[] sums) {
        Arrays.fill(sums, 0.0);
        for (int p = 0, ia = aOff, ib = bOff; p < kc; p++, ia += mr, ib += nr) {
            for (int r = 0; r < rows; r++) {
                // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
                double x = a[ia + r];
                int s = r * nr;
                for (int c = 0; c < nr; c++) {
                    sums[s + c] = Math.fma(x, b[ib + c], sums[s + c]);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            // C = fma(sum, alpha, C), or fma(sum, alpha, +0.0)
            double[] row = C[i0 + r];
            int s = r * nr;
            for (int c = 0; c < cols; c++) {
                row[j0 + c] = Math.fma(sums[s + c], alpha, overwrite ? 0.0 : row[j0 + c]);
            }
        }
    }
}
