package org.nndl4j.nn;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * One fully connected layer: {@code A = g(W·APrev + b)}.
 *
 * @param W          the weights, {@code (n[l], n[l-1])}
 * @param b          the biases, {@code (n[l], 1)}
 * @param activation {@code g}
 */
public record Layer(Matrix W, Matrix b, Activation activation) {

    /**
     * @param W          the weights, {@code (n[l], n[l-1])}
     * @param b          the biases, {@code (n[l], 1)}
     * @param activation {@code g}
     * @throws IllegalArgumentException if an argument is null
     * @throws ShapeException           if {@code b} is not {@code (n[l], 1)} for {@code W} of {@code n[l]} rows
     */
    public Layer {
        Checks.notNull("Layer", "W", W);
        Checks.notNull("Layer", "b", b);
        Checks.notNull("Layer", "activation", activation);
        if (b.rows() != W.rows() || b.cols() != 1) {
            throw new ShapeException("Layer", W.shape(), b.shape(), "(W, b) do not fit: b must be (" + W.rows() + ", 1)");
        }
    }

    /**
     * The number of units {@code n[l]}.
     *
     * @return {@code n[l]}, the rows of {@code W}
     */
    public int units() {
        return W.rows();
    }

    /**
     * The number of inputs {@code n[l-1]}.
     *
     * @return {@code n[l-1]}, the columns of {@code W}
     */
    public int inputs() {
        return W.cols();
    }

    /**
     * The number of parameters, {@code n[l]·n[l-1] + n[l]}.
     *
     * @return the number of weights and biases
     */
    public long parameterCount() {
        return (long) W.rows() * W.cols() + W.rows();
    }

    /**
     * {@code Z = W·APrev + b}.
     *
     * @param APrev the layer's input, {@code (n[l-1], m)}
     * @return a new {@code (n[l], m)} matrix
     * @throws ShapeException naming both shapes if {@code APrev} does not have {@code n[l-1]} rows
     */
    public Matrix linear(Matrix APrev) {
        Checks.notNull("Layer.linear", "APrev", APrev);
        return W.dot(APrev).plus(b);
    }

    /**
     * {@code A = g(W·APrev + b)}.
     *
     * @param APrev the layer's input, {@code (n[l-1], m)}
     * @return a new {@code (n[l], m)} matrix
     */
    public Matrix forward(Matrix APrev) {
        return activation.forward(linear(APrev));
    }
}
