package org.nndl4j.deep;

import org.nndl4j.matrix.Matrix;

/**
 * The result of {@link DeepNetwork#linearActivationForward}: the activation {@code A = g(Z)} and the cache
 * {@code ((A_prev, W, b), Z)}.
 *
 * @param A     the layer's output, shape {@code (n[l], m)}
 * @param cache the layer cache for the backward pass
 */
public record LayerOutput(Matrix A, LayerCache cache) {
}
