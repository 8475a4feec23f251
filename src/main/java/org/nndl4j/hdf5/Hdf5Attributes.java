package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.guard;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;

/**
 * Reads the attributes of one group or dataset for {@link Hdf5Reader}: each one's type, rank and size checked
 * from its metadata before its data is read.
 */
final class Hdf5Attributes {

    private final String source;
    private final long fileSize;
    private final Node node;
    private final String nodePath;

    /**
     * @param nodePath the node's path as the caller gave it, for messages ({@code ""} for the root group)
     */
    Hdf5Attributes(String source, long fileSize, Node node, String nodePath) {
        this.source = source;
        this.fileSize = fileSize;
        this.node = node;
        this.nodePath = nodePath;
    }

    Set<String> names() {
        return guard(source, "the attributes of " + Hdf5Tree.nodeName(nodePath),
                () -> Collections.unmodifiableSet(new TreeSet<>(node.getAttributes().keySet())));
    }

    String string(String name) {
        Object data = data(name, ElementType.STRING);
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw new Hdf5Exception(source, "attribute '" + name + "' of '" + Hdf5Tree.clean(nodePath) + "' is "
                + Hdf5Errors.describeObject(data) + "; expected one string");
    }

    /** A string attribute, scalar or 1-D, as a list (a scalar gives a list of one). */
    java.util.List<String> strings(String name) {
        Object data = data(name, ElementType.STRING);
        if (data instanceof String s) {
            return java.util.List.of(s);
        }
        if (data instanceof String[] a) {
            if (java.util.Arrays.stream(a).allMatch(Objects::nonNull)) {
                return java.util.List.of(a);
            }
        }
        throw new Hdf5Exception(source, "attribute '" + name + "' of '" + Hdf5Tree.clean(nodePath) + "' is "
                + Hdf5Errors.describeObject(data) + "; expected strings");
    }

    int[] ints(String name) {
        Object data = data(name, ElementType.INTEGER);
        return Hdf5Values.toInts(source, nodePath, name, Hdf5Values.attributeNumbers(source, nodePath, name, data));
    }

    double[] doubles(String name) {
        return Hdf5Values.attributeNumbers(source, nodePath, name, data(name, ElementType.FLOAT));
    }

    /** Reads an attribute after checking its type, rank and size; {@code FLOAT} accepts any number. */
    private Object data(String name, ElementType wanted) {
        Objects.requireNonNull(name, "attribute name is null");
        String where = "attribute '" + name + "' of " + Hdf5Tree.nodeName(nodePath);
        Attribute attribute = guard(source, where, () -> node.getAttributes().get(name));
        if (attribute == null) {
            throw new Hdf5Exception(source, "no " + where + "; attributes present: " + names());
        }
        DatasetInfo info = Hdf5Metadata.describe(source, where, name, attribute);
        Hdf5Checks.checkAttribute(source, fileSize, where, info, wanted);
        return guard(source, where, attribute::getData);
    }
}
