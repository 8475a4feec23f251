package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

import org.nndl4j.matrix.Matrix;

/**
 * What a network expects done to raw inputs before they enter it: {@code x' = (x - shift) · scale}, per feature
 * (row). The cat images' {@code / 255} is {@code shift 0, scale 1/255} for every feature; a standardisation fitted on
 * training data is {@code shift = mean, scale = 1 / std}.
 *
 * @param shift subtracted from each feature, one per input row
 * @param scale then multiplied, one per input row
 */
public record InputTransform(double[] shift, double[] scale) {

    /**
     * @param shift subtracted from each feature; copied
     * @param scale then multiplied; copied
     * @throws IllegalArgumentException if the arrays are null, differ in length, or hold a non-finite value
     */
    public InputTransform {
        if (shift == null || scale == null || shift.length != scale.length || shift.length == 0) {
            throw new Nndl4jException("InputTransform: need one shift and one scale per feature, got "
                    + (shift == null ? "null" : shift.length) + " and " + (scale == null ? "null" : scale.length));
        }
        for (int i = 0; i < shift.length; i++) {
            if (!Double.isFinite(shift[i]) || !Double.isFinite(scale[i])) {
                throw new Nndl4jException("InputTransform: feature " + i + " has shift " + shift[i] + " and scale "
                        + scale[i] + "; both must be finite");
            }
        }
        shift = shift.clone();
        scale = scale.clone();
    }

    /**
     * The same affine map for every one of {@code features} features, e.g. {@code uniform(12288, 0, 1.0 / 255)}.
     *
     * @param features the number of features
     * @param shift    subtracted from each
     * @param scale    then multiplied
     * @return the transform
     */
    public static InputTransform uniform(int features, double shift, double scale) {
        double[] s = new double[features];
        double[] c = new double[features];
        Arrays.fill(s, shift);
        Arrays.fill(c, scale);
        return new InputTransform(s, c);
    }

    /** @return the number of features */
    public int features() {
        return shift.length;
    }

    /**
     * The value subtracted from each feature.
     *
     * @return a new array, one per feature
     */
    @Override
    public double[] shift() {
        return shift.clone();
    }

    /**
     * The factor each feature is multiplied by after the shift.
     *
     * @return a new array, one per feature
     */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    /**
     * {@code (X - shift) · scale}, row by row.
     *
     * @param X raw inputs, one example per column, {@code (features, m)}
     * @return the transformed inputs
     * @throws IllegalArgumentException if X does not have {@link #features()} rows
     */
    public Matrix apply(Matrix X) {
        if (X == null || X.rows() != shift.length) {
            throw new Nndl4jException("InputTransform.apply: X must have " + shift.length + " rows, got "
                    + (X == null ? "null" : X.shape().toString()));
        }
        double[][] rows = X.toArray();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (rows[i][j] - shift[i]) * scale[i];
            }
        }
        return Matrix.of(rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputTransform t && Arrays.equals(t.shift, shift) && Arrays.equals(t.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shift) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "InputTransform[" + shift.length + " features]";
    }
}
