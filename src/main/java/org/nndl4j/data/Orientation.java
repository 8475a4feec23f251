package org.nndl4j.data;

/**
 * How a file lays out its examples. nndl4j's own matrices are always {@code EXAMPLES_AS_COLUMNS}, {@code X (n_x, m)};
 * files written by numpy, h5py, pandas or Keras usually hold one example per row, {@code (m, n_x)}.
 */
public enum Orientation {

    /**
     * One example per row: features {@code (m, n_x)}, or {@code (m, d1, d2, ...)} whose trailing dimensions are
     * flattened in C order into {@code n_x = d1 · d2 · ...} (images {@code (m, num_px, num_px, 3)} as the course's
     * files hold them); labels {@code (m,)}, {@code (m, 1)} or {@code (1, m)}.
     */
    EXAMPLES_AS_ROWS,

    /**
     * One example per column, as nndl4j and the course's matrices: features {@code (n_x, m)}; labels {@code (m,)},
     * {@code (1, m)} or {@code (m, 1)}.
     */
    EXAMPLES_AS_COLUMNS
}
