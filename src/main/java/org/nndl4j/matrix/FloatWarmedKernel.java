package org.nndl4j.matrix;

import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link WarmedKernel} for float32: runs the Vector API float kernel only once the JIT has compiled it (a call on
 * the private probe tile allocates nothing), and {@link FloatFmaMicroKernel}, the same bits in plain Java, until then.
 * Until C2 compiles it, every vector operation of the Vector API kernel allocates; see {@link WarmedKernel} for the
 * measurement and the probing rhythm, which are the same here.
 */
final class FloatWarmedKernel implements FloatMicroKernel {

    private static final int PROBE_K = 8;
    private static final long PROBE_EVERY_NANOS = 1_000_000L;
    private static final long COMPILED_MAX_BYTES = 512;
    private static final MethodHandle ALLOCATED_BYTES = WarmedKernel.ALLOCATED_BYTES;

    private final FloatMicroKernel vector;
    private final FloatMicroKernel fma;
    private volatile boolean hot;
    private final AtomicBoolean probing = new AtomicBoolean();
    private boolean ticked;
    private long lastProbe;
    private final float[] probeA;
    private final float[] probeB;
    private final float[][] probeC;

    /** @param vector the Vector API kernel */
    FloatWarmedKernel(FloatMicroKernel vector) {
        this.vector = vector;
        this.fma = new FloatFmaMicroKernel(vector.rows(), vector.cols());
        this.probeA = new float[PROBE_K * vector.rows()];
        this.probeB = new float[PROBE_K * vector.cols()];
        this.probeC = new float[vector.rows()][vector.cols()];
        this.hot = ALLOCATED_BYTES == null;
    }

    /**
     * Runs the vector kernel on the probe tile until a call of it allocates nothing (the JIT has compiled it), or for
     * at most {@code maxNanos}: a training that will run many large products pays the JIT's warm-up once, up front,
     * instead of running them on the plain twin meanwhile. Results do not change: the twin gives the same bits.
     *
     * @param maxNanos the longest time to spend
     */
    void warmUp(long maxNanos) {
        long start = System.nanoTime();
        int mr = vector.rows();
        int nr = vector.cols();
        while (!hot && System.nanoTime() - start < maxNanos) {
            // every tile shape (all row counts, whole and partial columns), so that the compiled kernel has seen them
            for (int i = 0; i < 16; i++) {
                for (int rows = 1; rows <= mr; rows++) {
                    vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, rows, 0, nr);
                    vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, rows, 0, nr - 1);
                }
            }
            // the probe itself decides (at most once a millisecond)
            lastProbe = 0;
            ticked = true;
            probe();
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
    public void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float[][] C,
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
                for (int round = 0; round < WarmedKernel.TICK_ROUNDS; round++) {
                    for (int rows = 1; rows <= mr; rows++) {
                        vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, rows, 0, nr);
                        vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, rows, 0, nr - 1);
                    }
                }
                ticked = true;
            }
            long before = (long) ALLOCATED_BYTES.invokeExact();
            vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, mr, 0, nr);
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
