package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * Thrown when the shapes of the operands of an operation do not fit. The message always names the
 * operation and both shapes, e.g. {@code dot: shapes (4, 3) and (4, 2) not aligned: 3 != 4}.
 */
public class ShapeException extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    private final transient Shape first;
    private final transient Shape second;

    /**
     * For two operands whose shapes do not fit.
     *
     * @param operation the operation, e.g. {@code dot}
     * @param first     the first operand's shape
     * @param second    the second operand's shape
     * @param detail    why they do not fit, e.g. {@code not aligned: 3 != 4}
     */
    public ShapeException(String operation, Shape first, Shape second, String detail) {
        super(operation + ": shapes " + first + " and " + second + " " + detail);
        this.first = first;
        this.second = second;
    }

    /**
     * For a single operand whose shape is wrong: {@code expected} names what was required.
     *
     * @param operation the operation, e.g. {@code dot}
     * @param expected  what was required, e.g. {@code w of shape (n_x, 1)}
     * @param received  the operand's shape
     */
    public ShapeException(String operation, String expected, Shape received) {
        super(operation + ": expected " + expected + ", got shape " + received);
        this.first = received;
        this.second = null;
    }

    /**
     * Shape of the first (or only) operand.
     *
     * @return the first operand's shape
     */
    public Shape first() {
        return first;
    }

    /**
     * Shape of the second operand, or {@code null} when only one operand was involved.
     *
     * @return the second operand's shape, or {@code null}
     */
    public Shape second() {
        return second;
    }

    /**
     * Checks that {@code actual} is exactly {@code expected}; the message names {@code what} and both shapes.
     *
     * @param operation the operation, named in the message
     * @param what      the operand, named in the message
     * @param actual    the operand
     * @param expected  its required shape
     */
    public static void requireShape(String operation, String what, Matrix actual, Shape expected) {
        if (actual == null) {
            throw new Nndl4jException(operation + ": " + what + " is null, expected shape " + expected);
        }
        if (!actual.shape().equals(expected)) {
            throw new ShapeException(operation, what + " of shape " + expected, actual.shape());
        }
    }
}
