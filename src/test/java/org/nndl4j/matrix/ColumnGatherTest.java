package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.random.NumpyRandom;

/** A run of mini-batches gathered in sorted column order holds what batch-by-batch selection gives. */
class ColumnGatherTest {

    private static final int ROWS = 7;
    private static final int COLS = 301;

    private static Matrix a() {
        return Matrix.of(TestArrays.random(ROWS, COLS, 31));
    }

    private static double[][][] batches(int count, int width, int last) {
        double[][][] b = new double[count][][];
        for (int k = 0; k < count; k++) {
            b[k] = new double[ROWS][k == count - 1 ? last : width];
        }
        return b;
    }

    @Test
    void aRunOfBatches_holdsTheSelectedColumnsInPlace() {
        Matrix a = a();
        int[] order = new NumpyRandom(5).permutation(COLS);
        // positions 13..213: 200 columns in batches of 32 (six whole, one of 8), gathered in two parts of rows
        double[][][] run = batches(7, 32, 8);
        ColumnGather.into(a, order, 13, 213, 32, run, 0, 3);
        ColumnGather.into(a, order, 13, 213, 32, run, 3, ROWS);
        for (int k = 0; k < 7; k++) {
            int from = 13 + 32 * k;
            double[][] expected = new double[ROWS][run[k][0].length];
            a.selectColumnsInto(order, from, Math.min(213, from + 32), expected);
            for (int i = 0; i < ROWS; i++) {
                assertArrayEquals(expected[i], run[k][i], 0.0, "batch " + k + ", row " + i);
            }
        }
    }

    @Test
    void float32Batches_areTheValuesRounded() {
        Matrix a = a();
        int[] order = new NumpyRandom(6).permutation(COLS);
        float[][][] run = {new float[ROWS][50], new float[ROWS][50], new float[ROWS][1]};
        ColumnGather.into(a, order, 0, 101, 50, run, 0, ROWS);
        for (int p = 0; p < 101; p++) {
            for (int i = 0; i < ROWS; i++) {
                assertEquals((float) a.get(i, order[p]), run[p / 50][i][p % 50], 0.0f, "position " + p);
            }
        }
    }

    @Test
    void repeatedColumns_andASingleBatch_areGathered() {
        Matrix a = a();
        int[] indices = {300, 0, 300, 17, 0};
        double[][][] run = batches(1, 5, 5);
        ColumnGather.into(a, indices, 0, 5, 8, run, 0, ROWS);
        for (int p = 0; p < 5; p++) {
            assertEquals(a.get(4, indices[p]), run[0][4][p], 0.0);
        }
    }

    @Test
    void badRuns_areRefused_namingWhatIsWrong() {
        Matrix a = a();
        int[] order = new NumpyRandom(7).permutation(COLS);
        ShapeException count = assertThrows(ShapeException.class,
                () -> ColumnGather.into(a, order, 0, 100, 32, batches(3, 32, 4), 0, ROWS));
        assertTrue(count.getMessage().contains("4 batches") && count.getMessage().contains("(7, 301)"),
                count.getMessage());
        ShapeException narrow = assertThrows(ShapeException.class,
                () -> ColumnGather.into(a, order, 0, 100, 32, batches(4, 32, 3), 0, ROWS));
        assertTrue(narrow.getMessage().contains("batch 3") && narrow.getMessage().contains("(7, 3)"),
                narrow.getMessage());
        assertThrows(ShapeException.class, () -> ColumnGather.into(a, order, 0, 100, 0, batches(4, 32, 4), 0, ROWS));
        double[][][] fewRows = batches(1, 10, 10);
        fewRows[0] = new double[3][10];
        assertThrows(ShapeException.class, () -> ColumnGather.into(a, order, 0, 10, 10, fewRows, 0, ROWS));
        ColumnGather.into(a, order, 0, 10, 10, fewRows, 0, 3);
        int[] outside = {0, 5, COLS};
        IndexOutOfBoundsException index = assertThrows(IndexOutOfBoundsException.class,
                () -> ColumnGather.into(a, outside, 0, 3, 3, batches(1, 3, 3), 0, ROWS));
        assertTrue(index.getMessage().contains("indices[2] = 301"), index.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> ColumnGather.into(a, order, 0, 10, 10, batches(1, 10, 10), 0, ROWS + 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> ColumnGather.into(a, order, 300, 302, 2, batches(1, 2, 2), 0, ROWS));
    }
}
