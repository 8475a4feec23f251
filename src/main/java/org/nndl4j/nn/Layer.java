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

    /** The number of units {@code n[l]}. */
    public int units() {
        return W.rows();
    }

    /** The number of inputs {@code n[l-1]}. */
    public int inputs() {
        return W.cols();
    }

    /** The number of parameters, {@code n[l]·n[l-1] + n[l]}. */
    public long parameterCount() {
        return (long) W.rows() * W.cols() + W.rows();
    }

    /**
     * {@code Z = W·APrev + b}.
     *
     * @throws ShapeException naming both shapes if {@code APrev} does not have {@code n[l-1]} rows
     */
    public Matrix linear(Matrix APrev) {
        Checks.notNull("Layer.linear", "APrev", APrev);
        return W.dot(APrev).plus(b);
    }

    /** {@code A = g(W·APrev + b)}. */
    public Matrix forward(Matrix APrev) {
        return activation.forward(linear(APrev));
    }
}
