package org.nndl4j.data;

import java.nio.file.Path;
import java.util.List;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * The course's 2-D datasets for the one-hidden-layer network: the "flower" of {@code load_planar_dataset()}
 * and the extra datasets of {@code load_extra_datasets()} (noisy circles, noisy moons, blobs, Gaussian
 * quantiles, no structure). Every one is {@link LabeledData} with {@code X} of shape {@code (2, m)} and
 * {@code Y} of shape {@code (1, m)}; all randomness comes from numpy's legacy {@code RandomState}
 * ({@link NumpyRandom}), so the seeds give numpy's and scikit-learn's numbers.
 *
 * <p>The flower is bundled as {@code datasets/planar_flower.h5} (X (2, 400) float64, Y (1, 400), list_classes
 * [red, blue]), written once from {@link #generateFlower()}; {@link #flower()} reads it through
 * {@link Hdf5Reader}, and a test checks that the file and the generator agree.
 */
public final class PlanarDatasets {

    /** Classpath location of the bundled flower. */
    public static final String FLOWER_RESOURCE = "org/nndl4j/datasets/planar_flower.h5";

    /** The flower's class names: label 0 is red, 1 is blue (the course's colours). */
    public static final List<String> FLOWER_CLASSES = List.of("red", "blue");

    /** Number of examples in each extra dataset ({@code N = 200} in the course). */
    public static final int EXTRA_SAMPLES = 200;

    private static volatile LabeledData bundledFlower;

    private PlanarDatasets() {
    }

    // ------------------------------------------------------------------ the flower

    /**
     * The bundled flower: X (2, 400), Y (1, 400), read from the classpath once and then shared.
     *
     * @return the shared flower dataset
     * @throws DatasetException if the nndl4j jar lacks the file or it is damaged
     */
    public static LabeledData flower() {
        LabeledData d = bundledFlower;
        if (d == null) {
            synchronized (PlanarDatasets.class) {
                d = bundledFlower;
                if (d == null) {
                    try (Hdf5Reader h5 = Hdf5Reader.openResource(FLOWER_RESOURCE)) {
                        d = read(h5);
                    }
                    bundledFlower = d;
                }
            }
        }
        return d;
    }

    /**
     * Reads a planar dataset from a file laid out like {@code planar_flower.h5}: {@code X} (n_x, m) numbers,
     * {@code Y} (1, m) or (m,) labels 0/1, and optionally {@code list_classes} (2 strings).
     *
     * @param file the HDF5 file
     * @return the examples and their labels
     * @throws DatasetException naming the file and what is wrong
     */
    public static LabeledData load(Path file) {
        Checks.notNull("PlanarDatasets.load", "file", file);
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            return read(h5);
        }
    }

    /**
     * Reads {@code X}, {@code Y} and, if present, {@code list_classes} from an open file (see {@link #load}).
     *
     * @param h5 the open file; not closed
     * @return the examples and their labels
     */
    public static LabeledData read(Hdf5Reader h5) {
        Checks.notNull("PlanarDatasets.read", "h5", h5);
        DatasetInfo x = h5.describe("X");
        if (x.rank() != 2 || !x.elementType().isNumeric()) {
            throw new DatasetException(h5.source(), "dataset 'X' is " + x.shapeString() + " "
                    + x.elementType().name().toLowerCase(java.util.Locale.ROOT) + "; expected numbers of shape (n_x, m)");
        }
        int m = x.dimensions()[1];
        LabelFiles.requireLabelShape(h5, "Y", m, "X");
        List<String> classes = h5.hasDataset("list_classes") ? LabelFiles.readClassNames(h5, "list_classes")
                : List.of("0", "1");
        Matrix Y = LabelFiles.readLabels(h5, "Y");
        Matrix X = h5.readMatrix("X");
        return new LabeledData(X, Y, classes);
    }

    /**
     * The course's {@code load_planar_dataset()}, computed: {@code np.random.seed(1)}, m = 400 points, 200 per
     * class; for class j, {@code t = linspace(3.12 j, 3.12 (j + 1), 200) + 0.2 randn(200)} and
     * {@code r = 4 sin(4 t) + 0.2 randn(200)}, the point {@code (r sin t, r cos t)}.
     *
     * @return X (2, 400), Y (1, 400) with class names [red, blue]
     */
    public static LabeledData generateFlower() {
        NumpyRandom rng = new NumpyRandom(1);
        int m = 400; // number of examples
        int N = m / 2; // number of points per class
        int D = 2; // dimensionality
        double a = 4; // maximum ray of the flower
        double[] x = new double[D * m];
        double[] y = new double[m];
        for (int j = 0; j < 2; j++) {
            double[] lin = SklearnDatasets.linspace(j * 3.12, (j + 1) * 3.12, N, true);
            double[] noiseT = rng.randn(N);
            double[] noiseR = rng.randn(N);
            for (int i = 0; i < N; i++) {
                int ix = N * j + i;
                // t = np.linspace(j*3.12, (j+1)*3.12, N) + np.random.randn(N)*0.2  (theta)
                double t = lin[i] + noiseT[i] * 0.2;
                // r = a*np.sin(4*t) + np.random.randn(N)*0.2  (radius)
                double r = a * StrictMath.sin(4 * t) + noiseR[i] * 0.2;
                // X[ix] = np.c_[r*np.sin(t), r*np.cos(t)], stored transposed: X is (2, m)
                x[ix] = r * StrictMath.sin(t);
                x[m + ix] = r * StrictMath.cos(t);
                y[ix] = j;
            }
        }
        return new LabeledData(Matrix.fromRowMajor(D, m, x), Matrix.rowVector(y), FLOWER_CLASSES);
    }

    // ------------------------------------------------------------------ the extra datasets

    /**
     * {@code make_circles(n_samples=200, factor=.5, noise=.3, random_state=seed)}: label 0 outer ring, 1 inner.
     *
     * @param seed the random seed
     * @return X (2, 200), Y (1, 200)
     */
    public static LabeledData noisyCircles(long seed) {
        return noisyCircles(EXTRA_SAMPLES, 0.5, 0.3, new NumpyRandom(seed));
    }

    /**
     * scikit-learn's {@code make_circles}, drawing from {@code rng} (which it advances).
     *
     * @param nSamples the number of points, split between the two circles
     * @param factor   the inner circle's radius relative to the outer one's, in (0, 1)
     * @param noise    the standard deviation of the Gaussian noise added to each coordinate
     * @param rng      the random source; advanced
     * @return X (2, nSamples), Y (1, nSamples)
     */
    public static LabeledData noisyCircles(int nSamples, double factor, double noise, NumpyRandom rng) {
        return SklearnDatasets.makeCircles(nSamples, factor, noise, Checks.notNull("PlanarDatasets.noisyCircles", "rng", rng));
    }

    /**
     * {@code make_moons(n_samples=200, noise=.2, random_state=seed)}: label 0 upper moon, 1 lower moon.
     *
     * @param seed the random seed
     * @return X (2, 200), Y (1, 200)
     */
    public static LabeledData noisyMoons(long seed) {
        return noisyMoons(EXTRA_SAMPLES, 0.2, new NumpyRandom(seed));
    }

    /**
     * scikit-learn's {@code make_moons}, drawing from {@code rng} (which it advances).
     *
     * @param nSamples the number of points, split between the two moons
     * @param noise    the standard deviation of the Gaussian noise added to each coordinate
     * @param rng      the random source; advanced
     * @return X (2, nSamples), Y (1, nSamples)
     */
    public static LabeledData noisyMoons(int nSamples, double noise, NumpyRandom rng) {
        return SklearnDatasets.makeMoons(nSamples, noise, Checks.notNull("PlanarDatasets.noisyMoons", "rng", rng));
    }

    /**
     * {@code make_blobs(n_samples=200, random_state=seed, n_features=2, centers=6)} with the labels made binary
     * as the course does: {@code Y = Y % 2} (even clusters are class 0, odd ones class 1).
     *
     * @param seed the random seed
     * @return X (2, 200), Y (1, 200)
     */
    public static LabeledData blobs(long seed) {
        return blobs(EXTRA_SAMPLES, 6, new NumpyRandom(seed));
    }

    /**
     * scikit-learn's {@code make_blobs} in 2-D, labels = cluster index % 2, drawing from {@code rng}.
     *
     * @param nSamples the number of points, split between the clusters
     * @param centers  the number of clusters
     * @param rng      the random source; advanced
     * @return X (2, nSamples), Y (1, nSamples)
     */
    public static LabeledData blobs(int nSamples, int centers, NumpyRandom rng) {
        return SklearnDatasets.makeBlobs(nSamples, 2, centers, Checks.notNull("PlanarDatasets.blobs", "rng", rng));
    }

    /**
     * {@code make_gaussian_quantiles(mean=None, cov=0.5, n_samples=200, n_features=2, n_classes=2,
     * shuffle=True, random_state=seed)}: label 0 for the half nearer the origin, 1 for the farther half.
     *
     * @param seed the random seed
     * @return X (2, 200), Y (1, 200)
     */
    public static LabeledData gaussianQuantiles(long seed) {
        return gaussianQuantiles(EXTRA_SAMPLES, 0.5, new NumpyRandom(seed));
    }

    /**
     * scikit-learn's {@code make_gaussian_quantiles} in 2-D with 2 classes, drawing from {@code rng}.
     *
     * @param nSamples the number of points
     * @param cov      the variance of each coordinate of the Gaussian
     * @param rng      the random source; advanced
     * @return X (2, nSamples), Y (1, nSamples)
     */
    public static LabeledData gaussianQuantiles(int nSamples, double cov, NumpyRandom rng) {
        return SklearnDatasets.makeGaussianQuantiles(nSamples, 2, cov, Checks.notNull("PlanarDatasets.gaussianQuantiles", "rng", rng));
    }

    /**
     * The course's {@code no_structure = np.random.rand(N, 2), np.random.rand(N, 2)} after
     * {@code np.random.seed(seed)}: X is the first draw, transposed to (2, 200). The course's "labels" are the
     * second draw, random floats of shape (200, 2) that no model can train on; here the label of example i is
     * 1 when the first value of row i of that draw is at least 0.5, else 0 — labels with no relation to X.
     *
     * @param seed the random seed
     * @return X (2, 200), Y (1, 200)
     */
    public static LabeledData noStructure(long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        int n = EXTRA_SAMPLES;
        Matrix X = rng.rand(n, 2).transpose();
        Matrix draw = rng.rand(n, 2);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = draw.get(i, 0) >= 0.5 ? 1 : 0;
        }
        return LabeledData.of(X, Matrix.rowVector(y));
    }
}
