package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.describeObject;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns what jhdf returns (primitive arrays of any width, BigIntegers for unsigned 64-bit values, strings) into
 * doubles and strings, refusing anything of another count or kind than the metadata promised.
 */
final class Hdf5Values {

    private Hdf5Values() {
    }

    /**
     * jhdf's flat array of a numeric dataset as doubles, checked against the dataset's size. One plain loop per array
     * type: a program's first read runs it before the JIT has compiled anything, and a call per element through a
     * lambda made reading the bundled cat images several times slower there.
     */
    static double[] toDoubles(String source, Object flat, DatasetInfo info) {
        int n = (int) info.size();
        double[] out = new double[n];
        if (flat != null && flat.getClass().isArray() && Array.getLength(flat) == n) {
            if (flat instanceof double[] a) {
                System.arraycopy(a, 0, out, 0, n);
                return out;
            } else if (flat instanceof float[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return out;
            } else if (flat instanceof long[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return out;
            } else if (flat instanceof int[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return out;
            } else if (flat instanceof short[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return out;
            } else if (flat instanceof byte[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i];
                }
                return out;
            } else if (flat instanceof BigInteger[] a) {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == null ? Double.NaN : a[i].doubleValue();
                }
                return out;
            }
        }
        throw new Hdf5Exception(source, "dataset '" + info.path() + "' of shape " + info.shapeString()
                + " gave " + describeObject(flat) + " instead of " + n + " numbers; the file is corrupt");
    }

    /** jhdf's data of a string dataset (one String or a String[] of the dataset's size) as a list; nulls become "". */
    static List<String> toStrings(String source, Object flat, DatasetInfo info) {
        List<String> out = new ArrayList<>();
        if (flat instanceof String s) {
            out.add(s);
        } else if (flat instanceof String[] strings && strings.length == info.size()) {
            for (String s : strings) {
                out.add(Objects.requireNonNullElse(s, ""));
            }
        } else {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "': expected " + info.size()
                    + " strings, got " + describeObject(flat) + "; the file is corrupt");
        }
        return List.copyOf(out);
    }

    /** A numeric attribute's data (a Number or an array of them) as doubles. */
    static double[] attributeNumbers(String source, String nodePath, String name, Object data) {
        if (data instanceof Number number) {
            return new double[] {toDouble(number)};
        }
        if (data != null && data.getClass().isArray()) {
            int n = Array.getLength(data);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(Array.get(data, i) instanceof Number number)) {
                    throw new Hdf5Exception(source, "attribute '" + name + "' of '" + Hdf5Tree.clean(nodePath) + "' is "
                            + describeObject(data) + "; expected numbers");
                }
                out[i] = toDouble(number);
            }
            return out;
        }
        throw new Hdf5Exception(source, "attribute '" + name + "' of '" + Hdf5Tree.clean(nodePath) + "' is "
                + describeObject(data) + "; expected numbers");
    }

    /** Numbers that must be ints (integral and in range), for integer attributes. */
    static int[] toInts(String source, String nodePath, String name, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw new Hdf5Exception(source, "attribute '" + name + "' of '" + Hdf5Tree.clean(nodePath) + "': value "
                        + values[i] + " at index " + i + " is not an int");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private static double toDouble(Number number) {
        return number instanceof BigInteger b ? b.doubleValue() : number.doubleValue();
    }
}
