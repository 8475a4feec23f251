package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * Examples and their class labels, the one shape every model of the library trains and evaluates on.
 * Examples are columns: {@code X} is {@code (n_x, m)}; {@code Y} is {@code (1, m)} of 0/1 for two classes, or one-hot
 * {@code (C, m)} for {@code C} classes (column {@code j} has its single 1 in the row of example {@code j}'s class).
 *
 * @param X          inputs, one example per column
 * @param Y          labels: 0/1 of shape {@code (1, m)}, or one-hot of shape {@code (C, m)}
 * @param classNames the name of each class, class 0 first (two for 0/1 labels, {@code C} for one-hot labels)
 */
public record LabeledData(Matrix X, Matrix Y, List<String> classNames) {

    /**
     * @param X          inputs, one example per column, {@code (n_x, m)}
     * @param Y          labels, {@code (1, m)} of 0/1 or one-hot {@code (C, m)}
     * @param classNames the name of each class, class 0 first; copied
     * @throws IllegalArgumentException if an argument is null, the labels are not 0/1 (or not one-hot), or the number of
     *                                  class names does not match
     * @throws ShapeException           if {@code X} and {@code Y} differ in number of examples
     */
    public LabeledData {
        Checks.notNull("LabeledData", "X", X);
        Checks.notNull("LabeledData", "Y", Y);
        Checks.notNull("LabeledData", "classNames", classNames);
        classNames = List.copyOf(classNames);
        if (X.cols() != Y.cols()) {
            throw new ShapeException("LabeledData", X.shape(), Y.shape(),
                    "differ in number of examples: X has " + X.cols() + " columns, Y has " + Y.cols());
        }
        if (Y.rows() == 1) {
            if (classNames.size() != 2) {
                throw new Nndl4jException("LabeledData: expected 2 class names (for labels 0 and 1), got " + classNames);
            }
            Checks.binaryLabels("LabeledData", Y);
        } else {
            if (classNames.size() != Y.rows()) {
                throw new Nndl4jException("LabeledData: one-hot labels of " + Y.rows() + " rows need " + Y.rows()
                        + " class names, got " + classNames.size() + ": " + classNames);
            }
            OneHot.decode(Y);
        }
    }

    /**
     * Data whose classes are named {@code 0}, {@code 1}, ... .
     *
     * @param X inputs, {@code (n_x, m)}
     * @param Y 0/1 labels {@code (1, m)} or one-hot labels {@code (C, m)}
     * @return the labelled data
     */
    public static LabeledData of(Matrix X, Matrix Y) {
        Checks.notNull("LabeledData.of", "Y", Y);
        int classes = Y.rows() == 1 ? 2 : Y.rows();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return new LabeledData(X, Y, names);
    }

    /**
     * Data of {@code C = classNames.size()} classes from integer labels, stored one-hot {@code (C, m)}.
     *
     * @param X          inputs, {@code (n_x, m)}
     * @param labels     the class of each example, {@code 0 <= labels[j] < C}
     * @param classNames the names of classes {@code 0..C-1} ({@code C >= 2})
     * @return the labelled data
     * @throws IllegalArgumentException naming the first label out of range
     */
    public static LabeledData ofClasses(Matrix X, int[] labels, List<String> classNames) {
        if (classNames == null) {
            throw new Nndl4jException("LabeledData.ofClasses: classNames is null");
        }
        return new LabeledData(X, OneHot.encode(labels, classNames.size()), classNames);
    }

    /** @return the number of examples {@code m} */
    public int size() {
        return X.cols();
    }

    /** @return the number of input features {@code n_x} */
    public int features() {
        return X.rows();
    }

    /** @return the number of classes: 2 for 0/1 labels, {@code C} for one-hot labels */
    public int classes() {
        return classNames.size();
    }

    /** @return whether the labels are one-hot {@code (C, m)} rather than 0/1 {@code (1, m)} */
    public boolean isOneHot() {
        return Y.rows() > 1;
    }

    /**
     * The class of each example as a {@code (1, m)} row of {@code 0..C-1}: {@code Y} itself for 0/1 labels, the row of
     * the 1 in each column for one-hot labels. This is what {@code Network.predict} returns and what accuracy compares.
     *
     * @return the class indices
     */
    public Matrix labels() {
        if (!isOneHot()) {
            return Y;
        }
        int[] classes = OneHot.decode(Y);
        double[] row = new double[classes.length];
        for (int j = 0; j < classes.length; j++) {
            row[j] = classes[j];
        }
        return Matrix.rowVector(row);
    }

    /**
     * The name of a class.
     *
     * @param label the class index, {@code 0 <= label < classes()}
     * @return its name
     */
    public String className(int label) {
        if (label < 0 || label >= classNames.size()) {
            throw new IndexOutOfBoundsException("LabeledData: class " + label + " does not exist; classes are 0.."
                    + (classNames.size() - 1));
        }
        return classNames.get(label);
    }

    /**
     * The examples {@code from .. to-1} (columns), with the same class names.
     *
     * @param from first example, inclusive
     * @param to   last example, exclusive
     * @return the slice
     */
    public LabeledData slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("LabeledData.slice: [" + from + ", " + to + ") is not within 0.." + size());
        }
        return new LabeledData(X.columns(from, to), Y.columns(from, to), classNames);
    }
}
