package org.nndl4j.nn;

/**
 * The package's short name for the library's argument checks, {@link org.nndl4j.matrix.Checks}: the one rule for
 * null (an {@link IllegalArgumentException} naming the operation and the argument, never a raw
 * {@link NullPointerException}) lives there.
 */
final class Checks {

    private Checks() {
    }

    /** {@link org.nndl4j.matrix.Checks#notNull}: refuses a null {@code value} with {@code "operation: name is null"}. */
    static <T> T notNull(String operation, String name, T value) {
        return org.nndl4j.matrix.Checks.notNull(operation, name, value);
    }
}
