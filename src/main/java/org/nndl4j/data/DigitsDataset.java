package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * scikit-learn's 8x8 handwritten digits (1797 images of the digits 0-9, 16 grey levels; from the UCI "Optical
 * Recognition of Handwritten Digits" data, as shipped by scikit-learn under the BSD-3 licence), the data set of
 * nndl4j's many-class softmax program.
 *
 * <p>As the program defines it: {@code X = data / 16} transposed to {@code (64, 1797)} (pixels in [0, 1], one image
 * per column, row-major 8x8), {@code Y} one-hot {@code (10, 1797)}; the first {@value #TRAIN_SIZE} columns are the
 * training set, the last 360 the test set.
 *
 * @param train the first {@value #TRAIN_SIZE} examples
 * @param test  the remaining examples
 */
public record DigitsDataset(LabeledData train, LabeledData test) {

    /** The bundled file (in the nndl4j jar) holding the digits, in its group {@code digits_raw}. */
    public static final String RESOURCE = "org/nndl4j/datasets/course2_inputs.h5";
    /** The number of training examples; the rest are test examples. */
    public static final int TRAIN_SIZE = 1437;
    /** Images are {@value}x{@value} pixels. */
    public static final int SIDE = 8;
    /** The grey levels run from 0 to this value. */
    public static final double MAX_LEVEL = 16.0;

    private static final int CLASSES = 10;
    private static volatile DigitsDataset bundled;

    /**
     * @param train the training split
     * @param test  the test split
     * @throws IllegalArgumentException if a split is null or the two differ in features or classes
     */
    public DigitsDataset {
        if (train == null || test == null) {
            throw new Nndl4jException("DigitsDataset: train and test must not be null");
        }
        if (train.features() != test.features() || train.classes() != test.classes()) {
            throw new Nndl4jException("DigitsDataset: train and test differ: " + train.features() + " and "
                    + test.features() + " features, " + train.classes() + " and " + test.classes() + " classes");
        }
    }

    /**
     * The copy bundled in the nndl4j jar (read once, then shared; the values are immutable).
     *
     * @return the digits, split 1437 / 360
     * @throws DatasetException if the jar lacks the file or it is damaged
     */
    public static DigitsDataset loadBundled() {
        DigitsDataset d = bundled;
        if (d == null) {
            synchronized (DigitsDataset.class) {
                d = bundled;
                if (d == null) {
                    try (Hdf5Reader h5 = Hdf5Reader.openResource(RESOURCE)) {
                        d = read(h5);
                    }
                    bundled = d;
                }
            }
        }
        return d;
    }

    /**
     * Reads the digits from an HDF5 file with {@code digits_raw/data} (1797, 64) and {@code digits_raw/target} (1797).
     *
     * @param file the file
     * @return the digits, split as the bundled ones
     * @throws DatasetException naming the file and what is wrong
     */
    public static DigitsDataset load(Path file) {
        if (file == null) {
            throw new Nndl4jException("DigitsDataset.load: file is null");
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            return read(h5);
        }
    }

    private static DigitsDataset read(Hdf5Reader h5) {
        NDArray data = h5.readArray("digits_raw/data", 2);
        NDArray target = h5.readArray("digits_raw/target", 1);
        int m = data.dim(0);
        if (data.dim(1) != SIDE * SIDE || target.dim(0) != m || m <= TRAIN_SIZE) {
            throw new DatasetException(h5.source(), "digits_raw/data must be (m, 64) and digits_raw/target (m,) with m > "
                    + TRAIN_SIZE + ", got " + NDArray.shapeString(data.shape()) + " and "
                    + NDArray.shapeString(target.shape()));
        }
        int bad = data.indexOfFirst(v -> !(v >= 0 && v <= MAX_LEVEL));
        if (bad >= 0) {
            throw new DatasetException(h5.source(), "digits_raw/data[" + bad / 64 + ", " + bad % 64 + "] = "
                    + data.toFlatArray()[bad] + " is not a grey level 0.." + (int) MAX_LEVEL);
        }
        int[] labels = new int[m];
        for (int j = 0; j < m; j++) {
            double y = target.get(j);
            if (y != Math.rint(y) || y < 0 || y >= CLASSES) {
                throw new DatasetException(h5.source(), "digits_raw/target[" + j + "] = " + y + " is not a digit 0..9");
            }
            labels[j] = (int) y;
        }
        // X = data / 16, transposed to (64, m)
        Matrix X = data.examplesAsColumns(v -> v / MAX_LEVEL);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            names.add(Integer.toString(c));
        }
        LabeledData all = LabeledData.ofClasses(X, labels, names);
        return new DigitsDataset(all.slice(0, TRAIN_SIZE), all.slice(TRAIN_SIZE, m));
    }

    /**
     * Example {@code j} of {@code data} as an 8x8 image of pixels in [0, 1], row-major.
     *
     * @param data digits (e.g. {@link #test()})
     * @param j    the example (column)
     * @return {@code (8, 8)}
     */
    public static Matrix image(LabeledData data, int j) {
        return data.X().columns(j, j + 1).reshape(SIDE, SIDE);
    }
}
