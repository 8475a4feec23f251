package org.nndl4j.matrix;

import java.util.Arrays;

/**
 * {@code C += alpha · op(A) · op(B)} as BLIS does it: blocks of B ({@code KC x NC}) and of A ({@code MC x KC}) are
 * copied ("packed") into contiguous panels, in the order a {@link MicroKernel} reads them, and the micro-kernel
 * runs over every tile of C. {@code op(A)} is {@code A} or {@code Aᵀ}, {@code op(B)} is {@code B} or {@code Bᵀ}: the
 * packing reads either layout, so one kernel serves every product.
 *
 * <p>The panels live in per-thread buffers made once per thread ({@value #KC} x ({@value #MC} + {@value #NC})
 * values, 0.62 MB), never per product. The shared dimension is summed in blocks of {@value #KC} in order, whatever
 * the thread count, so results depend only on the micro-kernel.
 *
 * <p>B's panels start on a cache line of their buffer ({@link CacheLines}). The tall workload's iteration, one
 * thread, took 0.81–0.98 of the time with them there than from the buffer's first value (eight pairs one after the
 * other, 2026-12-01); its float32 iteration ({@code FloatPackedGemm}) 0.82–0.95 (four pairs).
 */
final class PackedGemm {

    /**
     * The shared dimension per block. The tiles of a block run row panel by row panel ({@code MR} rows of C, then every
     * {@code NR}-column panel along them): one A panel ({@code MR x KC}) stays in L1 while B's panels stream from L2,
     * and C is read and written along its rows, which the hardware prefetches (B panel by B panel, down C's columns,
     * every tile's C missed the caches: wide outputs ran at 27–37 GFLOP/s instead of 42–46, measured on
     * {@code (128 x k)·(k x 4096)}, k = 64..512, one thread).
     *
     * <p>128 and not 256: at 256 a call's A panel (16 KB) and B panel (32 KB) alone fill this machine's 48 KB L1, so
     * (the likely reason) the A panel, read again by the next call, does not stay there. The tall workload's Z1 = W1·X,
     * its packing left out, ran its tiles at 45–47 GFLOP/s with KC = 256, 49–53 with 160 to 196 (three rounds each) and
     * 49 with 128 (one). The whole tall iteration, one thread, took 0.79–0.99 of the time it took with 256 in each of
     * fourteen pairs run side by side (median 0.97), and 0.81–1.16 in eight pairs run one after the other (median
     * 0.96); 192 gave 0.78–1.05 (six pairs side by side). 128 also cuts the engine's panels of 512 examples and batches
     * of 256 into whole blocks. float32 keeps its own ({@code FloatPackedGemm}).
     */
    static final int KC = 128;
    /** Rows of A per block (a multiple of every MR): {@code MC x KC} is 128 KB, in L2. */
    static final int MC = 128;
    /**
     * Columns of B per block, a multiple of every NR (24, 16, 12 and 6): {@code KC x NC} is 480 KB, in L2. 512 before
     * the tile grew to three vectors (8 x 24 with AVX-512).
     */
    static final int NC = 480;

    /**
     * The most values of A packed once for all column blocks (1 MB): the tall workload's W1 (128 x 784) for Z1 = W1·X
     * was packed again for each of X's 125 blocks of 480 examples, a dZ1 panel for dW1 = dZ1·Xᵀ for each of its two.
     */
    static final int HELD_A = 1 << 17;

    /**
     * The most bytes of A's packed panels in a block whose tiles run column panel by column panel
     * ({@link #fewRows}): half of this machine's 48 KB L1, the rest for the B panel they all read.
     */
    static final int FEW_ROWS_BYTES = 24 * 1024;

    /**
     * The most rows of a transposed B packed at once ({@link #wholeK}): the engine's panels of 512 examples for
     * {@code dW1 = dZ1·Xᵀ}, and batches of 256.
     */
    static final int WHOLE_K_TRANSPOSED = 4 * KC;

    /** Spare values at the start of B's buffer, so that its panels can start on a cache line ({@link CacheLines}). */
    private static final int SLACK = CacheLines.BYTES / Double.BYTES;

    /**
     * This thread's buffers: {@code [0]} for packing A, {@code [1]} for B, {@code [2]} for a whole A, {@code [3]} the
     * kernel's scratch tile.
     */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(
            () -> new double[][] {new double[MC * KC], new double[KC * NC + SLACK], new double[0], new double[0]});

    private PackedGemm() {
    }

    /**
     * Where the operands are: {@code a(i, p)} is {@code A[p][i]} when {@code transA}; B is stored as rows
     * {@code B[r][c]}, or, when {@code B} is null, as the row-major values {@code flatB[r·ldb + c]}; either way from
     * column {@code bCol} on: {@code b(p, j)} is stored at {@code (p, bCol + j)}, or at {@code (j, bCol + p)} when
     * {@code transB}. With {@code overwrite}, C's values are not read: the product is written over them.
     */
    record Operands(double alpha, double[][] A, boolean transA, double[][] B, double[] flatB, int ldb, int bCol,
                    boolean transB, double[][] C, int k, boolean overwrite) {

        /** Operands that add to C. */
        Operands(double alpha, double[][] A, boolean transA, double[][] B, double[] flatB, int ldb, int bCol,
                 boolean transB, double[][] C, int k) {
            this(alpha, A, transA, B, flatB, ldb, bCol, transB, C, k, false);
        }

        /** These operands for {@code C = alpha·op(A)·op(B)}: the first block of the shared dimension overwrites C. */
        Operands overwriting() {
            return new Operands(alpha, A, transA, B, flatB, ldb, bCol, transB, C, k, true);
        }

        /** Operands whose B is stored as rows from its first column. */
        Operands(double alpha, double[][] A, boolean transA, double[][] B, boolean transB, double[][] C, int k) {
            this(alpha, A, transA, B, null, 0, 0, transB, C, k);
        }
    }

    /** {@code C[i][j] += alpha · Σ_p a(i, p)·b(p, j)} for rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
    static void multiply(MicroKernel kernel, Operands o, int i0, int i1, int j0, int j1) {
        double[][] buffers = BUFFERS.get();
        double[] packedB = buffers[1];
        int mr = kernel.rows();
        // one block of rows whose panels fit in HELD_A values: packed once for all column blocks (the same panels, so
        // the same sums in the same order), not again for each
        int mcAll = ((i1 - i0) + mr - 1) / mr * mr;
        double[] heldA = i1 - i0 <= MC && j1 - j0 > NC && (long) mcAll * o.k <= HELD_A
                ? heldA(buffers, mcAll * o.k) : null;
        if (heldA != null) {
            for (int pc = 0; pc < o.k; pc += KC) {
                packA(o.A, o.transA, i0, i1 - i0, pc, Math.min(KC, o.k - pc), mr, heldA, mcAll * pc);
            }
        }
        if (o.transB && o.k > KC && o.k <= WHOLE_K_TRANSPOSED) {
            wholeK(kernel, o, heldA, mcAll, i0, i1, j0, j1);
            return;
        }
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < o.k; pc += KC) {
                int kc = Math.min(KC, o.k - pc);
                // looked up for each block: the collector may have moved the buffer since the last
                int at = CacheLines.doubles(packedB);
                packB(o, pc, kc, jc, nc, kernel.cols(), packedB, at);
                block(kernel, o.alpha, o.A, o.transA, heldA, mcAll * pc, packedB, at, kc, o.C, i0, i1, jc, nc, pc,
                        kc, o.overwrite && pc == 0);
            }
        }
    }

    /**
     * {@link #multiply} for a transposed B of few rows ({@code KC < k <= WHOLE_K_TRANSPOSED}): B packed for all of
     * {@code k} at once, in column blocks narrowed so that the block is no larger ({@code KC·NC / k} columns), then its
     * blocks of {@value #KC} in order. Each panel of B is read from one row of the stored Bᵀ: one run of {@code k}
     * values instead of {@code k / KC} runs of {@value #KC}, one in each block. The same tiles add the same blocks'
     * sums in the same order: the same bits.
     *
     * <p>The tall workload's {@code dW1 += dZ1·Xᵀ} over its 117 panels of 512 examples (X 784 x 60,000, one core,
     * medians of 20 rounds alternating the two ways in one process, three processes; 2026-12-01): 222.5, 226.9 and
     * 230.3 ms against 226.8, 237.9 and 238.4 packed block by block. Its packing alone: 32–34 ms a pass over X.
     */
    private static void wholeK(MicroKernel kernel, Operands o, double[] heldA, int mcAll, int i0, int i1, int j0,
                               int j1) {
        double[] packedB = BUFFERS.get()[1];
        int nr = kernel.cols();
        int width = Math.max(nr, KC * NC / o.k / nr * nr);
        for (int jc = j0; jc < j1; jc += width) {
            int nc = Math.min(width, j1 - jc);
            int at = CacheLines.doubles(packedB);
            packB(o, 0, o.k, jc, nc, nr, packedB, at);
            for (int pc = 0; pc < o.k; pc += KC) {
                int kc = Math.min(KC, o.k - pc);
                block(kernel, o.alpha, o.A, o.transA, heldA, mcAll * pc, packedB, at + pc * nr, o.k, o.C, i0, i1, jc,
                        nc, pc, kc, o.overwrite && pc == 0);
            }
        }
    }

    /** This thread's buffer for a whole packed A of at least {@code size} values. */
    private static double[] heldA(double[][] buffers, int size) {
        if (buffers[2].length < size) {
            buffers[2] = new double[Math.max(size, Math.min(HELD_A, buffers[2].length * 2))];
        }
        return buffers[2];
    }

    /**
     * One block of B ({@code kc} rows from {@code pc}, {@code nc} columns from {@code jc}), packed in {@code b} with the
     * panel of column {@code jc + jr} at {@code bBase + jr·bStride} ({@code bStride} is {@code kc}, or the whole
     * {@code k} in {@link #wholeK}): A's block packed row panel by row panel (or, in
     * {@code heldA}, packed already from {@code aBase}: rows {@code [i0, i1)} are then one block), and every tile of C
     * rows {@code [i0, i1)} by those columns.
     */
    private static void block(MicroKernel kernel, double alpha, double[][] A, boolean transA, double[] heldA,
                              int aBase, double[] b, int bBase, int bStride, double[][] C, int i0, int i1, int jc,
                              int nc, int pc, int kc, boolean overwrite) {
        double[][] buffers = BUFFERS.get();
        double[] packedA = heldA != null ? heldA : buffers[0];
        int at = heldA != null ? aBase : 0;
        int mr = kernel.rows();
        int nr = kernel.cols();
        double[] sums = scratch(buffers, mr * nr);
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            if (heldA == null) {
                packA(A, transA, ic, mc, pc, kc, mr, packedA, 0);
            }
            for (int ir = 0; ir < mc; ir += mr) {
                int rows = Math.min(mr, mc - ir);
                for (int jr = 0; jr < nc; jr += nr) {
                    kernel.multiply(kc, packedA, at + ir * kc, b, bBase + jr * bStride, alpha, C,
                            ic + ir, rows, jc + jr, Math.min(nr, nc - jr), overwrite, sums);
                }
            }
        }
    }

    /** This thread's scratch tile of at least {@code size} values. */
    private static double[] scratch(double[][] buffers, int size) {
        if (buffers[3].length < size) {
            buffers[3] = new double[size];
        }
        return buffers[3];
    }

    /**
     * All of {@code b(0 .. k, 0 .. n)} packed once for products that reuse it, block by block of {@value #KC} rows of
     * the shared dimension in one array ({@link PackedPanels}): each block holds {@link #packB}'s panels of columns
     * {@code 0 .. n} (whole tiles of {@code nr}).
     */
    static PackedPanels packAll(double[][] B, boolean transB, int k, int n, int nr) {
        int tiles = (n + nr - 1) / nr;
        Operands o = new Operands(1.0, null, false, B, transB, null, k);
        int size = PackedPanels.size(k, n, tiles * nr, SLACK);
        double[] values = new double[size + SLACK];
        PackedPanels panels = new PackedPanels(values, tiles * nr * KC, size);
        for (int pc = 0; pc < k; pc += KC) {
            packB(o, pc, Math.min(KC, k - pc), 0, n, nr, values, panels.packingStart() + pc / KC * panels.blockSize);
        }
        return panels;
    }

    /**
     * {@link #multiply} with B packed already ({@link #packAll}, its block 0 from {@code start}, which
     * {@link PackedPanels#lock} returned): rows {@code [i0, i1)} and columns {@code [j0, j1)} of C, in the same blocks and
     * tiles, so the same bits.
     */
    static void multiplyPacked(MicroKernel kernel, double alpha, double[][] A, PackedPanels packedB, int start, int k,
                               double[][] C, int i0, int i1, int j0, int j1, boolean overwrite) {
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int at = start + pc / KC * packedB.blockSize + jc * kc;
                if (i1 - i0 <= MC && fewRows(i1 - i0, kc, Double.BYTES)) {
                    double[] packedA = BUFFERS.get()[0];
                    packA(A, false, i0, i1 - i0, pc, kc, kernel.rows(), packedA, 0);
                    byColumnPanels(kernel, alpha, packedA, (double[]) packedB.values, at, C, i0, i1 - i0, jc, nc, kc,
                            overwrite && pc == 0);
                } else {
                    block(kernel, alpha, A, false, null, 0, (double[]) packedB.values, at, kc, C, i0, i1, jc, nc, pc,
                            kc, overwrite && pc == 0);
                }
            }
        }
    }

    /**
     * Whether a block of {@code mc} rows of A runs its tiles column panel by column panel: when its packed panels
     * ({@code mc x kc} values of {@code bytes} each) take at most {@value #FEW_ROWS_BYTES} bytes. B, packed beforehand
     * ({@link #multiplyPacked}), comes from memory: row panel by row panel, the first row panel waited for every B
     * panel of the block and the others found them in L2; column panel by column panel, each B panel is read from
     * memory once and serves the few row panels from L1. Many rows keep the row-panel order (see {@link #KC}).
     *
     * <p>The cat network's first layer (20 rows) on its packed X, one core, medians of 95 rounds alternating the two
     * orders in one process, three processes (2026-12-01): float32 {@code Z1 = W1·X} 1.84–2.18 ms against 2.00–2.31,
     * {@code dW1 = dZ1·Xᵀ} 1.52–1.81 against 1.67–1.93; float64 Z1 3.82–3.88 against 3.96–4.14, dW1 3.51–3.64 against
     * 3.74–3.95. The whole cat iterations moved less than this machine's noise (float32 0.0058 s against 0.0059,
     * medians of eight processes; float64 0.0084 against 0.0085, six). Not kept: a kernel that also reads one value
     * per cache line of the next B panel (a prefetch by hand) gained 1–6 % more on these products. float32's dW1, whose
     * dZ1 fits the held buffer, now goes one step further ({@code FloatPackedGemm.allByColumnPanels}).
     */
    static boolean fewRows(int mc, int kc, int bytes) {
        return (long) mc * kc * bytes <= FEW_ROWS_BYTES;
    }

    /**
     * The tiles of a block of few rows ({@link #fewRows}), A packed in {@code packedA} from 0 and B's panels from
     * {@code bBase}, column panel by column panel: the same tiles as {@link #block}, so the same bits.
     */
    private static void byColumnPanels(MicroKernel kernel, double alpha, double[] packedA, double[] b, int bBase,
                                       double[][] C, int i0, int mc, int jc, int nc, int kc, boolean overwrite) {
        int mr = kernel.rows();
        int nr = kernel.cols();
        double[] sums = scratch(BUFFERS.get(), mr * nr);
        for (int jr = 0; jr < nc; jr += nr) {
            for (int ir = 0; ir < mc; ir += mr) {
                kernel.multiply(kc, packedA, ir * kc, b, bBase + jr * kc, alpha, C, i0 + ir, Math.min(mr, mc - ir),
                        jc + jr, Math.min(nr, nc - jr), overwrite, sums);
            }
        }
    }

    /**
     * Packs {@code a(i0 .. i0+mc, p0 .. p0+kc)} as panels of {@code mr} rows from {@code at}:
     * {@code to[at + ir·kc + p·mr + r]}.
     */
    static void packA(double[][] A, boolean transA, int i0, int mc, int p0, int kc, int mr, double[] to, int at) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int base = at + ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    double[] a = A[p0 + p];
                    int panel = base + p * mr;
                    for (int r = 0; r < rows; r++) {
                        to[panel + r] = a[i0 + ir + r];
                    }
                }
            } else {
                gatherRows(A, null, 0, 0, i0 + ir, rows, p0, kc, to, base, mr);
            }
            if (rows < mr) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(to, base + p * mr + rows, base + (p + 1) * mr, 0.0);
                }
            }
        }
    }

    /**
     * Packs {@code b(p0 .. p0+kc, j0 .. j0+nc)} as panels of {@code nr} columns from {@code at}:
     * {@code to[at + jr·kc + p·nr + c]}.
     */
    static void packB(Operands o, int p0, int kc, int j0, int nc, int nr, double[] to, int at) {
        double[][] B = o.B();
        if (o.transB()) {
            for (int jr = 0; jr < nc; jr += nr) {
                int cols = Math.min(nr, nc - jr);
                int base = at + jr * kc;
                gatherRows(B, o.flatB(), o.ldb(), o.bCol(), j0 + jr, cols, p0, kc, to, base, nr);
                padB(to, base, kc, cols, nr);
            }
            return;
        }
        // eight rows of B at a time, each read in order: eight memory streams at once, and each panel receives eight
        // of its rows together. Packing the tall X's 784 rows (which miss the caches) for Z1 = W1·X took 46 ms a pass;
        // row by row, 88 ms. Each panel row is one System.arraycopy: 40 ms instead of 42–47 with a loop of
        // element copies (the flat X, one core, a benchmark of the packing alone)
        if (B != null) {
            copyRows(B, o.bCol(), p0, kc, j0, nc, nr, to, at);
        } else {
            copyRows(o.flatB(), o.ldb(), o.bCol(), p0, kc, j0, nc, nr, to, at);
        }
        int last = (nc - 1) / nr * nr;
        padB(to, at + last * kc, kc, nc - last, nr);
    }

    /** {@link #packB}'s panel rows from rows of B, eight rows at a time. */
    private static void copyRows(double[][] B, int col, int p0, int kc, int j0, int nc, int nr, double[] to, int at) {
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            for (int jr = 0; jr < nc; jr += nr) {
                int w = Math.min(nr, nc - jr);
                int dst = at + jr * kc + p * nr;
                for (int q = 0; q < 8; q++) {
                    System.arraycopy(B[p0 + p + q], col + j0 + jr, to, dst + q * nr, w);
                }
            }
        }
        for (; p < kc; p++) {
            for (int jr = 0; jr < nc; jr += nr) {
                System.arraycopy(B[p0 + p], col + j0 + jr, to, at + jr * kc + p * nr, Math.min(nr, nc - jr));
            }
        }
    }

    /** {@link #packB}'s panel rows from the row-major values {@code flat[r·ld + c]}, eight rows at a time. */
    private static void copyRows(double[] flat, int ld, int col, int p0, int kc, int j0, int nc, int nr, double[] to,
                                 int at) {
        int p = 0;
        for (; p + 8 <= kc; p += 8) {
            int r0 = (p0 + p) * ld + col + j0;
            for (int jr = 0; jr < nc; jr += nr) {
                int w = Math.min(nr, nc - jr);
                int dst = at + jr * kc + p * nr;
                for (int q = 0; q < 8; q++) {
                    System.arraycopy(flat, r0 + q * ld + jr, to, dst + q * nr, w);
                }
            }
        }
        for (; p < kc; p++) {
            int r0 = (p0 + p) * ld + col + j0;
            for (int jr = 0; jr < nc; jr += nr) {
                System.arraycopy(flat, r0 + jr, to, at + jr * kc + p * nr, Math.min(nr, nc - jr));
            }
        }
    }

    /**
     * {@code to[base + p·width + r] = m(r0 + r, col + p0 + p)} for {@code r < rows}, {@code p < kc}, where
     * {@code m(r, c)} is {@code M[r][c]}, or {@code flat[r·ld + c]} when {@code M} is null: rows of M become the
     * columns of a panel {@code width} wide. Eight rows at a time, so that each step of {@code p} writes eight
     * neighbouring values (one cache line) instead of one value a line apart.
     */
    private static void gatherRows(double[][] M, double[] flat, int ld, int col, int r0, int rows, int p0, int kc,
                                   double[] to, int base, int width) {
        int r = 0;
        // sixteen rows at a time first: sixteen memory streams in flight instead of eight. The rows of a block are
        // short runs (KC values) that the prefetcher does not follow, so the misses in flight set the speed: the
        // tall X's transposed pass for dW1 took 48 ms with eight rows, 34 ms with sixteen (rows of a double[][]:
        // 42 and 28). One loop per layout: a loop serving both, as below, took 44 ms for either.
        for (; r + 16 <= rows; r += 16) {
            if (M != null) {
                gather16(M, r0 + r, col + p0, kc, to, base + r, width);
            } else {
                gather16(flat, ld, (r0 + r) * ld + col + p0, kc, to, base + r, width);
            }
        }
        for (; r + 8 <= rows; r += 8) {
            double[] m0 = M != null ? M[r0 + r] : flat;
            double[] m1 = M != null ? M[r0 + r + 1] : flat;
            double[] m2 = M != null ? M[r0 + r + 2] : flat;
            double[] m3 = M != null ? M[r0 + r + 3] : flat;
            double[] m4 = M != null ? M[r0 + r + 4] : flat;
            double[] m5 = M != null ? M[r0 + r + 5] : flat;
            double[] m6 = M != null ? M[r0 + r + 6] : flat;
            double[] m7 = M != null ? M[r0 + r + 7] : flat;
            // where row r0 + r + 0 .. 7 starts, plus the first column
            int step = M != null ? 0 : ld;
            int o0 = (M != null ? 0 : (r0 + r) * ld) + col + p0;
            for (int p = 0, at = base + r; p < kc; p++, at += width) {
                to[at] = m0[o0 + p];
                to[at + 1] = m1[o0 + step + p];
                to[at + 2] = m2[o0 + 2 * step + p];
                to[at + 3] = m3[o0 + 3 * step + p];
                to[at + 4] = m4[o0 + 4 * step + p];
                to[at + 5] = m5[o0 + 5 * step + p];
                to[at + 6] = m6[o0 + 6 * step + p];
                to[at + 7] = m7[o0 + 7 * step + p];
            }
        }
        for (; r < rows; r++) {
            double[] m = M != null ? M[r0 + r] : flat;
            int o = (M != null ? 0 : (r0 + r) * ld) + col + p0;
            for (int p = 0; p < kc; p++) {
                to[base + p * width + r] = m[o + p];
            }
        }
    }

    /** {@link #gatherRows}' sixteen rows {@code M[r0 .. r0+16)} from column {@code o}: {@code to[at + p·width + r]}. */
    private static void gather16(double[][] M, int r0, int o, int kc, double[] to, int at0, int width) {
        double[] m0 = M[r0 + 0];
        double[] m1 = M[r0 + 1];
        double[] m2 = M[r0 + 2];
        double[] m3 = M[r0 + 3];
        double[] m4 = M[r0 + 4];
        double[] m5 = M[r0 + 5];
        double[] m6 = M[r0 + 6];
        double[] m7 = M[r0 + 7];
        double[] m8 = M[r0 + 8];
        double[] m9 = M[r0 + 9];
        double[] m10 = M[r0 + 10];
        double[] m11 = M[r0 + 11];
        double[] m12 = M[r0 + 12];
        double[] m13 = M[r0 + 13];
        double[] m14 = M[r0 + 14];
        double[] m15 = M[r0 + 15];
        for (int p = 0, at = at0; p < kc; p++, at += width) {
            to[at] = m0[o + p];
            to[at + 1] = m1[o + p];
            to[at + 2] = m2[o + p];
            to[at + 3] = m3[o + p];
            to[at + 4] = m4[o + p];
            to[at + 5] = m5[o + p];
            to[at + 6] = m6[o + p];
            to[at + 7] = m7[o + p];
            to[at + 8] = m8[o + p];
            to[at + 9] = m9[o + p];
            to[at + 10] = m10[o + p];
            to[at + 11] = m11[o + p];
            to[at + 12] = m12[o + p];
            to[at + 13] = m13[o + p];
            to[at + 14] = m14[o + p];
            to[at + 15] = m15[o + p];
        }
    }

    /** {@code gather16} for sixteen rows {@code ld} apart in {@code flat}, the first from {@code o0}. */
    private static void gather16(double[] flat, int ld, int o0, int kc, double[] to, int at0, int width) {
        int o8 = o0 + 8 * ld;
        for (int p = 0, at = at0; p < kc; p++, at += width) {
            to[at] = flat[o0 + p];
            to[at + 1] = flat[o0 + ld + p];
            to[at + 2] = flat[o0 + 2 * ld + p];
            to[at + 3] = flat[o0 + 3 * ld + p];
            to[at + 4] = flat[o0 + 4 * ld + p];
            to[at + 5] = flat[o0 + 5 * ld + p];
            to[at + 6] = flat[o0 + 6 * ld + p];
            to[at + 7] = flat[o0 + 7 * ld + p];
            to[at + 8] = flat[o8 + p];
            to[at + 9] = flat[o8 + ld + p];
            to[at + 10] = flat[o8 + 2 * ld + p];
            to[at + 11] = flat[o8 + 3 * ld + p];
            to[at + 12] = flat[o8 + 4 * ld + p];
            to[at + 13] = flat[o8 + 5 * ld + p];
            to[at + 14] = flat[o8 + 6 * ld + p];
            to[at + 15] = flat[o8 + 7 * ld + p];
        }
    }

    /** Zeroes columns {@code cols .. nr} of the B panel at {@code base}. */
    private static void padB(double[] to, int base, int kc, int cols, int nr) {
        if (cols < nr) {
            for (int p = 0; p < kc; p++) {
                Arrays.fill(to, base + p * nr + cols, base + (p + 1) * nr, 0.0);
            }
        }
    }
}
