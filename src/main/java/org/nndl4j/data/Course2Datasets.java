package org.nndl4j.data;

import java.util.List;

import org.nndl4j.matrix.Matrix;

/**
 * The 2-D data sets of the "Improving Deep Neural Networks" programs, exactly as the course's loaders return them
 * (bundled in the jar; regenerating them with another numpy moves elements by up to 4.4e-16, enough to change the
 * chaotic runs): the moons of "Optimization methods", the circles of "Initialization" and the football positions of
 * "Regularization". Examples are columns, labels 0/1.
 */
public final class Course2Datasets {

    /** The bundled file of the moons, the circles and the digits. */
    public static final String INPUTS_RESOURCE = "org/nndl4j/datasets/course2_inputs.h5";
    /** The bundled football positions. */
    public static final String FOOTBALL_RESOURCE = "org/nndl4j/datasets/football.h5";

    private static final List<String> CLASSES = List.of("0", "1");

    private Course2Datasets() {
    }

    /**
     * A training set and a test set.
     *
     * @param train the training examples
     * @param test  the test examples
     */
    public record Split(LabeledData train, LabeledData test) {
    }

    /**
     * {@code load_dataset()} of "Optimization methods": scikit-learn's {@code make_moons(n_samples=300, noise=.2)}
     * after {@code np.random.seed(3)}.
     *
     * @return X (2, 300), Y (1, 300)
     * @throws DatasetException if the bundled file is missing or damaged
     */
    public static LabeledData moons() {
        try (Hdf5Reader h5 = Hdf5Reader.openResource(INPUTS_RESOURCE)) {
            return read(h5, "moons/train_X", "moons/train_Y");
        }
    }

    /**
     * {@code load_dataset()} of "Initialization": {@code make_circles(n_samples=300, noise=.05)} after seed 1 and
     * {@code make_circles(n_samples=100, noise=.05)} after seed 2.
     *
     * @return 300 training and 100 test points
     * @throws DatasetException if the bundled file is missing or damaged
     */
    public static Split circles() {
        try (Hdf5Reader h5 = Hdf5Reader.openResource(INPUTS_RESOURCE)) {
            return new Split(read(h5, "circles/train_X", "circles/train_Y"), read(h5, "circles/test_X", "circles/test_Y"));
        }
    }

    /**
     * {@code load_2D_dataset()} of "Regularization": where the French goalkeeper should kick (1: a French player
     * heads it).
     *
     * @return 211 training and 200 test positions
     * @throws DatasetException if the bundled file is missing or damaged
     */
    public static Split football() {
        try (Hdf5Reader h5 = Hdf5Reader.openResource(FOOTBALL_RESOURCE)) {
            return new Split(read(h5, "train_X", "train_Y"), read(h5, "test_X", "test_Y"));
        }
    }

    private static LabeledData read(Hdf5Reader h5, String xName, String yName) {
        Matrix X = h5.readMatrix(xName);
        LabelFiles.requireLabelShape(h5, yName, X.cols(), xName);
        return new LabeledData(X, LabelFiles.readLabels(h5, yName), CLASSES);
    }
}
