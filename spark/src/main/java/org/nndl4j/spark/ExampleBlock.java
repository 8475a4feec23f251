package org.nndl4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;

/**
 * One partition's examples, converted once: {@code X} as one column-major block {@code (n[0], m)} (feature {@code i}'s
 * values at {@code [i·m, (i+1)·m)}, the layout of nndl4j's engine, no per-example objects) and the class index of each
 * example. Computes the block's summed loss and gradients for any parameters on nndl4j's own engine, which it keeps
 * (not serialized) from one iteration to the next: Spark's cache hands the same block back every iteration, so the
 * engine's buffers and its copies of X are made once per block and executor.
 */
final class ExampleBlock implements Serializable {

    private static final long serialVersionUID = 1L;

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
        GradientTaskHook h = hook;
        if (h != null) {
            h.beforeGradients(partition, parameters.iteration);
        }
        GradientSum sum = GradientSum.zero(partition, parameters.dims);
        if (m == 0) {
            return sum;
        }
        synchronized (this) {
            return Gemm.withThreads(1, () -> compute(parameters, sum));
        }
    }

    private GradientSum compute(NetworkParameters parameters, GradientSum sum) {
        if (engine == null || !architecture.sameArchitecture(parameters)) {
            engine = NetworkEngine.primal(parameters.toNetwork(), Matrix.fromRowMajor(features, m, X), Y());
            architecture = parameters;
        }
        // θ = the broadcast parameters, into the engine's own buffers
        engine.update((l, W, b, dW, db) -> {
            for (int i = 0; i < W.length; i++) {
                System.arraycopy(parameters.W[l][i], 0, W[i], 0, W[i].length);
            }
            System.arraycopy(parameters.b[l], 0, b, 0, b.length);
        });
        // the engine's batch gradients are the block's means: dZL = (1/m_p)(AL - Y), dW = dZ·APrevᵀ, db = Σ_j dZ
        sum.loss = engine.batchGradients(null, 0, m);
        sum.examples = m;
        double mp = m;
        // Σ dW = m_p · dW, Σ db = m_p · db; the parameters are left as they are
        engine.update((l, W, b, dW, db) -> {
            for (int i = 0; i < dW.length; i++) {
                double[] to = sum.dW[l][i];
                for (int j = 0; j < to.length; j++) {
                    to[j] = mp * dW[i][j];
                }
            }
            for (int i = 0; i < db.length; i++) {
                sum.db[l][i] = mp * db[i];
            }
        });
        return sum;
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
