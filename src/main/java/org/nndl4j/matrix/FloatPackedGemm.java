package org.nndl4j.matrix;

import java.util.Arrays;

/**
 * {@link PackedGemm} in float32: {@code C += alpha · op(A) · op(B)} with blocks of A ({@code MC x KC}) and B
 * ({@code KC x NC}) packed into contiguous panels in the order a {@link FloatMicroKernel} reads them; {@code op(A)}
 * is {@code A} or {@code Aᵀ}, {@code op(B)} is {@code B} or {@code Bᵀ}, so one kernel serves every product and no
 * operand is ever transposed whole.
 *
 * <p>The panels live in per-thread buffers made once per thread ({@value #KC} x ({@value #MC} + {@value #NC})
 * floats, 0.6 MB). The shared dimension is summed in blocks of {@value #KC} in order, whatever the thread count.
 */
final class FloatPackedGemm {

    /** The shared dimension per block: one B panel ({@code KC x NR}, 32 KB at NR = 32) stays close while A streams. */
    static final int KC = 256;
    /** Rows of A per block (a multiple of every MR): {@code MC x KC} is 128 KB, in L2. */
    static final int MC = 128;
    /** Columns of B per block (a multiple of every NR): {@code KC x NC} is 512 KB, in L2. */
    static final int NC = 512;

    /** This thread's packing buffers: {@code [0]} for A, {@code [1]} for B. */
    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MC * KC], new float[KC * NC]});

    private FloatPackedGemm() {
    }

    /** Where the operands are: {@code a(i, p)} is {@code A[p][i]} when {@code transA}, {@code b(p, j)} is {@code B[j][p]} when {@code transB}. */
    record Operands(float alpha, float[][] A, boolean transA, float[][] B, boolean transB, float[][] C, int k) {
    }

    /** {@code C[i][j] += alpha · Σ_p a(i, p)·b(p, j)} for rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
    static void multiply(FloatMicroKernel kernel, Operands o, int i0, int i1, int j0, int j1) {
        float[][] buffers = BUFFERS.get();
        float[] packedA = buffers[0];
        float[] packedB = buffers[1];
        int mr = kernel.rows();
        int nr = kernel.cols();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < o.k; pc += KC) {
                int kc = Math.min(KC, o.k - pc);
                packB(o.B, o.transB, pc, kc, jc, nc, nr, packedB);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(o.A, o.transA, ic, mc, pc, kc, mr, packedA);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            kernel.multiply(kc, packedA, ir * kc, packedB, jr * kc, o.alpha, o.C,
                                    ic + ir, Math.min(mr, mc - ir), jc + jr, cols);
                        }
                    }
                }
            }
        }
    }

    /** Packs {@code a(i0 .. i0+mc, p0 .. p0+kc)} as panels of {@code mr} rows: {@code to[ir·kc + p·mr + r]}. */
    static void packA(float[][] A, boolean transA, int i0, int mc, int p0, int kc, int mr, float[] to) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int base = ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(A[p0 + p], i0 + ir, to, base + p * mr, rows);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    float[] a = A[i0 + ir + r];
                    for (int p = 0; p < kc; p++) {
                        to[base + p * mr + r] = a[p0 + p];
                    }
                }
            }
            pad(to, base, kc, rows, mr);
        }
    }

    /** Packs {@code b(p0 .. p0+kc, j0 .. j0+nc)} as panels of {@code nr} columns: {@code to[jr·kc + p·nr + c]}. */
    static void packB(float[][] B, boolean transB, int p0, int kc, int j0, int nc, int nr, float[] to) {
        if (transB) {
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int base = jr * kc;
                for (int c = 0; c < cols; c++) {
                    float[] b = B[j0 + jr + c];
                    for (int p = 0; p < kc; p++) {
                        to[base + p * nr + c] = b[p0 + p];
                    }
                }
                pad(to, base, kc, cols, nr);
            }
            return;
        }
        // row by row of B, so each row is read in order
        for (int p = 0; p < kc; p++) {
            float[] b = B[p0 + p];
            for (int jr = 0; jr < nc; jr += nr) {
                System.arraycopy(b, j0 + jr, to, jr * kc + p * nr, Math.min(nr, nc - jr));
            }
        }
        int last = (nc - 1) / nr * nr;
        pad(to, last * kc, kc, nc - last, nr);
    }

    /** Zeroes entries {@code used .. width} of each of the {@code kc} steps of the panel at {@code base}. */
    private static void pad(float[] to, int base, int kc, int used, int width) {
        if (used < width) {
            for (int p = 0; p < kc; p++) {
                Arrays.fill(to, base + p * width + used, base + (p + 1) * width, 0.0f);
            }
        }
    }
}
