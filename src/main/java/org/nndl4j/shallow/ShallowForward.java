package org.nndl4j.shallow;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;

/**
 * What {@link ShallowNetwork#forwardPropagation} returns: the course's {@code (A2, cache)} pair.
 *
 * @param A2    the output activations (the predicted probabilities), {@code (n_y, m)}; the same matrix as
 *              {@code cache.A2()}
 * @param cache the values backward propagation needs
 */
public record ShallowForward(Matrix A2, ForwardCache cache) {

    /**
     * Checks that {@code A2} is the cache's.
     *
     * @param A2    the output activations, {@code (n_y, m)}
     * @param cache the values backward propagation needs
     * @throws IllegalArgumentException if an argument is null or {@code A2} differs from {@code cache.A2()}
     */
    public ShallowForward {
        if (A2 == null || cache == null) {
            throw new Nndl4jException("ShallowForward: A2 and cache must not be null");
        }
        if (!A2.equals(cache.A2())) {
            throw new Nndl4jException("ShallowForward: A2 must be the cache's A2");
        }
    }
}
