package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.random;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm.RightFactor}: a factor packed once gives, on every tile and block edge, the bits of the packed kernel's
 * summation order (the bits of a packed {@link Gemm#multAdd} of the same factors), whatever the left factor's rows
 * and the thread count; B may change afterwards; bad shapes are refused naming both shapes.
 */
class GemmRightFactorTest {

    private final int threadsBefore = Gemm.threads();

    @AfterEach
    void restore() {
        Gemm.setThreads(threadsBefore);
    }

    @Test
    void productsOnAFactorPackedOnce_haveThePackedKernelsBits_onEveryEdge_onOneTwoAndThreeThreads() {
        // 1, 7 and 20 rows run their tiles column panel by column panel, 130 row panel by row panel
        assertTrue(PackedGemm.fewRows(20, PackedGemm.KC, Double.BYTES));
        assertTrue(!PackedGemm.fewRows(130, PackedGemm.KC, Double.BYTES));
        long seed = 1;
        for (int m : new int[] {1, 7, 20, 130}) {
            for (int n : new int[] {1, 15, 17, 530}) {
                for (int k : new int[] {1, 209, 257}) {
                    double[][] A = random(m, k, seed++);
                    double[][] B = random(k, n, seed++);
                    double[][] C0 = random(m, n, seed++);
                    double[][] expected = TestArrays.packedOrder(-0.5, A, B, C0, 0, m, 0, n);
                    Gemm.RightFactor packed = Gemm.pack(B);
                    Gemm.RightFactor packedT = Gemm.packTransposed(Gemm.transpose(B));
                    assertEquals(new Shape(k, n), packed.shape());
                    assertEquals(new Shape(k, n), packedT.shape());
                    for (int threads = 1; threads <= 3; threads++) {
                        Gemm.setThreads(threads);
                        for (Gemm.RightFactor factor : new Gemm.RightFactor[] {packed, packedT}) {
                            double[][] C = new double[m][];
                            for (int i = 0; i < m; i++) {
                                C[i] = C0[i].clone();
                            }
                            Gemm.multAdd(-0.5, A, factor, C);
                            for (int i = 0; i < m; i++) {
                                assertArrayEquals(expected[i], C[i], 0.0,
                                        m + " x " + n + " x " + k + ", " + threads + " thread(s), row " + i);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void mult_writesOverC_withTheBitsOfZeroingItAndAdding_onOneTwoAndThreeThreads() {
        long seed = 100;
        for (int m : new int[] {1, 7, 20, 130}) {
            for (int n : new int[] {1, 17, 530}) {
                for (int k : new int[] {1, 209, 257, 600}) {
                    double[][] A = random(m, k, seed++);
                    Gemm.RightFactor packedT = Gemm.packTransposed(random(n, k, seed++));
                    for (int threads = 1; threads <= 3; threads++) {
                        Gemm.setThreads(threads);
                        double[][] expected = new double[m][n];
                        Gemm.multAdd(0.3, A, packedT, expected);
                        double[][] C = new double[m][n];
                        for (double[] row : C) {
                            java.util.Arrays.fill(row, Double.NaN);
                        }
                        Gemm.mult(0.3, A, packedT, C);
                        for (int i = 0; i < m; i++) {
                            assertArrayEquals(expected[i], C[i], 0.0,
                                    m + " x " + n + " x " + k + ", " + threads + " thread(s), row " + i);
                        }
                    }
                }
            }
        }
        // no shared dimension: C = 0
        double[][] C = {{Double.NaN, 1.0}};
        Gemm.mult(1.0, new double[1][0], Gemm.packTransposed(new double[2][0]), C);
        assertArrayEquals(new double[] {0.0, 0.0}, C[0], 0.0);
        ShapeException e = assertThrows(ShapeException.class,
                () -> Gemm.mult(1.0, random(3, 29, 9), Gemm.pack(random(30, 40, 7)), new double[3][40]));
        assertTrue(e.getMessage().startsWith("mult:") && e.getMessage().contains("(3, 29)")
                && e.getMessage().contains("(30, 40)"), e.getMessage());
    }

    @Test
    void aPackedFactor_isACopy_andBadShapesAreRefusedNamingBothShapes() {
        double[][] B = random(30, 40, 7);
        Gemm.RightFactor packed = Gemm.pack(B);
        double[][] A = random(3, 30, 8);
        double[][] before = new double[3][40];
        Gemm.multAdd(1.0, A, packed, before);
        B[0][0] = 1e9;
        double[][] after = new double[3][40];
        Gemm.multAdd(1.0, A, packed, after);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(before[i], after[i], 0.0, "the packed factor does not see B change");
        }
        ShapeException inner = assertThrows(ShapeException.class,
                () -> Gemm.multAdd(1.0, random(3, 29, 9), packed, new double[3][40]));
        assertTrue(inner.getMessage().contains("(3, 29)") && inner.getMessage().contains("(30, 40)"), inner.getMessage());
        ShapeException output = assertThrows(ShapeException.class,
                () -> Gemm.multAdd(1.0, A, packed, new double[3][39]));
        assertTrue(output.getMessage().contains("(3, 40)") && output.getMessage().contains("(3, 39)"),
                output.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gemm.pack(new double[0][0]));
        assertThrows(IllegalArgumentException.class, () -> Gemm.packTransposed(null));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multAdd(1.0, A, (Gemm.RightFactor) null, before));
    }
}
