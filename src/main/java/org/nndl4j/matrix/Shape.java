package org.nndl4j.matrix;

import org.nndl4j.Nndl4jException;

/**
 * The shape of a 2-D {@link Matrix}: {@code rows} by {@code cols}, printed the way numpy prints it,
 * {@code (rows, cols)}.
 */
public record Shape(int rows, int cols) {

    /**
     * Checks that neither dimension is negative.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @throws IllegalArgumentException if a dimension is negative
     */
    public Shape {
        if (rows < 0 || cols < 0) {
            throw new Nndl4jException("shape: dimensions must be >= 0, got (" + rows + ", " + cols + ")");
        }
    }

    /**
     * Number of elements, {@code rows * cols}.
     *
     * @return {@code rows * cols}
     */
    public int size() {
        return rows * cols;
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped by invokedynamic at their first
    // call, which spun about 40 method-handle classes when the first shape check of a program compared two shapes

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && other.rows == rows && other.cols == cols;
    }

    @Override
    public int hashCode() {
        return 31 * rows + cols;
    }

    @Override
    public String toString() {
        return "(" + rows + ", " + cols + ")";
    }
}
