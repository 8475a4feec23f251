package org.nndl4j.basics;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.matrix.ShapeException;

/**
 * The numpy warm-up of the course (spec 1.1): sigmoid and its gradient, image2vector, normalizeRows,
 * softmax and the L1/L2 losses, each a short vectorised function over {@link Matrix}.
 */
public final class BasicFunctions {

    private BasicFunctions() {
    }

    /**
     * {@code 1 / (1 + e^-x)} for one number ({@code basic_sigmoid}).
     *
     * @param x any real number
     * @return {@code σ(x)}, in {@code (0, 1)}
     */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * The sigmoid of every element: {@code s = 1 / (1 + np.exp(-x))}.
     *
     * @param x a matrix of any shape
     * @return a new matrix of {@code x}'s shape holding {@code σ} of each element
     */
    public static Matrix sigmoid(Matrix x) {
        Checks.notNull("sigmoid", "x", x);
        return x.map(BasicFunctions::sigmoid);
    }

    /**
     * {@code σ'(x) = σ(x)(1 - σ(x))}, element-wise ({@code sigmoid_derivative}).
     *
     * @param x a matrix of any shape
     * @return a new matrix of {@code x}'s shape holding {@code σ'} of each element
     */
    public static Matrix sigmoidDerivative(Matrix x) {
        Checks.notNull("sigmoidDerivative", "x", x);
        Matrix s = sigmoid(x);
        // ds = s * (1 - s)
        return s.times(s.rsub(1.0));
    }

    /**
     * Unrolls an image of shape {@code (length, height, depth)} into a column of shape
     * {@code (length*height*depth, 1)}, reading it in C order like {@code image.reshape(-1, 1)}.
     *
     * @param image a 3-D array of shape {@code (length, height, depth)}
     * @return a new column of shape {@code (length*height*depth, 1)}
     * @throws IllegalArgumentException if {@code image} is not 3-D
     */
    public static Matrix image2vector(NDArray image) {
        if (image == null) {
            throw new Nndl4jException("image2vector: image is null, expected an array of shape (length, height, depth)");
        }
        if (image.rank() != 3) {
            throw new Nndl4jException("image2vector: expected a 3-D array (length, height, depth), got shape "
                    + NDArray.shapeString(image.shape()));
        }
        return image.reshape(-1, 1);
    }

    /**
     * Divides each row by its Euclidean norm, so every row has unit length:
     * {@code x / np.linalg.norm(x, axis=1, keepdims=True)}.
     *
     * <p>A row of zeros has no direction; numpy would turn it into NaNs (0/0). Here it stays a row
     * of zeros, as {@code sklearn.preprocessing.normalize} does.
     *
     * @param x the rows to normalise; not modified
     * @return a new matrix of {@code x}'s shape whose non-zero rows have unit Euclidean norm
     */
    public static Matrix normalizeRows(Matrix x) {
        Checks.notNull("normalizeRows", "x", x);
        // ‖x‖ per row, shape (n, 1)
        Matrix norm = x.times(x).sum(1).sqrt();
        Matrix safeNorm = norm.map(v -> v == 0.0 ? 1.0 : v);
        return x.div(safeNorm);
    }

    /**
     * The softmax of each row: {@code exp(x) / sum(exp(x), axis=1)}. Each row's maximum is
     * subtracted first (which leaves the result unchanged), so large inputs do not overflow to NaN.
     *
     * @param x the scores, one example per row; not modified
     * @return a new matrix of {@code x}'s shape whose rows are positive and sum to 1
     */
    public static Matrix softmax(Matrix x) {
        Checks.notNull("softmax", "x", x);
        Matrix xExp = x.minus(x.max(1)).exp();
        Matrix xSum = xExp.sum(1);
        return xExp.div(xSum);
    }

    /**
     * {@code L1(ŷ, y) = Σ |y - ŷ|}.
     *
     * @param yhat the predicted values
     * @param y    the true values, of {@code yhat}'s shape
     * @return the sum of absolute differences
     */
    public static double l1(Matrix yhat, Matrix y) {
        Checks.sameShape("l1", "yhat", yhat, "y", y);
        return y.minus(yhat).abs().sum();
    }

    /**
     * {@code L2(ŷ, y) = Σ (y - ŷ)²}.
     *
     * @param yhat the predicted values
     * @param y    the true values, of {@code yhat}'s shape
     * @return the sum of squared differences
     */
    public static double l2(Matrix yhat, Matrix y) {
        Checks.sameShape("l2", "yhat", yhat, "y", y);
        Matrix d = y.minus(yhat);
        return d.times(d).sum();
    }

}
