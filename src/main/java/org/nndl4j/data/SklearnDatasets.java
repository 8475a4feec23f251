package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * scikit-learn's toy-data generators ({@code sklearn.datasets.make_*}, version 1.2), step for step with
 * numpy's legacy {@code RandomState}, so the same seed gives the same points (to the last bit or two, where
 * Java's sin/cos round differently from the C library's). Points are built as scikit-learn builds them, one
 * example per row, and turned into columns at the end.
 */
final class SklearnDatasets {

    private SklearnDatasets() {
    }

    /** {@code make_circles(n_samples, factor=factor, noise=noise)}: labels 0 outer circle, 1 inner circle. */
    static LabeledData makeCircles(int nSamples, double factor, double noise, NumpyRandom rng) {
        Checks.positive("makeCircles", "nSamples", nSamples);
        if (factor < 0 || factor >= 1) {
            throw new Nndl4jException("makeCircles: factor must be in [0, 1), got " + factor);
        }
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        // so as not to have the first point = last point, endpoint=False
        double[] linOut = linspace(0, 2 * Math.PI, nOut, false);
        double[] linIn = linspace(0, 2 * Math.PI, nIn, false);
        double[][] points = new double[nSamples][];
        int[] labels = new int[nSamples];
        for (int i = 0; i < nOut; i++) {
            points[i] = new double[] {StrictMath.cos(linOut[i]), StrictMath.sin(linOut[i])};
        }
        for (int i = 0; i < nIn; i++) {
            points[nOut + i] = new double[] {StrictMath.cos(linIn[i]) * factor, StrictMath.sin(linIn[i]) * factor};
            labels[nOut + i] = 1;
        }
        return finish(points, labels, noise, rng);
    }

    /** {@code make_moons(n_samples, noise=noise)}: labels 0 upper moon, 1 lower moon. */
    static LabeledData makeMoons(int nSamples, double noise, NumpyRandom rng) {
        Checks.positive("makeMoons", "nSamples", nSamples);
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        double[] linOut = linspace(0, Math.PI, nOut, true);
        double[] linIn = linspace(0, Math.PI, nIn, true);
        double[][] points = new double[nSamples][];
        int[] labels = new int[nSamples];
        for (int i = 0; i < nOut; i++) {
            points[i] = new double[] {StrictMath.cos(linOut[i]), StrictMath.sin(linOut[i])};
        }
        for (int i = 0; i < nIn; i++) {
            points[nOut + i] = new double[] {1 - StrictMath.cos(linIn[i]), 1 - StrictMath.sin(linIn[i]) - 0.5};
            labels[nOut + i] = 1;
        }
        return finish(points, labels, noise, rng);
    }

    /**
     * {@code make_blobs(n_samples, n_features, centers)} with unit standard deviation and centres drawn
     * uniformly from [-10, 10); labels are the cluster index modulo 2, as the course makes blobs binary
     * ({@code Y = Y % 2}).
     */
    static LabeledData makeBlobs(int nSamples, int nFeatures, int centers, NumpyRandom rng) {
        Checks.positive("makeBlobs", "nSamples", nSamples);
        Checks.positive("makeBlobs", "nFeatures", nFeatures);
        Checks.positive("makeBlobs", "centers", centers);
        // centers = generator.uniform(center_box[0], center_box[1], size=(n_centers, n_features))
        double[] centerValues = rng.uniform(-10.0, 10.0, centers * nFeatures);
        int[] perCenter = new int[centers];
        Arrays.fill(perCenter, nSamples / centers);
        for (int i = 0; i < nSamples % centers; i++) {
            perCenter[i]++;
        }
        double[][] points = new double[nSamples][];
        int[] labels = new int[nSamples];
        int row = 0;
        for (int c = 0; c < centers; c++) {
            // X[start:end] = generator.normal(loc=centers[c], scale=1.0, size=(n, n_features)), filled in C order
            for (int k = 0; k < perCenter[c]; k++, row++) {
                points[row] = new double[nFeatures];
                for (int f = 0; f < nFeatures; f++) {
                    points[row][f] = centerValues[c * nFeatures + f] + 1.0 * rng.gaussian();
                }
                labels[row] = c % 2;
            }
        }
        return finish(points, labels, Double.NaN, rng);
    }

    /**
     * {@code make_gaussian_quantiles(mean=None, cov=cov, n_samples, n_features, n_classes=2)}: Gaussian points
     * sorted by distance from the origin; the nearer half is class 0, the farther half class 1.
     */
    static LabeledData makeGaussianQuantiles(int nSamples, int nFeatures, double cov, NumpyRandom rng) {
        Checks.positive("makeGaussianQuantiles", "nSamples", nSamples);
        Checks.positive("makeGaussianQuantiles", "nFeatures", nFeatures);
        Checks.finitePositive("makeGaussianQuantiles", "cov", cov);
        int nClasses = 2;
        if (nSamples < nClasses) {
            throw new Nndl4jException("makeGaussianQuantiles: n_samples must be at least n_classes (2), got " + nSamples);
        }
        // multivariate_normal(0, cov * I): standard normals times sqrt of the (diagonal) SVD values, plus the zero mean
        double scale = Math.sqrt(cov);
        double[][] drawn = new double[nSamples][nFeatures];
        double[] distance = new double[nSamples];
        for (int i = 0; i < nSamples; i++) {
            for (int f = 0; f < nFeatures; f++) {
                drawn[i][f] = rng.gaussian() * scale;
            }
            // np.sum((X - mean) ** 2, axis=1)
            double s = drawn[i][0] * drawn[i][0];
            for (int f = 1; f < nFeatures; f++) {
                s += drawn[i][f] * drawn[i][f];
            }
            distance[i] = s;
        }
        Integer[] order = IntStream.range(0, nSamples).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> distance[i]));
        int step = nSamples / nClasses;
        double[][] points = new double[nSamples][];
        int[] labels = new int[nSamples];
        for (int i = 0; i < nSamples; i++) {
            points[i] = drawn[order[i]];
            labels[i] = Math.min(i / step, nClasses - 1);
        }
        return finish(points, labels, Double.NaN, rng);
    }

    /**
     * Shuffles rows and labels together ({@code sklearn.utils.shuffle}: a permutation of {@code arange(n)} by
     * {@code RandomState.shuffle}), adds {@code normal(scale=noise, size=X.shape)} unless noise is NaN, and
     * returns examples as columns.
     */
    private static LabeledData finish(double[][] points, int[] labels, double noise, NumpyRandom rng) {
        int n = points.length;
        int features = points[0].length;
        int[] indices = IntStream.range(0, n).toArray();
        rng.shuffle(indices);
        double[] x = new double[features * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                // X is stored transposed: feature f of example i at (f, i)
                x[f * n + i] = points[indices[i]][f];
            }
            y[i] = labels[indices[i]];
        }
        if (!Double.isNaN(noise)) {
            // X += generator.normal(scale=noise, size=X.shape), drawn row by row of the (n, features) X
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < features; f++) {
                    x[f * n + i] += 0.0 + noise * rng.gaussian();
                }
            }
        }
        return LabeledData.of(Matrix.fromRowMajor(features, n, x), Matrix.rowVector(y));
    }

    /**
     * {@code np.linspace(start, stop, num, endpoint)} exactly: {@code step = (stop - start) / div} with
     * {@code div = num - 1} (or {@code num} without the endpoint), {@code y[i] = i * step + start}, and the last
     * value set to {@code stop} when the endpoint is included.
     */
    static double[] linspace(double start, double stop, int num, boolean endpoint) {
        if (num < 0) {
            throw new Nndl4jException("linspace: num must be >= 0, got " + num);
        }
        double[] y = new double[num];
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        for (int i = 0; i < num; i++) {
            y[i] = div > 0 ? i * step + start : start;
        }
        if (endpoint && num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }
}
