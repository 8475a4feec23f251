package org.nndl4j.matrix;

import java.util.Arrays;

/**
 * {@link FloatMicroKernel} in plain Java with the vector kernel's arithmetic ({@code sum = fma(a, b, sum)} per
 * {@code p} in order from {@code +0.0f}, then {@code c = fma(sum, alpha, c)}), so it gives the same bits as
 * {@code FloatVectorMicroKernel} for the same tile: its stand-in until the JIT has compiled it
 * ({@link FloatWarmedKernel}). Slow (a few GFLOP/s: C2 does not vectorise {@code Math.fma}), so never the kernel of a
 * JVM without the Vector API, which runs {@link FloatRowKernel} instead.
 */
final class FloatFmaMicroKernel implements FloatMicroKernel {

    private final int mr;
    private final int nr;

    /**
     * @param mr the rows of the tile
     * @param nr the columns of the tile
     */
    FloatFmaMicroKernel(int mr, int nr) {
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
    public void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float[][] C,
                         int i0, int rows, int j0, int cols, float[] sums) {
        Arrays.fill(sums, 0.0f);
        for (int p = 0, ia = aOff, ib = bOff; p < kc; p++, ia += mr, ib += nr) {
            for (int r = 0; r < rows; r++) {
                // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
                float x = a[ia + r];
                int s = r * nr;
                for (int c = 0; c < nr; c++) {
                    sums[s + c] = Math.fma(x, b[ib + c], sums[s + c]);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            // C = fma(sum, alpha, C)
            float[] row = C[i0 + r];
            int s = r * nr;
            for (int c = 0; c < cols; c++) {
                row[j0 + c] = Math.fma(sums[s + c], alpha, row[j0 + c]);
            }
        }
    }
}
