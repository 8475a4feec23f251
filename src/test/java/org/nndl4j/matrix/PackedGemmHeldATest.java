package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.random;

import org.junit.jupiter.api.Test;

/**
 * A left factor of at most {@link PackedGemm#MC} rows is packed once for all of a wide product's column blocks
 * ({@link PackedGemm#HELD_A}): the products keep the packed kernel's bits on every tile and block edge, for A as
 * rows or transposed, and touch only their range of C.
 */
class PackedGemmHeldATest {

    @Test
    void wideProducts_withALeftFactorPackedOnce_haveThePackedKernelsBits() {
        MicroKernel kernel = new FmaMicroKernel(8, 16);
        long seed = 40;
        int held = 0;
        for (int m : new int[] {1, 13, 128, 131}) {
            for (int n : new int[] {513, 1100}) {
                for (int k : new int[] {1, 300, 600}) {
                    double[][] A = random(m, k, seed++);
                    double[][] B = random(k, n, seed++);
                    double[][] C0 = random(m, n, seed++);
                    // all of C, then an inner range whose rows start inside a tile and whose columns span blocks
                    int[][] ranges = {{0, m, 0, n}, {Math.min(3, m - 1), m, 5, n - 2}};
                    for (int[] r : ranges) {
                        double[][] expected = TestArrays.packedOrder(0.75, A, B, C0, r[0], r[1], r[2], r[3]);
                        for (boolean transA : new boolean[] {false, true}) {
                            double[][] C = TestArrays.copy(C0);
                            PackedGemm.multiply(kernel, new PackedGemm.Operands(0.75, transA ? Gemm.transpose(A) : A,
                                    transA, B, false, C, k), r[0], r[1], r[2], r[3]);
                            for (int i = 0; i < m; i++) {
                                assertArrayEquals(expected[i], C[i], 0.0, m + " x " + n + " x " + k + ", rows ["
                                        + r[0] + ", " + r[1] + "), transA " + transA + ", row " + i);
                            }
                        }
                        int rows = r[1] - r[0];
                        held += rows <= PackedGemm.MC && r[3] - r[2] > PackedGemm.NC
                                && (long) (rows + 7) / 8 * 8 * k <= PackedGemm.HELD_A ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(held >= 20, "products with A held: " + held);
    }
}
