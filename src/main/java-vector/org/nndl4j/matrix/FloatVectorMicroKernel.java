package org.nndl4j.matrix;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link FloatMicroKernel} in the Java Vector API: an 8 x (3 vectors) tile of C (8 x 48 floats with AVX-512) held
 * in 24 registers, one fused multiply-add per element and {@code p}. Loaded only when the {@code jdk.incubator.vector}
 * module is in the boot layer (see {@link FloatGemm}), and run through {@link FloatWarmedKernel}; written out by hand,
 * and its sums added into C by a method of their own, for the reasons given in {@code VectorMicroKernel}, whose tile
 * it follows. Against the 8 x 32 tile (one thread, pairs run side by side, 2026-11-30, Intel Xeon): the tall
 * workload's iteration 0.93–0.94 of its time with this tile and blocks of 192 (three pairs), the cat's 0.90–1.15 (four,
 * median 0.95), an Adam epoch's 0.97–1.00 (three).
 */
final class FloatVectorMicroKernel implements FloatMicroKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 8;
    private static final int NR = 3 * V;

    @Override
    public int rows() {
        return MR;
    }

    @Override
    public int cols() {
        return NR;
    }

    @Override
    public void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float[][] C,
                         int i0, int rows, int j0, int cols, float[] sums) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c22 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c32 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c42 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c52 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c62 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        FloatVector c72 = c00;
        int ia = aOff;
        int ib = bOff;
        for (int p = 0; p < kc; p++, ia += MR, ib += NR) {
            // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
            FloatVector b0 = FloatVector.fromArray(S, b, ib);
            FloatVector b1 = FloatVector.fromArray(S, b, ib + V);
            FloatVector b2 = FloatVector.fromArray(S, b, ib + 2 * V);
            FloatVector x = FloatVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, a[ia + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(sums, 0);
        c01.intoArray(sums, V);
        c02.intoArray(sums, 2 * V);
        c10.intoArray(sums, NR);
        c11.intoArray(sums, NR + V);
        c12.intoArray(sums, NR + 2 * V);
        c20.intoArray(sums, 2 * NR);
        c21.intoArray(sums, 2 * NR + V);
        c22.intoArray(sums, 2 * NR + 2 * V);
        c30.intoArray(sums, 3 * NR);
        c31.intoArray(sums, 3 * NR + V);
        c32.intoArray(sums, 3 * NR + 2 * V);
        c40.intoArray(sums, 4 * NR);
        c41.intoArray(sums, 4 * NR + V);
        c42.intoArray(sums, 4 * NR + 2 * V);
        c50.intoArray(sums, 5 * NR);
        c51.intoArray(sums, 5 * NR + V);
        c52.intoArray(sums, 5 * NR + 2 * V);
        c60.intoArray(sums, 6 * NR);
        c61.intoArray(sums, 6 * NR + V);
        c62.intoArray(sums, 6 * NR + 2 * V);
        c70.intoArray(sums, 7 * NR);
        c71.intoArray(sums, 7 * NR + V);
        c72.intoArray(sums, 7 * NR + 2 * V);
        addSums(sums, alpha, C, i0, rows, j0, cols);
    }

    /**
     * {@code C = fma(sum, alpha, C)} for the first {@code rows x cols} sums of the scratch tile: three vectors a row
     * for whole tiles, one value at a time for the last, partial columns of C. The same operation either way, so the
     * same bits.
     */
    private static void addSums(float[] sums, float alpha, float[][] C, int i0, int rows, int j0, int cols) {
        if (cols == NR) {
            FloatVector al = FloatVector.broadcast(S, alpha);
            for (int r = 0; r < rows; r++) {
                float[] c = C[i0 + r];
                int s = r * NR;
                FloatVector.fromArray(S, sums, s).fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                FloatVector.fromArray(S, sums, s + V).fma(al, FloatVector.fromArray(S, c, j0 + V))
                        .intoArray(c, j0 + V);
                FloatVector.fromArray(S, sums, s + 2 * V).fma(al, FloatVector.fromArray(S, c, j0 + 2 * V))
                        .intoArray(c, j0 + 2 * V);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            float[] row = C[i0 + r];
            for (int q = 0; q < cols; q++) {
                row[j0 + q] = Math.fma(sums[r * NR + q], alpha, row[j0 + q]);
            }
        }
    }
}
