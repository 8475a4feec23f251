package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link Matrix#dot} on {@link FlatProduct} gives EJML's bits, on every edge of its blocks and on special values (a NaN
 * as a NaN: which of two NaNs an addition passes on depends on the order of its operands in the machine code).
 */
class FlatProductTest {

    @Test
    void multiply_sameBitsAsEjml_acrossBlockEdges() {
        SplittableRandom random = new SplittableRandom(13);
        int[][] shapes = {{1, 2, 15}, {3, 1, 40}, {7, 12288 / 16, 209}, {20, 129, 209}, {65, 128, 513}, {64, 257, 512},
                {2, 5, 1025}, {130, 3, 17}, {5, 131, 16}};
        for (int[] s : shapes) {
            assertSameBits(matrix(random, s[0], s[1], false), matrix(random, s[1], s[2], false));
        }
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + random.nextInt(70);
            int k = 1 + random.nextInt(300);
            int n = 1 + random.nextInt(600);
            assertSameBits(matrix(random, m, k, trial % 2 == 0), matrix(random, k, n, trial % 3 == 0));
        }
    }

    @Test
    void multiply_signedZerosAndNonFiniteValues_asEjml() {
        // every product zero: -0 where EJML's first product is -0 (a sum starting at +0 would give +0)
        DMatrixRMaj a = new DMatrixRMaj(2, 3, true, -0.0, -0.0, -0.0, 1.0, -0.0, -0.0);
        DMatrixRMaj b = new DMatrixRMaj(3, 16);
        java.util.Arrays.fill(b.data, 1.0);
        b.data[5] = -0.0;
        assertSameBits(a, b);
        // zeros times infinities are NaN, which an addition of zero products skipped would lose
        DMatrixRMaj z = new DMatrixRMaj(4, 9);
        DMatrixRMaj w = new DMatrixRMaj(9, 20);
        java.util.Arrays.fill(w.data, 2.0);
        w.data[3] = Double.POSITIVE_INFINITY;
        w.data[20 * 4 + 7] = Double.NEGATIVE_INFINITY;
        w.data[20 * 8 + 1] = Double.NaN;
        assertSameBits(z, w);
        z.data[0] = 1.0;
        assertSameBits(z, w);
    }

    @Test
    void multiply_withoutSharedDimension_refused() {
        assertThrows(IllegalArgumentException.class, () -> FlatProduct.multiply(new double[0], new double[0],
                new double[4], 2, 2, 0));
    }

    /** A random matrix; with {@code special}, also zeros, -0 and the odd infinity or NaN. */
    private static DMatrixRMaj matrix(SplittableRandom random, int rows, int cols, boolean special) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            double v = random.nextGaussian();
            if (special) {
                int r = random.nextInt(200);
                v = r < 40 ? 0.0 : r < 60 ? -0.0 : r == 60 ? Double.POSITIVE_INFINITY : r == 61 ? Double.NaN : v;
            }
            m.data[i] = v;
        }
        return m;
    }

    private static void assertSameBits(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj expected = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, expected);
        double[] flat = new double[a.numRows * b.numCols];
        FlatProduct.multiply(a.data, b.data, flat, a.numRows, b.numCols, a.numCols);
        DMatrixRMaj reorder = reorder(a, b);
        // Matrix.dot's own outer and inner products aside, it is EJML's mult
        boolean vectorProduct = a.numCols == 1 || (a.numRows == 1 && b.numCols == 1);
        double[] dot = vectorProduct ? null : Matrix.fromEjml(a).dot(Matrix.fromEjml(b)).toEjml().data;
        for (int i = 0; i < flat.length; i++) {
            String where = "(" + a.numRows + ", " + a.numCols + ")·(" + b.numRows + ", " + b.numCols + ") at " + i;
            assertEquals(Double.doubleToLongBits(reorder.data[i]), Double.doubleToLongBits(flat[i]), where);
            if (dot != null) {
                assertEquals(Double.doubleToLongBits(expected.data[i]), Double.doubleToLongBits(dot[i]),
                        "dot " + where);
            }
        }
    }

    private static DMatrixRMaj reorder(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        org.ejml.dense.row.mult.MatrixMatrixMult_DDRM.mult_reorder(a, b, c);
        return c;
    }
}
