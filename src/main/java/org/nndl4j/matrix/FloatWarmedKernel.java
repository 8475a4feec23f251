package org.nndl4j.matrix;

/**
 * {@link WarmedKernel} for float32: runs the Vector API float kernel only once the JIT has compiled it (a call on
 * the private probe tile allocates nothing), and {@link FloatFmaMicroKernel}, the same bits in plain Java, until then.
 * Until C2 compiles it, every vector operation of the Vector API kernel allocates; the probing is
 * {@link KernelWarmUp}'s, as for float64.
 */
final class FloatWarmedKernel implements FloatMicroKernel {

    private static final int PROBE_K = 8;

    private final FloatMicroKernel vector;
    private final FloatMicroKernel fma;
    private final KernelWarmUp warmUp;

    /** @param vector the Vector API kernel */
    FloatWarmedKernel(FloatMicroKernel vector) {
        this.vector = vector;
        this.fma = new FloatFmaMicroKernel(vector.rows(), vector.cols());
        int mr = vector.rows();
        int nr = vector.cols();
        float[] probeA = new float[PROBE_K * mr];
        float[] probeB = new float[PROBE_K * nr];
        float[][] probeC = new float[mr][nr];
        float[] probeSums = new float[mr * nr];
        this.warmUp = new KernelWarmUp(
                (rows, cols) -> vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0f, probeC, 0, rows, 0, cols,
                        probeSums), mr, nr);
    }

    /**
     * Runs the vector kernel on the probe tile until a call of it allocates nothing (the JIT has compiled it), or for
     * at most {@code maxNanos}: a training that will run many large products pays the JIT's warm-up once, up front,
     * instead of running them on the plain twin meanwhile. Results do not change: the twin gives the same bits.
     *
     * @param maxNanos the longest time to spend
     */
    void warmUp(long maxNanos) {
        warmUp.warmUp(maxNanos);
    }

    /** @return whether tiles go to the vector kernel (it is compiled, or allocations cannot be counted) */
    boolean hot() {
        return warmUp.hot();
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
                         int i0, int rows, int j0, int cols, float[] sums) {
        if (warmUp.hot()) {
            vector.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols, sums);
            return;
        }
        warmUp.probe();
        fma.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols, sums);
    }
}
