package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every check's refusal names the operation first, then the argument, the expected and the received value. */
class ChecksTest {

    private static String refused(Runnable check) {
        return assertThrows(IllegalArgumentException.class, check::run).getMessage();
    }

    private static String refusedShape(Runnable check) {
        return assertThrows(ShapeException.class, check::run).getMessage();
    }

    @Test
    void notNull_namesOperationAndArgument_andPassesTheValueThrough() {
        assertEquals("op: X is null", refused(() -> Checks.notNull("op", "X", null)));
        Object value = new Object();
        assertSame(value, Checks.notNull("op", "X", value));
    }

    @Test
    void shape_namesExpectedAndReceivedShapes() {
        assertEquals("op: expected w of shape (3, 1), got shape (2, 1)",
                refusedShape(() -> Checks.shape("op", "w", Matrix.zeros(2, 1), new Shape(3, 1))));
        assertEquals("op: w is null, expected shape (3, 1)", refused(() -> Checks.shape("op", "w", null, new Shape(3, 1))));
        Checks.shape("op", "w", Matrix.zeros(3, 1), new Shape(3, 1));
    }

    @Test
    void rows_namesExpectedRowsAndReceivedShape() {
        assertEquals("op: expected Y of shape (1, m), got shape (2, 5)",
                refusedShape(() -> Checks.rows("op", "Y", Matrix.zeros(2, 5), 1)));
        assertEquals("op: Y is null", refused(() -> Checks.rows("op", "Y", null, 1)));
        Checks.rows("op", "Y", Matrix.zeros(1, 5), 1);
    }

    @Test
    void sameShape_namesBothShapesAndBothArguments() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Checks.sameShape("l1", "yhat", Matrix.zeros(1, 5), "y", Matrix.zeros(1, 4)));
        assertEquals("l1: shapes (1, 5) and (1, 4) differ: yhat and y must have the same shape", e.getMessage());
        assertEquals(new Shape(1, 5), e.first());
        assertEquals(new Shape(1, 4), e.second());
        assertEquals("l1: yhat is null", refused(() -> Checks.sameShape("l1", "yhat", null, "y", Matrix.zeros(1, 4))));
        assertEquals("l1: y is null", refused(() -> Checks.sameShape("l1", "yhat", Matrix.zeros(1, 4), "y", null)));
        Checks.sameShape("l1", "yhat", Matrix.zeros(2, 3), "y", Matrix.zeros(2, 3));
    }

    @Test
    void fits_namesBothShapesTheRequiredShapeAndTheDictatingMatrix() {
        String message = refusedShape(
                () -> Checks.fits("ShallowParameters", "W1", Matrix.zeros(4, 2), "b1", Matrix.zeros(3, 1), new Shape(4, 1)));
        assertEquals("ShallowParameters: shapes (3, 1) and (4, 2) do not fit: b1 must be (4, 1) for W1 of shape (4, 2), "
                + "got (3, 1)", message);
        assertEquals("op: b1 is null",
                refused(() -> Checks.fits("op", "W1", Matrix.zeros(4, 2), "b1", null, new Shape(4, 1))));
        Checks.fits("op", "W1", Matrix.zeros(4, 2), "b1", Matrix.zeros(4, 1), new Shape(4, 1));
    }

    @Test
    void aligned_namesBothShapesAndTheMismatchedSizes() {
        assertEquals("forwardPropagation: shapes (4, 2) and (3, 10) not aligned: W1 has 2 columns but X has 3 rows",
                refusedShape(() -> Checks.aligned("forwardPropagation", "W1", Matrix.zeros(4, 2), "X", Matrix.zeros(3, 10))));
        assertEquals("op: X is null", refused(() -> Checks.aligned("op", "W1", Matrix.zeros(4, 2), "X", null)));
        Checks.aligned("op", "W1", Matrix.zeros(4, 2), "X", Matrix.zeros(2, 10));
    }

    @Test
    void examples_namesBothShapes_andRefusesNoExamples() {
        assertEquals("op: shapes (2, 3) and (1, 4) differ in number of examples: X has 3 columns, Y has 4",
                refusedShape(() -> Checks.examples("op", Matrix.zeros(2, 3), Matrix.zeros(1, 4))));
        assertEquals("op: no examples (m = 0) in X of shape (2, 0) and Y of shape (1, 0)",
                refused(() -> Checks.examples("op", Matrix.zeros(2, 0), Matrix.zeros(1, 0))));
        assertEquals("op: X is null", refused(() -> Checks.examples("op", null, Matrix.zeros(1, 4))));
        assertEquals("op: Y is null", refused(() -> Checks.examples("op", Matrix.zeros(2, 4), null)));
        assertEquals(4, Checks.examples("op", Matrix.zeros(2, 4), Matrix.zeros(3, 4)));
    }

    @Test
    void binaryLabels_namesTheFirstOffendingPositionAndValue() {
        Matrix Y = Matrix.of(new double[][] {{0, 1, 0.5, 2}});
        assertEquals("op: labels must be 0 or 1, but Y[0, 2] = 0.5", refused(() -> Checks.binaryLabels("op", Y)));
        assertEquals("op: labels must be 0 or 1, but Y[1, 0] = -1.0",
                refused(() -> Checks.binaryLabels("op", Matrix.of(new double[][] {{1, 0}, {-1, 0}}))));
        assertEquals("op: Y is null", refused(() -> Checks.binaryLabels("op", null)));
        Checks.binaryLabels("op", Matrix.rowVector(0, 1, 1, 0));
    }

    @Test
    void binaryExamples_checksRowsThenExamplesThenLabels() {
        assertEquals("op: expected Y of shape (1, m), got shape (2, 3)",
                refusedShape(() -> Checks.binaryExamples("op", Matrix.zeros(2, 3), Matrix.zeros(2, 3))));
        assertTrue(refusedShape(() -> Checks.binaryExamples("op", Matrix.zeros(2, 3), Matrix.zeros(1, 2)))
                .startsWith("op: shapes (2, 3) and (1, 2) differ in number of examples"));
        assertTrue(refused(() -> Checks.binaryExamples("op", Matrix.zeros(2, 0), Matrix.zeros(1, 0)))
                .startsWith("op: no examples (m = 0)"));
        assertEquals("op: labels must be 0 or 1, but Y[0, 1] = 3.0",
                refused(() -> Checks.binaryExamples("op", Matrix.zeros(2, 2), Matrix.rowVector(1, 3))));
        assertEquals("op: X is null", refused(() -> Checks.binaryExamples("op", null, Matrix.rowVector(1))));
        assertEquals(2, Checks.binaryExamples("op", Matrix.zeros(5, 2), Matrix.rowVector(1, 0)));
    }

    @Test
    void positiveAndNonNegative_nameTheArgumentAndTheValue() {
        assertEquals("makeBlobs: centers must be >= 1, got 0", refused(() -> Checks.positive("makeBlobs", "centers", 0)));
        assertEquals(3, Checks.positive("op", "n", 3));
        assertEquals("randn: n must be >= 0, got -3", refused(() -> Checks.nonNegative("randn", "n", -3)));
        assertEquals(0, Checks.nonNegative("op", "n", 0));
    }

    @Test
    void finiteAndFinitePositive_nameTheArgumentAndTheValue() {
        assertEquals("propagate: b must be a finite number, got NaN", refused(() -> Checks.finite("propagate", "b", Double.NaN)));
        assertEquals(-2.5, Checks.finite("op", "b", -2.5));
        assertEquals("updateParameters: learning rate must be a finite number > 0, got -1.2",
                refused(() -> Checks.finitePositive("updateParameters", "learning rate", -1.2)));
        assertEquals("op: a must be a finite number > 0, got 0.0", refused(() -> Checks.finitePositive("op", "a", 0.0)));
        assertEquals("op: a must be a finite number > 0, got NaN", refused(() -> Checks.finitePositive("op", "a", Double.NaN)));
        assertEquals("op: a must be a finite number > 0, got Infinity",
                refused(() -> Checks.finitePositive("op", "a", Double.POSITIVE_INFINITY)));
        assertEquals(0.5, Checks.finitePositive("op", "a", 0.5));
    }

    @Test
    void atMost_namesTheLimitAndTheValue() {
        assertEquals("ImageGrid.of: pixels must be <= 100, got 101", refused(() -> Checks.atMost("ImageGrid.of", "pixels", 101, 100)));
        assertEquals(100, Checks.atMost("op", "pixels", 100, 100));
    }

    @Test
    void elementCount_namesBothDimensions() {
        assertEquals("rand: dimensions must be >= 0, got (2, -1)", refused(() -> Checks.elementCount("rand", 2, -1)));
        assertEquals("rand: (65536, 65536) has more than " + Checks.MAX_ELEMENTS + " elements",
                refused(() -> Checks.elementCount("rand", 65536, 65536)));
        assertEquals(12, Checks.elementCount("rand", 3, 4));
    }

    @Test
    void finiteValues_namesTheFirstNonFiniteByColumn_notByRow() {
        // row by row the NaN at [0, 5] comes first; column by column (example by example) the infinity at [2, 1]
        double[][] values = new double[3][6];
        values[0][5] = Double.NaN;
        values[2][1] = Double.POSITIVE_INFINITY;
        assertEquals("predict: X[2, 1] = Infinity in column (example) 1 is not a finite number",
                refused(() -> Checks.finiteValues("predict", "X", Matrix.of(values))));
        Checks.finiteValues("predict", "X", Matrix.of(new double[3][6]));
        Checks.finiteValues("predict", "X", Matrix.zeros(0, 4));
    }
}
