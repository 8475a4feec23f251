package org.nndl4j.matrix;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the Vector API kernel only once the JIT has compiled it, and {@link FmaMicroKernel} (the same bits) until
 * then. Until C2 compiles it, every vector operation of the Vector API kernel (each {@code fromArray},
 * {@code broadcast}, {@code fma}) allocates a vector object and its array: about 100 bytes per 8 multiply-adds,
 * gigabytes per second. On the tall workload that is about half a gigabyte in the first seconds, and G1 grows the
 * heap by hundreds of megabytes to absorb it, which it keeps.
 *
 * <p>So the vector kernel is first run on a small private tile only: {@value #TICK_ROUNDS} rounds of every tile
 * shape (all row counts, whole and partial columns), enough calls for the JIT to compile it with every branch
 * profiled, then one probe at most every millisecond, which measures the bytes the calling thread allocates in a
 * call. When a call allocates nothing, the kernel is compiled, and from then on every tile goes to it. Where the
 * JVM cannot count a thread's allocations ({@code com.sun.management.ThreadMXBean}, module {@code jdk.management}
 * not loaded), the vector kernel is used at once, as before.
 */
final class WarmedKernel implements MicroKernel {

    /** The shared dimension of the probe tiles. */
    private static final int PROBE_K = 8;
    /** Rounds of probes over every tile shape, run at the first call: about 2,000 calls, 18,000 loop turns. */
    static final int TICK_ROUNDS = 128;
    /** At most one probe per this many nanoseconds after that. */
    private static final long PROBE_EVERY_NANOS = 1_000_000L;
    /** A compiled call allocates nothing; an interpreted one allocates about 20 KB (a little slack for the probe). */
    private static final long COMPILED_MAX_BYTES = 512;
    /** The calling thread's allocated bytes, or null when the JVM does not count them. */
    static final MethodHandle ALLOCATED_BYTES = allocatedBytes();

    private final MicroKernel vector;
    private final MicroKernel fma;
    /** The vector kernel is compiled: every tile goes to it. */
    private volatile boolean hot;
    /** One thread probes at a time (the probe tiles are shared). */
    private final AtomicBoolean probing = new AtomicBoolean();
    private boolean ticked;
    private long lastProbe;
    private final double[] probeA;
    private final double[] probeB;
    private final double[][] probeC;

    /** @param vector the Vector API kernel */
    WarmedKernel(MicroKernel vector) {
        this.vector = vector;
        this.fma = new FmaMicroKernel(vector.rows(), vector.cols());
        int mr = vector.rows();
        int nr = vector.cols();
        this.probeA = new double[PROBE_K * mr];
        this.probeB = new double[PROBE_K * nr];
        this.probeC = new double[mr][nr];
        this.hot = ALLOCATED_BYTES == null;
    }

    /** The {@code getCurrentThreadAllocatedBytes} of the platform's thread bean, or null where it lacks one. */
    private static MethodHandle allocatedBytes() {
        try {
            // by reflection: module-info requires neither java.management nor jdk.management
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Class<?> counting = Class.forName("com.sun.management.ThreadMXBean");
            if (!counting.isInstance(bean)) {
                return null;
            }
            MethodHandle h = MethodHandles.publicLookup()
                    .findVirtual(counting, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                    .bindTo(bean);
            long first = (long) h.invokeExact();
            return first < 0 ? null : h; // -1: allocation counting is turned off
        } catch (Throwable e) {
            return null;
        }
    }

    /** @return whether tiles go to the vector kernel (it is compiled, or allocations cannot be counted) */
    boolean hot() {
        return hot;
    }

    @Override
    public int rows() {
        return vector.rows();
    }

    @Override
    public int cols() {
        return vector.cols();
    }

    @Override
    public void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double[][] C,
                         int i0, int rows, int j0, int cols) {
        if (hot) {
            vector.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols);
            return;
        }
        probe();
        fma.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols);
    }

    /** Warms the vector kernel up on the probe tiles, and sets {@link #hot} once a call of it allocates nothing. */
    private void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        try {
            long now = System.nanoTime();
            if (ticked && now - lastProbe < PROBE_EVERY_NANOS) {
                return;
            }
            lastProbe = now;
            int mr = vector.rows();
            int nr = vector.cols();
            if (!ticked) {
                for (int round = 0; round < TICK_ROUNDS; round++) {
                    for (int rows = 1; rows <= mr; rows++) {
                        vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0, probeC, 0, rows, 0, nr);
                        vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0, probeC, 0, rows, 0, nr - 1);
                    }
                }
                ticked = true;
            }
            long before = (long) ALLOCATED_BYTES.invokeExact();
            vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0, probeC, 0, mr, 0, nr);
            long after = (long) ALLOCATED_BYTES.invokeExact();
            if (after - before <= COMPILED_MAX_BYTES) {
                hot = true;
            }
        } catch (Throwable e) {
            hot = true; // the bean failed to count: use the vector kernel, as where the JVM cannot count at all
        } finally {
            probing.set(false);
        }
    }
}
