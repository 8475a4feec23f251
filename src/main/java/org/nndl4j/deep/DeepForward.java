package org.nndl4j.deep;

import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * The result of {@link DeepNetwork#lModelForward}: the predictions {@code AL} and one cache per layer.
 *
 * @param AL     {@code A[L]}, the sigmoid outputs, shape {@code (1, m)}
 * @param caches the layer caches in order; {@code caches.get(l - 1)} belongs to layer {@code l} (the course's
 *               {@code caches[l-1]})
 */
public record DeepForward(Matrix AL, List<LayerCache> caches) {

    /**
     * Copies the list of caches.
     *
     * @param AL     {@code A[L]}, shape {@code (1, m)}
     * @param caches the layer caches, layer 1 first
     * @throws IllegalArgumentException if {@code AL} or {@code caches} is null
     */
    public DeepForward {
        Checks.notNull("DeepForward", "AL", AL);
        caches = List.copyOf(caches);
    }

    /**
     * The cache of layer {@code l}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return the cache of the layer
     */
    public LayerCache cache(int l) {
        if (l < 1 || l > caches.size()) {
            throw new IndexOutOfBoundsException("DeepForward: layer " + l + " does not exist; layers are 1.." + caches.size());
        }
        return caches.get(l - 1);
    }
}
