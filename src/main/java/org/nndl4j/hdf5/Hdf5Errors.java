package org.nndl4j.hdf5;

import java.lang.reflect.Array;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Error summarising for this package: every failure underneath jhdf becomes an {@link Hdf5Exception} naming the
 * file, with the low-level cause summarised on one line.
 */
final class Hdf5Errors {

    private Hdf5Errors() {
    }

    /** Runs a jhdf call, turning any runtime failure into an Hdf5Exception naming the file. */
    static <T> T guard(String source, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (Hdf5Exception e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new Hdf5Exception(source, "cannot read " + what + ": the file is corrupt or uses an HDF5 feature "
                    + "nndl4j does not read (" + summarize(e) + ")", e);
        }
    }

    /** The exception's class and message, and its root cause's, on one line (at most 400 characters and "..."). */
    static String summarize(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append("; caused by ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                sb.append(": ").append(root.getMessage());
            }
        }
        String s = sb.toString();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** What jhdf returned, for messages: {@code nothing}, {@code an array of 3 int}, {@code a String}. */
    static String describeObject(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o.getClass().isArray()) {
            return "an array of " + Array.getLength(o) + " " + o.getClass().getComponentType().getSimpleName();
        }
        return "a " + o.getClass().getSimpleName();
    }

    /** The first 8 bytes in hex, e.g. {@code 89 50 4E 47 0D 0A 1A 0A}. */
    static String hexHead(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format(Locale.ROOT, "%02X ", bytes[i] & 0xFF));
        }
        return sb.toString().strip();
    }

    /** A shape as numpy prints it: {@code ()}, {@code (3,)}, {@code (209, 64, 64, 3)}. */
    static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
