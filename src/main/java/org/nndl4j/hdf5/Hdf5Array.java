package org.nndl4j.hdf5;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric HDF5 dataset as plain Java values: its dimensions (numpy's {@code shape}; empty for a scalar) and its
 * elements as doubles in row-major (C) order, the order HDF5 and numpy store them in. Immutable: {@link #of}
 * copies its arguments and the accessors return copies; {@link #value(int)} reads one element without a copy.
 * (A class rather than a record so that {@link Hdf5Reader} can hand over the array it filled without a second
 * copy: the heap check before a read counts on at most one copy besides the caller's.)
 */
public final class Hdf5Array {

    private final int[] dimensions;
    private final double[] values;

    private Hdf5Array(int[] dimensions, double[] values) {
        this.dimensions = dimensions;
        this.values = values;
    }

    /**
     * An array of the given shape holding a copy of {@code values} (row-major).
     *
     * @param dimensions the shape; copied
     * @param values     the values in row-major order; copied
     * @return the array
     * @throws IllegalArgumentException if a dimension is negative or the number of values is not their product
     */
    public static Hdf5Array of(int[] dimensions, double[] values) {
        Objects.requireNonNull(dimensions, "Hdf5Array.of: dimensions is null");
        Objects.requireNonNull(values, "Hdf5Array.of: values is null");
        return owning(dimensions.clone(), values.clone());
    }

    /** Takes ownership of both arrays without copying; for this package's reader only. */
    static Hdf5Array owning(int[] dimensions, double[] values) {
        long size = 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new Nndl4jException("Hdf5Array: dimensions " + Arrays.toString(dimensions)
                        + " have a negative entry");
            }
            size *= d;
        }
        if (size != values.length) {
            throw new Nndl4jException("Hdf5Array: shape " + Hdf5Errors.shapeString(dimensions) + " needs "
                    + size + " values, got " + values.length);
        }
        return new Hdf5Array(dimensions, values);
    }

    /**
     * A copy of the dimensions.
     *
     * @return a new array of the dimensions
     */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * A copy of the values, row-major.
     *
     * @return a new array of every value
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Element {@code index} in row-major order, without copying the values.
     *
     * @param index the row-major position, 0 to {@code size() - 1}
     * @return the value
     */
    public double value(int index) {
        return values[index];
    }

    /**
     * Number of dimensions (0 for a scalar).
     *
     * @return the rank
     */
    public int rank() {
        return dimensions.length;
    }

    /**
     * Number of elements (1 for a scalar).
     *
     * @return the product of the dimensions
     */
    public int size() {
        return values.length;
    }

    /**
     * The shape as numpy prints it, e.g. {@code (209, 64, 64, 3)}.
     *
     * @return the shape in parentheses
     */
    public String shapeString() {
        return Hdf5Errors.shapeString(dimensions);
    }

    /** Equal dimensions and values ({@link Arrays#equals(double[], double[])}: NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Hdf5Array other && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Hdf5Array" + shapeString() + " of " + values.length + " values";
    }
}
