package org.nndl4j.deep;

import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;

/**
 * The gradients of every layer, the course's {@code grads} dictionary as a typed value.
 *
 * <p>Numbering: {@code layers.get(l - 1)} holds layer {@code l}'s gradients. The course stores
 * {@code grads["dA" + l]} as the gradient with respect to layer {@code l}'s <em>input</em> {@code A[l-1]}
 * (so {@code grads["dA1"]} is the gradient with respect to {@code X}); {@link #dA(int)} keeps that convention.
 *
 * @param layers one {@link LinearGradients} per layer, layer 1 first
 */
public record DeepGradients(List<LinearGradients> layers) {

    /**
     * Copies the list of layers.
     *
     * @param layers one {@link LinearGradients} per layer, layer 1 first
     * @throws IllegalArgumentException if {@code layers} is null
     */
    public DeepGradients {
        Checks.notNull("DeepGradients", "layers", layers);
        layers = List.copyOf(layers);
    }

    /**
     * The number of layers {@code L}.
     *
     * @return the number of layers
     */
    public int numLayers() {
        return layers.size();
    }

    /**
     * The gradients of layer {@code l}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return the layer's gradients
     */
    public LinearGradients layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("DeepGradients: layer " + l + " does not exist; layers are 1.." + layers.size());
        }
        // course layer l is list index l - 1
        return layers.get(l - 1);
    }

    /**
     * The course's {@code grads["dW" + l]}.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code dW[l]}, of {@code W[l]}'s shape {@code (n[l], n[l-1])}
     */
    public Matrix dW(int l) {
        return layer(l).dW();
    }

    /**
     * The course's {@code grads["db" + l]}.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code db[l]}, shape {@code (n[l], 1)}
     */
    public Matrix db(int l) {
        return layer(l).db();
    }

    /**
     * The course's {@code grads["dA" + l]}: the gradient with respect to layer {@code l}'s input {@code A[l-1]}
     * (the {@code dA_prev} that layer {@code l}'s backward step returns).
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code dA[l-1]}, shape {@code (n[l-1], m)}
     */
    public Matrix dA(int l) {
        return layer(l).dAPrev();
    }

    /**
     * The parameter gradients as the library's {@link Gradients} ({@code dW} and {@code db} of every layer; the
     * {@code dA} are not parameter gradients and are left out).
     *
     * @return the gradients
     */
    public Gradients toGradients() {
        return new Gradients(layers.stream().map(LinearGradients::dW).toList(),
                layers.stream().map(LinearGradients::db).toList());
    }
}
