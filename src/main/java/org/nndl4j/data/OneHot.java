package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;

/** Class labels as integers and as one-hot columns, both ways. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * One-hot labels: column {@code j} of the result has a 1 in row {@code labels[j]} and 0 elsewhere.
     *
     * @param labels  the class of each example
     * @param classes the number of classes {@code C >= 2}
     * @return {@code (C, m)}
     * @throws IllegalArgumentException naming the first label outside {@code 0..C-1}
     */
    public static Matrix encode(int[] labels, int classes) {
        if (labels == null) {
            throw new Nndl4jException("OneHot.encode: labels is null");
        }
        if (classes < 2) {
            throw new Nndl4jException("OneHot.encode: need at least 2 classes, got " + classes);
        }
        double[] Y = new double[classes * labels.length];
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] < 0 || labels[j] >= classes) {
                throw new Nndl4jException("OneHot.encode: labels[" + j + "] = " + labels[j] + " is not a class 0.."
                        + (classes - 1));
            }
            // row-major: element (labels[j], j)
            Y[labels[j] * labels.length + j] = 1.0;
        }
        return Matrix.fromRowMajor(classes, labels.length, Y);
    }

    /**
     * The class of each one-hot column.
     *
     * @param Y one-hot labels {@code (C, m)}: every column has exactly one 1, the rest 0
     * @return {@code labels[j]} = the row of column {@code j}'s 1
     * @throws IllegalArgumentException naming the first column that is not one-hot
     */
    public static int[] decode(Matrix Y) {
        if (Y == null) {
            throw new Nndl4jException("OneHot.decode: Y is null");
        }
        int[] labels = new int[Y.cols()];
        for (int j = 0; j < Y.cols(); j++) {
            int found = -1;
            for (int i = 0; i < Y.rows(); i++) {
                double y = Y.get(i, j);
                if (y == 1.0 && found < 0) {
                    found = i;
                } else if (y != 0.0) {
                    throw new Nndl4jException("OneHot.decode: column " + j + " is not one-hot: Y[" + i + ", " + j
                            + "] = " + y + (y == 1.0 ? " is a second 1" : ""));
                }
            }
            if (found < 0) {
                throw new Nndl4jException("OneHot.decode: column " + j + " is not one-hot: it has no 1");
            }
            labels[j] = found;
        }
        return labels;
    }
}
