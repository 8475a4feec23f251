package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked kernel against EJML's reference multiply, on shapes around every blocking boundary. */
class GemmTest {

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        DMatrixRMaj m = RandomMatrices_DDRM.rectangle(rows, cols, -1, 1, new Random(seed));
        // some exact zeros, like ReLU gradients, to exercise the zero-skipping path
        for (int i = 0; i < m.data.length; i += 3) {
            m.data[i] = 0.0;
        }
        return m;
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] r = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, r[i], 0, m.numCols);
        }
        return r;
    }

    private static double relativeError(DMatrixRMaj expected, double[][] actual) {
        assertEquals(expected.numRows, actual.length);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.numRows; i++) {
            assertEquals(expected.numCols, actual[i].length);
            for (int j = 0; j < expected.numCols; j++) {
                diff = Math.max(diff, Math.abs(expected.get(i, j) - actual[i][j]));
                norm = Math.max(norm, Math.abs(expected.get(i, j)));
            }
        }
        return diff / Math.max(norm, 1e-300);
    }

    @ParameterizedTest(name = "({0} x {2}) . ({2} x {1})")
    @CsvSource({"1, 1, 1", "3, 5, 7", "20, 209, 300", "4, 9, 128", "5, 3, 129", "7, 11, 257", "20, 209, 1",
        "3, 1100, 9", "2, 513, 130", "0, 4, 3", "3, 4, 0"})
    void products_agreeWithEjml(int m, int n, int k) {
        DMatrixRMaj A = random(m, k, 1);
        DMatrixRMaj B = random(k, n, 2);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(A, B, expected);
        DMatrixRMaj At = CommonOps_DDRM.transpose(A, null);

        double[][] C = new double[m][n];
        Gemm.multAdd(1.0, rows(A), rows(B), C);
        assertTrue(relativeError(expected, C) < 1e-14);
        if (k > 0) {
            assertTrue(relativeError(expected, Gemm.mult(rows(A), rows(B))) < 1e-14);
        }
        double[][] Ct = new double[m][n];
        Gemm.multAddTransA(1.0, rows(At), rows(B), Ct);
        assertTrue(relativeError(expected, Ct) < 1e-14);

        double[][] viaTransB = new double[m][n];
        Gemm.multTransB(1.0, rows(A), rows(CommonOps_DDRM.transpose(B, null)), viaTransB);
        assertTrue(relativeError(expected, viaTransB) < 1e-14);

        DMatrixRMaj start = random(m, n, 3);
        double[][] acc = rows(start);
        Gemm.multAdd(-0.25, rows(A), rows(B), acc);
        DMatrixRMaj reference = start.copy();
        CommonOps_DDRM.multAdd(-0.25, A, B, reference);
        assertTrue(relativeError(reference, acc) < 1e-14);
    }

    @Test
    void smallProducts_sumInTheTextbooksOrder() {
        // every length of the shared dimension up to two blocks of four and a remainder of 1..3, both layouts of A:
        // c = c + (alpha·a(i, p))·b(p, j), p in order, bit for bit (no fused multiply-add, no reordering)
        double alpha = 0.7;
        for (int k = 1; k <= 11; k++) {
            for (boolean transposedA : new boolean[] {false, true}) {
                DMatrixRMaj a = random(5, k, 10 + k);
                double[][] A = rows(transposedA ? CommonOps_DDRM.transpose(a, null) : a);
                double[][] B = rows(random(k, 13, 30 + k));
                double[][] C = rows(random(5, 13, 50 + k));
                double[][] expected = new double[5][];
                for (int i = 0; i < 5; i++) {
                    expected[i] = C[i].clone();
                    for (int p = 0; p < k; p++) {
                        double aip = alpha * a.get(i, p);
                        for (int j = 0; j < 13; j++) {
                            expected[i][j] = expected[i][j] + aip * B[p][j];
                        }
                    }
                }
                if (transposedA) {
                    Gemm.multAddTransA(alpha, A, B, C);
                } else {
                    Gemm.multAdd(alpha, A, B, C);
                }
                for (int i = 0; i < 5; i++) {
                    assertTrue(java.util.Arrays.equals(expected[i], C[i]), "k = " + k + ", transposed A " + transposedA
                            + ", row " + i);
                }
            }
        }
    }

    @Test
    void largeProducts_giveTheSameBitsOnAnyNumberOfThreads() {
        double[][] A = rows(random(21, 300, 4));
        double[][] B = rows(random(300, 700, 5));
        assertTrue(21L * 700 * 300 >= Gemm.PARALLEL_THRESHOLD);
        int before = Gemm.threads();
        try {
            Gemm.setThreads(1);
            double[][] one = Gemm.mult(A, B);
            Gemm.setThreads(3);
            double[][] three = Gemm.mult(A, B);
            for (int i = 0; i < one.length; i++) {
                assertTrue(java.util.Arrays.equals(one[i], three[i]), "row " + i);
            }
        } finally {
            Gemm.setThreads(before);
        }
        assertThrows(IllegalArgumentException.class, () -> Gemm.setThreads(0));
    }

    /**
     * A transposed right factor of at most four blocks of the shared dimension is packed for all of it at once
     * ({@code PackedGemm.wholeK}), in narrower column blocks: the same tiles and blocks as the product on its explicit
     * transpose, so the same bits, with the left factor held (40 rows) or packed per block (130), on 1 and 2 threads.
     */
    @ParameterizedTest(name = "({0} x {2}) . ({1} x {2})ᵀ")
    @CsvSource({"40, 790, 129", "130, 790, 300", "40, 790, 512", "130, 101, 512", "130, 790, 513"})
    void transposedRightFactors_giveTheBitsOfTheirExplicitTranspose(int m, int n, int k) {
        double[][] A = rows(random(m, k, 21));
        DMatrixRMaj b = random(n, k, 22);
        double[][] B = rows(b);
        double[][] BT = rows(CommonOps_DDRM.transpose(b, null));
        assertTrue(Gemm.packs(m, n, k), "packed for this shape");
        int before = Gemm.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Gemm.setThreads(threads);
                double[][] viaTransB = rows(random(m, n, 23));
                double[][] viaCopy = rows(random(m, n, 23));
                Gemm.multAddTransB(0.3, A, B, viaTransB);
                Gemm.multAdd(0.3, A, BT, viaCopy);
                for (int i = 0; i < m; i++) {
                    assertTrue(java.util.Arrays.equals(viaCopy[i], viaTransB[i]), threads + " thread(s), row " + i);
                }
            }
        } finally {
            Gemm.setThreads(before);
        }
    }

    /**
     * {@code mult} and {@code multColumns} write over C (its NaNs are never read) with the bits of zeroing it and
     * adding the product, on the tile kernel and the row kernel (k = 9), on one and two threads; k = 0 leaves zeros.
     */
    @ParameterizedTest(name = "({0} x {2}) . ({2} x {1})")
    @CsvSource({"130, 700, 300", "64, 530, 128", "40, 100, 9", "5, 3, 0"})
    void mult_writesOverC_withTheBitsOfZeroingItAndAdding(int m, int n, int k) {
        double[][] A = rows(random(m, k, 31));
        double[][] B = rows(random(k, n, 32));
        double[][] wide = rows(random(k, n + 50, 33));
        // a matrix of no rows has no columns either: k = 0 tries mult alone
        Matrix X = k > 0 ? Matrix.of(wide) : null;
        int before = Gemm.threads();
        try {
            for (int threads : new int[] {1, 2}) {
                Gemm.setThreads(threads);
                double[][] expected = new double[m][n];
                Gemm.multAdd(-0.7, A, B, expected);
                double[][] C = nans(m, n);
                Gemm.mult(-0.7, A, B, C);
                double[][] expectedColumns = new double[m][n];
                double[][] columns = nans(m, n);
                double[][] slice = new double[k][n];
                for (int p = 0; p < k; p++) {
                    System.arraycopy(wide[p], 50, slice[p], 0, n);
                }
                Gemm.multAdd(0.5, A, slice, expectedColumns);
                if (X != null) {
                    Gemm.multColumns(0.5, A, X, 50, 50 + n, columns);
                } else {
                    columns = expectedColumns;
                }
                for (int i = 0; i < m; i++) {
                    assertTrue(java.util.Arrays.equals(expected[i], C[i]), threads + " thread(s), row " + i);
                    assertTrue(java.util.Arrays.equals(expectedColumns[i], columns[i]),
                            "columns, " + threads + " thread(s), row " + i);
                }
            }
        } finally {
            Gemm.setThreads(before);
        }
        assertTrue(Gemm.packs(130, 700, 300) && !Gemm.packs(40, 100, 9), "both kernels are tried");
        ShapeException e = assertThrows(ShapeException.class, () -> Gemm.mult(1.0, new double[4][3],
                new double[5][2], new double[4][2]));
        assertTrue(e.getMessage().startsWith("mult: shapes (4, 3) and (5, 2)"), e.getMessage());
    }

    private static double[][] nans(int m, int n) {
        double[][] C = new double[m][n];
        for (double[] row : C) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return C;
    }

    @Test
    void transpose_swapsRowsAndColumns() {
        double[][] t = Gemm.transpose(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(3, t.length);
        assertEquals(5.0, t[1][1]);
        assertEquals(4.0, t[0][1]);
        assertEquals(3.0, t[2][0]);
    }

    @Test
    void misalignedShapes_nameBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Gemm.mult(new double[4][3], new double[4][2]));
        assertEquals("multAdd: shapes (4, 3) and (4, 2) not aligned: 3 != 4", e.getMessage());
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multTransA(new double[4][3], new double[5][2]))
                .getMessage().startsWith("multAddTransA: shapes (4, 3) and (5, 2)"));
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multAdd(1, new double[4][3], new double[3][2], new double[4][3]))
                .getMessage().contains("output C of shape (4, 2), got shape (4, 3)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Gemm.mult(new double[][] {{1, 2}, {3}}, new double[2][2])).getMessage().contains("ragged"));
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multTransB(1, new double[4][3], new double[5][2], new double[4][5]))
                .getMessage().startsWith("multTransB: shapes (4, 3) and (5, 2)"));
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multAddTransB(1, new double[4][3], new double[5][2], new double[4][5]))
                .getMessage().startsWith("multAddTransB: shapes (4, 3) and (5, 2)"));
    }
}
