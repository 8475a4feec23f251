package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.guard;

import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;

/**
 * Describes datasets and attributes from their metadata alone ({@link DatasetInfo}): shape, element kind and
 * size, each jhdf call guarded so a corrupt header becomes an {@link Hdf5Exception}.
 */
final class Hdf5Metadata {

    private Hdf5Metadata() {
    }

    /** The dataset's shape, element kind and size; refuses negative dimensions and empty elements. */
    static DatasetInfo describe(String source, String path, Dataset d) {
        String clean = Hdf5Tree.clean(path);
        String where = "dataset '" + clean + "'";
        int[] dims = guard(source, where, () -> d.isScalar() ? new int[0] : d.getDimensions().clone());
        Hdf5Checks.checkDimensions(source, where, dims);
        DataType type = guard(source, where, d::getDataType);
        ElementType kind = elementType(type);
        int bytes = guard(source, where, type::getSize);
        Hdf5Checks.checkElementBytes(source, where, bytes);
        return new DatasetInfo(clean, dims, kind, bytes);
    }

    /** The attribute's shape, element kind and size ({@code where} names it in messages). */
    static DatasetInfo describe(String source, String where, String name, Attribute attribute) {
        int[] dims = guard(source, where, () -> attribute.isScalar() ? new int[0] : attribute.getDimensions().clone());
        DataType type = guard(source, where, attribute::getDataType);
        ElementType kind = elementType(type);
        int bytes = guard(source, where, type::getSize);
        return new DatasetInfo(name, dims, kind, bytes);
    }

    static ElementType elementType(DataType type) {
        if (type instanceof FixedPoint) {
            return ElementType.INTEGER;
        }
        if (type instanceof FloatingPoint) {
            return ElementType.FLOAT;
        }
        if (type instanceof StringData || type instanceof VariableLength v && v.isVariableLengthString()) {
            return ElementType.STRING;
        }
        return ElementType.OTHER;
    }

    /** The element type for messages: {@code 16-bit integers}, {@code 64-bit floats}, {@code strings}, ... */
    static String typeName(DatasetInfo info) {
        return switch (info.elementType()) {
            case INTEGER -> info.elementBytes() * 8 + "-bit integers";
            case FLOAT -> info.elementBytes() * 8 + "-bit floats";
            case STRING -> "strings";
            case OTHER -> "values of a type nndl4j does not read (compound, enum, reference, ...)";
        };
    }
}
