package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.copy;
import static org.nndl4j.matrix.TestArrays.random;


import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * {@link WarmedKernel}: its stand-in {@link FmaMicroKernel} gives the Vector API kernel's bits on every tile edge,
 * and it hands over to the Vector API kernel once the JIT has compiled it (surefire runs with the module).
 */
class WarmedKernelTest {

    /** The same packed product through two kernels, over m, n, k around the tile and the blocks. */
    private static void assertSameBits(MicroKernel expectedKernel, MicroKernel kernel) {
        int nr = expectedKernel.cols();
        long seed = 1;
        for (int m : new int[] {1, 7, 8, 9, 17, 130}) {
            for (int n : new int[] {1, nr - 1, nr, nr + 1, 2 * nr + 3, 530}) {
                for (int k : new int[] {1, 2, 255, 257}) {
                    boolean transA = (seed & 1) == 0;
                    boolean transB = (seed & 2) == 0;
                    double alpha = transA ? -0.25 : 1.5;
                    double[][] A = transA ? random(k, m, seed++) : random(m, k, seed++);
                    double[][] B = transB ? random(n, k, seed++) : random(k, n, seed++);
                    double[][] C = random(m, n, seed++);
                    double[][] expected = copy(C);
                    PackedGemm.multiply(expectedKernel, new PackedGemm.Operands(alpha, A, transA, B, transB,
                            expected, k), 0, m, 0, n);
                    PackedGemm.multiply(kernel, new PackedGemm.Operands(alpha, A, transA, B, transB, C, k),
                            0, m, 0, n);
                    for (int i = 0; i < m; i++) {
                        assertArrayEquals(expected[i], C[i], 0.0, m + " x " + n + " x " + k + ", row " + i);
                    }
                }
            }
        }
    }

    @Test
    void fmaKernel_givesTheVectorKernelsBits_onEveryTileEdge() {
        MicroKernel vector = Gemm.vectorKernel();
        assertNotNull(vector, "surefire's argLine must pass --add-modules jdk.incubator.vector");
        FmaMicroKernel fma = new FmaMicroKernel(vector.rows(), vector.cols());
        assertEquals(vector.rows(), fma.rows());
        assertEquals(vector.cols(), fma.cols());
        assertSameBits(vector, fma);
    }

    @Test
    void warmedKernel_handsOverToTheCompiledVectorKernel_withTheSameBits() throws InterruptedException {
        MicroKernel vector = Gemm.vectorKernel();
        assertNotNull(vector, "surefire's argLine must pass --add-modules jdk.incubator.vector");
        // a fresh one, so the hand-over happens in this test whatever ran before
        WarmedKernel warmed = new WarmedKernel(vector);
        assertFalse(warmed.hot(), "this JVM counts each thread's allocations, so the kernel starts cold");
        assertSameBits(vector, warmed);
        int mr = vector.rows();
        int nr = vector.cols();
        double[] a = new double[256 * mr];
        double[] b = new double[256 * nr];
        double[][] C = new double[mr][nr];
        double[] sums = new double[mr * nr];
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!warmed.hot() && System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                warmed.multiply(256, a, 0, b, 0, 1.0, C, 0, mr, 0, nr, false, sums);
            }
            Thread.sleep(1);
        }
        assertTrue(warmed.hot(), "the vector kernel still allocates after a minute of calls: not compiled");
        assertSameBits(vector, warmed);
    }

    @Test
    void warmUp_runsTheProbeUntilTheVectorKernelIsCompiled_withoutAnyProductOfTheCaller() {
        MicroKernel vector = Gemm.vectorKernel();
        assertNotNull(vector, "surefire's argLine must pass --add-modules jdk.incubator.vector");
        WarmedKernel warmed = new WarmedKernel(vector);
        assertFalse(warmed.hot(), "this JVM counts each thread's allocations, so the kernel starts cold");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!warmed.hot() && System.nanoTime() < deadline) {
            warmed.warmUp(1_000_000_000L);
        }
        assertTrue(warmed.hot(), "the vector kernel still allocates after a minute of warm-up: not compiled");
        assertSameBits(vector, warmed);
        // the shared kernel: returns within its second, whatever the JIT did
        long start = System.nanoTime();
        Gemm.warmUp();
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    /**
     * Once compiled, the kernel allocates nothing on any thread. A first version of the 8 x 24 tile took its scratch
     * tile from a thread-local: C2 compiled its lookup for the one thread that had called it, the first call from a
     * pool thread sent the compiled code back to the interpreter (an {@code unstable_if}), and tiles went on to the
     * uncompiled kernel, a vector object per operation, until C2 compiled it again; two threads' cat training peaked at
     * 660–680 MB instead of 320–330. Now the caller passes the scratch tile, and each new thread's products through the
     * packed kernel allocate nothing but the packing buffers of their first product.
     */
    @Test
    void hotVectorKernel_calledFromNewThreads_allocatesNothing() throws InterruptedException {
        MicroKernel vector = Gemm.vectorKernel();
        assertNotNull(vector, "surefire's argLine must pass --add-modules jdk.incubator.vector");
        WarmedKernel warmed = new WarmedKernel(vector);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!warmed.hot() && System.nanoTime() < deadline) {
            warmed.warmUp(1_000_000_000L);
        }
        assertTrue(warmed.hot(), "the vector kernel still allocates after a minute of warm-up: not compiled");
        int m = 64;
        int n = 480;
        int k = 300;
        double[][] A = random(m, k, 3);
        double[][] B = random(k, n, 4);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int t = 0; t < 4; t++) {
            AtomicLong allocated = new AtomicLong(-1);
            Thread thread = new Thread(() -> {
                double[][] C = new double[m][n];
                PackedGemm.Operands o = new PackedGemm.Operands(1.0, A, false, B, false, C, k);
                // the first product makes this thread's packing buffers (0.7 MB and the scratch tile)
                PackedGemm.multiply(warmed, o, 0, m, 0, n);
                long id = Thread.currentThread().getId();
                long before = threads.getThreadAllocatedBytes(id);
                for (int r = 0; r < 20; r++) {
                    PackedGemm.multiply(warmed, o, 0, m, 0, n);
                }
                allocated.set(threads.getThreadAllocatedBytes(id) - before);
            });
            thread.start();
            thread.join();
            // an uncompiled call of a whole tile allocates about 0.5 MB here; twenty products are 1,200 tile calls
            assertTrue(allocated.get() >= 0 && allocated.get() < 16_384,
                    "thread " + t + " allocated " + allocated.get() + " bytes in 20 products on the hot kernel");
        }
    }
}
