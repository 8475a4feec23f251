package org.nndl4j.matrix;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * Copies a large selection of a matrix's columns, a run of mini-batches {@code a[:, indices[from:to]]}, into
 * consecutive batch buffers, reading each row of {@code a} in increasing column order.
 *
 * <p>A mini-batch's columns of a wide matrix are random reads: each value is a cache miss of its own, about 10 ns
 * (measured on 256 of 60,000 columns of 784 rows). Read in increasing column order, a selection of a quarter of the
 * columns or more touches nearly every cache line of a row, and the row is read as a stream: gathering the tall
 * workload's epoch a quarter at a time took 149–156 ms against 392–399 ms batch by batch (one thread, buffers reused). The values and
 * their places are those of {@link Matrix#selectColumnsInto}; only the order of the reads differs.
 */
public final class ColumnGather {

    private ColumnGather() {
    }

    /**
     * Position {@code k} of {@code indices[from..to)} into batch {@code (k - from) / width}, column
     * {@code (k - from) % width}: {@code batches[b][i][c] = a[i, indices[from + b·width + c]]}, for rows
     * {@code [rowFrom, rowTo)} (a part per thread). Modifies only those rows of the batches.
     *
     * @param a       the matrix read
     * @param indices column indices of {@code a}
     * @param from    the first position of {@code indices} used
     * @param to      the position after the last one used
     * @param width   the columns of every batch but the last, which holds the rest ({@code >= 1})
     * @param batches {@code ceil((to - from) / width)} buffers of at least {@code rowTo} rows of their width
     * @param rowFrom the first row copied
     * @param rowTo   the row after the last one copied
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code indices}, naming the first index out
     *                                   of range, or {@code [rowFrom, rowTo)} not within the rows
     * @throws ShapeException            naming both shapes if a batch is too small or their number is wrong
     */
    public static void into(Matrix a, int[] indices, int from, int to, int width, double[][][] batches, int rowFrom,
            int rowTo) {
        Plan plan = new Plan(a, indices, from, to, width, batches, rowFrom, rowTo);
        double[] sorted = new double[to - from];
        for (int i = rowFrom; i < rowTo; i++) {
            plan.read(i, sorted);
            int[] ranks = plan.ranks;
            for (int b = 0, k = 0; b < batches.length; b++) {
                double[] out = batches[b][i];
                for (int c = 0, w = plan.width(b); c < w; c++, k++) {
                    out[c] = sorted[ranks[k]];
                }
            }
        }
    }

    /**
     * {@link #into(Matrix, int[], int, int, int, double[][][], int, int)} rounding each value to float32, for a
     * float32 training's batches.
     *
     * @param a       the matrix read
     * @param indices column indices of {@code a}
     * @param from    the first position of {@code indices} used
     * @param to      the position after the last one used
     * @param width   the columns of every batch but the last, which holds the rest ({@code >= 1})
     * @param batches {@code ceil((to - from) / width)} buffers of at least {@code rowTo} rows of their width
     * @param rowFrom the first row copied
     * @param rowTo   the row after the last one copied
     * @throws IndexOutOfBoundsException as the float64 method
     * @throws ShapeException            as the float64 method
     */
    public static void into(Matrix a, int[] indices, int from, int to, int width, float[][][] batches, int rowFrom,
            int rowTo) {
        Plan plan = new Plan(a, indices, from, to, width, batches, rowFrom, rowTo);
        double[] sorted = new double[to - from];
        for (int i = rowFrom; i < rowTo; i++) {
            plan.read(i, sorted);
            int[] ranks = plan.ranks;
            for (int b = 0, k = 0; b < batches.length; b++) {
                float[] out = batches[b][i];
                for (int c = 0, w = plan.width(b); c < w; c++, k++) {
                    out[c] = (float) sorted[ranks[k]];
                }
            }
        }
    }

    /**
     * The selection's columns in increasing order, and each position's rank in that order. A row is read in two
     * passes: its selected values in column order (a stream through the row), then, batch by batch, each position's
     * value from those (reads within a buffer in the caches, writes in order). Scattering the values straight to their
     * positions instead took 178 and 141 ms against 135 and 115 for three runs of the tall workload, float32 165 and
     * 120 against 122 and 103 (one thread, two alternating pairs of processes).
     */
    private static final class Plan {
        final Matrix a;
        final int count;
        final int batchWidth;
        final int rows;
        final int[] columns;
        final int[] ranks;

        /** {@code batches}: double[][][] or float[][][], checked here. */
        Plan(Matrix a, int[] indices, int from, int to, int width, Object[][] batches, int rowFrom, int rowTo) {
            Checks.notNull("ColumnGather.into", "a", a);
            a.checkSelection("ColumnGather.into", indices, from, to, rowFrom, rowTo);
            this.a = a;
            this.count = to - from;
            this.batchWidth = width;
            this.rows = rowTo;
            Checks.notNull("ColumnGather.into", "batches", batches);
            if (width < 1 || batches.length != (count + width - 1) / width) {
                throw new ShapeException("ColumnGather.into", a.shape(), new Shape(batches.length, Math.max(width, 0)),
                        "a run of " + count + " columns in batches of " + width + " needs "
                                + (width < 1 ? "a width of at least 1" : (count + width - 1) / width + " batches"));
            }
            for (int b = 0; b < batches.length; b++) {
                Object[] batch = batches[b];
                int narrowest = batch == null || batch.length < rowTo ? -1 : Integer.MAX_VALUE;
                for (int i = rowFrom; narrowest >= 0 && i < rowTo; i++) {
                    narrowest = batch[i] == null ? -1 : Math.min(narrowest, Array.getLength(batch[i]));
                }
                checkBatch(b, batch == null ? 0 : batch.length, narrowest);
            }
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[k] = (long) indices[from + k] << 32 | k;
            }
            Arrays.sort(keys);
            columns = new int[count];
            ranks = new int[count];
            for (int k = 0; k < count; k++) {
                columns[k] = (int) (keys[k] >>> 32);
                ranks[(int) keys[k]] = k;
            }
        }

        /** Row {@code i}'s selected values in increasing column order into {@code sorted}. */
        void read(int i, double[] sorted) {
            double[] values = a.values();
            int offset = i * a.cols();
            for (int j = 0; j < columns.length; j++) {
                sorted[j] = values[offset + columns[j]];
            }
        }

        /** The columns of batch {@code b}. */
        int width(int b) {
            return Math.min(batchWidth, count - b * batchWidth);
        }

        /**
         * Refuses batch {@code b} unless it has the rows (up to the last copied) and its width in each copied row
         * ({@code narrowestRow} is -1 for a missing row).
         */
        private void checkBatch(int b, int batchRows, int narrowestRow) {
            if (narrowestRow < width(b)) {
                throw new ShapeException("ColumnGather.into", a.shape(), new Shape(batchRows, Math.max(narrowestRow, 0)),
                        "batch " + b + " needs at least " + rows + " rows of " + width(b) + " values");
            }
        }
    }
}
