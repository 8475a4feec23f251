package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.copy;
import static org.nndl4j.matrix.TestArrays.random;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Products that read a range of a {@link Matrix}'s columns where they are ({@link Gemm#multAddColumns},
 * {@link Gemm#multAddTransBColumns}): the packed kernel reading B from row-major values at a column offset gives the
 * bits it gives on a copy of those columns, on every tile and block edge and split over threads; so do both
 * methods, packed and on the plain kernel; bad ranges and shapes are refused, naming both shapes.
 */
class GemmColumnsTest {

    private final boolean vectorWasOn = Gemm.useVectorKernel(true);
    private final int threadsBefore = Gemm.threads();

    @AfterEach
    void restore() {
        Gemm.useVectorKernel(vectorWasOn);
        Gemm.setThreads(threadsBefore);
    }

    /** M[:, from:to] as a new array of rows. */
    private static double[][] columns(double[][] M, int from, int to) {
        double[][] c = new double[M.length][];
        for (int i = 0; i < M.length; i++) {
            c[i] = Arrays.copyOfRange(M[i], from, to);
        }
        return c;
    }

    private static void assertSameBits(double[][] expected, double[][] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, what + ", row " + i);
        }
    }

    @Test
    void packedKernel_readingBFromRowMajorValuesAtAnOffset_givesTheBitsOfItsRows() {
        MicroKernel kernel = Gemm.vectorKernel();
        assertNotNull(kernel, "surefire's argLine must pass --add-modules jdk.incubator.vector");
        int nr = kernel.cols();
        long seed = 100;
        for (int m : new int[] {1, 9, 130}) {
            for (int n : new int[] {1, nr - 1, nr + 1, 530}) {
                for (int k : new int[] {1, 255, 257}) {
                    for (boolean transB : new boolean[] {false, true}) {
                        double[][] A = random(m, k, seed++);
                        // B's values sit in a wider matrix, from column 3
                        int offset = 3;
                        double[][] wide = transB ? random(n, k + 7, seed++) : random(k, n + 7, seed++);
                        double[][] B = transB ? columns(wide, offset, offset + k) : columns(wide, offset, offset + n);
                        double[] flat = Matrix.of(wide).toRowMajor();
                        double[][] C = random(m, n, seed++);
                        double[][] expected = copy(C);
                        PackedGemm.multiply(kernel, new PackedGemm.Operands(0.75, A, false, B, transB, expected, k),
                                0, m, 0, n);
                        PackedGemm.Operands o = new PackedGemm.Operands(0.75, A, false, null, flat, wide[0].length,
                                offset, transB, C, k);
                        // in parts, as threads split C
                        PackedGemm.multiply(kernel, o, 0, m / 2, 0, n / 2);
                        PackedGemm.multiply(kernel, o, m / 2, m, 0, n / 2);
                        PackedGemm.multiply(kernel, o, 0, m, n / 2, n);
                        assertSameBits(expected, C, m + " x " + n + " x " + k + (transB ? " Bᵀ" : ""));
                    }
                }
            }
        }
    }

    @Test
    void multAddColumns_givesTheBitsOfMultAddOnACopy_packedOnOneOrTwoThreads_andOnThePlainKernel() {
        double[][] W = random(128, 300, 1);
        double[][] x = random(300, 1200, 2);
        Matrix X = Matrix.of(x);
        int from = 37;
        int to = 37 + 600;
        assertTrue(Gemm.packs(128, to - from, 300), "packed for this shape");
        for (boolean vector : new boolean[] {true, false}) {
            Gemm.useVectorKernel(vector);
            for (int threads : new int[] {1, 2}) {
                Gemm.setThreads(threads);
                double[][] expected = random(128, to - from, 3);
                double[][] C = copy(expected);
                Gemm.multAdd(-0.5, W, columns(x, from, to), expected);
                Gemm.multAddColumns(-0.5, W, X, from, to, C);
                assertSameBits(expected, C, "vector " + vector + ", " + threads + " thread(s)");
            }
        }
    }

    @Test
    void multAddTransBColumns_givesTheBitsOfMultAddTransBOnACopy_packedOnOneOrTwoThreads_andOnThePlainKernel() {
        double[][] dZ = random(128, 512, 4);
        double[][] x = random(300, 2000, 5);
        Matrix X = Matrix.of(x);
        int from = 1024;
        int to = 1536;
        assertTrue(Gemm.packs(128, 300, to - from), "packed for this shape");
        for (boolean vector : new boolean[] {true, false}) {
            Gemm.useVectorKernel(vector);
            for (int threads : new int[] {1, 2}) {
                Gemm.setThreads(threads);
                double[][] expected = random(128, 300, 6);
                double[][] C = copy(expected);
                Gemm.multAddTransB(0.25, dZ, columns(x, from, to), expected);
                Gemm.multAddTransBColumns(0.25, dZ, X, from, to, C);
                assertSameBits(expected, C, "vector " + vector + ", " + threads + " thread(s)");
            }
        }
    }

    @Test
    void smallProducts_runOnThePlainKernel_withTheSameBitsAsOnACopy() {
        double[][] W = random(5, 3, 7);
        double[][] x = random(3, 40, 8);
        Matrix X = Matrix.of(x);
        assertFalse(Gemm.packs(5, 10, 3));
        double[][] expected = new double[5][10];
        double[][] C = new double[5][10];
        Gemm.multAdd(1.0, W, columns(x, 30, 40), expected);
        Gemm.multAddColumns(1.0, W, X, 30, 40, C);
        assertSameBits(expected, C, "multAddColumns");
        double[][] dZ = random(5, 10, 9);
        double[][] expectedT = new double[5][3];
        double[][] CT = new double[5][3];
        Gemm.multAddTransB(1.0, dZ, columns(x, 0, 10), expectedT);
        Gemm.multAddTransBColumns(1.0, dZ, X, 0, 10, CT);
        assertSameBits(expectedT, CT, "multAddTransBColumns");
    }

    @Test
    void badRangesAndShapes_areRefused_namingBothShapes() {
        Matrix X = Matrix.of(random(3, 40, 10));
        double[][] W = random(5, 3, 11);
        IndexOutOfBoundsException range = assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.multAddColumns(1.0, W, X, 30, 41, new double[5][11]));
        assertTrue(range.getMessage().contains("[30, 41)") && range.getMessage().contains("(3, 40)"), range.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Gemm.multAddTransBColumns(1.0, W, X, -1, 2, new double[5][3]));
        ShapeException inner = assertThrows(ShapeException.class,
                () -> Gemm.multAddColumns(1.0, random(5, 4, 12), X, 0, 10, new double[5][10]));
        assertTrue(inner.getMessage().contains("(5, 4)") && inner.getMessage().contains("(3, 10)"), inner.getMessage());
        ShapeException output = assertThrows(ShapeException.class,
                () -> Gemm.multAddColumns(1.0, W, X, 0, 10, new double[5][9]));
        assertTrue(output.getMessage().contains("(5, 10)") && output.getMessage().contains("(5, 9)"),
                output.getMessage());
        ShapeException innerT = assertThrows(ShapeException.class,
                () -> Gemm.multAddTransBColumns(1.0, random(5, 9, 13), X, 0, 10, new double[5][3]));
        assertTrue(innerT.getMessage().contains("(5, 9)") && innerT.getMessage().contains("(3, 10)"),
                innerT.getMessage());
        ShapeException outputT = assertThrows(ShapeException.class,
                () -> Gemm.multAddTransBColumns(1.0, random(5, 10, 14), X, 0, 10, new double[5][4]));
        assertTrue(outputT.getMessage().contains("(5, 3)") && outputT.getMessage().contains("(5, 4)"),
                outputT.getMessage());
    }

    @Test
    void partsOfAProduct_onTheWholeProductsKernel_areTheBitsOfTheWholeProduct() {
        // dA = Wᵀ·dZ over 1,120 columns and dW = dZ·Xᵀ over 1,120 examples run packed; their last 96 columns, and the
        // panel of 96 examples, alone would not (under 2^20 multiply-adds): told the whole product's kernel, they give
        // its bits
        assertTrue(Gemm.packs(128, 1120, 64) && !Gemm.packs(128, 96, 64) && Gemm.packs(40, 128, 1120)
                && !Gemm.packs(40, 128, 96), "the test JVM runs the whole products packed, and not their parts");
        double[][] W = random(64, 128, 30);
        double[][] dZ = random(64, 1120, 31);
        double[][] whole = new double[128][1120];
        Gemm.multAddTransA(1.0, W, dZ, whole);
        double[][] part = new double[128][96];
        Gemm.multAddTransA(1.0, W, columns(dZ, 1024, 1120), part, true);
        assertSameBits(columns(whole, 1024, 1120), part, "dA's last 96 columns");
        double[][] plain = new double[128][96];
        Gemm.multAddTransA(1.0, W, columns(dZ, 1024, 1120), plain, false);
        assertSameBits(plainOf(W, columns(dZ, 1024, 1120)), plain, "told the plain kernel: its bits");

        Matrix X = Matrix.of(random(128, 1120, 32));
        double[][] dZ1 = random(40, 1120, 33);
        double[][] dW = new double[40][128];
        Gemm.multAddTransBColumns(0.5, dZ1, X, 0, 1120, dW);
        double[][] byPanels = new double[40][128];
        Gemm.multAddTransBColumns(0.5, columns(dZ1, 0, 512), X, 0, 512, byPanels, true);
        Gemm.multAddTransBColumns(0.5, columns(dZ1, 512, 1024), X, 512, 1024, byPanels, true);
        Gemm.multAddTransBColumns(0.5, columns(dZ1, 1024, 1120), X, 1024, 1120, byPanels, true);
        assertSameBits(dW, byPanels, "dW in panels of 512, 512 and 96 examples");
    }

    /** Wᵀ·B on the plain kernel, as {@code multAddTransA} runs it with the Vector API kernel switched off. */
    private static double[][] plainOf(double[][] W, double[][] B) {
        Gemm.useVectorKernel(false);
        double[][] C = new double[W[0].length][B[0].length];
        Gemm.multAddTransA(1.0, W, B, C);
        Gemm.useVectorKernel(true);
        return C;
    }
}
