package org.nndl4j.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link MicroKernel} in the Java Vector API: an 8 x (2 vectors) tile of C held in sixteen registers, one
 * fused multiply-add per element and {@code p}. Loaded only when the {@code jdk.incubator.vector} module is in the
 * boot layer (see {@link Gemm}); this is the one class that refers to it.
 *
 * <p>Written out by hand on purpose: a helper method taking vectors would not be inlined into this large method,
 * and vectors passed to a call that is not inlined are allocated on the heap. Until C2 has compiled this method,
 * every vector operation in it allocates (a vector and its array); {@link Gemm} therefore runs it through
 * {@link WarmedKernel}, which hands tiles to it only once a call allocates nothing.
 */
final class VectorMicroKernel implements MicroKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * V;
    /** A tile of sums for the last, partial columns of C (a thread-local, not an allocation per tile). */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[MR * NR]);

    @Override
    public int rows() {
        return MR;
    }

    @Override
    public int cols() {
        return NR;
    }

    @Override
    public void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double[][] C,
                         int i0, int rows, int j0, int cols) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        int ia = aOff;
        int ib = bOff;
        for (int p = 0; p < kc; p++, ia += MR, ib += NR) {
            // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
            DoubleVector b0 = DoubleVector.fromArray(S, b, ib);
            DoubleVector b1 = DoubleVector.fromArray(S, b, ib + V);
            DoubleVector x = DoubleVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(S, a[ia + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        DoubleVector al = DoubleVector.broadcast(S, alpha);
        if (cols == NR) {
            // C = fma(sum, alpha, C), for the rows of the tile inside C
            double[] c = C[i0];
            c00.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
            c01.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            if (rows > 1) {
                c = C[i0 + 1];
                c10.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c11.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 2) {
                c = C[i0 + 2];
                c20.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c21.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 3) {
                c = C[i0 + 3];
                c30.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c31.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 4) {
                c = C[i0 + 4];
                c40.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c41.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 5) {
                c = C[i0 + 5];
                c50.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c51.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 6) {
                c = C[i0 + 6];
                c60.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c61.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            if (rows > 7) {
                c = C[i0 + 7];
                c70.fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                c71.fma(al, DoubleVector.fromArray(S, c, j0 + V)).intoArray(c, j0 + V);
            }
            return;
        }
        // the last columns of C: the sums go through this thread's scratch tile, then the same C = fma(sum, alpha, C)
        double[] sums = SCRATCH.get();
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
    private static void addSums(double[] sums, double alpha, double[][] C, int i0, int rows, int j0, int cols) {
        for (int r = 0; r < rows; r++) {
            double[] row = C[i0 + r];
            for (int q = 0; q < cols; q++) {
                row[j0 + q] = Math.fma(sums[r * NR + q], alpha, row[j0 + q]);
            }
        }
    }
}
