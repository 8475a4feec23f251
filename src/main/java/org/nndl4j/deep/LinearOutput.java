package org.nndl4j.deep;

import org.nndl4j.matrix.Matrix;

/**
 * The result of {@link DeepNetwork#linearForward}: {@code Z} and the cache {@code (A, W, b)}.
 *
 * @param Z     {@code W·A + b}, shape {@code (n[l], m)}
 * @param cache the linear cache for the backward pass
 */
public record LinearOutput(Matrix Z, LinearCache cache) {
}
