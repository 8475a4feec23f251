package org.nndl4j.nn;

/**
 * The package's argument checks, so that every refusal reads alike: {@code operation: name is null}. One rule for
 * null: a null argument is refused with an {@link IllegalArgumentException} naming the operation and the argument,
 * never a raw {@link NullPointerException}.
 */
final class Checks {

    private Checks() {
    }

    /** Refuses a null {@code value}, naming {@code operation} and the argument. */
    static <T> T notNull(String operation, String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(operation + ": " + name + " is null");
        }
        return value;
    }
}
