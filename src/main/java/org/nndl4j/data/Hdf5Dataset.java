package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * Your own labelled data from any HDF5 file: a numeric features dataset and a labels dataset, chosen by name, in
 * either {@link Orientation}. Everything goes through {@link Hdf5Reader} and so through nndl4j's hardened HDF5 reader:
 * shapes, types and counts are checked from the metadata before any value is read, absurd sizes are refused before
 * anything is allocated, and every failure is a {@link DatasetException} naming the file (and the dataset).
 *
 * <pre>{@code
 * // h5py: f["x"] = X_train  (m, n_x) float or int;  f["y"] = y_train  (m,) of 0..C-1
 * LabeledData train = Hdf5Dataset.load(Path.of("train.h5"), "x", "y", Orientation.EXAMPLES_AS_ROWS);
 * }</pre>
 *
 * <p>Labels are class indices: integers {@code 0..C-1} stored as any integer or floating-point type (a float label
 * must be a whole number). Two classes (every label 0 or 1) give 0/1 labels {@code (1, m)}; more give one-hot labels
 * {@code (C, m)}. Without class names, {@code C} is the largest label + 1 (at least 2) and the classes are named
 * {@code "0", "1", ...}; pass the names (e.g. {@code h5.readStrings("list_classes")}) to fix {@code C} and name them,
 * which also keeps a test split that lacks the last class the same shape as its training split.
 */
public final class Hdf5Dataset {

    private Hdf5Dataset() {
    }

    /**
     * Reads {@code featuresName} and {@code labelsName} from {@code file}; classes are numbered (see the class comment).
     *
     * @param file         an HDF5 file
     * @param featuresName the features dataset, e.g. {@code "train_set_x"} or {@code "/data/x"}
     * @param labelsName   the labels dataset, {@code (m,)}, {@code (1, m)} or {@code (m, 1)}
     * @param orientation  whether the features hold one example per row (numpy, h5py, Keras) or per column (nndl4j)
     * @return {@code X (n_x, m)} and its labels
     * @throws DatasetException naming the file if it cannot be read, a dataset is missing (the message lists those
     *                          present), not numeric, of the wrong rank or size, a feature is not finite or a label not
     *                          a class index
     */
    public static LabeledData load(Path file, String featuresName, String labelsName, Orientation orientation) {
        Checks.notNull("Hdf5Dataset.load", "file", file);
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            return read(h5, featuresName, labelsName, orientation);
        }
    }

    /**
     * As {@link #load(Path, String, String, Orientation)}, with the classes' names: label {@code c} is
     * {@code classNames.get(c)}, and every label must be below {@code classNames.size()}.
     *
     * @param file         an HDF5 file
     * @param featuresName the features dataset
     * @param labelsName   the labels dataset
     * @param orientation  how the features hold the examples
     * @param classNames   two or more names, class 0 first
     * @return {@code X (n_x, m)} and its labels
     * @throws DatasetException naming the file, as above, or the first label that is not below {@code classNames.size()}
     */
    public static LabeledData load(Path file, String featuresName, String labelsName, Orientation orientation,
                                   List<String> classNames) {
        Checks.notNull("Hdf5Dataset.load", "file", file);
        Checks.notNull("Hdf5Dataset.load", "classNames", classNames);
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            return read(h5, featuresName, labelsName, orientation, classNames);
        }
    }

    /**
     * Reads from an open file (to take several splits from one file); see {@link #load(Path, String, String, Orientation)}.
     *
     * @param h5           an open file
     * @param featuresName the features dataset
     * @param labelsName   the labels dataset
     * @param orientation  how the features hold the examples
     * @return {@code X (n_x, m)} and its labels
     */
    public static LabeledData read(Hdf5Reader h5, String featuresName, String labelsName, Orientation orientation) {
        return readChecked(h5, featuresName, labelsName, orientation, null);
    }

    /**
     * Reads from an open file with the classes' names; see {@link #load(Path, String, String, Orientation, List)}.
     *
     * @param h5           an open file
     * @param featuresName the features dataset
     * @param labelsName   the labels dataset
     * @param orientation  how the features hold the examples
     * @param classNames   two or more names, class 0 first
     * @return {@code X (n_x, m)} and its labels
     */
    public static LabeledData read(Hdf5Reader h5, String featuresName, String labelsName, Orientation orientation,
                                   List<String> classNames) {
        Checks.notNull("Hdf5Dataset.read", "classNames", classNames);
        if (classNames.size() < 2) {
            throw new Nndl4jException("Hdf5Dataset.read: need at least 2 class names, got " + classNames);
        }
        return readChecked(h5, featuresName, labelsName, orientation, List.copyOf(classNames));
    }

    private static LabeledData readChecked(Hdf5Reader h5, String xName, String yName, Orientation orientation,
                                           List<String> classNames) {
        Checks.notNull("Hdf5Dataset.read", "h5", h5);
        Checks.notNull("Hdf5Dataset.read", "featuresName", xName);
        Checks.notNull("Hdf5Dataset.read", "labelsName", yName);
        Checks.notNull("Hdf5Dataset.read", "orientation", orientation);
        String source = h5.source();

        // shapes and types from the metadata first: nothing is read before they fit
        DatasetInfo x = h5.describe(xName);
        if (!x.elementType().isNumeric()) {
            throw new DatasetException(source, "dataset '" + xName + "' holds " + kind(x) + " values; expected numeric features");
        }
        int[] d = x.dimensions();
        int m;
        long features;
        if (orientation == Orientation.EXAMPLES_AS_ROWS) {
            if (d.length < 2) {
                throw new DatasetException(source, "dataset '" + xName + "' has shape " + x.shapeString()
                        + "; expected examples as rows (m, n_x) or (m, d1, d2, ...)");
            }
            m = d[0];
            features = 1;
            for (int k = 1; k < d.length; k++) {
                features *= d[k];
            }
        } else {
            if (d.length != 2) {
                throw new DatasetException(source, "dataset '" + xName + "' has shape " + x.shapeString()
                        + "; expected examples as columns (n_x, m)");
            }
            features = d[0];
            m = d[1];
        }
        if (m == 0 || features == 0) {
            throw new DatasetException(source, "dataset '" + xName + "' has shape " + x.shapeString() + ": "
                    + (m == 0 ? "no examples (m = 0)" : "no features (n_x = 0)") + " for " + describe(orientation));
        }
        DatasetInfo y = h5.describe(yName);
        if (!y.elementType().isNumeric()) {
            throw new DatasetException(source, "dataset '" + yName + "' holds " + kind(y)
                    + " values; expected numeric class indices 0, 1, ... (class names go in the classNames argument)");
        }
        int[] e = y.dimensions();
        boolean labelShape = e.length == 1 || (e.length == 2 && (e[0] == 1 || e[1] == 1));
        if (!labelShape) {
            throw new DatasetException(source, "dataset '" + yName + "' has shape " + y.shapeString()
                    + "; expected labels of shape (m,), (1, m) or (m, 1)");
        }
        long count = y.size();
        if (count != m) {
            throw new DatasetException(source, "'" + xName + "' has " + m + " examples (shape " + x.shapeString() + ", "
                    + describe(orientation) + ") but '" + yName + "' has " + count + " labels (shape " + y.shapeString() + ")");
        }

        NDArray values = h5.readArray(xName, d.length);
        int bad = values.indexOfFirst(v -> !Double.isFinite(v));
        if (bad >= 0) {
            String at = orientation == Orientation.EXAMPLES_AS_ROWS
                    ? "example (row) " + bad / features + ", feature " + bad % features + " (flattened in C order)"
                    : "[" + bad / m + ", " + bad % m + "] (feature " + bad / m + ", example " + bad % m + ")";
            throw new DatasetException(source, "dataset '" + xName + "': value " + values.toFlatArray()[bad] + " at " + at
                    + " is not a finite number");
        }
        Matrix X = orientation == Orientation.EXAMPLES_AS_ROWS ? values.examplesAsColumns(v -> v) : values.reshape(d[0], d[1]);
        double[] raw = h5.readArray(yName).toFlatArray();
        int[] labels = new int[raw.length];
        int max = 0;
        int limit = classNames == null ? ClassLabels.MAX_CLASSES : classNames.size();
        for (int j = 0; j < raw.length; j++) {
            double v = raw[j];
            if (!(v >= 0) || v != Math.rint(v)) {
                throw new DatasetException(source, "dataset '" + yName + "': label " + v + " of example " + j
                        + " is not a class index (an integer 0, 1, ...)");
            }
            if (v >= limit) {
                throw new DatasetException(source, "dataset '" + yName + "': label " + (long) v + " of example " + j
                        + (classNames == null ? " is too large; at most " + ClassLabels.MAX_CLASSES + " classes are accepted"
                        : " is not below the " + limit + " class names given " + classNames));
            }
            labels[j] = (int) v;
            max = Math.max(max, labels[j]);
        }
        List<String> names = classNames != null ? classNames : ClassLabels.numbered(Math.max(2, max + 1));
        return ClassLabels.toLabeledData(source, X, labels, names);
    }

    private static String describe(Orientation orientation) {
        return orientation == Orientation.EXAMPLES_AS_ROWS ? "examples as rows" : "examples as columns";
    }

    private static String kind(DatasetInfo info) {
        return info.elementType().name().toLowerCase(Locale.ROOT);
    }
}
