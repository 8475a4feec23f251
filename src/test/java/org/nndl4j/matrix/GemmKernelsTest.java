package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.copy;
import static org.nndl4j.matrix.TestArrays.random;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kernels of {@link Gemm}: the packed Vector API kernel on every tile and block edge, bit for bit against its
 * documented summation order; the plain-Java fallback bit for bit against the textbook's order; both against EJML
 * on large products, and bit-identical on 1, 2 and 3 threads.
 */
class GemmKernelsTest {

    private final boolean vectorWasOn = Gemm.useVectorKernel(true);
    private final int threadsBefore = Gemm.threads();

    @AfterEach
    void restore() {
        Gemm.useVectorKernel(vectorWasOn);
        Gemm.setThreads(threadsBefore);
    }

    private static double a(double[][] A, boolean transA, int i, int p) {
        return transA ? A[p][i] : A[i][p];
    }

    private static double b(double[][] B, boolean transB, int p, int j) {
        return transB ? B[j][p] : B[p][j];
    }

    /** The packed kernel's order: per block of KC, {@code s = fma(a, b, s)} from 0 in order, then {@code c = fma(s, alpha, c)}. */
    private static void packedOrder(double alpha, double[][] A, boolean transA, double[][] B, boolean transB,
                                    double[][] C, int k) {
        for (int i = 0; i < C.length; i++) {
            for (int j = 0; j < C[i].length; j++) {
                for (int p0 = 0; p0 < k; p0 += PackedGemm.KC) {
                    double s = 0.0;
                    for (int p = p0; p < Math.min(k, p0 + PackedGemm.KC); p++) {
                        s = Math.fma(a(A, transA, i, p), b(B, transB, p, j), s);
                    }
                    C[i][j] = Math.fma(s, alpha, C[i][j]);
                }
            }
        }
    }

    /** The textbook's order of the plain-Java kernel: {@code c = c + (alpha·a)·b}, p in order, no fused operations. */
    private static void textbookOrder(double alpha, double[][] A, boolean transA, double[][] B, double[][] C, int k) {
        for (int i = 0; i < C.length; i++) {
            for (int j = 0; j < C[i].length; j++) {
                for (int p = 0; p < k; p++) {
                    C[i][j] = C[i][j] + alpha * a(A, transA, i, p) * B[p][j];
                }
            }
        }
    }

    @Test
    void theTestJvmHasTheVectorKernel_asSurefiresArgLineAsks() {
        assertNotNull(Gemm.vectorKernel(), "surefire's argLine must pass --add-modules jdk.incubator.vector");
        assertEquals("vector", Gemm.kernel());
        Gemm.useVectorKernel(false);
        assertEquals("rows", Gemm.kernel());
    }

    /**
     * m, n, k around the tile (8 x 24) and the blocks (MC = 128, NC = 480, KC = 128), with every transposition, adding
     * to C or writing over it.
     */
    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {1, 7, 8, 9, 17, 130})
    void packedKernel_onEveryTileAndBlockEdge_givesExactlyItsSummationOrder(int m) {
        MicroKernel kernel = Gemm.vectorKernel();
        assertNotNull(kernel);
        assertEquals(8, kernel.rows());
        int nr = kernel.cols();
        int[] ns = m == 130 ? new int[] {nr + 1, 530} : new int[] {1, nr - 1, nr, nr + 1, 2 * nr + 3};
        int[] ks = m == 130 ? new int[] {300} : new int[] {1, 2, 127, 128, 129, 255, 256, 257, 600};
        long seed = 10;
        for (int n : ns) {
            for (int k : ks) {
                for (int way = 0; way < 8; way++) {
                    boolean transA = (way & 1) != 0;
                    boolean transB = (way & 2) != 0;
                    // overwriting: C's NaNs must not be read, the product written over them as over zeros
                    boolean overwrite = (way & 4) != 0;
                    double alpha = transA ? -0.25 : 1.0;
                    double[][] A = transA ? random(k, m, seed++) : random(m, k, seed++);
                    double[][] B = transB ? random(n, k, seed++) : random(k, n, seed++);
                    double[][] C = random(m, n, seed++);
                    double[][] expected = copy(C);
                    if (overwrite) {
                        for (int i = 0; i < m; i++) {
                            java.util.Arrays.fill(expected[i], 0.0);
                            java.util.Arrays.fill(C[i], Double.NaN);
                        }
                    }
                    packedOrder(alpha, A, transA, B, transB, expected, k);
                    PackedGemm.Operands o = new PackedGemm.Operands(alpha, A, transA, B, transB, C, k);
                    if (overwrite) {
                        o = o.overwriting();
                    }
                    // in two column ranges and two row ranges, as threads split C
                    int jSplit = n / 2;
                    int iSplit = m / 2;
                    PackedGemm.multiply(kernel, o, 0, iSplit, 0, jSplit);
                    PackedGemm.multiply(kernel, o, iSplit, m, 0, jSplit);
                    PackedGemm.multiply(kernel, o, 0, m, jSplit, n);
                    String shape = m + " x " + n + " x " + k + (transA ? " Aᵀ" : "") + (transB ? " Bᵀ" : "")
                            + (overwrite ? ", overwriting" : "");
                    for (int i = 0; i < m; i++) {
                        assertArrayEquals(expected[i], C[i], 0.0, shape + ", row " + i);
                    }
                }
            }
        }
    }

    @Test
    void fallbackKernel_givesExactlyTheTextbookOrder_onALargeProduct() {
        Gemm.useVectorKernel(false);
        double[][] A = random(21, 300, 1);
        double[][] B = random(300, 700, 2);
        double[][] C = random(21, 700, 3);
        assertTrue(21L * 300 * 700 >= Gemm.PACKED_THRESHOLD, "large enough for the vector kernel if it were on");
        double[][] expected = copy(C);
        textbookOrder(-0.5, A, false, B, expected, 300);
        Gemm.multAdd(-0.5, A, B, C);
        assertTrue(Arrays.deepEquals(expected, C));
        double[][] Ct = copy(expected);
        textbookOrder(-0.5, Gemm.transpose(A), true, B, expected, 300);
        Gemm.multAddTransA(-0.5, Gemm.transpose(A), B, Ct);
        assertTrue(Arrays.deepEquals(expected, Ct));
    }

    @Test
    void inTextbookOrder_runsLargeProductsOnThePlainKernel_thenRestoresTheVectorKernel() {
        double[][] A = random(40, 300, 11);
        double[][] B = random(300, 700, 12);
        double[][] expected = new double[40][700];
        textbookOrder(1.0, A, false, B, expected, 300);
        double[][] inOrder = Gemm.inTextbookOrder(() -> Gemm.inTextbookOrder(() -> Gemm.mult(A, B)));
        assertTrue(Arrays.deepEquals(expected, inOrder), "the plain kernel's bits inside inTextbookOrder");
        double[][] vector = Gemm.mult(A, B);
        double[][] packedOrder = new double[40][700];
        packedOrder(1.0, A, false, B, false, packedOrder, 300);
        assertTrue(Arrays.deepEquals(packedOrder, vector), "the vector kernel's bits again after it");
        assertTrue(!Arrays.deepEquals(expected, vector), "the two orders differ somewhere on this product");
    }

    @Test
    void outputsNarrowerThanPackedMinSide_keepThePlainKernel_evenWhenLarge() {
        // the cat network's first layer: an output of 20 rows does not pay for packing X
        int rows = 20;
        assertTrue(rows < Gemm.PACKED_MIN_SIDE);
        double[][] A = random(rows, 2000, 21);
        double[][] B = random(2000, 209, 22);
        assertTrue((long) rows * 2000 * 209 >= Gemm.PACKED_THRESHOLD, "large enough for the vector kernel");
        double[][] expected = new double[rows][209];
        textbookOrder(1.0, A, false, B, expected, 2000);
        assertTrue(Arrays.deepEquals(expected, Gemm.mult(A, B)), "the plain kernel's bits");
    }

    @Test
    void packs_tellsWhereTheVectorKernelRuns_andMultTransBThenGivesTheBitsOfATransposedCopy() {
        // the Spark scale network's first layer on a chunk of examples: dW1 = dZ1 · Xᵀ, (64, 4096)·(4096, 100)
        double[][] dZ = random(64, 4096, 31);
        double[][] X = random(100, 4096, 32);
        assertTrue(Gemm.packs(64, 100, 4096));
        double[][] viaTransB = new double[64][100];
        Gemm.multTransB(0.5, dZ, X, viaTransB);
        double[][] viaCopy = new double[64][100];
        Gemm.multAdd(0.5, dZ, Gemm.transpose(X), viaCopy);
        assertTrue(Arrays.deepEquals(viaCopy, viaTransB), "multTransB packed: the transposed copy's bits");
        double[][] packedOrder = new double[64][100];
        packedOrder(0.5, dZ, false, X, true, packedOrder, 4096);
        assertTrue(Arrays.deepEquals(packedOrder, viaTransB), "in the packed kernel's order");
        double[][] accumulated = copy(viaCopy);
        Gemm.multAddTransB(0.25, dZ, X, accumulated);
        double[][] accumulatedViaCopy = copy(viaCopy);
        Gemm.multAdd(0.25, dZ, Gemm.transpose(X), accumulatedViaCopy);
        assertTrue(Arrays.deepEquals(accumulatedViaCopy, accumulated), "multAddTransB packed: the copy's bits");
        assertTrue(!Gemm.packs(Gemm.PACKED_MIN_SIDE - 1, 100, 4096), "narrower than PACKED_MIN_SIDE");
        assertTrue(!Gemm.packs(64, 100, 16), "smaller than PACKED_THRESHOLD");
        assertTrue(!Gemm.inTextbookOrder(() -> Gemm.packs(64, 100, 4096)), "inside inTextbookOrder");
        Gemm.useVectorKernel(false);
        assertTrue(!Gemm.packs(64, 100, 4096), "without the vector kernel");
        double[][] plain = copy(viaCopy);
        Gemm.multAddTransB(0.25, dZ, X, plain);
        double[][] plainViaCopy = copy(viaCopy);
        Gemm.multAdd(0.25, dZ, Gemm.transpose(X), plainViaCopy);
        assertTrue(Arrays.deepEquals(plainViaCopy, plain), "multAddTransB on the plain kernel: multAdd's bits");
    }

    /** The course's and the benchmark's shapes: the first layer of the cat network and of the tall workload. */
    @ParameterizedTest(name = "vector kernel: {0}")
    @ValueSource(booleans = {true, false})
    void largeProducts_agreeWithEjml_andGiveTheSameBitsOnOneTwoAndThreeThreads(boolean vector) {
        Gemm.useVectorKernel(vector);
        int[][] shapes = {{20, 209, 3000}, {20, 3000, 209}, {128, 600, 784}, {64, 600, 128}};
        long seed = 100;
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            double[][] A = random(m, k, seed++);
            double[][] B = random(k, n, seed++);
            DMatrixRMaj expected = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(new DMatrixRMaj(A), new DMatrixRMaj(B), expected);
            double[][] At = Gemm.transpose(A);
            double[][] Bt = Gemm.transpose(B);
            double[][][] byThreads = new double[3][][];
            for (int t = 1; t <= 3; t++) {
                Gemm.setThreads(t);
                double[][] C = new double[m][n];
                Gemm.multAdd(0.5, A, B, C);
                double[][] CtA = new double[m][n];
                Gemm.multAddTransA(0.5, At, B, CtA);
                double[][] CtB = new double[m][n];
                Gemm.multTransB(0.5, A, Bt, CtB);
                String shape = m + " x " + n + " x " + k + ", " + t + " threads";
                for (double[][] result : new double[][][] {C, CtA, CtB}) {
                    assertTrue(maxRelativeError(expected, 0.5, result) < 1e-13, shape);
                }
                if (vector) {
                    // the packed kernel sums every product in the same order, whatever the transposition
                    assertTrue(Arrays.deepEquals(C, CtA) && Arrays.deepEquals(C, CtB), shape);
                }
                byThreads[t - 1] = C;
            }
            assertTrue(Arrays.deepEquals(byThreads[0], byThreads[1]), "1 and 2 threads, " + m + " x " + n);
            assertTrue(Arrays.deepEquals(byThreads[0], byThreads[2]), "1 and 3 threads, " + m + " x " + n);
        }
    }

    private static double maxRelativeError(DMatrixRMaj product, double alpha, double[][] actual) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < product.numRows; i++) {
            for (int j = 0; j < product.numCols; j++) {
                diff = Math.max(diff, Math.abs(alpha * product.get(i, j) - actual[i][j]));
                norm = Math.max(norm, Math.abs(alpha * product.get(i, j)));
            }
        }
        return diff / norm;
    }
}
