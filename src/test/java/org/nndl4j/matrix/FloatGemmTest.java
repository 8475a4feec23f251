package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FloatGemm}: the packed kernels bit for bit against their documented summation order on every tile and block
 * edge; every product against a float64 reference within float32's error bound, on random shapes around the tiles
 * and the thresholds; the same bits on 1, 2 and 3 threads and with or without the Vector API kernel; shape errors.
 */
class FloatGemmTest {

    private final boolean vectorWasOn = FloatGemm.useVectorKernel(true);
    private final int threadsBefore = Gemm.threads();

    @AfterEach
    void restore() {
        FloatGemm.useVectorKernel(vectorWasOn);
        Gemm.setThreads(threadsBefore);
    }

    private static float[][] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] M = new float[rows][cols];
        for (float[] row : M) {
            for (int j = 0; j < cols; j++) {
                // some exact zeros, like ReLU gradients
                row[j] = r.nextInt(5) == 0 ? 0.0f : r.nextFloat() * 2 - 1;
            }
        }
        return M;
    }

    private static float[][] copy(float[][] M) {
        float[][] c = new float[M.length][];
        for (int i = 0; i < M.length; i++) {
            c[i] = M[i].clone();
        }
        return c;
    }

    private static float a(float[][] A, boolean transA, int i, int p) {
        return transA ? A[p][i] : A[i][p];
    }

    private static float b(float[][] B, boolean transB, int p, int j) {
        return transB ? B[j][p] : B[p][j];
    }

    /** The packed kernel's order: per block of KC, {@code s = fma(a, b, s)} from 0 in order, then {@code c = fma(s, alpha, c)}. */
    private static void packedOrder(float alpha, float[][] A, boolean transA, float[][] B, boolean transB,
                                    float[][] C, int k) {
        for (int i = 0; i < C.length; i++) {
            for (int j = 0; j < C[i].length; j++) {
                for (int p0 = 0; p0 < k; p0 += FloatPackedGemm.KC) {
                    float s = 0.0f;
                    for (int p = p0; p < Math.min(k, p0 + FloatPackedGemm.KC); p++) {
                        s = Math.fma(a(A, transA, i, p), b(B, transB, p, j), s);
                    }
                    C[i][j] = Math.fma(s, alpha, C[i][j]);
                }
            }
        }
    }

    @Test
    void theTestJvmHasTheVectorKernel_andTheSwitchTurnsItOff() {
        assertNotNull(FloatGemm.vectorKernel(), "surefire's argLine must pass --add-modules jdk.incubator.vector");
        assertEquals("vector", FloatGemm.kernel());
        FloatGemm.useVectorKernel(false);
        assertEquals("rows", FloatGemm.kernel());
    }

    /** m, n, k around the tile (8 x 32 with AVX-512) and the blocks (MC = 128, NC = 512, KC = 256), every layout. */
    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {1, 7, 8, 9, 17, 130})
    void packedKernels_onEveryTileAndBlockEdge_giveExactlyTheirSummationOrder(int m) {
        for (FloatMicroKernel kernel : new FloatMicroKernel[] {FloatGemm.vectorKernel(), new FloatFmaMicroKernel(8, 32)}) {
            assertNotNull(kernel);
            int nr = kernel.cols();
            int[] ns = m == 130 ? new int[] {nr + 1, 530} : new int[] {1, nr - 1, nr, nr + 1, 2 * nr + 3};
            int[] ks = m == 130 ? new int[] {300} : new int[] {1, 2, 255, 256, 257, 600};
            long seed = 10;
            for (int n : ns) {
                for (int k : ks) {
                    for (boolean transA : new boolean[] {false, true}) {
                        for (boolean transB : new boolean[] {false, true}) {
                            float alpha = transA ? -0.25f : 1.0f;
                            float[][] A = transA ? random(k, m, seed++) : random(m, k, seed++);
                            float[][] B = transB ? random(n, k, seed++) : random(k, n, seed++);
                            float[][] C = random(m, n, seed++);
                            float[][] expected = copy(C);
                            packedOrder(alpha, A, transA, B, transB, expected, k);
                            FloatPackedGemm.Operands o = new FloatPackedGemm.Operands(alpha, A, transA, B, transB, C, k);
                            // in two column ranges and two row ranges, as threads split C
                            int jSplit = n / 2;
                            int iSplit = m / 2;
                            FloatPackedGemm.multiply(kernel, o, 0, iSplit, 0, jSplit);
                            FloatPackedGemm.multiply(kernel, o, iSplit, m, 0, jSplit);
                            FloatPackedGemm.multiply(kernel, o, 0, m, jSplit, n);
                            String shape = kernel.getClass().getSimpleName() + " " + m + " x " + n + " x " + k
                                    + (transA ? " Aᵀ" : "") + (transB ? " Bᵀ" : "");
                            for (int i = 0; i < m; i++) {
                                assertArrayEquals(expected[i], C[i], 0.0f, shape + ", row " + i);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code C + alpha·op(A)·op(B)} in float64 from the same float32 inputs, and the bound on float32's error: each
     * of the {@code k + 1} roundings of a sum moves it by at most {@code 2^-24} of the running magnitude, so the error
     * is at most {@code (k + 2)·2^-24·(|C| + |alpha|·Σ_p |a||b|)} (a little slack: {@code 2^-23}).
     */
    private static void checkAgainstFloat64(String what, float alpha, float[][] A, boolean transA, float[][] B,
                                            boolean transB, float[][] C0, float[][] C, int k) {
        for (int i = 0; i < C.length; i++) {
            for (int j = 0; j < C[i].length; j++) {
                double exact = 0.0;
                double magnitude = 0.0;
                for (int p = 0; p < k; p++) {
                    double ab = (double) a(A, transA, i, p) * b(B, transB, p, j);
                    exact += ab;
                    magnitude += Math.abs(ab);
                }
                double expected = C0[i][j] + alpha * exact;
                double bound = (k + 2) * 0x1p-23 * (Math.abs(C0[i][j]) + Math.abs(alpha) * magnitude);
                assertEquals(expected, C[i][j], bound, what + " [" + i + "][" + j + "]");
            }
        }
    }

    /** Shapes on both sides of the packed threshold and of the narrow-output rule, with tile remainders. */
    private static final int[][] SHAPES = {{3, 5, 7}, {20, 209, 300}, {20, 300, 209}, {33, 45, 200}, {128, 70, 129},
        {64, 600, 128}, {9, 33, 1000}, {40, 1, 5000}};

    @ParameterizedTest(name = "vector kernel: {0}")
    @ValueSource(booleans = {true, false})
    void everyLayout_agreesWithFloat64_toFloat32Rounding_andGivesTheSameBitsOnOneTwoAndThreeThreads(boolean vector) {
        FloatGemm.useVectorKernel(vector);
        long seed = 100;
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int layout = 0; layout < 3; layout++) {
                boolean transA = layout == 1;
                boolean transB = layout == 2;
                float[][] A = transA ? random(k, m, seed++) : random(m, k, seed++);
                float[][] B = transB ? random(n, k, seed++) : random(k, n, seed++);
                float[][] C0 = random(m, n, seed++);
                float[][][] byThreads = new float[3][][];
                for (int t = 1; t <= 3; t++) {
                    Gemm.setThreads(t);
                    float[][] C = copy(C0);
                    if (transA) {
                        FloatGemm.multAddTransA(0.5f, A, B, C);
                    } else if (transB) {
                        FloatGemm.multAddTransB(0.5f, A, B, C);
                    } else {
                        FloatGemm.multAdd(0.5f, A, B, C);
                    }
                    byThreads[t - 1] = C;
                }
                String what = m + " x " + n + " x " + k + (transA ? " Aᵀ" : transB ? " Bᵀ" : "");
                checkAgainstFloat64(what, 0.5f, A, transA, B, transB, C0, byThreads[0], k);
                assertTrue(Arrays.deepEquals(byThreads[0], byThreads[1]), what + ": 1 and 2 threads");
                assertTrue(Arrays.deepEquals(byThreads[0], byThreads[2]), what + ": 1 and 3 threads");
            }
        }
    }

    @ParameterizedTest(name = "vector kernel: {0}")
    @ValueSource(booleans = {true, false})
    void rightFactorsPackedOnce_giveExactlyTheTileKernelsSummationOrder_onAnyThreadCount(boolean vector) {
        FloatGemm.useVectorKernel(vector);
        // the cat network's first layer (an output of 20 rows) and the tall one's, on fewer examples
        int[][] shapes = {{20, 209, 700}, {20, 700, 209}, {128, 700, 784}, {3, 33, 5}};
        long seed = 300;
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[][] A = random(m, k, seed++);
            float[][] B = random(k, n, seed++);
            float[][] Bt = random(n, k, seed++);
            float[][] C0 = random(m, n, seed++);
            float[][] expected = copy(C0);
            packedOrder(0.5f, A, false, B, false, expected, k);
            float[][] expectedT = copy(C0);
            packedOrder(0.5f, A, false, Bt, true, expectedT, k);
            FloatGemm.RightFactor packed = FloatGemm.pack(B);
            FloatGemm.RightFactor packedT = FloatGemm.packTransposed(Bt);
            assertEquals(new Shape(k, n), packed.shape());
            assertEquals(new Shape(k, n), packedT.shape());
            for (int t = 1; t <= 3; t++) {
                Gemm.setThreads(t);
                float[][] C = copy(C0);
                FloatGemm.multAdd(0.5f, A, packed, C);
                assertTrue(Arrays.deepEquals(expected, C), m + " x " + n + " x " + k + " on " + t + " thread(s)");
                float[][] Ct = copy(C0);
                FloatGemm.multAdd(0.5f, A, packedT, Ct);
                assertTrue(Arrays.deepEquals(expectedT, Ct), m + " x " + n + " x " + k + " Bᵀ on " + t + " thread(s)");
            }
        }
        ShapeException e = assertThrows(ShapeException.class,
                () -> FloatGemm.multAdd(1f, new float[2][3], FloatGemm.pack(new float[4][5]), new float[2][5]));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 5)"), e.getMessage());
    }

    @Test
    void shapeErrors_nameBothShapes() {
        float[][] A = new float[3][4];
        ShapeException e = assertThrows(ShapeException.class, () -> FloatGemm.multAdd(1f, A, new float[5][2], new float[3][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(5, 2)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddTransA(1f, A, new float[5][2], new float[4][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(5, 2)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddTransB(1f, A, new float[2][5], new float[3][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(2, 5)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAdd(1f, A, new float[4][2], new float[3][3]));
        assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(3, 3)"), e.getMessage());
    }

    private static float[] rowMajor(float[][] M) {
        int cols = M.length == 0 ? 0 : M[0].length;
        float[] flat = new float[M.length * cols];
        for (int i = 0; i < M.length; i++) {
            System.arraycopy(M[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /**
     * B held row-major in one array gives the bits of B as rows, {@code A·B} and {@code A·Bᵀ}, on the tile kernels
     * (packed from the array) and on the row kernel (through a copy as rows), over shapes around the tiles, the blocks
     * and the packing thresholds, at one and two threads.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRowMajorFactor_givesTheBitsOfTheSameFactorAsRows(boolean vectorKernel) {
        FloatGemm.useVectorKernel(vectorKernel);
        long seed = 300;
        int packedShapes = 0;
        for (int threads : new int[] {1, 2}) {
            Gemm.setThreads(threads);
            for (int m : new int[] {1, 9, 33, 70}) {
                for (int n : new int[] {1, 31, 33, 600}) {
                    for (int k : new int[] {1, 17, 255, 300}) {
                        float[][] A = random(m, k, seed++);
                        float[][] B = random(k, n, seed++);
                        float[][] BT = random(n, k, seed++);
                        float[][] C = random(m, n, seed++);
                        float[][] expected = copy(C);
                        float[][] actual = copy(C);
                        FloatGemm.multAdd(0.75f, A, B, expected);
                        FloatGemm.multAddRowMajor(0.75f, A, rowMajor(B), n, actual);
                        String shape = m + " x " + n + " x " + k + ", " + threads + " thread(s)";
                        for (int i = 0; i < m; i++) {
                            assertArrayEquals(expected[i], actual[i], 0.0f, "A·B " + shape + ", row " + i);
                        }
                        expected = copy(C);
                        actual = copy(C);
                        FloatGemm.multAddTransB(-1.5f, A, BT, expected);
                        FloatGemm.multAddTransBRowMajor(-1.5f, A, rowMajor(BT), actual);
                        for (int i = 0; i < m; i++) {
                            assertArrayEquals(expected[i], actual[i], 0.0f, "A·Bᵀ " + shape + ", row " + i);
                        }
                        packedShapes += FloatGemm.packs(m, n, k) ? 1 : 0;
                    }
                }
            }
        }
        assertEquals(vectorKernel, packedShapes > 0, "some shapes run on the tile kernels exactly when it is on");
    }

    @Test
    void aRowMajorFactor_ofTheWrongSize_isRefusedNamingBothShapes() {
        float[][] A = new float[3][4];
        ShapeException e = assertThrows(ShapeException.class,
                () -> FloatGemm.multAddRowMajor(1f, A, new float[10], 2, new float[3][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(5, 2)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddRowMajor(1f, A, new float[9], 2, new float[3][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(4, 2)")
                && e.getMessage().contains("9 values"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddRowMajor(1f, A, new float[8], 2, new float[3][3]));
        assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(3, 3)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddTransBRowMajor(1f, A, new float[10], new float[3][2]));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(2, 4)")
                && e.getMessage().contains("10 values"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> FloatGemm.multAddTransBRowMajor(1f, A, new float[8], new float[3][3]));
        assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(3, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FloatGemm.multAddRowMajor(1f, A, new float[8], 0, new float[3][0]));
        assertThrows(IllegalArgumentException.class,
                () -> FloatGemm.multAddTransBRowMajor(1f, new float[3][0], new float[8], new float[3][2]));
    }
}
