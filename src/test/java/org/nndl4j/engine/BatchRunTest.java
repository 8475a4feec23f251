package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.random.NumpyRandom;

/** An epoch's batches are gathered a run of a quarter of the examples at a time, into buffers that are reused. */
class BatchRunTest {

    /** Each buffer records the order's indices it was given: buffer[0] is the batch's examples. */
    private static final class Recorder implements BatchRun.Gather<int[][]> {
        final List<int[]> runs = new ArrayList<>();

        @Override
        public void into(int[] order, int from, int to, int width, List<int[][]> batches) {
            runs.add(new int[] {from, to, width, batches.size()});
            for (int b = 0; b < batches.size(); b++) {
                int start = from + b * width;
                int[] examples = java.util.Arrays.copyOfRange(order, start, Math.min(to, start + width));
                assertEquals(examples.length, batches.get(b)[0].length, "batch " + b + "'s buffer width");
                System.arraycopy(examples, 0, batches.get(b)[0], 0, examples.length);
            }
        }
    }

    @Test
    void theTallWorkloadsEpoch_isGatheredInFourRuns_intoTheSameBuffers() {
        int m = 60_000;
        BatchRun<int[][]> run = new BatchRun<>(m, BatchRun.SHARE, w -> new int[1][w]);
        Recorder gather = new Recorder();
        List<int[][]> seen = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = new NumpyRandom(epoch).permutation(m);
            for (int from = 0; from < m; from += 256) {
                int to = Math.min(m, from + 256);
                int[][] batch = run.batch(order, from, to, gather);
                assertArrayEquals(java.util.Arrays.copyOfRange(order, from, to), batch[0], "examples [" + from + ", "
                        + to + ")");
                if (epoch == 0) {
                    seen.add(batch);
                } else {
                    assertSame(seen.get(from / 256), batch, "the buffer of batch " + from / 256 + " is reused");
                }
            }
        }
        // 235 batches: three runs of 59 (15,104 examples, a quarter or more) and one of 57 and the last 96 examples
        assertEquals(8, gather.runs.size());
        assertArrayEquals(new int[] {0, 15_104, 256, 59}, gather.runs.get(0));
        assertArrayEquals(new int[] {45_312, 60_000, 256, 58}, gather.runs.get(3));
        assertEquals(15_104, BatchRun.runExamples(m, 4, 256));
        assertEquals(30_208, BatchRun.runExamples(m, 2, 256));
        assertEquals(100, BatchRun.runExamples(100, 4, 256));
        assertEquals(30, BatchRun.runExamples(100, 4, 10));
    }
}
