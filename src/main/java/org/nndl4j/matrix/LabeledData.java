package org.nndl4j.matrix;

import java.util.List;
import java.util.Objects;

/**
 * Examples and their 0/1 labels, the one shape every model of the library trains and evaluates on.
 * Examples are columns: {@code X} is {@code (n_x, m)}, {@code Y} is {@code (1, m)}.
 *
 * @param X          inputs, one example per column
 * @param Y          labels, 0 or 1, shape {@code (1, m)}
 * @param classNames name of class 0 and of class 1 (e.g. {@code [non-cat, cat]})
 */
public record LabeledData(Matrix X, Matrix Y, List<String> classNames) {

    public LabeledData {
        if (X == null || Y == null) {
            throw new IllegalArgumentException("LabeledData: X and Y must not be null");
        }
        Objects.requireNonNull(classNames, "LabeledData: classNames is null");
        classNames = List.copyOf(classNames);
        if (classNames.size() != 2) {
            throw new IllegalArgumentException("LabeledData: expected 2 class names (for labels 0 and 1), got " + classNames);
        }
        if (Y.rows() != 1) {
            throw new ShapeException("LabeledData", "Y of shape (1, m)", Y.shape());
        }
        if (X.cols() != Y.cols()) {
            throw new ShapeException("LabeledData", X.shape(), Y.shape(),
                    "differ in number of examples: X has " + X.cols() + " columns, Y has " + Y.cols());
        }
        requireBinary(Y);
    }

    /** Data with the class names {@code 0} and {@code 1}. */
    public static LabeledData of(Matrix X, Matrix Y) {
        return new LabeledData(X, Y, List.of("0", "1"));
    }

    /** Number of examples {@code m}. */
    public int size() {
        return X.cols();
    }

    /** Number of input features {@code n_x}. */
    public int features() {
        return X.rows();
    }

    /** The name of a label value (0 or 1). */
    public String className(int label) {
        return classNames.get(label);
    }

    /**
     * Checks that every label is 0 or 1.
     *
     * @throws IllegalArgumentException naming the first offending position and value
     */
    public static void requireBinary(Matrix Y) {
        for (int j = 0; j < Y.cols(); j++) {
            for (int i = 0; i < Y.rows(); i++) {
                double y = Y.get(i, j);
                if (y != 0.0 && y != 1.0) {
                    throw new IllegalArgumentException("labels must be 0 or 1, but Y[" + i + ", " + j + "] = " + y);
                }
            }
        }
    }
}
