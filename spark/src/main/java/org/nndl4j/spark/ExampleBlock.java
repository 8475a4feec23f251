package org.nndl4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.nndl4j.Nndl4jException;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;

/**
 * One partition's examples, converted once: {@code X} as one column-major block {@code (n[0], m)} (feature {@code i}'s
 * values at {@code [i·m, (i+1)·m)}, the layout of nndl4j's engine, no per-example objects) and the class index of each
 * example. Computes the block's summed loss and gradients for any parameters on nndl4j's own engine, which it keeps
 * (not serialized) from one iteration to the next: Spark's cache hands the same block back every iteration, so the
 * engine's buffers and its copies of X are made once per block and executor.
 *
 * <p>A block of more than {@link #CHUNK_EXAMPLES} examples is computed in chunks of that many (the last one
 * shorter): the engine's buffers are those of one chunk, not of the partition, and the chunks' sums are added into
 * the block's from left to right, always in that order, so that the same block and parameters give the same bits on
 * every run and retry. A block of at most one chunk is one pass over all its examples, as before.
 */
final class ExampleBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The most examples the engine computes at once. Its buffers grow with it (about 6 KB an example for
     * [100, 64, 32, 1]: 2048 examples take about 12 MB a chunk). Measured on 400k examples of [100, 64, 32, 1], one
     * thread, the engine alone: chunks of 2048 took 3.0–3.2 s per 2 million examples, of 1536 and 3072 3.8–4.1 s, of
     * 4096 3.4–3.7 s, of 8192 and more 3.8–4.2 s (indicative: another build ran on the second core).
     */
    static final int CHUNK_EXAMPLES = 2048;

    /** Test hook: runs at the start of every gradient task (e.g. to fail a first attempt); null in production. */
    static volatile GradientTaskHook hook;

    final int partition;
    final int features;
    final int outputs;
    final int m;
    final long skipped;
    /** Written in bulk ({@link Doubles}) when Spark spills or ships the block; final in all but name. */
    private transient double[] X;
    private transient double[] labels;

    private transient NetworkEngine engine;
    private transient NetworkParameters architecture;
    private transient int engineChunk;

    ExampleBlock(int partition, int features, int outputs, int m, long skipped, double[] X, double[] labels) {
        this.partition = partition;
        this.features = features;
        this.outputs = outputs;
        this.m = m;
        this.skipped = skipped;
        this.X = X;
        this.labels = labels;
    }

    /**
     * The summed loss and gradients of this block's examples at {@code parameters}, on one thread (Spark runs the
     * partitions in parallel).
     */
    GradientSum gradients(NetworkParameters parameters) {
        return gradients(parameters, CHUNK_EXAMPLES);
    }

    /** {@link #gradients(NetworkParameters)} in chunks of at most {@code chunk} examples (tests use small ones). */
    GradientSum gradients(NetworkParameters parameters, int chunk) {
        if (chunk < 1) {
            throw new Nndl4jException("ExampleBlock: chunks of at least 1 example, got " + chunk);
        }
        GradientTaskHook h = hook;
        if (h != null) {
            h.beforeGradients(partition, parameters.iteration);
        }
        GradientSum sum = GradientSum.zero(partition, parameters.dims);
        if (m == 0) {
            return sum;
        }
        synchronized (this) {
            return Gemm.withThreads(1, () -> compute(parameters, sum, chunk));
        }
    }

    private GradientSum compute(NetworkParameters parameters, GradientSum sum, int chunk) {
        if (engine == null || !architecture.sameArchitecture(parameters) || engineChunk != chunk) {
            engine = null;
            Matrix Xm = Matrix.fromRowMajor(features, m, X);
            // one pass over the block as before, or an engine whose memory check counts one chunk's pass
            engine = m <= chunk ? NetworkEngine.primal(parameters.toNetwork(), Xm, Y())
                    : NetworkEngine.primal(parameters.toNetwork(), Xm, Y(), chunk);
            architecture = parameters;
            engineChunk = chunk;
        }
        // θ = the broadcast parameters, into the engine's own buffers
        engine.update((l, W, b, dW, db) -> {
            for (int i = 0; i < W.length; i++) {
                System.arraycopy(parameters.W[l][i], 0, W[i], 0, W[i].length);
            }
            System.arraycopy(parameters.b[l], 0, b, 0, b.length);
        });
        sum.examples = m;
        boolean first = true;
        for (int from = 0; from < m; from += chunk) {
            int to = Math.min(m, from + chunk);
            // the engine's batch gradients are the chunk's means: dZL = (1/m_c)(AL - Y), dW = dZ·APrevᵀ, db = Σ_j dZ
            double loss = engine.batchGradients(null, from, to);
            sum.loss = first ? loss : sum.loss + loss;
            addScaled(sum, to - from, first);
            first = false;
        }
        return sum;
    }

    /**
     * {@code Σ dW += m_c · dW}, {@code Σ db += m_c · db} from the engine's last gradients (the first chunk sets them,
     * so one chunk gives exactly {@code m_p · dW} as a single pass); the parameters are left as they are.
     */
    private void addScaled(GradientSum sum, int examples, boolean first) {
        double mc = examples;
        engine.update((l, W, b, dW, db) -> {
            for (int i = 0; i < dW.length; i++) {
                double[] to = sum.dW[l][i];
                double[] from = dW[i];
                for (int j = 0; j < to.length; j++) {
                    to[j] = first ? mc * from[j] : to[j] + mc * from[j];
                }
            }
            double[] to = sum.db[l];
            for (int i = 0; i < db.length; i++) {
                to[i] = first ? mc * db[i] : to[i] + mc * db[i];
            }
        });
    }

    /** The labels as the engine takes them: a (1, m) row of 0/1, or one-hot (C, m). */
    private Matrix Y() {
        if (outputs == 1) {
            return Matrix.fromRowMajor(1, m, labels);
        }
        double[] Y = new double[outputs * m];
        for (int j = 0; j < m; j++) {
            Y[(int) labels[j] * m + j] = 1.0;
        }
        return Matrix.fromRowMajor(outputs, m, Y);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        Doubles.writeArray(out, X);
        Doubles.writeArray(out, labels);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        X = Doubles.readArray(in);
        labels = Doubles.readArray(in);
        if (X.length != features * m || labels.length != m) {
            throw new IOException("block of partition " + partition + ": " + X.length + " values and "
                    + labels.length + " labels for " + m + " examples of " + features + " features");
        }
    }

    /** What runs before a gradient task's work (tests only). */
    @FunctionalInterface
    interface GradientTaskHook {
        /**
         * @param partition the block's partition
         * @param iteration the training iteration
         */
        void beforeGradients(int partition, int iteration);
    }
}
