package org.nndl4j.engine;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;

/**
 * What {@link NetworkEngine} and {@link FloatNetworkEngine} do alike on their float64 parameters and gradients,
 * held as arrays of rows with layer {@code l} at index {@code l}.
 */
final class EngineArrays {

    /**
     * A gathered value of a mini-batch (a random read of X, which misses the caches) costs about as much as this many
     * values of a streamed element-wise pass (measured on the tall workload: 10 ns against 0.5 to 1 ns), for
     * {@link org.nndl4j.matrix.Gemm#splitsRows}: a batch of 256 of its 784-value examples is split over the threads.
     */
    static final int GATHER_COST = 10;


    private EngineArrays() {
    }

    /** Refuses a batch {@code [from, to)} that is not a non-empty range of {@code m} examples, or a wrong order. */
    static void checkBatch(int m, int[] order, int from, int to) {
        if (from < 0 || to - from < 1 || to > m || (order != null && order.length != m)) {
            throw new Nndl4jException("batchGradients: examples [" + from + ", " + to + ") of " + m
                    + (order == null ? "" : " with an order of " + order.length));
        }
    }

    /**
     * Whether every value is finite: {@code x - x} is +0.0 (all bits 0) for a finite x and NaN for an infinite or NaN
     * one. The bits are or-ed, not the values added: a sum is one chain of additions, each waiting for the last. On
     * the cat network's 245,760 weights of layer 1, 165–184 µs a pass instead of 331–353 (one core, five rounds); the
     * training loop checks every step's parameters, and that check was 6.5 % of a float32 cat iteration's samples. The
     * float32 cat iteration took 0.84–0.98 of its time (six pairs one after the other, 2026-12-01), the float64 one
     * 0.94–1.05 (four).
     */
    static boolean finite(double[] v) {
        long bits = 0;
        for (double x : v) {
            bits |= Double.doubleToRawLongBits(x - x);
        }
        return bits == 0;
    }

    /**
     * {@code to = from} rounded to float32; the or of {@code x - x}'s bits over {@code from} (0 if every value is
     * finite, as {@link #finite(double[])}).
     */
    static long rounded(double[] from, float[] to) {
        long bits = 0;
        for (int j = 0; j < from.length; j++) {
            to[j] = (float) from[j];
            bits |= Double.doubleToRawLongBits(from[j] - from[j]);
        }
        return bits;
    }

    /**
     * {@code w = w + (-rate)·g}, each {@code g} widened to float64 (exactly), and {@code rounded = (float) w}, in one
     * loop; the or of {@code w - w}'s bits over the moved {@code w} (0 if every value is finite). The bits of three
     * passes (widen g, move w, {@link #rounded}); on the cat's first layer (20 x 12,288, one core, best of 300 steps)
     * 0.261 ms against their 0.385, and the cat's whole float32 steps 0.95–0.96 of their time (3.97–4.03 ms against
     * 4.15–4.18, medians of 50 blocks of 50 steps alternating with a twin engine on the three passes, three processes;
     * 2026-12-01). C2 does not vectorise this loop (it mixes float32 and float64); a Java Vector API version took 0.15
     * ms, but until the JIT had compiled it, 0.4–0.5 s of probing, its calls allocated and made the cat's float32
     * iterations 51–100 slower (0.0059 s against 0.0051, six pairs), so it was not kept.
     */
    static long descendRounded(double[] w, float[] g, double rate, float[] rounded) {
        long bits = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] += -rate * g[j];
            rounded[j] = (float) w[j];
            bits |= Double.doubleToRawLongBits(w[j] - w[j]);
        }
        return bits;
    }

    /**
     * {@code w = w + (-rate)·g} (the bits of {@code w += -rate * g}); the or of {@code w - w}'s bits over the moved
     * {@code w} (0 if every value is finite): the step's move and the training loop's check of its parameters in one
     * pass. On the float64 cat network (one core) the separate check had been 2.4 % of an iteration's samples.
     */
    static long descend(double[] w, double[] g, double rate) {
        long bits = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] += -rate * g[j];
            bits |= Double.doubleToRawLongBits(w[j] - w[j]);
        }
        return bits;
    }

    /** Whether every value of every row is finite. */
    static boolean finite(double[][] M) {
        for (double[] row : M) {
            if (!finite(row)) {
                return false;
            }
        }
        return true;
    }

    /** {@code current} if it holds {@code w}'s values, else a new scratch that does. */
    static double[] squaresScratch(double[][] w, double[] current) {
        int n = w.length * w[0].length;
        return current != null && current.length >= n ? current : new double[n];
    }

    /**
     * {@code Σ w²} over a layer's weights, summed pairwise as {@code np.sum(np.square(W))} does.
     *
     * @param w       the weights as rows
     * @param squares scratch of at least {@code rows · cols} values ({@link #squaresScratch})
     * @return the sum
     */
    static double squaredSum(double[][] w, double[] squares) {
        int cols = w[0].length;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < cols; j++) {
                squares[i * cols + j] = w[i][j] * w[i][j];
            }
        }
        return MathFunctions.pairwiseSum(squares, 0, w.length * cols);
    }

    /** Layers {@code 1..L} of {@code dW}, {@code db} as new matrices. */
    static Gradients gradients(double[][][] dW, double[][] db, int L) {
        List<Matrix> dWs = new ArrayList<>(L);
        List<Matrix> dbs = new ArrayList<>(L);
        for (int l = 1; l <= L; l++) {
            dWs.add(Matrix.of(dW[l]));
            dbs.add(Matrix.columnVector(db[l]));
        }
        return new Gradients(dWs, dbs);
    }
}
