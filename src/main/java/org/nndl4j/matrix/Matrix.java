package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An immutable 2-D matrix of doubles with numpy's semantics, backed by an EJML {@link DMatrixRMaj}.
 *
 * <p>Element-wise operations ({@link #plus}, {@link #minus}, {@link #times}, {@link #div}) broadcast
 * like numpy: two shapes fit when, in each axis, the sizes are equal or one of them is 1. So an
 * {@code (n, 1)} column is repeated across the columns of an {@code (n, m)} matrix, a {@code (1, m)}
 * row down its rows, and a {@code (1, 1)} matrix or a {@code double} everywhere. {@link #dot} is the
 * matrix product ({@code np.dot}). Shape mismatches throw a {@link ShapeException} that names the
 * operation and both shapes.
 *
 * <p>No method modifies its receiver or its arguments. For hot loops, {@link #toEjml()} and
 * {@link #fromEjml(DMatrixRMaj)} cross over to EJML's procedural API with explicit, reusable outputs.
 */
public final class Matrix {

    /**
     * The multiply-adds from which {@link #dot} runs on {@link FlatProduct} (EJML's order, vectorised) rather than on
     * EJML itself: below, the copies into rows cost more than they save.
     */
    private static final long FLAT_PRODUCT = 1 << 15;

    private final DMatrixRMaj data;

    private Matrix(DMatrixRMaj data) {
        this.data = data;
    }

    // ------------------------------------------------------------------ factories

    /**
     * A {@code rows x cols} matrix of zeros ({@code np.zeros((rows, cols))}).
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a new {@code (rows, cols)} matrix
     */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(new DMatrixRMaj(checkedShape(rows, cols).rows(), cols));
    }

    /**
     * A {@code rows x cols} matrix of ones.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a new {@code (rows, cols)} matrix
     */
    public static Matrix ones(int rows, int cols) {
        return filled(rows, cols, 1.0);
    }

    /**
     * A {@code rows x cols} matrix with every element equal to {@code value}.
     *
     * @param rows  the number of rows
     * @param cols  the number of columns
     * @param value every element's value
     * @return a new {@code (rows, cols)} matrix
     */
    public static Matrix filled(int rows, int cols, double value) {
        DMatrixRMaj m = new DMatrixRMaj(checkedShape(rows, cols).rows(), cols);
        Arrays.fill(m.data, 0, rows * cols, value);
        return new Matrix(m);
    }

    /**
     * A {@code (1, 1)} matrix holding {@code value}.
     *
     * @param value the element
     * @return a new {@code (1, 1)} matrix
     */
    public static Matrix scalar(double value) {
        return filled(1, 1, value);
    }

    /**
     * A matrix from rows of values ({@code np.array(values)}); the array is copied. Every row must have
     * the same length.
     *
     * @param values the rows, all of the same length; copied
     * @return a new {@code (values.length, values[0].length)} matrix
     */
    public static Matrix of(double[][] values) {
        Checks.notNull("Matrix.of", "values", values);
        int rows = values.length;
        int cols = rows == 0 ? 0 : Checks.notNull("Matrix.of", "row 0", values[0]).length;
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] row = Checks.notNull("Matrix.of", "row " + i, values[i]);
            if (row.length != cols) {
                throw new Nndl4jException("Matrix.of: ragged rows: row 0 has " + cols
                        + " values but row " + i + " has " + row.length);
            }
            System.arraycopy(row, 0, m.data, i * cols, cols);
        }
        return new Matrix(m);
    }

    /**
     * An {@code (n, 1)} column vector.
     *
     * @param values the elements; copied
     * @return a new {@code (values.length, 1)} matrix
     */
    public static Matrix columnVector(double... values) {
        Checks.notNull("Matrix.columnVector", "values", values);
        return fromRowMajor(values.length, 1, values);
    }

    /**
     * A {@code (1, n)} row vector.
     *
     * @param values the elements; copied
     * @return a new {@code (1, values.length)} matrix
     */
    public static Matrix rowVector(double... values) {
        Checks.notNull("Matrix.rowVector", "values", values);
        return fromRowMajor(1, values.length, values);
    }

    /**
     * A matrix whose elements are {@code values} in row-major (C) order; the array is copied.
     *
     * @param rows   the number of rows
     * @param cols   the number of columns
     * @param values {@code rows * cols} elements, row by row; copied
     * @return a new {@code (rows, cols)} matrix
     */
    public static Matrix fromRowMajor(int rows, int cols, double[] values) {
        Checks.notNull("Matrix.fromRowMajor", "values", values);
        Shape shape = checkedShape(rows, cols);
        if (values.length != shape.size()) {
            throw new Nndl4jException("Matrix.fromRowMajor: shape " + shape + " needs "
                    + shape.size() + " values, got " + values.length);
        }
        return wrap(rows, cols, values.clone());
    }

    /**
     * Takes ownership of {@code values} (row-major) without copying; for this package's builders only. (EJML's
     * {@code new DMatrixRMaj(rows, cols, true, values)} would copy them.)
     */
    static Matrix wrap(int rows, int cols, double[] values) {
        return new Matrix(DMatrixRMaj.wrap(rows, cols, values));
    }

    /**
     * A matrix whose elements {@code next} gives one after the other in row-major (C) order, without an intermediate
     * array ({@code np.fromiter(next, count=rows*cols).reshape(rows, cols)}): e.g.
     * {@code Matrix.generate(784, 60_000, random::randomSample)} is {@code np.random.rand(784, 60000)} in one copy.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param next called {@code rows * cols} times, in order
     * @return a new {@code (rows, cols)} matrix
     */
    public static Matrix generate(int rows, int cols, DoubleSupplier next) {
        Checks.notNull("Matrix.generate", "next", next);
        double[] values = new double[checkedShape(rows, cols).size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = next.getAsDouble();
        }
        return wrap(rows, cols, values);
    }

    /**
     * A copy of an EJML matrix.
     *
     * @param matrix the EJML matrix; copied, not modified
     * @return a new matrix of the same shape
     */
    public static Matrix fromEjml(DMatrixRMaj matrix) {
        Checks.notNull("Matrix.fromEjml", "matrix", matrix);
        return new Matrix(matrix.copy());
    }

    // ------------------------------------------------------------------ shape and access

    /**
     * Number of rows, the first dimension.
     *
     * @return the number of rows
     */
    public int rows() {
        return data.numRows;
    }

    /**
     * Number of columns, the second dimension.
     *
     * @return the number of columns
     */
    public int cols() {
        return data.numCols;
    }

    /**
     * The shape, numpy's {@code a.shape}.
     *
     * @return {@code (rows, cols)}
     */
    public Shape shape() {
        return new Shape(data.numRows, data.numCols);
    }

    /**
     * Number of elements.
     *
     * @return {@code rows * cols}
     */
    public int size() {
        return data.numRows * data.numCols;
    }

    /**
     * The element at {@code (row, col)}, numpy's {@code a[row, col]}.
     *
     * @param row the row, 0 to {@code rows() - 1}
     * @param col the column, 0 to {@code cols() - 1}
     * @return the element
     * @throws IndexOutOfBoundsException if the index is outside the matrix
     */
    public double get(int row, int col) {
        if (row < 0 || row >= rows() || col < 0 || col >= cols()) {
            throw new IndexOutOfBoundsException("get: index (" + row + ", " + col + ") is out of bounds for shape " + shape());
        }
        return data.data[row * data.numCols + col];
    }

    /**
     * The single element of a {@code (1, 1)} matrix ({@code np.squeeze} to a scalar).
     *
     * @return the element
     */
    public double item() {
        if (size() != 1) {
            throw new ShapeException("item", "a matrix of one element", shape());
        }
        return data.data[0];
    }

    /**
     * A copy of the elements as rows of values.
     *
     * @return a new {@code rows x cols} array of rows
     */
    public double[][] toArray() {
        double[][] out = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            System.arraycopy(data.data, i * cols(), out[i], 0, cols());
        }
        return out;
    }

    /**
     * A copy of the elements in row-major (C) order.
     *
     * @return a new array of {@code rows * cols} elements
     */
    public double[] toRowMajor() {
        return Arrays.copyOf(data.data, size());
    }

    /** The row-major values themselves, not a copy, {@code rows · cols} of them: for this package's kernels to read. */
    double[] values() {
        return data.data;
    }

    /** Refuses a column range {@code [from, to)} outside this matrix, naming its shape. */
    void checkColumns(String op, int from, int to) {
        if (from < 0 || to > cols() || from > to) {
            throw new IndexOutOfBoundsException(op + ": range [" + from + ", " + to + ") is out of bounds for shape "
                    + shape());
        }
    }

    /**
     * A copy as an EJML matrix, for use with EJML's procedural operations.
     *
     * @return a new EJML matrix of the same shape
     */
    public DMatrixRMaj toEjml() {
        return data.copy();
    }

    /**
     * The backing array (row-major) without copying. Package-private: callers must not modify it.
     */
    double[] raw() {
        return data.data;
    }

    // ------------------------------------------------------------------ reshaping

    /**
     * The same elements in a new shape, read and written in C order ({@code a.reshape(rows, cols)}).
     * One dimension may be -1, meaning "whatever is left".
     *
     * @param rows the new number of rows, or -1
     * @param cols the new number of columns, or -1
     * @return a new {@code (rows, cols)} matrix
     */
    public Matrix reshape(int rows, int cols) {
        Shape target = resolveReshape("reshape", shape(), size(), rows, cols);
        return wrap(target.rows(), target.cols(), toRowMajor());
    }

    /**
     * The transpose ({@code a.T}).
     *
     * @return a new {@code (cols, rows)} matrix
     */
    public Matrix transpose() {
        return new Matrix(CommonOps_DDRM.transpose(data, null));
    }

    /**
     * Columns {@code from} (inclusive) to {@code to} (exclusive), like {@code a[:, from:to]}.
     *
     * @param from the first column taken
     * @param to   the column after the last one taken
     * @return a new {@code (rows, to - from)} matrix
     */
    public Matrix columns(int from, int to) {
        if (from < 0 || to > cols() || from > to) {
            throw new IndexOutOfBoundsException("columns: range [" + from + ", " + to + ") is out of bounds for shape " + shape());
        }
        DMatrixRMaj out = new DMatrixRMaj(rows(), to - from);
        CommonOps_DDRM.extract(data, 0, rows(), from, to, out, 0, 0);
        return new Matrix(out);
    }

    /**
     * The columns {@code indices[0], indices[1], ...} in that order ({@code a[:, indices]}, numpy's fancy indexing).
     *
     * @param indices column indices, each in {@code 0..cols-1} (repeats allowed)
     * @return a {@code (rows, indices.length)} matrix
     * @throws IndexOutOfBoundsException naming the first index out of range
     */
    public Matrix selectColumns(int[] indices) {
        Checks.notNull("selectColumns", "indices", indices);
        int n = cols();
        double[] out = new double[rows() * indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw new IndexOutOfBoundsException("selectColumns: indices[" + k + "] = " + indices[k]
                        + " is out of bounds for shape " + shape());
            }
        }
        for (int i = 0; i < rows(); i++) {
            for (int k = 0; k < indices.length; k++) {
                out[i * indices.length + k] = data.data[i * n + indices[k]];
            }
        }
        return wrap(rows(), indices.length, out);
    }

    /**
     * Copies columns {@code from .. to-1} into the first {@code to - from} columns of {@code out}'s rows,
     * {@code out[i][j - from] = a[i, j]}: {@code a[:, from:to]} into a reused buffer, for loops that read a large matrix
     * a panel at a time instead of copying it whole. Modifies only {@code out}.
     *
     * @param from the first column copied
     * @param to   the column after the last one copied
     * @param out  at least {@code rows()} rows of at least {@code to - from} values; modified
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the columns
     * @throws ShapeException            naming both shapes if {@code out} is too small
     */
    public void copyColumnsInto(int from, int to, double[][] out) {
        checkPanel("copyColumnsInto", from, to, out, rows(), to - from);
        int n = cols();
        for (int i = 0; i < rows(); i++) {
            System.arraycopy(data.data, i * n + from, out[i], 0, to - from);
        }
    }

    /**
     * Copies columns {@code from .. to-1} transposed into {@code out}, {@code out[j - from][i] = a[i, j]}:
     * {@code a[:, from:to].T} into a reused buffer. Modifies only {@code out}.
     *
     * @param from the first column copied
     * @param to   the column after the last one copied
     * @param out  at least {@code to - from} rows of at least {@code rows()} values; modified
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within the columns
     * @throws ShapeException            naming both shapes if {@code out} is too small
     */
    public void copyColumnsTransposedInto(int from, int to, double[][] out) {
        checkPanel("copyColumnsTransposedInto", from, to, out, to - from, rows());
        int n = cols();
        double[] a = data.data;
        // eight rows at a time: eight sequential reads, and each output row gets a whole cache line per visit
        for (int i0 = 0; i0 < rows(); i0 += 8) {
            int i1 = Math.min(rows(), i0 + 8);
            for (int j = from; j < to; j++) {
                double[] o = out[j - from];
                for (int i = i0; i < i1; i++) {
                    o[i] = a[i * n + j];
                }
            }
        }
    }

    /**
     * Copies the columns {@code indices[from] .. indices[to-1]} into the first {@code to - from} columns of
     * {@code out}'s rows, {@code out[i][k - from] = a[i, indices[k]]}: a mini-batch {@code a[:, indices[from:to]]} into
     * a reused buffer. Modifies only {@code out}.
     *
     * @param indices column indices, each in {@code 0..cols-1}
     * @param from    the first position of {@code indices} used
     * @param to      the position after the last one used
     * @param out     at least {@code rows()} rows of at least {@code to - from} values; modified
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code indices}, naming the first index out
     *                                   of range
     * @throws ShapeException            naming both shapes if {@code out} is too small
     */
    public void selectColumnsInto(int[] indices, int from, int to, double[][] out) {
        selectColumnsInto(indices, from, to, out, 0, rows());
    }

    /**
     * {@link #selectColumnsInto(int[], int, int, double[][])} on rows {@code [rowFrom, rowTo)} only: for copying a
     * large selection in parts, a part per thread. Modifies only those rows of {@code out}.
     *
     * @param indices column indices, each in {@code 0..cols-1}
     * @param from    the first position of {@code indices} used
     * @param to      the position after the last one used
     * @param out     at least {@code rows()} rows of at least {@code to - from} values; rows {@code [rowFrom, rowTo)}
     *                are modified
     * @param rowFrom the first row copied
     * @param rowTo   the row after the last one copied
     * @throws IndexOutOfBoundsException if {@code [from, to)} is not within {@code indices}, naming the first index out
     *                                   of range, or {@code [rowFrom, rowTo)} not within the rows
     * @throws ShapeException            naming both shapes if {@code out} is too small
     */
    public void selectColumnsInto(int[] indices, int from, int to, double[][] out, int rowFrom, int rowTo) {
        checkSelection("selectColumnsInto", indices, from, to, rowFrom, rowTo);
        checkOut("selectColumnsInto", out, rows(), to - from);
        int n = cols();
        double[] a = data.data;
        for (int i = rowFrom; i < rowTo; i++) {
            double[] o = out[i];
            int row = i * n;
            for (int k = from; k < to; k++) {
                o[k - from] = a[row + indices[k]];
            }
        }
    }

    /** Refuses a selection {@code indices[from..to)} of columns on rows {@code [rowFrom, rowTo)} out of bounds. */
    void checkSelection(String op, int[] indices, int from, int to, int rowFrom, int rowTo) {
        Checks.notNull(op, "indices", indices);
        if (from < 0 || to > indices.length || from > to) {
            throw new IndexOutOfBoundsException(op + ": range [" + from + ", " + to
                    + ") is out of bounds for " + indices.length + " indices");
        }
        if (rowFrom < 0 || rowTo > rows() || rowFrom > rowTo) {
            throw new IndexOutOfBoundsException(op + ": rows [" + rowFrom + ", " + rowTo
                    + ") are out of bounds for shape " + shape());
        }
        int n = cols();
        for (int k = from; k < to; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw new IndexOutOfBoundsException(op + ": indices[" + k + "] = " + indices[k]
                        + " is out of bounds for shape " + shape());
            }
        }
    }

    private void checkPanel(String op, int from, int to, double[][] out, int outRows, int outCols) {
        checkColumns(op, from, to);
        checkOut(op, out, outRows, outCols);
    }

    /** Refuses an {@code out} with fewer than {@code rows} rows or a row shorter than {@code cols}. */
    private void checkOut(String op, double[][] out, int rows, int cols) {
        Checks.notNull(op, "out", out);
        boolean fits = out.length >= rows;
        for (int i = 0; fits && i < rows; i++) {
            fits = out[i] != null && out[i].length >= cols;
        }
        if (!fits) {
            int outCols = out.length == 0 || out[0] == null ? 0 : out[0].length;
            throw new ShapeException(op, shape(), new Shape(out.length, outCols),
                    "the output needs at least " + rows + " rows of " + cols + " values");
        }
    }

    /**
     * Column {@code j} as an {@code (rows, 1)} matrix.
     *
     * @param j the column, 0 to {@code cols() - 1}
     * @return a new {@code (rows, 1)} matrix
     */
    public Matrix column(int j) {
        return columns(j, j + 1);
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), like {@code a[from:to, :]}.
     *
     * @param from the first row taken
     * @param to   the row after the last one taken
     * @return a new {@code (to - from, cols)} matrix
     */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new IndexOutOfBoundsException("rowRange: range [" + from + ", " + to + ") is out of bounds for shape " + shape());
        }
        return wrap(to - from, cols(), Arrays.copyOfRange(data.data, from * cols(), to * cols()));
    }

    /**
     * Row {@code i} as a {@code (1, cols)} matrix.
     *
     * @param i the row, 0 to {@code rows() - 1}
     * @return a new {@code (1, cols)} matrix
     */
    public Matrix row(int i) {
        return rowRange(i, i + 1);
    }

    // ------------------------------------------------------------------ products

    /**
     * The matrix product {@code this · other} ({@code np.dot}). From 2¹⁵ multiply-adds and 15 columns on, EJML's
     * {@code CommonOps_DDRM.mult} operations run in its order on a loop the JIT vectorises: its bits (a NaN where it
     * has a NaN), 4–6x faster on the cat model's {@code W·X} ({@code FlatProduct}).
     *
     * @param other the right factor, {@code (cols, n)}
     * @return a new {@code (rows, n)} matrix
     * @throws ShapeException if {@code this.cols() != other.rows()}
     */
    public Matrix dot(Matrix other) {
        Checks.notNull("dot", "second operand", other);
        if (cols() != other.rows()) {
            throw new ShapeException("dot", shape(), other.shape(), "not aligned: " + cols() + " != " + other.rows());
        }
        if (cols() == 1 || (rows() == 1 && other.cols() == 1)) {
            return vectorProduct(other, rows(), other.cols(), cols(), cols(), 1, 1, other.cols());
        }
        DMatrixRMaj out = new DMatrixRMaj(rows(), other.cols());
        if (other.cols() >= EjmlParameters.MULT_COLUMN_SWITCH
                && (long) rows() * cols() * other.cols() >= FLAT_PRODUCT) {
            // EJML's mult_reorder, vectorised: the same bits
            FlatProduct.multiply(data.data, other.data.data, out.data, rows(), other.cols(), cols());
        } else {
            CommonOps_DDRM.mult(data, other.data, out);
        }
        return new Matrix(out);
    }

    /**
     * {@code thisᵀ · other} without materialising the transpose.
     *
     * @param other the right factor, {@code (rows, n)}
     * @return a new {@code (cols, n)} matrix
     */
    public Matrix transposeDot(Matrix other) {
        Checks.notNull("transposeDot", "second operand", other);
        if (rows() != other.rows()) {
            throw new ShapeException("transposeDot", shape(), other.shape(),
                    "not aligned for aᵀ·b: " + rows() + " != " + other.rows());
        }
        if (rows() == 1 || (cols() == 1 && other.cols() == 1)) {
            return vectorProduct(other, cols(), other.cols(), rows(), 1, cols(), 1, other.cols());
        }
        DMatrixRMaj out = new DMatrixRMaj(cols(), other.cols());
        CommonOps_DDRM.multTransA(data, other.data, out);
        return new Matrix(out);
    }

    /**
     * {@code this · otherᵀ} without materialising the transpose.
     *
     * @param other the factor to transpose, {@code (n, cols)}
     * @return a new {@code (rows, n)} matrix
     */
    public Matrix dotTranspose(Matrix other) {
        Checks.notNull("dotTranspose", "second operand", other);
        if (cols() != other.cols()) {
            throw new ShapeException("dotTranspose", shape(), other.shape(),
                    "not aligned for a·bᵀ: " + cols() + " != " + other.cols());
        }
        if (cols() == 1 || (rows() == 1 && other.rows() == 1)) {
            return vectorProduct(other, rows(), other.rows(), cols(), cols(), 1, other.cols(), 1);
        }
        DMatrixRMaj out = new DMatrixRMaj(rows(), other.rows());
        CommonOps_DDRM.multTransB(data, other.data, out);
        return new Matrix(out);
    }

    /**
     * Products where EJML's general kernels are slow: outer products (inner dimension 1) and inner
     * products (a 1 x 1 result). {@code C[i][j] = Σ_p A[i·aRow + p·aCol] · B[j·bCol + p·bRow]}, with the
     * strides saying how each operand (transposed or not) is laid out in memory.
     */
    private Matrix vectorProduct(Matrix other, int n, int k, int inner, int aRow, int aCol, int bCol, int bRow) {
        double[] a = data.data;
        double[] b = other.data.data;
        double[] c = new double[n * k];
        if (inner == 1) {
            for (int i = 0; i < n; i++) {
                double ai = a[i * aRow];
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    c[row + j] = ai * b[j * bCol];
                }
            }
            return wrap(n, k, c);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                c[i * k + j] = aCol == 1 && bRow == 1
                        ? contiguousDot(a, i * aRow, b, j * bCol, inner)
                        : stridedDot(a, i * aRow, aCol, b, j * bCol, bRow, inner);
            }
        }
        return wrap(n, k, c);
    }

    private static double contiguousDot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s = 0.0;
        for (int p = 0; p < n; p++) {
            s += a[aFrom + p] * b[bFrom + p];
        }
        return s;
    }

    private static double stridedDot(double[] a, int aFrom, int aStep, double[] b, int bFrom, int bStep, int n) {
        double s = 0.0;
        for (int p = 0; p < n; p++) {
            s += a[aFrom + p * aStep] * b[bFrom + p * bStep];
        }
        return s;
    }

    // ------------------------------------------------------------------ element-wise, broadcasting

    /**
     * {@code this + other} element-wise, with numpy broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape
     */
    public Matrix plus(Matrix other) {
        return broadcast("plus", other, Double::sum);
    }

    /**
     * {@code this - other} element-wise, with numpy broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape
     */
    public Matrix minus(Matrix other) {
        return broadcast("minus", other, (a, b) -> a - b);
    }

    /**
     * {@code this * other} element-wise ({@code np.multiply}), with numpy broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape
     */
    public Matrix times(Matrix other) {
        return broadcast("times", other, (a, b) -> a * b);
    }

    /**
     * {@code this / other} element-wise, with numpy broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape
     */
    public Matrix div(Matrix other) {
        return broadcast("div", other, (a, b) -> a / b);
    }

    /**
     * {@code max(this, other)} element-wise ({@code np.maximum}), with numpy broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape
     */
    public Matrix maximum(Matrix other) {
        return broadcast("maximum", other, Matrix::numpyMax);
    }

    /**
     * Element-wise {@code op(this, other)} with numpy broadcasting; {@code name} appears in shape errors.
     *
     * @param name  the operation's name in error messages
     * @param other a matrix whose shape broadcasts with this one's
     * @param op    the operation, given an element of this and the matching element of {@code other}
     * @return a new matrix of the broadcast shape
     */
    public Matrix broadcast(String name, Matrix other, DoubleBinaryOperator op) {
        Checks.notNull(name, "second operand", other);
        Shape out = broadcastShape(name, shape(), other.shape());
        int rows = out.rows();
        int cols = out.cols();
        double[] a = data.data;
        double[] b = other.data.data;
        double[] c = new double[rows * cols];
        int aRowStep = rows() == 1 ? 0 : cols();
        int bRowStep = other.rows() == 1 ? 0 : other.cols();
        int aColStep = cols() == 1 ? 0 : 1;
        int bColStep = other.cols() == 1 ? 0 : 1;
        for (int i = 0; i < rows; i++) {
            int ai = i * aRowStep;
            int bi = i * bRowStep;
            int ci = i * cols;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = op.applyAsDouble(a[ai + j * aColStep], b[bi + j * bColStep]);
            }
        }
        return wrap(rows, cols, c);
    }

    /**
     * The shape numpy broadcasting gives two operands, or a {@link ShapeException} naming {@code operation}.
     *
     * @param operation the operation's name in error messages
     * @param a         the first operand's shape
     * @param b         the second operand's shape
     * @return the shape of the result
     */
    public static Shape broadcastShape(String operation, Shape a, Shape b) {
        return new Shape(broadcastAxis(operation, a, b, a.rows(), b.rows(), 0),
                broadcastAxis(operation, a, b, a.cols(), b.cols(), 1));
    }

    private static int broadcastAxis(String operation, Shape a, Shape b, int n, int k, int axis) {
        if (n == k || k == 1) {
            return n;
        }
        if (n == 1) {
            return k;
        }
        throw new ShapeException(operation, a, b,
                "cannot be broadcast together: " + n + " != " + k + " in axis " + axis);
    }

    /**
     * {@code this + s} element-wise.
     *
     * @param s the number added to every element
     * @return a new matrix of this shape
     */
    public Matrix plus(double s) {
        return map(x -> x + s);
    }

    /**
     * {@code this - s} element-wise.
     *
     * @param s the number subtracted from every element
     * @return a new matrix of this shape
     */
    public Matrix minus(double s) {
        return map(x -> x - s);
    }

    /**
     * {@code this * s} element-wise.
     *
     * @param s the factor
     * @return a new matrix of this shape
     */
    public Matrix times(double s) {
        return map(x -> x * s);
    }

    /**
     * {@code this / s} element-wise.
     *
     * @param s the divisor
     * @return a new matrix of this shape
     */
    public Matrix div(double s) {
        return map(x -> x / s);
    }

    /**
     * {@code s - this} element-wise, e.g. {@code 1 - A}.
     *
     * @param s the number each element is subtracted from
     * @return a new matrix of this shape
     */
    public Matrix rsub(double s) {
        return map(x -> s - x);
    }

    /**
     * {@code s / this} element-wise, e.g. {@code 1 / (1 + exp(-z))}.
     *
     * @param s the number divided by each element
     * @return a new matrix of this shape
     */
    public Matrix rdiv(double s) {
        return map(x -> s / x);
    }

    /**
     * {@code -this} element-wise.
     *
     * @return a new matrix of this shape
     */
    public Matrix negate() {
        return map(x -> -x);
    }

    // ------------------------------------------------------------------ element-wise functions

    /**
     * {@code f} applied to every element.
     *
     * @param f the function
     * @return a new matrix of this shape
     */
    public Matrix map(DoubleUnaryOperator f) {
        Checks.notNull("map", "function", f);
        double[] in = data.data;
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(in[i]);
        }
        return wrap(rows(), cols(), out);
    }

    /**
     * {@code np.exp}, element-wise.
     *
     * @return a new matrix of this shape
     */
    public Matrix exp() {
        return map(Math::exp);
    }

    /**
     * {@code np.log}, the natural logarithm, element-wise; NaN for negative elements, -∞ for zeros.
     *
     * @return a new matrix of this shape
     */
    public Matrix log() {
        return map(Math::log);
    }

    /**
     * {@code np.tanh}, by {@link MathFunctions#tanh} (within 2 ulps of the C library's).
     *
     * @return a new matrix of this shape
     */
    public Matrix tanh() {
        return map(MathFunctions::tanh);
    }

    /**
     * {@code np.abs}, element-wise.
     *
     * @return a new matrix of this shape
     */
    public Matrix abs() {
        return map(Math::abs);
    }

    /**
     * {@code np.sqrt}, element-wise; NaN for negative elements.
     *
     * @return a new matrix of this shape
     */
    public Matrix sqrt() {
        return map(Math::sqrt);
    }

    /**
     * Every element raised to {@code p} ({@code np.power}); squares are computed as {@code x * x}.
     *
     * @param p the exponent
     * @return a new matrix of this shape
     */
    public Matrix pow(double p) {
        if (p == 2.0) {
            return map(x -> x * x);
        }
        return map(x -> Math.pow(x, p));
    }

    /**
     * {@code np.maximum(this, s)}: NaN propagates like numpy.
     *
     * @param s the lower bound
     * @return a new matrix of this shape
     */
    public Matrix maximum(double s) {
        return map(x -> numpyMax(x, s));
    }

    /**
     * Rounds half to even, like {@code np.round}.
     *
     * @return a new matrix of this shape
     */
    public Matrix round() {
        return map(Math::rint);
    }

    /**
     * 1 where the element is {@code > threshold}, else 0 (the course's {@code A > 0.5}).
     *
     * @param threshold the value to compare with
     * @return a new matrix of this shape, of 0s and 1s
     */
    public Matrix greaterThan(double threshold) {
        return map(x -> x > threshold ? 1.0 : 0.0);
    }

    /**
     * 1 where the element is {@code <= threshold}, else 0.
     *
     * @param threshold the value to compare with
     * @return a new matrix of this shape, of 0s and 1s
     */
    public Matrix lessOrEqual(double threshold) {
        return map(x -> x <= threshold ? 1.0 : 0.0);
    }

    /**
     * 1 where the elements are equal, else 0 ({@code a == b}), with broadcasting.
     *
     * @param other a matrix whose shape broadcasts with this one's
     * @return a new matrix of the broadcast shape, of 0s and 1s
     */
    public Matrix equalTo(Matrix other) {
        return broadcast("equalTo", other, (a, b) -> a == b ? 1.0 : 0.0);
    }

    private static double numpyMax(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return a >= b ? a : b;
    }

    // ------------------------------------------------------------------ reductions

    /**
     * Sum of all elements ({@code np.sum(a)}), by numpy's pairwise summation: the same double numpy 2.x
     * gives for a contiguous array (numpy 1.x sums blocks of 8192 elements pairwise and adds the blocks in
     * turn, so above 8192 elements it can differ from this by an ulp or two).
     *
     * @return the sum; 0 for an empty matrix
     */
    public double sum() {
        return pairwiseSum(data.data, 0, size());
    }

    /** numpy's {@code pairwise_sum}: blocks of 8 partial sums below 128 elements, halving above. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        if (n <= 128) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            double s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                s += a[from + i];
            }
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
    }

    /**
     * Sum along an axis, keeping it ({@code np.sum(a, axis, keepdims=True)}): axis 0 adds the rows
     * together and gives a {@code (1, cols)} row; axis 1 adds the columns together and gives a
     * {@code (rows, 1)} column — one value per row, what the course uses for {@code db}.
     *
     * @param axis 0 to add the rows together, 1 to add the columns together
     * @return a new {@code (1, cols)} row for axis 0, {@code (rows, 1)} column for axis 1
     */
    public Matrix sum(int axis) {
        if (axis == 0) {
            DMatrixRMaj out = new DMatrixRMaj(1, cols());
            CommonOps_DDRM.sumCols(data, out);
            return new Matrix(out);
        }
        if (axis == 1) {
            DMatrixRMaj out = new DMatrixRMaj(rows(), 1);
            CommonOps_DDRM.sumRows(data, out);
            return new Matrix(out);
        }
        throw new Nndl4jException("sum: axis must be 0 or 1 for a 2-D matrix, got " + axis);
    }

    /**
     * Mean of all elements; NaN for an empty matrix, like numpy.
     *
     * @return the mean
     */
    public double mean() {
        return sum() / size();
    }

    /**
     * Mean along an axis, keeping it (see {@link #sum(int)}).
     *
     * @param axis 0 for the mean of each column, 1 for the mean of each row
     * @return a new {@code (1, cols)} row for axis 0, {@code (rows, 1)} column for axis 1
     */
    public Matrix mean(int axis) {
        Matrix s = sum(axis);
        return s.div(axis == 0 ? rows() : cols());
    }

    /**
     * Largest element; NaN if any element is NaN.
     *
     * @return the maximum
     */
    public double max() {
        requireNotEmpty("max");
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = size(); i < n; i++) {
            m = numpyMax(m, data.data[i]);
        }
        return m;
    }

    /**
     * Largest element along an axis, keeping it ({@code np.max(a, axis, keepdims=True)}): axis 0 gives a
     * {@code (1, cols)} row of column maxima, axis 1 a {@code (rows, 1)} column of row maxima.
     *
     * @param axis 0 for column maxima, 1 for row maxima
     * @return a new {@code (1, cols)} row for axis 0, {@code (rows, 1)} column for axis 1
     */
    public Matrix max(int axis) {
        requireNotEmpty("max");
        if (axis != 0 && axis != 1) {
            throw new Nndl4jException("max: axis must be 0 or 1 for a 2-D matrix, got " + axis);
        }
        double[] out = new double[axis == 0 ? cols() : rows()];
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                int k = axis == 0 ? j : i;
                out[k] = numpyMax(out[k], data.data[i * cols() + j]);
            }
        }
        return axis == 0 ? rowVector(out) : columnVector(out);
    }

    /**
     * Smallest element; NaN if any element is NaN.
     *
     * @return the minimum
     */
    public double min() {
        return -negate().max();
    }

    /**
     * Euclidean (Frobenius) norm of all elements.
     *
     * @return {@code sqrt(Σ a²)}
     */
    public double norm() {
        return Math.sqrt(times(this).sum());
    }

    /**
     * True when no element is NaN or infinite.
     *
     * @return true if every element is finite
     */
    public boolean isFinite() {
        for (int i = 0, n = size(); i < n; i++) {
            if (!Double.isFinite(data.data[i])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ comparison and printing

    /**
     * Largest absolute element-wise difference to {@code other} (same shape required).
     *
     * @param other a matrix of this shape
     * @return {@code max |this - other|}
     */
    public double maxAbsDifference(Matrix other) {
        Checks.notNull("maxAbsDifference", "second operand", other);
        if (!shape().equals(other.shape())) {
            throw new ShapeException("maxAbsDifference", shape(), other.shape(), "differ");
        }
        double m = 0;
        for (int i = 0, n = size(); i < n; i++) {
            m = numpyMax(m, Math.abs(data.data[i] - other.data.data[i]));
        }
        return m;
    }

    /** Exact equality of shape and every element (NaN equals NaN here, like {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Matrix other)) {
            return false;
        }
        return shape().equals(other.shape())
                && Arrays.equals(data.data, 0, size(), other.data.data, 0, size());
    }

    @Override
    public int hashCode() {
        int h = 31 * rows() + cols();
        for (int i = 0, n = size(); i < n; i++) {
            long bits = Double.doubleToLongBits(data.data[i]);
            h = 31 * h + (int) (bits ^ (bits >>> 32));
        }
        return h;
    }

    /**
     * This matrix as numpy's {@code print(array)} shows it: 8 significant decimals at most, decimal points aligned, one
     * row per line (see {@link NumpyFormat}).
     *
     * @return the numpy text
     */
    public String format() {
        return NumpyFormat.matrix(this);
    }

    /** numpy-like text, e.g. {@code [[1.0, 2.0], [3.0, 4.0]]}; long matrices are summarised. */
    @Override
    public String toString() {
        if (size() > 1000) {
            return "Matrix" + shape() + " [sum=" + sum() + "]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows(); i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols(); j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(data.data[i * cols() + j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ helpers

    static Shape checkedShape(int rows, int cols) {
        Checks.elementCount("shape", rows, cols);
        return new Shape(rows, cols);
    }

    static Shape resolveReshape(String operation, Object from, int size, int rows, int cols) {
        if (rows < -1 || cols < -1 || (rows == -1 && cols == -1)) {
            throw new Nndl4jException(operation + ": cannot reshape " + from + " into ("
                    + rows + ", " + cols + "): only one dimension may be -1 and none below it");
        }
        int r = rows;
        int c = cols;
        if (r == -1) {
            r = c == 0 ? 0 : size / c;
        } else if (c == -1) {
            c = r == 0 ? 0 : size / r;
        }
        if ((long) r * c != size) {
            throw new Nndl4jException(operation + ": cannot reshape array of size " + size
                    + " and shape " + from + " into shape (" + rows + ", " + cols + ")");
        }
        return new Shape(r, c);
    }

    private void requireNotEmpty(String operation) {
        if (size() == 0) {
            throw new Nndl4jException(operation + ": matrix of shape " + shape() + " is empty");
        }
    }
}
