package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.nndl4j.testing.Golden;

class MatrixTest {

    private static final Golden GOLDEN = Golden.load("matrix.golden");

    @Test
    void shapes_areEqualByTheirDimensions() {
        assertEquals(new Shape(3, 4), new Shape(3, 4));
        assertEquals(new Shape(3, 4).hashCode(), new Shape(3, 4).hashCode());
        assertTrue(!new Shape(3, 4).equals(new Shape(4, 3)) && !new Shape(3, 4).equals(new Shape(3, 5))
                && !new Shape(3, 4).equals(null) && !new Shape(3, 4).equals("(3, 4)"));
        assertTrue(new Shape(3, 4).hashCode() != new Shape(4, 3).hashCode());
        assertEquals("(3, 4)", new Shape(3, 4).toString());
    }

    @Test
    void dot_matchesNumpy() {
        Matrix a = GOLDEN.matrix("dot.a");
        Matrix b = GOLDEN.matrix("dot.b");
        Matrix c = GOLDEN.matrix("dot.c");
        assertTrue(a.dot(b).maxAbsDifference(GOLDEN.matrix("dot.ab")) < 1e-14);
        assertTrue(a.transposeDot(c).maxAbsDifference(GOLDEN.matrix("dot.aTc")) < 1e-14);
        assertTrue(a.transposeDot(c).maxAbsDifference(a.transpose().dot(c)) < 1e-14);
        assertTrue(a.dotTranspose(b.transpose()).maxAbsDifference(GOLDEN.matrix("dot.ab")) < 1e-14);
    }

    @Test
    void dot_misalignedShapes_namesBothShapes() {
        Matrix a = Matrix.zeros(4, 3);
        Matrix b = Matrix.zeros(4, 2);
        ShapeException e = assertThrows(ShapeException.class, () -> a.dot(b));
        assertEquals("dot: shapes (4, 3) and (4, 2) not aligned: 3 != 4", e.getMessage());
        assertEquals(a.shape(), e.first());
        assertEquals(b.shape(), e.second());
    }

    @Test
    void transposedProducts_misalignedShapes_nameBothShapes() {
        Matrix a = Matrix.zeros(4, 3);
        Matrix b = Matrix.zeros(5, 2);
        assertTrue(assertThrows(ShapeException.class, () -> a.transposeDot(b)).getMessage()
                .startsWith("transposeDot: shapes (4, 3) and (5, 2)"));
        assertTrue(assertThrows(ShapeException.class, () -> a.dotTranspose(b)).getMessage()
                .startsWith("dotTranspose: shapes (4, 3) and (5, 2)"));
    }

    @Test
    void reductions_matchNumpy() {
        Matrix x = GOLDEN.matrix("reduce.x");
        assertEquals(GOLDEN.scalar("reduce.sum"), x.sum());
        assertArrayEquals(GOLDEN.doubles("reduce.sum0"), x.sum(0).toRowMajor());
        assertEquals(new Shape(1, 7), x.sum(0).shape());
        assertArrayEquals(GOLDEN.doubles("reduce.sum1"), x.sum(1).toRowMajor(), 1e-12);
        assertEquals(new Shape(5, 1), x.sum(1).shape());
        assertEquals(GOLDEN.scalar("reduce.mean"), x.mean(), 1e-15);
        assertArrayEquals(GOLDEN.doubles("reduce.max1"), x.max(1).toRowMajor());
    }

    @Test
    void sum_longVector_usesNumpysPairwiseSummation() {
        double[] v = GOLDEN.doubles("reduce.long");
        // bit-identical to np.sum, which differs from a left-to-right loop for this input
        assertEquals(GOLDEN.scalar("reduce.long_sum"), Matrix.rowVector(v).sum());
        double naive = 0;
        for (double d : v) {
            naive += d;
        }
        assertTrue(naive != GOLDEN.scalar("reduce.long_sum"), "the input should tell the two summations apart");
    }

    @Test
    void sum_badAxis_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 2).sum(2));
        assertTrue(e.getMessage().contains("axis must be 0 or 1"), e.getMessage());
    }

    @Test
    void reshape_readsInCOrderLikeNumpy() {
        Matrix x = GOLDEN.matrix("reduce.x").rowRange(0, 3).columns(0, 4);
        assertArrayEquals(GOLDEN.doubles("reduce.reshape_3_m1"), x.reshape(3, -1).toRowMajor());
        Matrix r = x.reshape(2, 6);
        assertEquals(new Shape(2, 6), r.shape());
        assertArrayEquals(GOLDEN.doubles("reduce.reshape_2_6"), r.toRowMajor());
        assertEquals(new Shape(12, 1), x.reshape(-1, 1).shape());
    }

    @Test
    void reshape_wrongSize_namesShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 4).reshape(5, 2));
        assertEquals("reshape: cannot reshape array of size 12 and shape (3, 4) into shape (5, 2)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 4).reshape(-1, -1));
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(3, 4).reshape(5, -1));
    }

    @Test
    void round_isHalfToEvenLikeNumpy() {
        Matrix x = Matrix.rowVector(0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994);
        assertArrayEquals(GOLDEN.doubles("reduce.round"), x.round().toRowMajor());
    }

    @Test
    void factories_buildExpectedShapesAndCopyInputs() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Matrix m = Matrix.of(rows);
        rows[0][0] = 99;
        assertEquals(1.0, m.get(0, 0));
        assertEquals(new Shape(2, 3), m.shape());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, m.toArray());
        assertEquals(new Shape(3, 1), Matrix.columnVector(1, 2, 3).shape());
        assertEquals(new Shape(1, 3), Matrix.rowVector(1, 2, 3).shape());
        assertEquals(6.0, Matrix.ones(2, 3).sum());
        assertEquals(0.0, Matrix.zeros(2, 3).sum());
        assertEquals(7.0, Matrix.scalar(7).item());
        assertEquals(m.transpose(), Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
    }

    @Test
    void factories_badInput_isRefusedWithMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new double[][] {{1, 2}, {3}})).getMessage().contains("ragged"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Matrix.fromRowMajor(2, 2, new double[3])).getMessage().contains("needs 4 values, got 3"));
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(100_000, 100_000));
        assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 2).plus((Matrix) null));
        assertThrows(ShapeException.class, () -> Matrix.zeros(2, 2).item());
        assertThrows(IndexOutOfBoundsException.class, () -> Matrix.zeros(2, 2).get(2, 0));
    }

    @Test
    void operations_neverModifyTheirOperands() {
        Matrix a = Matrix.of(new double[][] {{1, -2}, {3, 4}});
        Matrix copy = Matrix.of(a.toArray());
        a.plus(a).times(2).exp().map(v -> v * 3).transpose().dot(a);
        double[] raw = a.toRowMajor();
        raw[0] = 42;
        DMatrixRMaj e = a.toEjml();
        e.set(0, 0, 42);
        assertEquals(copy, a);
        assertNotSame(a.toEjml(), a.toEjml());
        assertEquals(a, Matrix.fromEjml(a.toEjml()));
    }

    @Test
    void elementwiseFunctions_matchJavaMath() {
        Matrix x = Matrix.rowVector(-2, 0, 0.5, 3);
        assertArrayEquals(new double[] {Math.exp(-2), 1, Math.exp(0.5), Math.exp(3)}, x.exp().toRowMajor());
        assertArrayEquals(new double[] {2, 0, 0.5, 3}, x.abs().toRowMajor());
        assertArrayEquals(new double[] {4, 0, 0.25, 9}, x.pow(2).toRowMajor());
        assertArrayEquals(new double[] {0, 0, 0.5, 3}, x.maximum(0).toRowMajor());
        assertArrayEquals(new double[] {0, 0, 0, 1}, x.greaterThan(0.5).toRowMajor());
        assertArrayEquals(new double[] {1, 1, 1, 0}, x.lessOrEqual(0.5).toRowMajor());
        assertArrayEquals(new double[] {3, 1, 0.5, -2}, x.rsub(1).toRowMajor());
        assertArrayEquals(new double[] {-0.5, Double.POSITIVE_INFINITY, 2, 1.0 / 3}, x.rdiv(1).toRowMajor());
        assertEquals(Double.NaN, Matrix.rowVector(1, Double.NaN).max());
        assertTrue(Matrix.rowVector(1, 2).isFinite());
        assertTrue(!Matrix.rowVector(1, Double.POSITIVE_INFINITY).isFinite());
    }

    @Test
    void columnsAndRows_sliceLikeNumpy() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(Matrix.of(new double[][] {{2, 3}, {5, 6}}), m.columns(1, 3));
        assertEquals(Matrix.columnVector(1, 4), m.column(0));
        assertEquals(Matrix.rowVector(4, 5, 6), m.row(1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.columns(2, 4));
    }

    @Test
    void toString_isReadable() {
        assertEquals("[[1.0, 2.0], [3.0, 4.0]]", Matrix.of(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("(12288, 209)", new Shape(12288, 209).toString());
    }

    @Test
    void format_printsLikeNumpy() {
        assertEquals("[[0.73105858 0.88079708]\n [1.         2.5       ]]",
                Matrix.of(new double[][] {{0.7310585786300049, 0.8807970779778823}, {1, 2.5}}).format());
    }
}
