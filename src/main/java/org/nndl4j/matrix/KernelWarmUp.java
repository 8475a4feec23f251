package org.nndl4j.matrix;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a Vector API tile kernel is compiled: the probing that {@link WarmedKernel} (float64) and
 * {@link FloatWarmedKernel} (float32) share. Until C2 compiles it, every vector operation of the kernel allocates a
 * vector object and its array; a compiled call allocates nothing.
 *
 * <p>At the first {@link #probe} the kernel runs {@value #TICK_ROUNDS} rounds of every tile shape on its private
 * probe tile (every branch profiled); after that, at most once a millisecond, a probe runs {@value #BURST} calls on
 * the whole tile and measures the bytes the calling thread allocates in one more. When a call allocates nothing, the
 * kernel is {@link #hot}. Where the JVM cannot count a thread's allocations ({@code com.sun.management.ThreadMXBean},
 * module {@code jdk.management} not loaded), it is hot at once.
 *
 * <p>Why bursts: the rounds run mostly before C1's profiling code for the kernel is in place (at start-up the
 * compiler queue is long), and C2 compiles the kernel only after at least about 1,700 calls of that code (HotSpot's
 * defaults: 600 calls, and 15,000 calls plus loop iterations, 8 per call on the probe tile; more while the queue is
 * long). At one call a millisecond, C2's code came 2.4 s after C1's ({@code -XX:+PrintCompilation}), during which
 * every product ran on the plain-Java twin at about a tenth of the speed: the cat network's first 100 iterations took
 * 3.4–5.8 s (one core, five runs each of float32 and float64), and in some runs the float32 iterations 51–100 were
 * still on the twin (0.017–0.025 s each against 0.004). With bursts the same 100 iterations took 1.4–2.1 s, the
 * kernel compiled during the warm-up a training runs before its first step. The calls allocate about as much in all,
 * only sooner: 133–212 MB by iteration 200 against 147–202; the tall workload's peak memory did not rise (576–623 MB
 * against 659–660 at one thread, 788–822 against 789–793 at two).
 */
final class KernelWarmUp {

    /** Rounds of probes over every tile shape, run at the first probe: about 2,000 calls. */
    static final int TICK_ROUNDS = 128;
    /** Calls on the whole tile that each probe after the rounds runs before the measured one. */
    static final int BURST = 16;
    /** At most one probe per this many nanoseconds after that. */
    private static final long PROBE_EVERY_NANOS = 1_000_000L;
    /** A compiled call allocates nothing; an interpreted one allocates about 20 KB (a little slack for the probe). */
    private static final long COMPILED_MAX_BYTES = 512;
    /** The calling thread's allocated bytes, or null when the JVM does not count them. */
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytes();

    /** The kernel on its probe tile. */
    @FunctionalInterface
    interface ProbeTile {
        /**
         * One call of the kernel on the probe tile.
         *
         * @param rows the tile's rows, {@code 1 .. MR}
         * @param cols the tile's columns, {@code NR} or {@code NR - 1}
         */
        void multiply(int rows, int cols);
    }

    private final ProbeTile tile;
    private final int mr;
    private final int nr;
    /** The kernel is compiled: every tile goes to it. */
    private volatile boolean hot;
    /** One thread probes at a time (the probe tile is shared). */
    private final AtomicBoolean probing = new AtomicBoolean();
    private boolean ticked;
    private long lastProbe;

    /**
     * @param tile the kernel on its probe tile
     * @param mr   the kernel's tile rows
     * @param nr   the kernel's tile columns
     */
    KernelWarmUp(ProbeTile tile, int mr, int nr) {
        this.tile = tile;
        this.mr = mr;
        this.nr = nr;
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

    /**
     * Runs the kernel on the probe tile until a call of it allocates nothing (the JIT has compiled it), or for at most
     * {@code maxNanos}: a training that will run many large products pays the JIT's warm-up once, up front.
     *
     * @param maxNanos the longest time to spend
     */
    void warmUp(long maxNanos) {
        long start = System.nanoTime();
        // the first probe runs the rounds; then a probe (a burst and a measured call) once a millisecond until the
        // compiler is done: spinning on the probe tile would allocate hundreds of megabytes a second while C2 compiles
        // (which G1 keeps as heap) and, on one core, take the time the compiler thread needs
        probe();
        while (!hot && System.nanoTime() - start < maxNanos) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            probe();
        }
    }

    /** Every tile shape once: all row counts, whole and partial columns. */
    private void everyShape() {
        for (int rows = 1; rows <= mr; rows++) {
            tile.multiply(rows, nr);
            tile.multiply(rows, nr - 1);
        }
    }

    /** Warms the kernel up on the probe tile, and sets {@link #hot} once a call of it allocates nothing. */
    void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        try {
            long now = System.nanoTime();
            if (ticked && now - lastProbe < PROBE_EVERY_NANOS) {
                return;
            }
            lastProbe = now;
            if (!ticked) {
                for (int round = 0; round < TICK_ROUNDS; round++) {
                    everyShape();
                }
                ticked = true;
            } else {
                for (int call = 0; call < BURST; call++) {
                    tile.multiply(mr, nr);
                }
            }
            long before = (long) ALLOCATED_BYTES.invokeExact();
            tile.multiply(mr, nr);
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
