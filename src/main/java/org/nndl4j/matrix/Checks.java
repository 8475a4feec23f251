package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * The library's argument checks, in one place, so that every refusal reads alike: the message starts with the
 * operation, then names the argument, what was expected and what was received, e.g. {@code propagate: X is null} or
 * {@code l1: shapes (1, 5) and (1, 4) differ: yhat and y must have the same shape}.
 *
 * <p>One rule for null: a null argument is refused with an {@link IllegalArgumentException} naming the operation and
 * the argument, never a raw {@link NullPointerException}. Shape problems are refused with a {@link ShapeException}
 * (an {@link IllegalArgumentException}) naming both shapes; every other refusal is an
 * {@link IllegalArgumentException}.
 */
public final class Checks {

    /** The most elements one Java array (and so one {@link Matrix}) can hold. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Checks() {
    }

    // ------------------------------------------------------------------ null

    /**
     * Refuses a null argument.
     *
     * @param operation named first in the message
     * @param name      the argument's name, as the message should say it
     * @param value     the argument
     * @param <T>       its type
     * @return {@code value}, for use in expressions
     * @throws IllegalArgumentException {@code "operation: name is null"} if {@code value} is null
     */
    public static <T> T notNull(String operation, String name, T value) {
        if (value == null) {
            throw new Nndl4jException(operation + ": " + name + " is null");
        }
        return value;
    }

    // ------------------------------------------------------------------ shapes

    /**
     * Checks that a matrix has exactly the shape {@code expected} (same as {@link ShapeException#requireShape}).
     *
     * @param operation named first in the message
     * @param name      the matrix's name
     * @param actual    the matrix
     * @param expected  the shape it must have
     * @throws IllegalArgumentException if {@code actual} is null (the message names the expected shape)
     * @throws ShapeException           naming the expected and the received shape if they differ
     */
    public static void shape(String operation, String name, Matrix actual, Shape expected) {
        ShapeException.requireShape(operation, name, actual, expected);
    }

    /**
     * Checks that a matrix has {@code rows} rows, whatever its number of columns.
     *
     * @param operation named first in the message
     * @param name      the matrix's name
     * @param actual    the matrix
     * @param rows      the number of rows it must have
     * @throws IllegalArgumentException if {@code actual} is null
     * @throws ShapeException           {@code "operation: expected name of shape (rows, m), got shape (r, c)"}
     */
    public static void rows(String operation, String name, Matrix actual, int rows) {
        notNull(operation, name, actual);
        if (actual.rows() != rows) {
            throw new ShapeException(operation, name + " of shape (" + rows + ", m)", actual.shape());
        }
    }

    /**
     * Checks that two matrices have the same shape.
     *
     * @param operation  named first in the message
     * @param firstName  the first matrix's name
     * @param first      the first matrix
     * @param secondName the second matrix's name
     * @param second     the second matrix
     * @throws IllegalArgumentException if either is null (the message names it)
     * @throws ShapeException           naming both shapes if they differ:
     *                                  {@code "operation: shapes (a) and (b) differ: first and second must have the same shape"}
     */
    public static void sameShape(String operation, String firstName, Matrix first, String secondName, Matrix second) {
        notNull(operation, firstName, first);
        notNull(operation, secondName, second);
        if (!first.shape().equals(second.shape())) {
            throw new ShapeException(operation, first.shape(), second.shape(),
                    "differ: " + firstName + " and " + secondName + " must have the same shape");
        }
    }

    /**
     * Checks that a matrix has the shape another one dictates (a bias for its weights, a cache for its inputs).
     *
     * @param operation named first in the message
     * @param refName   the dictating matrix's name
     * @param ref       the dictating matrix, not null
     * @param name      the checked matrix's name
     * @param actual    the checked matrix
     * @param expected  the shape {@code ref} requires of it
     * @throws IllegalArgumentException if {@code actual} is null
     * @throws ShapeException           naming both shapes, the checked one first: {@code "operation: shapes (3, 1) and
     *                                  (4, 2) do not fit: b1 must be (4, 1) for W1 of shape (4, 2), got (3, 1)"}
     */
    public static void fits(String operation, String refName, Matrix ref, String name, Matrix actual, Shape expected) {
        notNull(operation, name, actual);
        if (!actual.shape().equals(expected)) {
            throw new ShapeException(operation, actual.shape(), ref.shape(), "do not fit: " + name + " must be "
                    + expected + " for " + refName + " of shape " + ref.shape() + ", got " + actual.shape());
        }
    }

    /**
     * Checks that a matrix product {@code W · A} is defined: {@code W} has as many columns as {@code A} has rows.
     *
     * @param operation named first in the message
     * @param wName     the left operand's name
     * @param W         the left operand
     * @param aName     the right operand's name
     * @param A         the right operand
     * @throws IllegalArgumentException if either is null
     * @throws ShapeException           naming both shapes: {@code "operation: shapes (4, 2) and (3, 10) not aligned:
     *                                  W1 has 2 columns but X has 3 rows"}
     */
    public static void aligned(String operation, String wName, Matrix W, String aName, Matrix A) {
        notNull(operation, wName, W);
        notNull(operation, aName, A);
        if (W.cols() != A.rows()) {
            throw new ShapeException(operation, W.shape(), A.shape(), "not aligned: " + wName + " has " + W.cols()
                    + " columns but " + aName + " has " + A.rows() + " rows");
        }
    }

    /**
     * Checks inputs {@code X} {@code (n_x, m)} and labels {@code Y} {@code (n_y, m)}: both present, the same number of
     * examples (columns), at least one, and at least one feature (row of X). This is the one check, and the one
     * message, for "no examples" everywhere in the library.
     *
     * @param operation named first in the message
     * @param X         inputs, one example per column
     * @param Y         labels, one example per column
     * @return {@code m}, the number of examples
     * @throws IllegalArgumentException if either is null, {@code m = 0} ({@code "operation: no examples (m = 0)
     *                                  in X of shape (.., 0) and Y of shape (.., 0)"}), or {@code n_x = 0}
     *                                  ({@code "operation: no features (n_x = 0) in X of shape (0, m)"})
     * @throws ShapeException           naming both shapes if the numbers of columns differ
     */
    public static int examples(String operation, Matrix X, Matrix Y) {
        notNull(operation, "X", X);
        notNull(operation, "Y", Y);
        if (X.cols() != Y.cols()) {
            throw new ShapeException(operation, X.shape(), Y.shape(),
                    "differ in number of examples: X has " + X.cols() + " columns, Y has " + Y.cols());
        }
        if (X.cols() == 0) {
            throw new Nndl4jException(operation + ": no examples (m = 0) in X of shape " + X.shape()
                    + " and Y of shape " + Y.shape());
        }
        if (X.rows() == 0) {
            throw new Nndl4jException(operation + ": no features (n_x = 0) in X of shape " + X.shape()
                    + "; every example needs at least one input value");
        }
        return X.cols();
    }

    /**
     * Checks that every label is 0 or 1.
     *
     * @param operation named first in the message
     * @param Y         labels, not null
     * @throws IllegalArgumentException naming the first offending position and value:
     *                                  {@code "operation: labels must be 0 or 1, but Y[0, 3] = 0.5"}
     */
    public static void binaryLabels(String operation, Matrix Y) {
        notNull(operation, "Y", Y);
        for (int j = 0; j < Y.cols(); j++) {
            for (int i = 0; i < Y.rows(); i++) {
                double y = Y.get(i, j);
                if (y != 0.0 && y != 1.0) {
                    throw new Nndl4jException(operation + ": labels must be 0 or 1, but Y[" + i + ", " + j
                            + "] = " + y);
                }
            }
        }
    }

    /**
     * Checks the data of a binary classifier: inputs {@code X} {@code (n_x, m)} and 0/1 labels {@code Y} {@code (1, m)}
     * with {@code m >= 1}; the checks of {@link #rows}, {@link #examples} and {@link #binaryLabels}, in that order.
     *
     * @param operation named first in the message
     * @param X         inputs, one example per column
     * @param Y         labels, one row
     * @return {@code m}, the number of examples
     * @throws IllegalArgumentException if either is null, {@code m = 0}, or a label is not 0 or 1 (named with its
     *                                  position)
     * @throws ShapeException           if Y is not one row, or X and Y differ in number of examples
     */
    public static int binaryExamples(String operation, Matrix X, Matrix Y) {
        notNull(operation, "X", X);
        rows(operation, "Y", Y, 1);
        int m = examples(operation, X, Y);
        binaryLabels(operation, Y);
        return m;
    }

    // ------------------------------------------------------------------ numbers

    /**
     * Checks a size or count that must be at least 1.
     *
     * @param operation named first in the message
     * @param name      the argument's name
     * @param value     the argument
     * @return {@code value}
     * @throws IllegalArgumentException {@code "operation: name must be >= 1, got value"}
     */
    public static int positive(String operation, String name, int value) {
        if (value < 1) {
            throw new Nndl4jException(operation + ": " + name + " must be >= 1, got " + value);
        }
        return value;
    }

    /**
     * Checks a size or count that may be 0 but not negative.
     *
     * @param operation named first in the message
     * @param name      the argument's name
     * @param value     the argument
     * @return {@code value}
     * @throws IllegalArgumentException {@code "operation: name must be >= 0, got value"}
     */
    public static int nonNegative(String operation, String name, int value) {
        if (value < 0) {
            throw new Nndl4jException(operation + ": " + name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * Checks a number that must be finite (not NaN, not infinite).
     *
     * @param operation named first in the message
     * @param name      the argument's name
     * @param value     the argument
     * @return {@code value}
     * @throws IllegalArgumentException {@code "operation: name must be a finite number, got value"}
     */
    public static double finite(String operation, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new Nndl4jException(operation + ": " + name + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * Checks a number that must be finite and {@code > 0} (a learning rate, a scale).
     *
     * @param operation named first in the message
     * @param name      the argument's name
     * @param value     the argument
     * @return {@code value}
     * @throws IllegalArgumentException {@code "operation: name must be a finite number > 0, got value"} (also for NaN)
     */
    public static double finitePositive(String operation, String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new Nndl4jException(operation + ": " + name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /**
     * Checks a number that must not exceed a limit (a number of pixels, of elements).
     *
     * @param operation named first in the message
     * @param name      what the number counts
     * @param value     the number
     * @param max       the largest value allowed
     * @return {@code value}
     * @throws IllegalArgumentException {@code "operation: name must be <= max, got value"}
     */
    public static long atMost(String operation, String name, long value, long max) {
        if (value > max) {
            throw new Nndl4jException(operation + ": " + name + " must be <= " + max + ", got " + value);
        }
        return value;
    }

    /**
     * Checks the dimensions of a {@code rows x cols} array: neither negative, and at most {@link #MAX_ELEMENTS}
     * elements in all.
     *
     * @param operation named first in the message
     * @param rows      the number of rows
     * @param cols      the number of columns
     * @return {@code rows * cols}
     * @throws IllegalArgumentException {@code "operation: dimensions must be >= 0, got (rows, cols)"} or
     *                                  {@code "operation: (rows, cols) has more than MAX_ELEMENTS elements"}
     */
    public static int elementCount(String operation, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new Nndl4jException(operation + ": dimensions must be >= 0, got (" + rows + ", " + cols + ")");
        }
        long n = (long) rows * cols;
        if (n > MAX_ELEMENTS) {
            throw new Nndl4jException(operation + ": (" + rows + ", " + cols + ") has more than "
                    + MAX_ELEMENTS + " elements");
        }
        return (int) n;
    }

    // ------------------------------------------------------------------ values

    /**
     * Checks that every element of a matrix is a finite number (inputs to a prediction or a training).
     *
     * @param operation named first in the message
     * @param name      the matrix's name
     * @param M         the matrix
     * @throws IllegalArgumentException if {@code M} is null, or naming the first non-finite element and its column
     *                                  (example): {@code "operation: X[2, 5] = NaN in column (example) 5 is not a
     *                                  finite number"}
     */
    public static void finiteValues(String operation, String name, Matrix M) {
        notNull(operation, name, M);
        double[] values = M.raw();
        int size = M.rows() * M.cols();
        boolean finite = true;
        for (int at = 0; at < size; at++) {
            finite &= Double.isFinite(values[at]);
        }
        if (finite) {
            return;
        }
        // the first by column (example), as the message promises: only when there is one
        for (int j = 0; j < M.cols(); j++) {
            for (int i = 0; i < M.rows(); i++) {
                double v = M.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new Nndl4jException(operation + ": " + name + "[" + i + ", " + j + "] = " + v
                            + " in column (example) " + j + " is not a finite number");
                }
            }
        }
    }

    /**
     * Checks that every element of a matrix is a probability, in {@code [0, 1]} (NaN is not).
     *
     * @param operation named first in the message
     * @param name      the matrix's name
     * @param M         the matrix
     * @throws IllegalArgumentException naming the first element outside {@code [0, 1]}:
     *                                  {@code "operation: AL[0, 3] = 1.5 is not a probability in [0, 1]"}
     */
    public static void probabilities(String operation, String name, Matrix M) {
        notNull(operation, name, M);
        for (int j = 0; j < M.cols(); j++) {
            for (int i = 0; i < M.rows(); i++) {
                double v = M.get(i, j);
                if (!(v >= 0.0 && v <= 1.0)) {
                    throw new Nndl4jException(operation + ": " + name + "[" + i + ", " + j + "] = " + v
                            + " is not a probability in [0, 1]");
                }
            }
        }
    }

    /**
     * Checks that every element of a matrix is a class index {@code 0 .. classes-1} (a whole number).
     *
     * @param operation named first in the message
     * @param name      the matrix's name
     * @param M         the matrix
     * @param classes   the number of classes, or {@link Integer#MAX_VALUE} when it is not known
     * @throws IllegalArgumentException naming the first element that is not a class:
     *                                  {@code "operation: Y[0, 3] = 0.7 is not a class index 0..1"}
     */
    public static void classIndices(String operation, String name, Matrix M, int classes) {
        notNull(operation, name, M);
        for (int j = 0; j < M.cols(); j++) {
            for (int i = 0; i < M.rows(); i++) {
                double v = M.get(i, j);
                if (!(v >= 0.0 && v < classes && v == Math.rint(v))) {
                    throw new Nndl4jException(operation + ": " + name + "[" + i + ", " + j + "] = " + v
                            + " is not a class index " + (classes == Integer.MAX_VALUE ? "(a whole number >= 0)"
                            : "0.." + (classes - 1)));
                }
            }
        }
    }

    // ------------------------------------------------------------------ memory

    /**
     * The library's one memory rule: an operation that is about to allocate an estimated {@code bytes} bytes refuses
     * if they exceed what the heap can still give, {@link Runtime#maxMemory()} ({@code -Xmx}) less the heap in use
     * now ({@code totalMemory() - freeMemory()}, which may include garbage not yet collected), instead of computing
     * for a while and dying of an {@link OutOfMemoryError}. The estimate counts what the operation allocates, not what
     * the caller already holds.
     *
     * @param operation named first in the message
     * @param what      what needs the memory, e.g. {@code "training layer sizes [1, 1000000000, 1] on m = 5 examples"}
     * @param bytes     the estimate (a saturated {@link Long#MAX_VALUE} for sizes beyond counting)
     * @throws IllegalArgumentException {@code "operation: what need an estimated 16.0 GB (16000000024 bytes), more than
     *                                  the heap can give: Runtime.maxMemory() = 6.3 GB (6320816128 bytes), of which
     *                                  0.1 GB (104857600 bytes) in use"}
     */
    public static void fitsInMemory(String operation, String what, long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long max = runtime.maxMemory();
        long inUse = runtime.totalMemory() - runtime.freeMemory();
        if (bytes > max - inUse) {
            throw new Nndl4jException(operation + ": " + what + " need an estimated " + gigabytes(bytes)
                    + " (" + bytes + " bytes), more than the heap can give: Runtime.maxMemory() = " + gigabytes(max)
                    + " (" + max + " bytes), of which " + gigabytes(inUse) + " (" + inUse + " bytes) in use; "
                    + "use smaller sizes or a larger -Xmx");
        }
    }

    /**
     * Whether an estimated {@code bytes} bytes pass {@link #fitsInMemory} now.
     *
     * @param bytes the estimate
     * @return true if they do not exceed {@link Runtime#maxMemory()} less the heap in use
     */
    public static boolean isWithinMemory(long bytes) {
        Runtime runtime = Runtime.getRuntime();
        return bytes <= runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
