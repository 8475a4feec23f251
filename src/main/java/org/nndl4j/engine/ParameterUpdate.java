package org.nndl4j.engine;

/**
 * How a layer's parameters move once its gradients are known: an optimizer's rule, applied in place on the engine's
 * buffers (layers 1-based; matrices as arrays of rows).
 */
@FunctionalInterface
public interface ParameterUpdate {

    /**
     * Updates layer {@code l}'s parameters in place.
     *
     * @param l  the layer, 1-based
     * @param W  {@code W[l]}, modified
     * @param b  {@code b[l]}, modified
     * @param dW {@code dW[l]}, read only
     * @param db {@code db[l]}, read only
     */
    void update(int l, double[][] W, double[] b, double[][] dW, double[] db);
}
