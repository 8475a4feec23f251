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

    private static double relativeError(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            diff = Math.max(diff, Math.abs(expected.data[i] - actual.data[i]));
            norm = Math.max(norm, Math.abs(expected.data[i]));
        }
        return diff / Math.max(norm, 1e-300);
    }

    @ParameterizedTest(name = "({0} x {2}) . ({2} x {1})")
    @CsvSource({"1, 1, 1", "3, 5, 7", "20, 209, 300", "4, 9, 256", "5, 3, 257", "7, 11, 513", "20, 209, 1", "0, 4, 3",
        "2, 0, 3", "3, 4, 0"})
    void products_agreeWithEjml(int m, int n, int k) {
        DMatrixRMaj A = random(m, k, 1);
        DMatrixRMaj B = random(k, n, 2);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(A, B, expected);

        DMatrixRMaj C = new DMatrixRMaj(1, 1);
        Gemm.mult(A, B, C);
        assertTrue(relativeError(expected, C) < 1e-14);

        DMatrixRMaj At = CommonOps_DDRM.transpose(A, null);
        DMatrixRMaj Ct = new DMatrixRMaj(1, 1);
        Gemm.multTransA(At, B, Ct);
        assertTrue(relativeError(expected, Ct) < 1e-14);

        DMatrixRMaj start = random(m, n, 3);
        DMatrixRMaj acc = start.copy();
        Gemm.multAdd(-0.25, A, B, acc);
        DMatrixRMaj accT = start.copy();
        Gemm.multAddTransA(-0.25, At, B, accT);
        DMatrixRMaj reference = start.copy();
        CommonOps_DDRM.multAdd(-0.25, A, B, reference);
        assertTrue(relativeError(reference, acc) < 1e-14);
        assertTrue(relativeError(reference, accT) < 1e-14);
    }

    @Test
    void mult_misalignedShapes_nameBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Gemm.mult(new DMatrixRMaj(4, 3), new DMatrixRMaj(4, 2), new DMatrixRMaj(4, 2)));
        assertEquals("mult: shapes (4, 3) and (4, 2) not aligned: 3 != 4", e.getMessage());
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multTransA(new DMatrixRMaj(4, 3), new DMatrixRMaj(5, 2), new DMatrixRMaj(3, 2)))
                .getMessage().startsWith("multTransA: shapes (4, 3) and (5, 2)"));
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multAdd(1, new DMatrixRMaj(4, 3), new DMatrixRMaj(3, 2), new DMatrixRMaj(4, 3)))
                .getMessage().contains("output C of shape (4, 2), got shape (4, 3)"));
        assertTrue(assertThrows(ShapeException.class,
                () -> Gemm.multAddTransA(1, new DMatrixRMaj(3, 4), new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 4)))
                .getMessage().contains("output C of shape (4, 2), got shape (2, 4)"));
    }

    @Test
    void mult_outputAliasingAnInput_isRefused() {
        DMatrixRMaj A = new DMatrixRMaj(3, 3);
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(A, new DMatrixRMaj(3, 3), A));
    }
}
