package org.nndl4j.data;

import java.util.List;

import org.nndl4j.matrix.Matrix;

/** Class indices {@code 0..C-1} to {@link LabeledData}: 0/1 labels {@code (1, m)} for two classes, one-hot otherwise. */
final class ClassLabels {

    /** The most classes a loader accepts; a larger label is almost surely not a class index. */
    static final int MAX_CLASSES = 100_000;

    private ClassLabels() {
    }

    /**
     * @param source     the file, for the message if the one-hot labels would not fit in one array
     * @param X          inputs {@code (n_x, m)}
     * @param labels     the class of each example, each in {@code 0..classNames.size()-1}
     * @param classNames two or more names
     */
    static LabeledData toLabeledData(String source, Matrix X, int[] labels, List<String> classNames) {
        int classes = classNames.size();
        if (classes == 2) {
            double[] y = new double[labels.length];
            for (int j = 0; j < labels.length; j++) {
                y[j] = labels[j];
            }
            return new LabeledData(X, Matrix.rowVector(y), classNames);
        }
        if ((long) classes * labels.length > Integer.MAX_VALUE - 8) {
            throw new DatasetException(source, classes + " classes of " + labels.length + " examples make one-hot labels of "
                    + (long) classes * labels.length + " values, more than one Java array holds");
        }
        return LabeledData.ofClasses(X, labels, classNames);
    }

    /** {@code "0", "1", ..., "C-1"}. */
    static List<String> numbered(int classes) {
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = Integer.toString(c);
        }
        return List.of(names);
    }
}
