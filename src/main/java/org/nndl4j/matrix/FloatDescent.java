package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * A step of gradient descent on float64 parameters from a float32 gradient, the parameters' float32 copy made in the
 * same pass: {@code w = w + (-rate)·g} with each {@code g} widened to float64 (exactly), then
 * {@code rounded = (float) w}. A float32 training ({@code FloatNetworkEngine}) keeps its master weights in float64
 * and multiplies by their float32 copy; done as three passes (widen the gradient, move w, round w), the cat network's
 * first layer (20 x 12,288) took 0.37–0.45 ms a step, in one pass 0.15–0.21 (one core, medians and minima of 300
 * steps in one process, three processes; 2026-12-01).
 *
 * <p>The one pass runs in the Java Vector API (C2 does not vectorise a loop that mixes float32 and float64), so only
 * where the JVM has {@code jdk.incubator.vector} and once the JIT has compiled it ({@link #ready}, probed as the tile
 * kernels are, see {@code KernelWarmUp}); callers use their own passes otherwise. Either way the same bits.
 */
public final class FloatDescent {

    /** One row's step; the Vector API's, or null. */
    interface Row {
        long descend(double[] w, float[] gradient, double rate, float[] rounded);
    }

    private static final Row VECTOR = load();
    private static final KernelWarmUp WARM_UP = VECTOR == null ? null : warmUpOf(VECTOR);

    private FloatDescent() {
    }

    private static Row load() {
        return (Row) VectorModule.instance("org.nndl4j.matrix.VectorFloatDescent");
    }

    /** Probes on private rows of every length from 1 to 40, at rate 0 (the values stay as they are). */
    private static KernelWarmUp warmUpOf(Row row) {
        double[] w = new double[40];
        float[] g = new float[40];
        float[] rounded = new float[40];
        double[][] rows = new double[41][];
        float[][] gradients = new float[41][];
        float[][] roundeds = new float[41][];
        for (int n = 1; n <= 40; n++) {
            rows[n] = java.util.Arrays.copyOf(w, n);
            gradients[n] = java.util.Arrays.copyOf(g, n);
            roundeds[n] = java.util.Arrays.copyOf(rounded, n);
        }
        // KernelWarmUp's tile shapes (rows 1..5, columns 8 or 7) as row lengths 5·rows + columns: 12 to 33
        return new KernelWarmUp((r, c) -> row.descend(rows[5 * r + c], gradients[5 * r + c], 0.0, roundeds[5 * r + c]),
                5, 8);
    }

    /**
     * Whether {@link #descend} runs in one vectorised pass: the JVM has the Vector API and the JIT has compiled the
     * pass. While it has not, each call probes it (at most once a millisecond).
     *
     * @return whether to call {@link #descend} rather than one's own passes
     */
    public static boolean ready() {
        if (WARM_UP == null) {
            return false;
        }
        if (!WARM_UP.hot()) {
            WARM_UP.probe();
        }
        return WARM_UP.hot();
    }

    /**
     * Lets the JIT compile the vectorised pass now, for at most {@code maxNanos}, if this JVM has the Vector API.
     *
     * @param maxNanos the longest time to spend
     */
    public static void warmUp(long maxNanos) {
        if (WARM_UP != null && !WARM_UP.hot()) {
            WARM_UP.warmUp(maxNanos);
        }
    }

    /**
     * {@code w[j] = w[j] + (-rate)·gradient[j]} (the gradient widened to float64), then
     * {@code rounded[j] = (float) w[j]}, for every {@code j}.
     *
     * @param w        the float64 parameters; modified
     * @param gradient their gradient, in float32, as long as {@code w}
     * @param rate     the step size
     * @param rounded  receives the moved parameters rounded to float32, as long as {@code w}
     * @return 0 if every moved parameter is finite, otherwise not 0 (the or of the bits of {@code w[j] - w[j]})
     * @throws Nndl4jException naming both lengths if they differ
     */
    public static long descend(double[] w, float[] gradient, double rate, float[] rounded) {
        if (gradient.length != w.length || rounded.length != w.length) {
            throw new Nndl4jException("FloatDescent.descend: lengths " + w.length + " (w), " + gradient.length
                    + " (gradient) and " + rounded.length + " (rounded) differ");
        }
        if (VECTOR != null && WARM_UP.hot()) {
            return VECTOR.descend(w, gradient, rate, rounded);
        }
        return plain(w, gradient, rate, rounded, 0);
    }

    /** {@link #descend} on {@code j >= from}, one value at a time. */
    static long plain(double[] w, float[] gradient, double rate, float[] rounded, int from) {
        long bits = 0;
        for (int j = from; j < w.length; j++) {
            w[j] += -rate * gradient[j];
            rounded[j] = (float) w[j];
            bits |= Double.doubleToRawLongBits(w[j] - w[j]);
        }
        return bits;
    }
}
