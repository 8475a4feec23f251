package org.nndl4j.hdf5;

import java.util.Arrays;
import java.util.Objects;

/**
 * What an HDF5 dataset's metadata says about it, read without touching its data: its path in the
 * file, its dimensions (numpy's {@code shape}), the kind of its elements and their size in bytes.
 *
 * @param path         the dataset's path inside the file, without a leading {@code /}
 * @param dimensions   the shape; empty for a scalar
 * @param elementType  integer, floating point, string or something else (compound, enum, ...)
 * @param elementBytes bytes per element as stored in the file
 */
public record DatasetInfo(String path, int[] dimensions, ElementType elementType, int elementBytes) {

    /** The kinds of element {@link Hdf5Reader} tells apart. */
    public enum ElementType {
        /** Signed or unsigned integers of 8 to 64 bits (HDF5 fixed-point). */
        INTEGER,
        /** 16-, 32- or 64-bit floating point. */
        FLOAT,
        /** Fixed- or variable-length strings. */
        STRING,
        /** Anything else (compound, enum, reference, opaque, bit field, ...). */
        OTHER;

        /**
         * Whether {@link Hdf5Reader} can read it as numbers.
         *
         * @return true for {@link #INTEGER} and {@link #FLOAT}
         */
        public boolean isNumeric() {
            return this == INTEGER || this == FLOAT;
        }
    }

    /**
     * Copies the dimensions.
     *
     * @param path         the dataset's path inside the file
     * @param dimensions   the shape; copied
     * @param elementType  the kind of element
     * @param elementBytes bytes per element as stored in the file
     * @throws NullPointerException if {@code path}, {@code dimensions} or {@code elementType} is null
     */
    public DatasetInfo {
        Objects.requireNonNull(path, "DatasetInfo: path is null");
        Objects.requireNonNull(dimensions, "DatasetInfo: dimensions is null");
        Objects.requireNonNull(elementType, "DatasetInfo: elementType is null");
        dimensions = dimensions.clone();
    }

    /**
     * A copy of the dimensions.
     *
     * @return a new array of the dimensions
     */
    @Override
    public int[] dimensions() {
        return dimensions.clone();
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
     * Number of elements (1 for a scalar), as a {@code long} so absurd headers cannot overflow it.
     *
     * @return the product of the dimensions
     */
    public long size() {
        long n = 1;
        for (int d : dimensions) {
            n *= d;
        }
        return n;
    }

    /**
     * The shape as numpy prints it, e.g. {@code (209, 64, 64, 3)}.
     *
     * @return the shape in parentheses
     */
    public String shapeString() {
        return Hdf5Errors.shapeString(dimensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetInfo other && path.equals(other.path) && Arrays.equals(dimensions, other.dimensions)
                && elementType == other.elementType && elementBytes == other.elementBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(dimensions), elementType, elementBytes);
    }

    @Override
    public String toString() {
        String type = switch (elementType) {
            case INTEGER -> "int" + elementBytes * 8;
            case FLOAT -> "float" + elementBytes * 8;
            case STRING -> "string (" + elementBytes + " bytes)";
            case OTHER -> "other (" + elementBytes + " bytes)";
        };
        return path + " " + shapeString() + " " + type;
    }
}
