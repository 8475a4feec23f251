package org.nndl4j.shallow;

import org.nndl4j.matrix.Checks;

/**
 * The sizes of the three layers of the network (the course's {@code (n_x, n_h, n_y)}).
 *
 * @param nX size of the input layer (features per example)
 * @param nH size of the hidden layer
 * @param nY size of the output layer (1 for the course's binary classifier)
 */
public record LayerSizes(int nX, int nH, int nY) {

    /**
     * Checks that every size is at least 1.
     *
     * @param nX size of the input layer
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     * @throws IllegalArgumentException if a size is below 1; the message names it
     */
    public LayerSizes {
        Checks.positive("LayerSizes", "nX (input layer size)", nX);
        Checks.positive("LayerSizes", "nH (hidden layer size)", nH);
        Checks.positive("LayerSizes", "nY (output layer size)", nY);
    }

    /**
     * The same input and output sizes with a hidden layer of {@code nH} units.
     *
     * @param nH the new hidden layer size
     * @return new sizes {@code (nX, nH, nY)}
     */
    public LayerSizes withHiddenSize(int nH) {
        return new LayerSizes(nX, nH, nY);
    }
}
