package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link KernelWarmUp}'s calls of the probe tile: the rounds of every shape at the first probe, then bursts on the
 * whole tile, until a call allocates nothing.
 */
class KernelWarmUpTest {

    private static final int MR = 8;
    private static final int NR = 16;

    /** Where the allocating tile's arrays go, so that no compiler can drop them. */
    static volatile byte[] sink;

    /** A probe tile that allocates on its first {@code allocatingCalls} calls (a kernel not yet compiled). */
    private static final class CountingTile implements KernelWarmUp.ProbeTile {
        final List<int[]> calls = new ArrayList<>(1 << 13);
        int allocatingCalls;

        CountingTile(int allocatingCalls) {
            this.allocatingCalls = allocatingCalls;
        }

        @Override
        public void multiply(int rows, int cols) {
            calls.add(new int[] {rows, cols});
            if (calls.size() <= allocatingCalls) {
                sink = new byte[4096];
            }
        }
    }

    /** Sleeps past the warm-up's spacing of probes. */
    private static void pastTheSpacing() throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000L) {
            Thread.sleep(1);
        }
    }

    @Test
    void firstProbe_runsTheRoundsOfEveryShape_thenMeasuresOneCall() {
        CountingTile tile = new CountingTile(Integer.MAX_VALUE);
        KernelWarmUp warmUp = new KernelWarmUp(tile, MR, NR);
        warmUp.probe();
        assertEquals(KernelWarmUp.TICK_ROUNDS * 2 * MR + 1, tile.calls.size());
        for (int rows = 1; rows <= MR; rows++) {
            int r = rows;
            assertTrue(tile.calls.stream().anyMatch(c -> c[0] == r && c[1] == NR - 1), "rows " + rows + ", NR - 1");
        }
        assertFalse(warmUp.hot(), "every call allocated");
    }

    @Test
    void laterProbes_runABurstOnTheWholeTile_andTurnHotOnceACallAllocatesNothing() throws InterruptedException {
        int rounds = KernelWarmUp.TICK_ROUNDS * 2 * MR + 1;
        // allocating up to and including the second probe's measured call
        CountingTile tile = new CountingTile(rounds + KernelWarmUp.BURST + 1);
        KernelWarmUp warmUp = new KernelWarmUp(tile, MR, NR);
        warmUp.probe();
        pastTheSpacing();
        warmUp.probe();
        assertEquals(rounds + KernelWarmUp.BURST + 1, tile.calls.size());
        for (int[] call : tile.calls.subList(rounds, tile.calls.size())) {
            assertEquals(MR, call[0]);
            assertEquals(NR, call[1]);
        }
        assertFalse(warmUp.hot(), "the measured call allocated");
        pastTheSpacing();
        warmUp.probe();
        assertEquals(rounds + 2 * (KernelWarmUp.BURST + 1), tile.calls.size());
        assertTrue(warmUp.hot(), "the measured call allocated nothing");
    }
}
