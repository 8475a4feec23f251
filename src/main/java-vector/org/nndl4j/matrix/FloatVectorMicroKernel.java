package org.nndl4j.matrix;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link FloatMicroKernel} in the Java Vector API: a 8 x (2 vectors) tile of C (8 x 32 floats with
 * AVX-512) held in 16 registers, one fused multiply-add per element and {@code p}. Loaded only when the
 * {@code jdk.incubator.vector} module is in the boot layer (see {@link FloatGemm}), and run through
 * {@link FloatWarmedKernel}; written out by hand for the reasons
 * given in {@code VectorMicroKernel}.
 */
final class FloatVectorMicroKernel implements FloatMicroKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * V;
    /** A tile of sums for the last, partial columns of C (a thread-local, not an allocation per tile). */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[MR * NR]);

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
                         int i0, int rows, int j0, int cols) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        FloatVector c60 = c00;
        FloatVector c61 = c00;
        FloatVector c70 = c00;
        FloatVector c71 = c00;
        int ia = aOff;
        int ib = bOff;
        for (int p = 0; p < kc; p++, ia += MR, ib += NR) {
            // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
            FloatVector b0 = FloatVector.fromArray(S, b, ib);
            FloatVector b1 = FloatVector.fromArray(S, b, ib + V);
            FloatVector x = FloatVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ia + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        FloatVector al = FloatVector.broadcast(S, alpha);
        if (cols == NR) {
            // C = fma(sum, alpha, C), for the rows of the tile inside C
            float[] c = C[i0];
            c00.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
            c01.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            if (rows > 1) {
                c = C[i0 + 1];
                c10.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c11.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 2) {
                c = C[i0 + 2];
                c20.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c21.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 3) {
                c = C[i0 + 3];
                c30.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c31.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 4) {
                c = C[i0 + 4];
                c40.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c41.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 5) {
                c = C[i0 + 5];
                c50.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c51.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 6) {
                c = C[i0 + 6];
                c60.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c61.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 7) {
                c = C[i0 + 7];
                c70.fma(al, FloatVector.fromArray(S, c, j0)).intoArray(c, j0);
                c71.fma(al, FloatVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            return;
        }
        // the last columns of C: the sums go through this thread's scratch tile, then the same C = fma(sum, alpha, C)
        float[] sums = SCRATCH.get();
        c00.intoArray(sums, 0);
        c01.intoArray(sums, V);
        c10.intoArray(sums, NR);
        c11.intoArray(sums, NR + V);
        c20.intoArray(sums, 2 * NR);
        c21.intoArray(sums, 2 * NR + V);
        c30.intoArray(sums, 3 * NR);
        c31.intoArray(sums, 3 * NR + V);
        c40.intoArray(sums, 4 * NR);
        c41.intoArray(sums, 4 * NR + V);
        c50.intoArray(sums, 5 * NR);
        c51.intoArray(sums, 5 * NR + V);
        c60.intoArray(sums, 6 * NR);
        c61.intoArray(sums, 6 * NR + V);
        c70.intoArray(sums, 7 * NR);
        c71.intoArray(sums, 7 * NR + V);
        addSums(sums, alpha, C, i0, rows, j0, cols);
    }

    /**
     * {@code C = fma(sum, alpha, C)} for the first {@code rows x cols} sums of the scratch tile. A loop of its own: in
     * {@code multiply} its back-edges had C2 compile that whole method on stack first (an on-stack replacement, of no
     * use to later calls), which took the compiler's time from the compilation that the warm-up waits for.
     */
    private static void addSums(float[] sums, float alpha, float[][] C, int i0, int rows, int j0, int cols) {
        for (int r = 0; r < rows; r++) {
            float[] row = C[i0 + r];
            for (int q = 0; q < cols; q++) {
                row[j0 + q] = Math.fma(sums[r * NR + q], alpha, row[j0 + q]);
            }
        }
    }
}
