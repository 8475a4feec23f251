package org.nndl4j.matrix;

/**
 * Runs the Vector API kernel only once the JIT has compiled it, and {@link FmaMicroKernel} (the same bits) until
 * then. Until C2 compiles it, every vector operation of the Vector API kernel (each {@code fromArray},
 * {@code broadcast}, {@code fma}) allocates a vector object and its array: about 100 bytes per 8 multiply-adds,
 * gigabytes per second. On the tall workload that is about half a gigabyte in the first seconds, and G1 grows the
 * heap by hundreds of megabytes to absorb it, which it keeps.
 *
 * <p>So the vector kernel is first run on a small private tile only, until a call of it allocates nothing
 * ({@link KernelWarmUp}: {@value KernelWarmUp#TICK_ROUNDS} rounds of every tile shape, then at most once a
 * millisecond a burst of calls and one measured call); from then on every tile goes to it.
 */
final class WarmedKernel implements MicroKernel {

    /** The shared dimension of the probe tiles. */
    private static final int PROBE_K = 8;

    private final MicroKernel vector;
    private final MicroKernel fma;
    private final KernelWarmUp warmUp;

    /** @param vector the Vector API kernel */
    WarmedKernel(MicroKernel vector) {
        this.vector = vector;
        this.fma = new FmaMicroKernel(vector.rows(), vector.cols());
        int mr = vector.rows();
        int nr = vector.cols();
        double[] probeA = new double[PROBE_K * mr];
        double[] probeB = new double[PROBE_K * nr];
        double[][] probeC = new double[mr][nr];
        double[] probeSums = new double[mr * nr];
        // even row counts overwrite the tile, odd ones add to it: both ways profiled, whole and partial tiles
        this.warmUp = new KernelWarmUp(
                (rows, cols) -> vector.multiply(PROBE_K, probeA, 0, probeB, 0, 1.0, probeC, 0, rows, 0, cols,
                        rows % 2 == 0, probeSums), mr, nr);
    }

    /**
     * Runs the vector kernel on the probe tile until a call of it allocates nothing (the JIT has compiled it), or for
     * at most {@code maxNanos}: a training that will run many large products pays the JIT's warm-up once, up front,
     * instead of running them on {@link FmaMicroKernel} meanwhile. Results do not change: it gives the same bits.
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
    public void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double[][] C,
                         int i0, int rows, int j0, int cols, boolean overwrite, double[] sums) {
        if (warmUp.hot()) {
            vector.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols, overwrite, sums);
            return;
        }
        warmUp.probe();
        fma.multiply(kc, a, aOff, b, bOff, alpha, C, i0, rows, j0, cols, overwrite, sums);
    }
}
