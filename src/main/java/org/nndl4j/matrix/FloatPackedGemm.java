package org.nndl4j.matrix;

import java.util.Arrays;

/**
 * {@link PackedGemm} in float32: {@code C += alpha · op(A) · op(B)} with blocks of A ({@code MC x KC}) and B
 * ({@code KC x NC}) packed into contiguous panels in the order a {@link FloatMicroKernel} reads them; {@code op(A)}
 * is {@code A} or {@code Aᵀ}, {@code op(B)} is {@code B} or {@code Bᵀ}, so one kernel serves every product and no
 * operand is ever transposed whole.
 *
 * <p>The panels live in per-thread buffers made once per thread ({@value #KC} x ({@value #MC} + {@value #NC})
 * floats, 0.47 MB). The shared dimension is summed in blocks of {@value #KC} in order, whatever the thread count.
 */
final class FloatPackedGemm {

    /**
     * The shared dimension per block: one B panel ({@code KC x NR}, 36 KB at NR = 48) and one A panel (6 KB) fit in
     * L1 together. With the 8 x 48 tile, the tall workload's float32 iteration (one thread, pairs run side by side)
     * took 0.82–0.98 of the time with 192 that it took with 128 (five pairs), and with 128 0.80–1.05 of the time of the
     * 8 x 32 tile with 256 (five pairs). With the 8 x 32 tile, 128 had been slower than 256 (1.03–1.08, six pairs), and
     * 192 and 384 no faster.
     */
    static final int KC = 192;
    /** Rows of A per block (a multiple of every MR): {@code MC x KC} is 96 KB, in L2. */
    static final int MC = 128;
    /** Columns of B per block, a multiple of every NR (48, 32 and 24): {@code KC x NC} is 360 KB, in L2. */
    static final int NC = 480;

    /** The most values of A packed once for all column blocks (1 MB). */
    static final int HELD_A = 1 << 18;

    /** Spare values at the start of B's buffer, so that its panels can start on a cache line ({@link CacheLines}). */
    private static final int SLACK = CacheLines.BYTES / Float.BYTES;

    /**
     * This thread's buffers: {@code [0]} for packing A, {@code [1]} for B, {@code [2]} for a whole A, {@code [3]} the
     * kernel's scratch tile.
     */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(
            () -> new float[][] {new float[MC * KC], new float[KC * NC + SLACK], new float[0], new float[0]});

    private FloatPackedGemm() {
    }

    /**
     * Where the operands are: {@code a(i, p)} is {@code A[p][i]} when {@code transA}; B is stored as rows
     * {@code B[r][c]}, or, when {@code B} is null, as the row-major values {@code flatB[r·ldb + c]}: {@code b(p, j)} is
     * stored at {@code (p, j)}, or at {@code (j, p)} when {@code transB}.
     */
    record Operands(float alpha, float[][] A, boolean transA, float[][] B, float[] flatB, int ldb, boolean transB,
                    float[][] C, int k) {

        /** Operands whose B is stored as rows. */
        Operands(float alpha, float[][] A, boolean transA, float[][] B, boolean transB, float[][] C, int k) {
            this(alpha, A, transA, B, null, 0, transB, C, k);
        }
    }

    /** {@code C[i][j] += alpha · Σ_p a(i, p)·b(p, j)} for rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
    static void multiply(FloatMicroKernel kernel, Operands o, int i0, int i1, int j0, int j1) {
        float[][] buffers = BUFFERS.get();
        float[] packedB = buffers[1];
        float[] sums = scratch(buffers, kernel.rows() * kernel.cols());
        int mr = kernel.rows();
        int nr = kernel.cols();
        // one block of rows whose panels fit in HELD_A values: packed once for all column blocks (same sums, in the
        // same order), not again for each (the tall workload's W1 would be packed 118 times)
        int mcAll = ((i1 - i0) + mr - 1) / mr * mr;
        boolean heldA = i1 - i0 <= MC && j1 - j0 > NC && (long) mcAll * o.k <= HELD_A;
        float[] packedA = heldA ? heldA(buffers, mcAll * o.k) : buffers[0];
        if (heldA) {
            for (int pc = 0; pc < o.k; pc += KC) {
                packA(o.A, o.transA, i0, i1 - i0, pc, Math.min(KC, o.k - pc), mr, packedA, mcAll * pc);
            }
        }
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < o.k; pc += KC) {
                int kc = Math.min(KC, o.k - pc);
                // looked up for each block: the collector may have moved the buffer since the last
                int bAt = CacheLines.floats(packedB);
                if (o.B() != null) {
                    packB(o.B(), o.transB(), pc, kc, jc, nc, nr, packedB, bAt);
                } else {
                    packFlatB(o.flatB(), o.ldb(), o.transB(), pc, kc, jc, nc, nr, packedB, bAt);
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int aBase = heldA ? mcAll * pc : 0;
                    if (!heldA) {
                        packA(o.A, o.transA, ic, mc, pc, kc, mr, packedA, 0);
                    }
                    // row panel by row panel: one A panel stays close while the B panels stream, C read along its rows
                    for (int ir = 0; ir < mc; ir += mr) {
                        int rows = Math.min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            kernel.multiply(kc, packedA, aBase + ir * kc, packedB, bAt + jr * kc, o.alpha, o.C,
                                    ic + ir, rows, jc + jr, Math.min(nr, nc - jr), sums);
                        }
                    }
                }
            }
        }
    }

    /** This thread's scratch tile of at least {@code size} values. */
    private static float[] scratch(float[][] buffers, int size) {
        if (buffers[3].length < size) {
            buffers[3] = new float[size];
        }
        return buffers[3];
    }

    /**
     * {@code b(0 .. k, 0 .. n)} packed once, for products that reuse it: block by block of {@value #KC} of the shared
     * dimension in one array ({@link PackedPanels}), each block holding every panel of {@code nr} columns of that
     * block.
     */
    static PackedPanels packAll(float[][] B, boolean transB, int k, int n, int nr) {
        int tiles = (n + nr - 1) / nr;
        int size = PackedPanels.size(k, n, tiles * nr, SLACK);
        float[] values = new float[size + SLACK];
        PackedPanels panels = new PackedPanels(values, tiles * nr * KC, size);
        for (int pc = 0; pc < k; pc += KC) {
            packB(B, transB, pc, Math.min(KC, k - pc), 0, n, nr, values,
                    panels.packingStart() + pc / KC * panels.blockSize);
        }
        return panels;
    }

    /**
     * {@link #multiply} with B packed beforehand by {@link #packAll}, its block 0 from {@code start}, which
     * {@link PackedPanels#lock} returned (the same sums in the same order): rows
     * {@code [i0, i1)} and columns {@code [j0, j1)} of C, {@code j0} a multiple of the kernel's columns.
     */
    static void multiplyPacked(FloatMicroKernel kernel, float alpha, float[][] A, boolean transA, PackedPanels packedB,
                               int start, int k, float[][] C, int i0, int i1, int j0, int j1) {
        float[][] buffers = BUFFERS.get();
        float[] packedA = buffers[0];
        int mr = kernel.rows();
        int nr = kernel.cols();
        float[] sums = scratch(buffers, mr * nr);
        if (allByColumnPanels(kernel, alpha, A, transA, packedB, start, k, C, i0, i1, j0, j1, sums)) {
            return;
        }
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] b = (float[]) packedB.values;
                int at = start + pc / KC * packedB.blockSize;
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(A, transA, ic, mc, pc, kc, mr, packedA, 0);
                    if (PackedGemm.fewRows(mc, kc, Float.BYTES)) {
                        byColumnPanels(kernel, alpha, packedA, b, at + jc * kc, C, ic, mc, jc, nc, kc, sums);
                        continue;
                    }
                    for (int ir = 0; ir < mc; ir += mr) {
                        int rows = Math.min(mr, mc - ir);
                        for (int jr = 0; jr < nc; jr += nr) {
                            kernel.multiply(kc, packedA, ir * kc, b, at + (jc + jr) * kc, alpha, C,
                                    ic + ir, rows, jc + jr, Math.min(nr, nc - jr), sums);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #multiplyPacked} for a left factor of few rows ({@link PackedGemm#fewRows}) whose panels all fit in
     * {@link #HELD_A} (the cat's dZ1 for {@code dW1 = dZ1·Xᵀ}): A packed once, then column panel by column panel, every
     * block of the shared dimension in order and every row panel; C's tile stays in L1 from block to block, and A is not
     * packed again for each block of columns. The same tiles and blocks in the same order for each tile, so the same
     * bits. The cat's dW1 (20 x 12,288, its 209 examples in blocks of 192 and 17), one core, medians of 95 rounds
     * alternating with {@link #byColumnPanels} block by block in one process, three processes (2026-12-01): 1.29–1.53
     * ms against 1.39–1.61. Not in float64 ({@code PackedGemm}), where it was slower: 3.60–3.75 ms against 3.49–3.64
     * (blocks of 128 and 81).
     *
     * @return false, doing nothing, when A does not qualify
     */
    private static boolean allByColumnPanels(FloatMicroKernel kernel, float alpha, float[][] A, boolean transA,
                                             PackedPanels packedB, int start, int k, float[][] C, int i0, int i1,
                                             int j0, int j1, float[] sums) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        int rows = i1 - i0;
        int mcAll = (rows + mr - 1) / mr * mr;
        if (rows > MC || !PackedGemm.fewRows(rows, KC, Float.BYTES) || (long) mcAll * k > HELD_A) {
            return false;
        }
        float[] heldA = heldA(BUFFERS.get(), mcAll * k);
        for (int pc = 0; pc < k; pc += KC) {
            packA(A, transA, i0, rows, pc, Math.min(KC, k - pc), mr, heldA, mcAll * pc);
        }
        float[] b = (float[]) packedB.values;
        for (int jr = j0; jr < j1; jr += nr) {
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                for (int ir = 0; ir < rows; ir += mr) {
                    kernel.multiply(kc, heldA, mcAll * pc + ir * kc, b, start + pc / KC * packedB.blockSize + jr * kc,
                            alpha, C, i0 + ir, Math.min(mr, rows - ir), jr, Math.min(nr, j1 - jr), sums);
                }
            }
        }
        return true;
    }

    /**
     * The tiles of a block of few rows ({@link PackedGemm#fewRows}), column panel by column panel: each panel of B,
     * read from memory once, serves every row panel while it is in L1 (the same tiles, so the same bits).
     */
    private static void byColumnPanels(FloatMicroKernel kernel, float alpha, float[] packedA, float[] b, int bBase,
                                       float[][] C, int ic, int mc, int jc, int nc, int kc, float[] sums) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        for (int jr = 0; jr < nc; jr += nr) {
            for (int ir = 0; ir < mc; ir += mr) {
                kernel.multiply(kc, packedA, ir * kc, b, bBase + jr * kc, alpha, C, ic + ir, Math.min(mr, mc - ir),
                        jc + jr, Math.min(nr, nc - jr), sums);
            }
        }
    }

    /** This thread's buffer for a whole packed A of {@code size} values, made on first need ({@code [2]}). */
    private static float[] heldA(float[][] buffers, int size) {
        if (buffers[2].length < size) {
            buffers[2] = new float[Math.max(size, buffers[2].length * 2)];
        }
        return buffers[2];
    }

    /**
     * Packs {@code a(i0 .. i0+mc, p0 .. p0+kc)} as panels of {@code mr} rows from {@code at}:
     * {@code to[at + ir·kc + p·mr + r]}.
     */
    static void packA(float[][] A, boolean transA, int i0, int mc, int p0, int kc, int mr, float[] to, int at) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int base = at + ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(A[p0 + p], i0 + ir, to, base + p * mr, rows);
                }
                pad(to, base, kc, rows, mr);
            } else {
                interleave(A, i0 + ir, rows, mr, p0, kc, to, base);
            }
        }
    }

    /**
     * Packs {@code b(p0 .. p0+kc, j0 .. j0+nc)} as panels of {@code nr} columns from {@code start}:
     * {@code to[start + jr·kc + p·nr + c]}.
     */
    static void packB(float[][] B, boolean transB, int p0, int kc, int j0, int nc, int nr, float[] to, int start) {
        if (transB) {
            for (int jr = 0; jr < nc; jr += nr) {
                interleave(B, j0 + jr, Math.min(nr, nc - jr), nr, p0, kc, to, start + jr * kc);
            }
            return;
        }
        // eight rows of B at a time, each read in order, a panel row per System.arraycopy, as PackedGemm.packB: the
        // tall X's 784 rows took 22–23 ms a pass instead of 30–31 with a loop of element copies
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int at = start + jr * kc + p * nr;
                for (int q = 0; q < 8; q++) {
                    System.arraycopy(B[p0 + p + q], j0 + jr, to, at + q * nr, cols);
                }
            }
        }
        for (; p < kc; p++) {
            for (int jr = 0; jr < nc; jr += nr) {
                System.arraycopy(B[p0 + p], j0 + jr, to, start + jr * kc + p * nr, Math.min(nr, nc - jr));
            }
        }
        int last = (nc - 1) / nr * nr;
        pad(to, start + last * kc, kc, nc - last, nr);
    }

    /**
     * {@link #packB} from the row-major values {@code flat[r·ld + c]}: {@code b(p, j)} at {@code (p, j)}, or at
     * {@code (j, p)} when {@code transB}. Loops of their own, not {@code packB}'s with a choice in them, so that the
     * rows' loops stay as they were.
     */
    static void packFlatB(float[] flat, int ld, boolean transB, int p0, int kc, int j0, int nc, int nr, float[] to,
                          int start) {
        if (transB) {
            for (int jr = 0; jr < nc; jr += nr) {
                interleaveFlat(flat, ld, j0 + jr, Math.min(nr, nc - jr), nr, p0, kc, to, start + jr * kc);
            }
            return;
        }
        // eight rows at a time, each read in order, a panel row per System.arraycopy, as packB (20–23 ms a pass)
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            int r0 = (p0 + p) * ld + j0;
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int at = start + jr * kc + p * nr;
                for (int q = 0; q < 8; q++) {
                    System.arraycopy(flat, r0 + q * ld + jr, to, at + q * nr, cols);
                }
            }
        }
        for (; p < kc; p++) {
            int r0 = (p0 + p) * ld + j0;
            for (int jr = 0; jr < nc; jr += nr) {
                System.arraycopy(flat, r0 + jr, to, start + jr * kc + p * nr, Math.min(nr, nc - jr));
            }
        }
        int last = (nc - 1) / nr * nr;
        pad(to, start + last * kc, kc, nc - last, nr);
    }

    /** {@link #interleave} from the row-major values {@code flat[r·ld + c]}: rows {@code first ..} of them. */
    private static void interleaveFlat(float[] flat, int ld, int first, int count, int width, int p0, int kc,
                                       float[] to, int base) {
        int c = 0;
        for (; c + 7 < count; c += 8) {
            int r0 = (first + c) * ld + p0;
            for (int p = 0, o = base + c; p < kc; p++, o += width) {
                int q = r0 + p;
                to[o] = flat[q];
                to[o + 1] = flat[q + ld];
                to[o + 2] = flat[q + 2 * ld];
                to[o + 3] = flat[q + 3 * ld];
                to[o + 4] = flat[q + 4 * ld];
                to[o + 5] = flat[q + 5 * ld];
                to[o + 6] = flat[q + 6 * ld];
                to[o + 7] = flat[q + 7 * ld];
            }
        }
        for (; c < count; c++) {
            int r0 = (first + c) * ld + p0;
            for (int p = 0, o = base + c; p < kc; p++, o += width) {
                to[o] = flat[r0 + p];
            }
        }
        pad(to, base, kc, count, width);
    }

    /**
     * {@code to[base + p·width + c] = M[first + c][p0 + p]} for {@code c < count}, {@code p < kc}, and zeros for
     * {@code count <= c < width}: rows of M interleaved along their length, eight rows at a time (eight sequential
     * reads, one contiguous write of eight values per step).
     */
    private static void interleave(float[][] M, int first, int count, int width, int p0, int kc, float[] to, int base) {
        int c = 0;
        for (; c + 7 < count; c += 8) {
            float[] m0 = M[first + c];
            float[] m1 = M[first + c + 1];
            float[] m2 = M[first + c + 2];
            float[] m3 = M[first + c + 3];
            float[] m4 = M[first + c + 4];
            float[] m5 = M[first + c + 5];
            float[] m6 = M[first + c + 6];
            float[] m7 = M[first + c + 7];
            for (int p = 0, o = base + c; p < kc; p++, o += width) {
                int q = p0 + p;
                to[o] = m0[q];
                to[o + 1] = m1[q];
                to[o + 2] = m2[q];
                to[o + 3] = m3[q];
                to[o + 4] = m4[q];
                to[o + 5] = m5[q];
                to[o + 6] = m6[q];
                to[o + 7] = m7[q];
            }
        }
        for (; c < count; c++) {
            float[] m0 = M[first + c];
            for (int p = 0, o = base + c; p < kc; p++, o += width) {
                to[o] = m0[p0 + p];
            }
        }
        pad(to, base, kc, count, width);
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
