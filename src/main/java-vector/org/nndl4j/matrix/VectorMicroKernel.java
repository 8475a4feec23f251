package org.nndl4j.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link MicroKernel} in the Java Vector API: an 8 x (3 vectors) tile of C (8 x 24 with AVX-512) held in 24
 * registers, one fused multiply-add per element and {@code p}. Loaded only when the {@code jdk.incubator.vector}
 * module is in the boot layer (see {@link Gemm}); this is the one class that refers to it.
 *
 * <p>Three vectors of B per step, not two: each step issues 3 loads of B and 8 broadcasts of A for 24 multiply-adds
 * instead of 2 and 8 for 16, fewer instructions per multiply-add (the likely reason it is faster). On an Intel Xeon
 * (Ice Lake, AVX-512; 2026-11-30), one core: the kernel alone, on one A panel and a block of B in L2, ran at 58–61
 * GFLOP/s against 48 for the 8 x 16 tile; the tall workload's Z1 = W1·X and dW1 = dZ1·Xᵀ, packing included, took
 * 259–260 and 290–294 ms against 286–295 and 309–317; its whole iteration took 0.88–0.94 of the time (four pairs one
 * after the other) and 0.85–1.06 (six pairs side by side, median 0.91); the cat's 0.93–0.99 and an Adam epoch's
 * 0.90–0.95 (side by side). At two threads, four pairs: 0.77–1.07. Tiles of 12 x 16 ran at 57–58 GFLOP/s alone,
 * 4 x 32 at 42–43, 6 x 32 at 31–52 (its 24 sums and 4 vectors of B crowd the 32 registers).
 *
 * <p>Written out by hand on purpose: a helper method taking vectors would not be inlined into this large method,
 * and vectors passed to a call that is not inlined are allocated on the heap. Until C2 has compiled this method,
 * every vector operation in it allocates (a vector and its array); {@link Gemm} therefore runs it through
 * {@link WarmedKernel}, which hands tiles to it only once a call allocates nothing. The sums leave through a scratch
 * tile to {@link #addSums}: with the additions into C written out here as well, C1 gave up on the method ("out of
 * virtual registers"), and in some processes C2 then never compiled it either.
 */
final class VectorMicroKernel implements MicroKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 8;
    private static final int NR = 3 * V;
    /**
     * Where the 24 sums start: zeros, each loaded from its own place. Started from one zero vector (every sum the same
     * value on entry), the loop C2 made differed from process to process: on the cat workload 5 processes in 10 got 85
     * instructions a step, 16 of them register-to-register moves and a spill, instead of 63 (tall: 1 in 9); with
     * these loads, 23 in 23 got a loop without moves or spills, of 63 or 65 instructions (tall and cat workloads,
     * 2026-12-01, {@code -XX:CompileCommand=print}). The kernel alone, on such a loop, ran at 33–47 GFLOP/s
     * instead of 55–58; the whole iterations did not measurably change (tall: 0.87–1.03 of the time in six pairs, cat:
     * 0.89–1.07 in eight).
     */
    private static final double[] ZEROS = new double[MR * NR];

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
                         int i0, int rows, int j0, int cols, boolean overwrite, double[] sums) {
        DoubleVector c00 = DoubleVector.fromArray(S, ZEROS, 0);
        DoubleVector c01 = DoubleVector.fromArray(S, ZEROS, 1 * V);
        DoubleVector c02 = DoubleVector.fromArray(S, ZEROS, 2 * V);
        DoubleVector c10 = DoubleVector.fromArray(S, ZEROS, 3 * V);
        DoubleVector c11 = DoubleVector.fromArray(S, ZEROS, 4 * V);
        DoubleVector c12 = DoubleVector.fromArray(S, ZEROS, 5 * V);
        DoubleVector c20 = DoubleVector.fromArray(S, ZEROS, 6 * V);
        DoubleVector c21 = DoubleVector.fromArray(S, ZEROS, 7 * V);
        DoubleVector c22 = DoubleVector.fromArray(S, ZEROS, 8 * V);
        DoubleVector c30 = DoubleVector.fromArray(S, ZEROS, 9 * V);
        DoubleVector c31 = DoubleVector.fromArray(S, ZEROS, 10 * V);
        DoubleVector c32 = DoubleVector.fromArray(S, ZEROS, 11 * V);
        DoubleVector c40 = DoubleVector.fromArray(S, ZEROS, 12 * V);
        DoubleVector c41 = DoubleVector.fromArray(S, ZEROS, 13 * V);
        DoubleVector c42 = DoubleVector.fromArray(S, ZEROS, 14 * V);
        DoubleVector c50 = DoubleVector.fromArray(S, ZEROS, 15 * V);
        DoubleVector c51 = DoubleVector.fromArray(S, ZEROS, 16 * V);
        DoubleVector c52 = DoubleVector.fromArray(S, ZEROS, 17 * V);
        DoubleVector c60 = DoubleVector.fromArray(S, ZEROS, 18 * V);
        DoubleVector c61 = DoubleVector.fromArray(S, ZEROS, 19 * V);
        DoubleVector c62 = DoubleVector.fromArray(S, ZEROS, 20 * V);
        DoubleVector c70 = DoubleVector.fromArray(S, ZEROS, 21 * V);
        DoubleVector c71 = DoubleVector.fromArray(S, ZEROS, 22 * V);
        DoubleVector c72 = DoubleVector.fromArray(S, ZEROS, 23 * V);
        int ia = aOff;
        int ib = bOff;
        for (int p = 0; p < kc; p++, ia += MR, ib += NR) {
            // sum(r, c) = fma(a(r, p), b(p, c), sum(r, c))
            DoubleVector b0 = DoubleVector.fromArray(S, b, ib);
            DoubleVector b1 = DoubleVector.fromArray(S, b, ib + V);
            DoubleVector b2 = DoubleVector.fromArray(S, b, ib + 2 * V);
            DoubleVector x = DoubleVector.broadcast(S, a[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(S, a[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(S, a[ia + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(S, a[ia + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(S, a[ia + 7]);
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
        addSums(sums, alpha, C, i0, rows, j0, cols, overwrite);
    }

    /**
     * {@code C = fma(sum, alpha, C)} for the first {@code rows x cols} sums of the scratch tile, or with
     * {@code overwrite} {@code C = fma(sum, alpha, +0.0)} (C not read): three vectors a row for whole tiles, one value
     * at a time for the last, partial columns of C. The same operation either way, so the same bits.
     *
     * <p>Overwriting saves the reads of C in the first block of the shared dimension, which find it in memory (the
     * tall workload's Z1 is 61 MB) and stall the kernel, and the pass that zeroed C. The tall workload's
     * {@code Z1 = W1·X} took 211–215 ms written over Z1 against 222 zeroing it and adding, {@code Z2 = W2·A1}
     * 19.3–19.6 against 22.8–22.9 (medians of 20 rounds alternating the two in one process, three processes, one core;
     * 2026-12-01).
     */
    private static void addSums(double[] sums, double alpha, double[][] C, int i0, int rows, int j0, int cols,
                                boolean overwrite) {
        if (cols == NR && overwrite) {
            DoubleVector al = DoubleVector.broadcast(S, alpha);
            DoubleVector zero = DoubleVector.zero(S);
            for (int r = 0; r < rows; r++) {
                double[] c = C[i0 + r];
                int s = r * NR;
                DoubleVector.fromArray(S, sums, s).fma(al, zero).intoArray(c, j0);
                DoubleVector.fromArray(S, sums, s + V).fma(al, zero).intoArray(c, j0 + V);
                DoubleVector.fromArray(S, sums, s + 2 * V).fma(al, zero).intoArray(c, j0 + 2 * V);
            }
            return;
        }
        if (cols == NR) {
            DoubleVector al = DoubleVector.broadcast(S, alpha);
            for (int r = 0; r < rows; r++) {
                double[] c = C[i0 + r];
                int s = r * NR;
                DoubleVector.fromArray(S, sums, s).fma(al, DoubleVector.fromArray(S, c, j0)).intoArray(c, j0);
                DoubleVector.fromArray(S, sums, s + V).fma(al, DoubleVector.fromArray(S, c, j0 + V))
                        .intoArray(c, j0 + V);
                DoubleVector.fromArray(S, sums, s + 2 * V).fma(al, DoubleVector.fromArray(S, c, j0 + 2 * V))
                        .intoArray(c, j0 + 2 * V);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            double[] row = C[i0 + r];
            for (int q = 0; q < cols; q++) {
                row[j0 + q] = Math.fma(sums[r * NR + q], alpha, overwrite ? 0.0 : row[j0 + q]);
            }
        }
    }
}
