package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * Feature standardisation, {@code x' = (x - mean) / std} per feature (row), fitted on the training examples only and
 * then applied unchanged to the training part, the test part and every later input, as scikit-learn's
 * {@code StandardScaler} does ({@code std} is the population standard deviation, {@code ddof = 0}; a feature
 * constant in the training part has {@code std} 0 and is only centred).
 *
 * <pre>{@code
 * Standardization scaler = Standardization.fit(split.train());    // mean and std of the training part
 * LabeledData train = scaler.apply(split.train()), test = scaler.apply(split.test());
 * InputTransform input = new InputTransform(scaler.mean(), scaler.inverseStd());   // org.nndl4j.nn: the same map
 * }</pre>
 *
 * A network carries it as an {@code org.nndl4j.nn.InputTransform(shift, scale)} ({@code x' = (x - shift) · scale}):
 * {@code new InputTransform(scaler.mean(), scaler.inverseStd())}; this package keeps to plain arrays because it does
 * not depend on {@code nn}.
 *
 * @param mean the training mean of each feature
 * @param std  the training standard deviation of each feature ({@code >= 0})
 */
public record Standardization(double[] mean, double[] std) {

    /**
     * @param mean the mean of each feature (copied)
     * @param std  the standard deviation of each feature, {@code >= 0} (copied)
     * @throws IllegalArgumentException if the arrays are null, empty, differ in length, hold a non-finite value or a
     *                                  negative std
     */
    public Standardization {
        if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new Nndl4jException("Standardization: need one mean and one std per feature, got "
                    + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(std[i]) || std[i] < 0) {
                throw new Nndl4jException("Standardization: feature " + i + " has mean " + mean[i] + " and std "
                        + std[i] + "; both must be finite and std >= 0");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The mean and population std of each row of {@code X}.
     *
     * @param X training inputs {@code (n_x, m)}, {@code m >= 1}, all finite
     * @return the fitted standardisation
     * @throws IllegalArgumentException if X has no examples or a value is not finite
     */
    public static Standardization fit(Matrix X) {
        Checks.notNull("Standardization.fit", "X", X);
        int n = X.rows();
        int m = X.cols();
        if (m == 0 || n == 0) {
            throw new Nndl4jException("Standardization.fit: X of shape " + X.shape() + " has nothing to fit");
        }
        double[] v = X.toRowMajor();
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += v[i * m + j];
            }
            // mean = (1/m) Σ x;  std = sqrt((1/m) Σ (x - mean)²), two passes as numpy's np.std
            double mu = sum / m;
            double squares = 0;
            for (int j = 0; j < m; j++) {
                double d = v[i * m + j] - mu;
                squares += d * d;
            }
            mean[i] = mu;
            std[i] = Math.sqrt(squares / m);
            if (!Double.isFinite(mu) || !Double.isFinite(std[i])) {
                throw new Nndl4jException("Standardization.fit: feature (row) " + i
                        + " has a non-finite value or overflows (mean " + mu + ", std " + std[i] + ")");
            }
        }
        return new Standardization(mean, std);
    }

    /**
     * Fits on the inputs of {@code train}.
     *
     * @param train the training part (never the test part)
     * @return the fitted standardisation
     */
    public static Standardization fit(LabeledData train) {
        Checks.notNull("Standardization.fit", "train", train);
        return fit(train.X());
    }

    /** @return the number of features */
    public int features() {
        return mean.length;
    }

    /** @return a copy of the training mean of each feature (the {@code shift} of an {@code InputTransform}) */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the training standard deviation of each feature */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * The factor each centred feature is multiplied by: {@code 1 / std}, or 1 where {@code std} is 0 (so a constant
     * feature becomes 0, not NaN). With {@link #mean()} it is the {@code (shift, scale)} of an
     * {@code org.nndl4j.nn.InputTransform}.
     *
     * @return one scale per feature
     */
    public double[] inverseStd() {
        double[] scale = new double[std.length];
        for (int i = 0; i < std.length; i++) {
            scale[i] = std[i] == 0 ? 1.0 : 1.0 / std[i];
        }
        return scale;
    }

    /**
     * {@code (X - mean) · inverseStd()}, row by row.
     *
     * @param X inputs {@code (features(), m)}
     * @return the standardised inputs
     * @throws IllegalArgumentException if X does not have {@link #features()} rows
     */
    public Matrix apply(Matrix X) {
        Checks.notNull("Standardization.apply", "X", X);
        if (X.rows() != mean.length) {
            throw new Nndl4jException("Standardization.apply: fitted on " + mean.length + " features, X has shape "
                    + X.shape());
        }
        double[] scale = inverseStd();
        int m = X.cols();
        double[] v = X.toRowMajor();
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < m; j++) {
                v[i * m + j] = (v[i * m + j] - mean[i]) * scale[i];
            }
        }
        return Matrix.fromRowMajor(X.rows(), m, v);
    }

    /**
     * The same examples and labels with standardised inputs.
     *
     * @param data examples of {@link #features()} features
     * @return the standardised data
     */
    public LabeledData apply(LabeledData data) {
        Checks.notNull("Standardization.apply", "data", data);
        return new LabeledData(apply(data.X()), data.Y(), data.classNames());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardization s && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Standardization[" + mean.length + " features]";
    }
}
