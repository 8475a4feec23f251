package org.nndl4j.train;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/** Evaluation of 0/1 predictions against 0/1 labels. */
public final class Metrics {

    private Metrics() {
    }

    /** Number of positions where {@code predictions} equals {@code Y}; both must have the same shape. */
    public static int correct(Matrix predictions, Matrix Y) {
        if (predictions == null || Y == null) {
            throw new IllegalArgumentException("accuracy: predictions and Y must not be null");
        }
        if (!predictions.shape().equals(Y.shape())) {
            throw new ShapeException("accuracy", predictions.shape(), Y.shape(), "differ: predictions and Y must have the same shape");
        }
        return (int) predictions.equalTo(Y).sum();
    }

    /** The fraction of correct predictions, in [0, 1] (the course's {@code np.sum((p == y) / m)}). */
    public static double accuracy(Matrix predictions, Matrix Y) {
        return (double) correct(predictions, Y) / Y.size();
    }

    /**
     * The logistic-regression notebook's percentage, {@code 100 - mean(|Ŷ - Y|) * 100}, computed in
     * that order so it prints the same digits (e.g. {@code 99.04306220095694}).
     */
    public static double accuracyPercent(Matrix predictions, Matrix Y) {
        if (predictions == null || Y == null) {
            throw new IllegalArgumentException("accuracyPercent: predictions and Y must not be null");
        }
        if (!predictions.shape().equals(Y.shape())) {
            throw new ShapeException("accuracyPercent", predictions.shape(), Y.shape(), "differ: predictions and Y must have the same shape");
        }
        return 100.0 - predictions.minus(Y).abs().mean() * 100.0;
    }
}
