package org.nndl4j.data;

import java.util.List;
import java.util.Locale;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.hdf5.DatasetInfo.ElementType;
import org.nndl4j.matrix.Matrix;

/**
 * Shared checks for labelled data read from HDF5: labels, class names, example counts. Every failure is a
 * {@link DatasetException} naming the file and the dataset.
 */
final class LabelFiles {

    private LabelFiles() {
    }

    /**
     * Checks from metadata that {@code yName} holds {@code m} numeric labels, shaped {@code (m,)} as in the
     * course's files or {@code (1, m)}; {@code xName} is only used in the message.
     */
    static void requireLabelShape(Hdf5Reader h5, String yName, int m, String xName) {
        DatasetInfo y = h5.describe(yName);
        if (!y.elementType().isNumeric()) {
            throw new DatasetException(h5.source(), "dataset '" + yName + "' holds " + y.elementType().name().toLowerCase(Locale.ROOT)
                    + " values; expected numeric labels 0/1");
        }
        int[] d = y.dimensions();
        boolean vector = d.length == 1;
        boolean row = d.length == 2 && d[0] == 1;
        if (!vector && !row) {
            throw new DatasetException(h5.source(), "dataset '" + yName + "' has shape " + y.shapeString()
                    + "; expected labels of shape (m,) or (1, m)");
        }
        int count = vector ? d[0] : d[1];
        if (count != m) {
            throw new DatasetException(h5.source(), "'" + xName + "' has " + m + " examples but '" + yName + "' has "
                    + count + " labels (shape " + y.shapeString() + ")");
        }
    }

    /** Reads labels checked by {@link #requireLabelShape} as a {@code (1, m)} row, each 0 or 1. */
    static Matrix readLabels(Hdf5Reader h5, String yName) {
        double[] y = h5.readArray(yName).toFlatArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0.0 && y[i] != 1.0) {
                throw new DatasetException(h5.source(), "dataset '" + yName + "': label " + y[i] + " at index " + i
                        + " is not 0 or 1");
            }
        }
        return Matrix.rowVector(y);
    }

    /** Reads the two class names (for labels 0 and 1) from a 1-D string dataset. */
    static List<String> readClassNames(Hdf5Reader h5, String name) {
        DatasetInfo info = h5.describe(name);
        if (info.elementType() != ElementType.STRING || info.rank() != 1 || info.size() != 2) {
            throw new DatasetException(h5.source(), "dataset '" + name + "' is " + info.shapeString() + " "
                    + info.elementType().name().toLowerCase(Locale.ROOT) + "; expected 2 class names (strings) for labels 0 and 1");
        }
        return h5.readStrings(name);
    }
}
