package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.random.NumpyRandom;

/** Reading a large matrix a panel of columns at a time into reused buffers, and building one without a second array. */
class MatrixPanelsTest {

    /** 11 x 23: more rows than the transposed copy's block of 8, a column count no block divides. */
    private static final Matrix A = new NumpyRandom(3).randn(11, 23);

    @Test
    void copyColumnsInto_isTheSliceOfNumpy() {
        double[][] out = new double[12][9];
        A.copyColumnsInto(5, 12, out);
        Matrix slice = A.columns(5, 12);
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(slice.get(i, j), out[i][j], 0.0);
            }
            // only the first to - from values of each row are written
            assertEquals(0.0, out[i][7], 0.0);
        }
        assertArrayEquals(new double[9], out[11], 0.0);
    }

    @Test
    void copyColumnsTransposedInto_isTheSliceTransposed() {
        double[][] out = new double[7][11];
        A.copyColumnsTransposedInto(16, 23, out);
        assertEquals(A.columns(16, 23).transpose(), Matrix.of(out));
    }

    @Test
    void selectColumnsInto_isFancyIndexingOfARange() {
        int[] order = new NumpyRandom(4).permutation(23);
        double[][] out = new double[11][5];
        A.selectColumnsInto(order, 10, 15, out);
        assertEquals(A.selectColumns(java.util.Arrays.copyOfRange(order, 10, 15)), Matrix.of(out));
    }

    @Test
    void selectColumnsInto_byRanges_ofRows_writesOnlyThoseRows_andTheirUnionIsTheWhole() {
        int[] order = new NumpyRandom(5).permutation(23);
        double[][] whole = new double[11][6];
        A.selectColumnsInto(order, 3, 9, whole);
        double[][] parts = new double[11][6];
        A.selectColumnsInto(order, 3, 9, parts, 0, 4);
        assertArrayEquals(new double[6], parts[4], 0.0, "row 4 is not written yet");
        A.selectColumnsInto(order, 3, 9, parts, 4, 11);
        assertEquals(Matrix.of(whole), Matrix.of(parts));
        IndexOutOfBoundsException rows = assertThrows(IndexOutOfBoundsException.class,
                () -> A.selectColumnsInto(order, 3, 9, parts, 5, 12));
        assertTrue(rows.getMessage().contains("[5, 12)") && rows.getMessage().contains("(11, 23)"), rows.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> A.selectColumnsInto(order, 3, 9, parts, 4, 3));
    }

    @Test
    void panels_badRangesAndSmallOutputs_areRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> A.copyColumnsInto(20, 24, new double[11][4]));
        assertThrows(IndexOutOfBoundsException.class, () -> A.copyColumnsTransposedInto(3, 2, new double[1][11]));
        IndexOutOfBoundsException index = assertThrows(IndexOutOfBoundsException.class,
                () -> A.selectColumnsInto(new int[] {0, 23}, 0, 2, new double[11][2]));
        assertTrue(index.getMessage().contains("indices[1] = 23") && index.getMessage().contains("(11, 23)"),
                index.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> A.selectColumnsInto(new int[] {0, 1}, 1, 3, new double[11][2]));
        ShapeException rows = assertThrows(ShapeException.class, () -> A.copyColumnsInto(0, 4, new double[10][4]));
        assertTrue(rows.getMessage().contains("(11, 23)") && rows.getMessage().contains("(10, 4)"), rows.getMessage());
        ShapeException cols = assertThrows(ShapeException.class, () -> A.copyColumnsTransposedInto(0, 4, new double[4][10]));
        assertTrue(cols.getMessage().contains("(11, 23)") && cols.getMessage().contains("(4, 10)"), cols.getMessage());
        assertThrows(IllegalArgumentException.class, () -> A.copyColumnsInto(0, 1, null));
    }

    @Test
    void generate_fillsInCOrder_andNumpyRandomDrawsTheSameNumbers() {
        double[] next = {0};
        Matrix counted = Matrix.generate(2, 3, () -> next[0]++);
        assertEquals(Matrix.of(new double[][] {{0, 1, 2}, {3, 4, 5}}), counted);
        // rand(rows, cols) and randn(rows, cols) are rand(n) and randn(n) in C order, without the second array
        assertArrayEquals(new NumpyRandom(5).rand(12), new NumpyRandom(5).rand(3, 4).toRowMajor(), 0.0);
        assertArrayEquals(new NumpyRandom(6).randn(12), new NumpyRandom(6).randn(4, 3).toRowMajor(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Matrix.generate(-1, 2, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> Matrix.generate(1, 2, null));
    }
}
