package org.nndl4j.basics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.matrix.ShapeException;

/** Spec 1.1: each function against the outputs the course printed. */
class BasicFunctionsTest {

    @Test
    void sigmoid_ofOneTwoThree_matchesSpec() {
        Matrix s = BasicFunctions.sigmoid(Matrix.rowVector(1, 2, 3));
        // spec: array([ 0.73105858,  0.88079708,  0.95257413])
        assertArrayEquals(new double[] {0.73105858, 0.88079708, 0.95257413}, s.toRowMajor(), 5e-9);
        assertEquals(1 / (1 + Math.exp(-3)), BasicFunctions.sigmoid(3.0));
    }

    @Test
    void sigmoidDerivative_isSigmoidTimesOneMinusSigmoid() {
        Matrix ds = BasicFunctions.sigmoidDerivative(Matrix.rowVector(1, 2, 3));
        // the course's expected output for sigmoid_derivative([1, 2, 3])
        assertArrayEquals(new double[] {0.19661193, 0.10499359, 0.04517666}, ds.toRowMajor(), 5e-9);
        // and it is the derivative: central differences
        double h = 1e-6;
        for (double x : new double[] {-4, -1, 0, 0.5, 3}) {
            double numeric = (BasicFunctions.sigmoid(x + h) - BasicFunctions.sigmoid(x - h)) / (2 * h);
            assertEquals(numeric, BasicFunctions.sigmoidDerivative(Matrix.scalar(x)).item(), 1e-9);
        }
    }

    @Test
    void image2vector_unrollsInCOrder() {
        double[] v = new double[18];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
        }
        Matrix column = BasicFunctions.image2vector(NDArray.of(v, 3, 3, 2));
        assertEquals(18, column.rows());
        assertEquals(1, column.cols());
        assertArrayEquals(v, column.toRowMajor());
    }

    @Test
    void image2vector_notThreeDimensional_isRefusedWithShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BasicFunctions.image2vector(NDArray.of(new double[6], 2, 3)));
        assertEquals("image2vector: expected a 3-D array (length, height, depth), got shape (2, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BasicFunctions.image2vector(null));
    }

    @Test
    void normalizeRows_matchesSpec() {
        Matrix x = Matrix.of(new double[][] {{0, 3, 4}, {1, 6, 4}});
        // spec: [[ 0. 0.6 0.8 ] [ 0.13736056  0.82416338  0.54944226]]
        assertArrayEquals(new double[] {0, 0.6, 0.8, 0.13736056, 0.82416338, 0.54944226},
                BasicFunctions.normalizeRows(x).toRowMajor(), 5e-9);
    }

    @Test
    void normalizeRows_zeroRow_staysZeroInsteadOfNaN() {
        Matrix n = BasicFunctions.normalizeRows(Matrix.of(new double[][] {{0, 0, 0}, {3, 0, 4}}));
        assertArrayEquals(new double[] {0, 0, 0, 0.6, 0, 0.8}, n.toRowMajor(), 1e-15);
    }

    @Test
    void softmax_matchesCourseExampleAndRowsSumToOne() {
        Matrix x = Matrix.of(new double[][] {{9, 2, 5, 0, 0}, {7, 5, 0, 0, 0}});
        Matrix s = BasicFunctions.softmax(x);
        // numpy: exp(x) / sum(exp(x), axis=1), printed to 9 significant digits
        assertArrayEquals(new double[] {9.80897665e-01, 8.94462891e-04, 1.79657674e-02, 1.21052389e-04, 1.21052389e-04,
            8.78679856e-01, 1.18916387e-01, 8.01252314e-04, 8.01252314e-04, 8.01252314e-04}, s.toRowMajor(), 5e-10);
        assertArrayEquals(new double[] {1, 1}, s.sum(1).toRowMajor(), 1e-15);
    }

    @Test
    void softmax_hugeValues_doNotOverflowToNaN() {
        Matrix s = BasicFunctions.softmax(Matrix.of(new double[][] {{1000, 1001, 1002}, {-1e308, 0, 1e308}}));
        assertTrue(s.isFinite(), s.toString());
        assertArrayEquals(new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748218},
                s.row(0).toRowMajor(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, s.row(1).toRowMajor());
    }

    @Test
    void l1AndL2_matchSpec() {
        Matrix yhat = Matrix.rowVector(.9, 0.2, 0.1, .4, .9);
        Matrix y = Matrix.rowVector(1, 0, 0, 1, 1);
        assertEquals(1.1, BasicFunctions.l1(yhat, y), 1e-15);
        assertEquals(0.43, BasicFunctions.l2(yhat, y), 1e-15);
    }

    @Test
    void losses_differentShapes_nameBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> BasicFunctions.l1(Matrix.zeros(1, 5), Matrix.zeros(1, 4)));
        assertTrue(e.getMessage().startsWith("l1: shapes (1, 5) and (1, 4)"), e.getMessage());
        assertTrue(assertThrows(ShapeException.class, () -> BasicFunctions.l2(Matrix.zeros(5, 1), Matrix.zeros(1, 5)))
                .getMessage().startsWith("l2: shapes (5, 1) and (1, 5)"));
        assertThrows(IllegalArgumentException.class, () -> BasicFunctions.sigmoid((Matrix) null));
        assertThrows(IllegalArgumentException.class, () -> BasicFunctions.softmax(null));
    }
}
