package org.nndl4j.train;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * Evaluation of predicted class labels against true labels, for any number of classes: both are {@code (1, m)} rows
 * of class indices (what {@code Network.predict} and {@code LabeledData.labels()} give; for two classes, 0/1).
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Number of positions where {@code predictions} equals {@code Y}.
     *
     * @param predictions predicted labels
     * @param Y           true labels, of the same shape
     * @return the number of matches
     * @throws ShapeException naming both shapes if they differ
     */
    public static int correct(Matrix predictions, Matrix Y) {
        Checks.sameShape("correct", "predictions", predictions, "Y", Y);
        return (int) predictions.equalTo(Y).sum();
    }

    /**
     * The fraction of correct predictions, in [0, 1] (the course's {@code np.sum((p == y) / m)}).
     *
     * @param predictions predicted labels
     * @param Y           true labels, of the same shape
     * @return the fraction
     */
    public static double accuracy(Matrix predictions, Matrix Y) {
        Checks.sameShape("accuracy", "predictions", predictions, "Y", Y);
        return (double) correct(predictions, Y) / Y.size();
    }

    /**
     * The logistic-regression notebook's percentage, {@code 100 - mean(|Ŷ - Y|) * 100}, computed in
     * that order so it prints the same digits (e.g. {@code 99.04306220095694}).
     *
     * @param predictions 0/1 predictions
     * @param Y           0/1 labels, of the same shape
     * @return the percentage
     */
    public static double accuracyPercent(Matrix predictions, Matrix Y) {
        Checks.sameShape("accuracyPercent", "predictions", predictions, "Y", Y);
        return 100.0 - predictions.minus(Y).abs().mean() * 100.0;
    }

    /**
     * The confusion matrix of {@code classes} classes: {@code counts[actual][predicted]}.
     *
     * @param predictions predicted labels, {@code (1, m)} of {@code 0..classes-1}
     * @param Y           true labels, of the same shape
     * @param classes     the number of classes
     * @return the counts
     * @throws IllegalArgumentException naming the first label that is not a class
     */
    public static ConfusionMatrix confusionMatrix(Matrix predictions, Matrix Y, int classes) {
        Checks.sameShape("confusionMatrix", "predictions", predictions, "Y", Y);
        if (classes < 2) {
            throw new IllegalArgumentException("confusionMatrix: need at least 2 classes, got " + classes);
        }
        int[][] counts = new int[classes][classes];
        for (int j = 0; j < Y.cols(); j++) {
            counts[classIndex(Y, j, classes, "Y")][classIndex(predictions, j, classes, "predictions")]++;
        }
        return new ConfusionMatrix(counts);
    }

    private static int classIndex(Matrix labels, int j, int classes, String what) {
        double v = labels.get(0, j);
        if (v != Math.rint(v) || v < 0 || v >= classes) {
            throw new IllegalArgumentException("confusionMatrix: " + what + "[0, " + j + "] = " + v + " is not a class 0.."
                    + (classes - 1));
        }
        return (int) v;
    }
}
