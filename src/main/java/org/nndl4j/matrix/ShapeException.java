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

    public ShapeException(String operation, Shape first, Shape second, String detail) {
        super(operation + ": shapes " + first + " and " + second + " " + detail);
        this.first = first;
        this.second = second;
    }

    /** For a single operand whose shape is wrong: {@code expected} names what was required. */
    public ShapeException(String operation, String expected, Shape received) {
        super(operation + ": expected " + expected + ", got shape " + received);
        this.first = received;
        this.second = null;
    }

    /** Shape of the first (or only) operand. */
    public Shape first() {
        return first;
    }

    /** Shape of the second operand, or {@code null} when only one operand was involved. */
    public Shape second() {
        return second;
    }

    /** Checks that {@code actual} is exactly {@code expected}; the message names {@code what} and both shapes. */
    public static void requireShape(String operation, String what, Matrix actual, Shape expected) {
        if (actual == null) {
            throw new IllegalArgumentException(operation + ": " + what + " is null, expected shape " + expected);
        }
        if (!actual.shape().equals(expected)) {
            throw new ShapeException(operation, what + " of shape " + expected, actual.shape());
        }
    }
}
