package org.nndl4j.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.nndl4j.matrix.Checks;

/**
 * Which mini-batches of an epoch's order an engine holds gathered: a run of consecutive batches covering a quarter of
 * the examples (float32: half), gathered at once by {@link org.nndl4j.matrix.ColumnGather} when the first of them is
 * asked for.
 *
 * <p>For an X too large to be held as rows ({@link NetworkEngine#HELD_VALUES}): its batches are random reads of the
 * caller's matrix, a cache miss a value, and a run of a quarter of the examples reads X's rows as streams instead
 * (the tall workload's gather: 149–156 ms an epoch against 392–399 ms batch by batch, one thread). The cost is the
 * run's buffers, a quarter of X's bytes (float32: half the examples in float32, the same bytes), and only when the
 * heap has twice that to spare; otherwise batches are gathered one by one. The batches hold the same values in the
 * same places either way, so training gives the same bits.
 *
 * <p>A batch is served from the run only if the order's positions still hold the indices that were gathered: an
 * order changed in place, a batch asked out of turn or of another width starts a new run at that batch.
 *
 * @param <T> a batch's buffer, {@code n[0]} rows of its width ({@code double[][]} or {@code float[][]})
 */
final class BatchRun<T> {

    /** Gathers a run: {@code order[from..to)} into {@code batches} of {@code width} examples (the last: the rest). */
    interface Gather<T> {
        void into(int[] order, int from, int to, int width, List<T> batches);
    }

    /**
     * A float64 run holds at least 1/SHARE of the examples: then its sorted reads touch nearly every cache line of a
     * row. Each run reads all of X once; a float32 run, whose buffers are half the bytes, holds twice the share.
     */
    static final int SHARE = 4;

    private final int m;
    /** A run covers at least m / share examples. */
    private final int share;
    private final IntFunction<T> make;
    /** The buffers of the run's full-width batches, by position, and of a narrower last batch. */
    private final List<T> full = new ArrayList<>();
    private T last;
    private int lastWidth;
    private int[] indices = new int[0];
    private int from;
    private int to;
    private int width;
    /** Whether the heap was found too small for a run: batches are then gathered one by one. */
    private boolean refused;

    /**
     * @param m     the number of examples
     * @param share a run covers at least {@code m / share} examples ({@link #SHARE} for float64 buffers)
     * @param make  a batch's buffer for a width
     */
    BatchRun(int m, int share, IntFunction<T> make) {
        this.m = m;
        this.share = share;
        this.make = make;
    }

    /**
     * The buffer of the batch {@code [from, to)} of {@code order}: from the run when it holds it, else from a new run
     * starting at that batch, which {@code gather} fills.
     */
    T batch(int[] order, int from, int to, Gather<T> gather) {
        int k = batchOf(order, from, to);
        if (k < 0) {
            start(order, from, to);
            List<T> batches = new ArrayList<>();
            for (int b = 0; b < batches(); b++) {
                batches.add(buffer(b));
            }
            gather.into(order, this.from, this.to, width, batches);
            k = 0;
        }
        return width(k) == width ? full.get(k) : last;
    }

    /** Batch {@code b}'s buffer: reused at its position, or the narrower last one's. */
    private T buffer(int b) {
        int w = width(b);
        if (w < width) {
            if (last == null || lastWidth != w) {
                last = make.apply(w);
                lastWidth = w;
            }
            return last;
        }
        while (full.size() <= b) {
            full.add(make.apply(width));
        }
        return full.get(b);
    }

    /** The run's examples for batches of {@code width}: whole batches covering at least m / share examples. */
    static int runExamples(int m, int share, int width) {
        long batches = ((long) m + (long) share * width - 1) / ((long) share * width);
        return (int) Math.min(m, batches * width);
    }

    /**
     * Whether a run of batches of {@code width} values per example column fits: {@code bytesPerValue} bytes for each
     * of {@code rows} times the run's examples, twice over to leave the training its headroom. Asked once; a refusal
     * holds for the rest of the training.
     */
    boolean fits(int rows, int width, int bytesPerValue) {
        if (!refused) {
            refused = !Checks.isWithinMemory(2L * bytesPerValue * rows * runExamples(m, share, width));
        }
        return !refused;
    }

    /** The batch {@code [start, end)} of {@code order} in the run, or -1 when the run does not hold it. */
    private int batchOf(int[] order, int start, int end) {
        int k = start - from;
        if (order == null || start < from || end > to || width == 0 || k % width != 0
                || end - start != Math.min(width, to - start)) {
            return -1;
        }
        return Arrays.equals(indices, k, k + end - start, order, start, end) ? k / width : -1;
    }

    /** Starts a new run at the batch {@code [start, end)} of {@code order}. */
    private void start(int[] order, int start, int end) {
        if (end - start != width) {
            full.clear();
        }
        width = end - start;
        from = start;
        to = Math.min(m, start + runExamples(m, share, width));
        indices = Arrays.copyOfRange(order, from, to);
    }

    /** The number of batches in the run. */
    private int batches() {
        return (to - from + width - 1) / width;
    }

    /** The examples of batch {@code b}. */
    private int width(int b) {
        return Math.min(width, to - from - b * width);
    }
}
