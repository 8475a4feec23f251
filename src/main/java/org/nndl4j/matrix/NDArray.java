package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable n-dimensional array of doubles in C (row-major) order, for the data that is not a
 * matrix: an image {@code (height, width, 3)} or a batch of images {@code (m, height, width, 3)}.
 * It turns into a {@link Matrix} by {@link #reshape(int, int)}, exactly as numpy's {@code reshape} reads it.
 */
public final class NDArray {

    private final int[] shape;
    private final double[] data;

    private NDArray(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * An array of the given shape holding {@code values} in C order; both are copied.
     *
     * @param values the elements in C order, as many as the shape's product
     * @param shape  the size of each dimension
     * @return the array
     */
    public static NDArray of(double[] values, int... shape) {
        Checks.notNull("NDArray.of", "values", values);
        Checks.notNull("NDArray.of", "shape", shape);
        long size = sizeOf(shape);
        if (size != values.length) {
            throw new Nndl4jException("NDArray.of: shape " + shapeString(shape) + " needs " + size
                    + " values, got " + values.length);
        }
        return new NDArray(shape.clone(), values.clone());
    }

    /**
     * An array of the given shape whose element at C-order index {@code i} is {@code values.applyAsDouble(i)}.
     *
     * @param values the element at each C-order index
     * @param shape  the size of each dimension
     * @return the array
     */
    public static NDArray generate(IntToDoubleFunction values, int... shape) {
        Checks.notNull("NDArray.generate", "values", values);
        Checks.notNull("NDArray.generate", "shape", shape);
        double[] data = new double[(int) sizeOf(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = values.applyAsDouble(i);
        }
        return new NDArray(shape.clone(), data);
    }

    /**
     * An array of the given shape built from unsigned bytes (e.g. pixels 0..255).
     *
     * @param values the elements in C order, read as 0..255
     * @param shape  the size of each dimension
     * @return the array
     */
    public static NDArray ofUnsignedBytes(byte[] values, int... shape) {
        Checks.notNull("NDArray.ofUnsignedBytes", "values", values);
        long size = sizeOf(shape);
        if (size != values.length) {
            throw new Nndl4jException("NDArray.ofUnsignedBytes: shape " + shapeString(shape) + " needs "
                    + size + " values, got " + values.length);
        }
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i] & 0xFF;
        }
        return new NDArray(shape.clone(), d);
    }

    /**
     * Number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * A copy of the shape.
     *
     * @return a new array of the dimensions
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Size of dimension {@code axis}.
     *
     * @param axis the dimension, 0 to {@code rank() - 1}
     * @return its size
     */
    public int dim(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new IndexOutOfBoundsException("dim: axis " + axis + " is out of bounds for shape " + shapeString(shape));
        }
        return shape[axis];
    }

    /**
     * Number of elements.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return data.length;
    }

    /**
     * The element at the given index, one coordinate per dimension.
     *
     * @param index one coordinate per dimension
     * @return the element
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new Nndl4jException("get: index has " + index.length + " coordinates but the array has shape "
                    + shapeString(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("get: index " + Arrays.toString(index)
                        + " is out of bounds for shape " + shapeString(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return data[flat];
    }

    /**
     * A copy of the elements in C order.
     *
     * @return a new array of every element
     */
    public double[] toFlatArray() {
        return data.clone();
    }

    /**
     * The elements read in C order into a {@code rows x cols} matrix ({@code a.reshape(rows, cols)});
     * one of the two may be -1.
     *
     * @param rows the number of rows, or -1
     * @param cols the number of columns, or -1
     * @return a new {@code (rows, cols)} matrix
     */
    public Matrix reshape(int rows, int cols) {
        Shape target = Matrix.resolveReshape("reshape", shapeString(shape), data.length, rows, cols);
        return Matrix.fromRowMajor(target.rows(), target.cols(), data);
    }

    /**
     * One example per column: {@code f(a.reshape(m, -1).T)} with {@code m} the first dimension, {@code f}
     * applied to every element, in a single pass (the course's {@code x_orig.reshape(m, -1).T / 255.}
     * without the intermediate copies).
     *
     * @param f the function applied to every element, e.g. {@code x -> x / 255}
     * @return a new {@code (size / m, m)} matrix
     */
    public Matrix examplesAsColumns(DoubleUnaryOperator f) {
        Checks.notNull("examplesAsColumns", "function", f);
        return examplesAsColumns(f, 1.0);
    }

    /**
     * One example per column, divided by {@code divisor}: {@code a.reshape(m, -1).T / divisor} with {@code m} the first
     * dimension, in a single pass (the course's {@code x_orig.reshape(m, -1).T / 255.}); the same values as
     * {@code examplesAsColumns(x -> x / divisor)}, faster on a JVM that has not compiled the function yet.
     *
     * @param divisor what every element is divided by, e.g. 255
     * @return a new {@code (size / m, m)} matrix
     */
    public Matrix examplesAsColumnsDividedBy(double divisor) {
        return examplesAsColumns(null, divisor);
    }

    /** {@code f(a.reshape(m, -1).T)}, or without {@code f} {@code a.reshape(m, -1).T / divisor}. */
    private Matrix examplesAsColumns(DoubleUnaryOperator f, double divisor) {
        if (shape.length == 0) {
            throw new Nndl4jException("examplesAsColumns: a 0-dimensional array has no examples");
        }
        int m = shape[0];
        int features = m == 0 ? 0 : data.length / m;
        double[] out = new double[data.length];
        // transposed copy in blocks of 64 features, so the rows being written stay in cache
        for (int r0 = 0; r0 < features; r0 += 64) {
            int r1 = Math.min(features, r0 + 64);
            for (int i = 0; i < m; i++) {
                int from = i * features;
                for (int r = r0; r < r1; r++) {
                    double v = data[from + r];
                    out[r * m + i] = f == null ? v / divisor : f.applyAsDouble(v);
                }
            }
        }
        return Matrix.wrap(features, m, out);
    }

    /**
     * The C-order index of the first element outside {@code [low, high]} (NaN is outside), or -1 if there is none.
     *
     * @param low  the smallest value inside
     * @param high the largest value inside
     * @return the index, or -1
     */
    public int indexOfFirstOutside(double low, double high) {
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (!(v >= low && v <= high)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The C-order index of the first element that passes {@code test}, or -1 if none does.
     *
     * @param test the condition
     * @return the index, or -1
     */
    public int indexOfFirst(DoublePredicate test) {
        Checks.notNull("indexOfFirst", "test", test);
        for (int i = 0; i < data.length; i++) {
            if (test.test(data[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sub-array {@code a[index]} along the first axis, e.g. one image of a batch.
     *
     * @param index the position along the first axis
     * @return a new array of rank {@code rank() - 1}
     */
    public NDArray slice(int index) {
        if (shape.length < 1 || index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("slice: index " + index + " is out of bounds for shape " + shapeString(shape));
        }
        int[] sub = Arrays.copyOfRange(shape, 1, shape.length);
        int n = (int) sizeOf(sub);
        return new NDArray(sub, Arrays.copyOfRange(data, index * n, (index + 1) * n));
    }

    /**
     * The shape as numpy prints it, e.g. {@code (209, 64, 64, 3)}.
     *
     * @param shape the dimensions
     * @return the dimensions in parentheses
     */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NDArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NDArray" + shapeString(shape);
    }

    private static long sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new Nndl4jException("shape " + shapeString(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new Nndl4jException("shape " + shapeString(shape) + " is too large for one array");
            }
        }
        return n;
    }
}
