package org.nndl4j.train;

import java.lang.ref.WeakReference;

import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;

/**
 * What {@link NetworkTrainer} derives from the training inputs X and only reads: X as an array of rows,
 * and the Gram matrix {@code G = Xᵀ·X}. Training several models on the same data (the cat example
 * trains two; a learning-rate sweep trains several) derives them once: the last X's are kept while that
 * X is alive. {@code Matrix} is immutable, so X's identity stands for its contents.
 */
final class InputCache {

    private static WeakReference<Matrix> lastX = new WeakReference<>(null);
    private static double[][] lastRows;
    private static double[][] lastGram;

    private InputCache() {
    }

    /** X as rows; callers must not modify them. */
    static synchronized double[][] rows(Matrix x) {
        remember(x);
        if (lastRows == null) {
            lastRows = x.toArray();
        }
        return lastRows;
    }

    /** {@code G = Xᵀ·X}, {@code (m, m)}; callers must not modify it. */
    static synchronized double[][] gram(Matrix x) {
        double[][] rows = rows(x);
        if (lastGram == null) {
            lastGram = Gemm.multTransA(rows, rows);
        }
        return lastGram;
    }

    private static void remember(Matrix x) {
        if (lastX.get() != x) {
            lastX = new WeakReference<>(x);
            lastRows = null;
            lastGram = null;
        }
    }
}
