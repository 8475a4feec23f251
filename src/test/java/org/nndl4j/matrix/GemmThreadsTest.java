package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gemm's thread count under concurrency: changing it never breaks a running product, results stay bit-identical for
 * any count, and {@link Gemm#withThreads} sets one thread's count without touching the others'.
 */
class GemmThreadsTest {

    private int before;

    @BeforeEach
    void rememberTheDefault() {
        before = Gemm.threads();
    }

    @AfterEach
    void restoreTheDefault() {
        Gemm.setThreads(before);
    }

    private static double[][] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] M = new double[rows][cols];
        for (double[] row : M) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return M;
    }

    private static boolean sameBits(double[][] a, double[][] b) {
        return Arrays.deepEquals(a, b);
    }

    @Test
    void setThreads_whileOtherThreadsMultiply_breaksNoProductAndEveryResultHasTheSameBits() throws Exception {
        double[][] A = random(24, 300, 1);
        double[][] B = random(300, 700, 2);
        double[][] At = Gemm.transpose(A);
        assertTrue(24L * 300 * 700 >= Gemm.PARALLEL_THRESHOLD, "the products must take the parallel path");
        Gemm.setThreads(1);
        double[][] expected = Gemm.mult(A, B);
        double[][] expectedT = Gemm.multTransA(At, B);

        AtomicBoolean done = new AtomicBoolean();
        Thread changer = new Thread(() -> {
            for (int k = 0; !done.get(); k++) {
                Gemm.setThreads(1 + k % 4);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(3);
        changer.start();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                results.add(callers.submit(() -> {
                    int wrong = 0;
                    for (int r = 0; r < 25; r++) {
                        if (!sameBits(expected, Gemm.mult(A, B)) || !sameBits(expectedT, Gemm.multTransA(At, B))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                // a RejectedExecutionException in a product would surface here as an ExecutionException
                assertEquals(0, f.get(60, TimeUnit.SECONDS), "products whose bits differ from the 1-thread result");
            }
        } finally {
            done.set(true);
            changer.join();
            callers.shutdownNow();
        }
        assertTrue(Gemm.poolsIdle(), "no product is left using a pool");
    }

    @Test
    void withThreads_setsTheCountOfTheCallingThreadOnly_andRestoresItAfterwards() throws Exception {
        Gemm.setThreads(2);
        int inside = Gemm.withThreads(3, () -> {
            Gemm.setThreads(4); // the default changes meanwhile; the scoped count holds
            int[] other = new int[1];
            Thread t = new Thread(() -> other[0] = Gemm.threads());
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(4, other[0], "another thread sees the default");
            // nested scopes restore the outer count
            assertEquals(1, (int) Gemm.withThreads(1, Gemm::threads));
            return Gemm.threads();
        });
        assertEquals(3, inside);
        assertEquals(4, Gemm.threads(), "outside the scope, the default again");
        assertEquals(4, (int) Gemm.withThreads(0, Gemm::threads), "0 means the default");
    }

    @Test
    void withThreads_givesTheSameBitsForAnyCount() {
        double[][] A = random(21, 300, 4);
        double[][] B = random(300, 700, 5);
        double[][] one = Gemm.withThreads(1, () -> Gemm.mult(A, B));
        for (int n = 2; n <= 5; n++) {
            double[][] many = Gemm.withThreads(n, () -> Gemm.mult(A, B));
            assertTrue(sameBits(one, many), n + " threads");
        }
    }

    @Test
    void withThreads_restoresTheCountWhenTheWorkThrows() {
        Gemm.setThreads(2);
        assertThrows(IllegalStateException.class, () -> Gemm.withThreads(3, () -> {
            throw new IllegalStateException("work failed");
        }));
        assertEquals(2, Gemm.threads());
    }

    @Test
    void threadCountsBelowOne_areRefusedNamingTheOperationAndTheValue() {
        IllegalArgumentException set = assertThrows(IllegalArgumentException.class, () -> Gemm.setThreads(0));
        assertTrue(set.getMessage().contains("Gemm.setThreads") && set.getMessage().contains("got 0"), set.getMessage());
        IllegalArgumentException with = assertThrows(IllegalArgumentException.class,
                () -> Gemm.withThreads(-2, () -> 1));
        assertTrue(with.getMessage().contains("Gemm.withThreads") && with.getMessage().contains("got -2"),
                with.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gemm.withThreads(2, null));
    }

    @Test
    void forRows_runsEveryRowOnce_inContiguousParts_onAsManyThreadsAsAsked() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int rows = 0; rows <= 7; rows++) {
                int[] runs = new int[rows];
                List<int[]> parts = java.util.Collections.synchronizedList(new ArrayList<>());
                int n = rows;
                Gemm.withThreads(threads, () -> {
                    Gemm.forRows(n, (from, to) -> {
                        parts.add(new int[] {from, to});
                        for (int i = from; i < to; i++) {
                            synchronized (runs) {
                                runs[i]++;
                            }
                        }
                    });
                    return null;
                });
                int[] once = new int[rows];
                Arrays.fill(once, 1);
                assertTrue(Arrays.equals(once, runs), threads + " threads, " + rows + " rows: " + Arrays.toString(runs));
                assertEquals(Math.max(1, Math.min(threads, rows)), parts.size(), threads + " threads, " + rows + " rows");
            }
        }
    }

    @Test
    void pool_runsTheSharesOnItsHelpers_andAProductStartedInsideAShareOnItsOwnThread() {
        String[] threadOf = new String[3];
        int[][] inner = new int[3][3];
        GemmPool.run(3, s -> {
            threadOf[s] = Thread.currentThread().getName();
            // the helpers are busy with this product: the inner one runs its shares here, one after another
            GemmPool.run(3, r -> inner[s][r] = Thread.currentThread().getName().equals(threadOf[s]) ? 1 : -1);
        });
        assertEquals(Thread.currentThread().getName(), threadOf[0]);
        assertTrue(threadOf[1].startsWith("nndl4j-gemm-") && threadOf[2].startsWith("nndl4j-gemm-")
                && !threadOf[1].equals(threadOf[2]), Arrays.toString(threadOf));
        for (int[] shares : inner) {
            assertTrue(Arrays.equals(new int[] {1, 1, 1}, shares), Arrays.deepToString(inner));
        }
    }

    @Test
    void pool_rethrowsAHelpersFailure_onceEveryShareHasEnded() {
        for (int failing = 0; failing < 3; failing++) {
            int f = failing;
            boolean[] ended = new boolean[3];
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GemmPool.run(3, s -> {
                if (s == f) {
                    throw new IllegalStateException("share " + s);
                }
                try {
                    Thread.sleep(20); // the others end after the failure
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                ended[s] = true;
            }));
            assertEquals("share " + f, e.getMessage());
            for (int s = 0; s < 3; s++) {
                assertEquals(s != f, ended[s], "share " + s + " with share " + f + " failing");
            }
            // the helpers take the next product as before
            int[] ran = new int[3];
            GemmPool.run(3, s -> ran[s]++);
            assertTrue(Arrays.equals(new int[] {1, 1, 1}, ran));
        }
    }

    @Test
    void pool_rethrowsEvenACheckedExceptionThrownByStealth_andTheHelpersLiveOn() {
        // a helper that died of it would leave the product waiting for ever: fail instead of hanging
        Throwable e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(java.io.IOException.class, () -> GemmPool.run(2, s -> {
                    if (s == 1) {
                        GemmThreadsTest.<RuntimeException>sneakyThrow(new java.io.IOException("share 1"));
                    }
                })));
        assertEquals("share 1", e.getMessage());
        int[] ran = new int[2];
        GemmPool.run(2, s -> ran[s]++);
        assertTrue(Arrays.equals(new int[] {1, 1}, ran));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void splitsRows_onlyLargePassesOnMoreThanOneThread() {
        assertTrue(Gemm.withThreads(2, () -> Gemm.splitsRows(Gemm.ELEMENTWISE_THRESHOLD)));
        assertTrue(!Gemm.withThreads(2, () -> Gemm.splitsRows(Gemm.ELEMENTWISE_THRESHOLD - 1)));
        assertTrue(!Gemm.withThreads(1, () -> Gemm.splitsRows(Long.MAX_VALUE)));
        assertThrows(IllegalArgumentException.class, () -> Gemm.forRows(-1, (from, to) -> { }));
        assertThrows(IllegalArgumentException.class, () -> Gemm.forRows(3, null));
    }
}
