package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

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
     * @throws ShapeException           naming both shapes if they differ
     * @throws IllegalArgumentException naming the first element that is not a class index (a whole number
     *                                  {@code >= 0}; NaN is not)
     */
    public static int correct(Matrix predictions, Matrix Y) {
        Checks.sameShape("correct", "predictions", predictions, "Y", Y);
        Checks.classIndices("correct", "Y", Y, Integer.MAX_VALUE);
        Checks.classIndices("correct", "predictions", predictions, Integer.MAX_VALUE);
        return (int) predictions.equalTo(Y).sum();
    }

    /**
     * The fraction of correct predictions, in [0, 1] (the course's {@code np.sum((p == y) / m)}). Labels are class
     * indices of any number of classes; {@link #accuracy(Matrix, Matrix, int)} also bounds them.
     *
     * @param predictions predicted labels
     * @param Y           true labels, of the same shape
     * @return the fraction
     * @throws ShapeException           naming both shapes if they differ
     * @throws IllegalArgumentException if there are no labels ({@code m = 0}), or naming the first element that is
     *                                  not a class index (e.g. 0.7, -1 or NaN)
     */
    public static double accuracy(Matrix predictions, Matrix Y) {
        return accuracy("accuracy", predictions, Y, Integer.MAX_VALUE);
    }

    /**
     * {@link #accuracy(Matrix, Matrix)} of a {@code classes}-class problem: every label must be one of
     * {@code 0..classes-1} (for two classes, 0 or 1).
     *
     * @param predictions predicted labels
     * @param Y           true labels, of the same shape
     * @param classes     the number of classes, {@code >= 2}
     * @return the fraction
     * @throws IllegalArgumentException if there are no labels, {@code classes < 2}, or naming the first element that
     *                                  is not a class {@code 0..classes-1}
     */
    public static double accuracy(Matrix predictions, Matrix Y, int classes) {
        if (classes < 2) {
            throw new Nndl4jException("accuracy: need at least 2 classes, got " + classes);
        }
        return accuracy("accuracy", predictions, Y, classes);
    }

    private static double accuracy(String operation, Matrix predictions, Matrix Y, int classes) {
        Checks.sameShape(operation, "predictions", predictions, "Y", Y);
        requireLabels(operation, Y);
        Checks.classIndices(operation, "Y", Y, classes);
        Checks.classIndices(operation, "predictions", predictions, classes);
        return predictions.equalTo(Y).sum() / Y.size();
    }

    private static void requireLabels(String operation, Matrix Y) {
        if (Y.size() == 0) {
            throw new Nndl4jException(operation + ": no examples (m = 0) in Y of shape " + Y.shape());
        }
    }

    /**
     * The logistic-regression notebook's percentage, {@code 100 - mean(|Ŷ - Y|) * 100}, computed in
     * that order so it prints the same digits (e.g. {@code 99.04306220095694}).
     *
     * @param predictions 0/1 predictions
     * @param Y           0/1 labels, of the same shape
     * @return the percentage
     * @throws ShapeException           naming both shapes if they differ
     * @throws IllegalArgumentException if there are no labels ({@code m = 0}), or naming the first value that is not 0
     *                                  or 1
     */
    public static double accuracyPercent(Matrix predictions, Matrix Y) {
        Checks.sameShape("accuracyPercent", "predictions", predictions, "Y", Y);
        requireLabels("accuracyPercent", Y);
        Checks.classIndices("accuracyPercent", "Y", Y, 2);
        Checks.classIndices("accuracyPercent", "predictions", predictions, 2);
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
            throw new Nndl4jException("confusionMatrix: need at least 2 classes, got " + classes);
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
            throw new Nndl4jException("confusionMatrix: " + what + "[0, " + j + "] = " + v + " is not a class 0.."
                    + (classes - 1));
        }
        return (int) v;
    }
}
