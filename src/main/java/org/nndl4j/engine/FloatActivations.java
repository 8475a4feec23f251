package org.nndl4j.engine;

import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.nn.Activation;

/**
 * The hidden layers' activations in float32, for {@link FloatNetworkEngine}: {@link Activation}'s forward and
 * backward passes on float rows, computed in place ({@code A = g(Z)} overwrites Z; the backward pass reads A alone,
 * as {@link Activation#backward} can). Sigmoid and tanh are evaluated in double and rounded once.
 */
final class FloatActivations {

    private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

    private FloatActivations() {
    }

    /**
     * Refuses an activation the float32 path has no hidden-layer form of (softmax, which normalises a column).
     *
     * @param g the activation of hidden layer {@code l}
     * @param l the layer, 1-based
     */
    static void requireHidden(Activation g, int l) {
        if (!g.isElementWise()) {
            throw new Nndl4jException("FloatNetworkEngine: layer " + l + " is a hidden " + g.fileName()
                    + " layer; the float32 path has element-wise hidden layers only (softmax as the output layer)");
        }
    }

    /** {@code A = g(Z)} in place on the first {@code m} columns of each row. */
    static void forward(Activation g, float[][] Z, int m) {
        for (float[] z : Z) {
            switch (g) {
                case SIGMOID -> {
                    for (int j = 0; j < m; j++) {
                        z[j] = (float) (1.0 / (1.0 + Math.exp(-z[j])));
                    }
                }
                case TANH -> {
                    for (int j = 0; j < m; j++) {
                        z[j] = (float) MathFunctions.tanh(z[j]);
                    }
                }
                case RELU -> {
                    for (int j = 0; j < m; j++) {
                        z[j] = Math.max(z[j], 0.0f);
                    }
                }
                case LEAKY_RELU -> {
                    for (int j = 0; j < m; j++) {
                        z[j] = z[j] > 0.0f ? z[j] : (float) Activation.LEAKY_SLOPE * z[j];
                    }
                }
                case LINEAR -> {
                    // g(z) = z
                }
                default -> throw new IllegalStateException("no float32 form of " + g);
            }
        }
    }

    /**
     * {@code dZ = dA * g'(Z)} in place ({@code dA} becomes {@code dZ}), from {@code A = g(Z)}: {@code a > 0} exactly
     * when {@code z > 0} for ReLU and leaky ReLU.
     */
    static void backward(Activation g, float[][] dA, float[][] A, int m) {
        backward(g, dA, 0, A, 0, dA, 0, m);
    }

    /**
     * {@code dZ[i][to + j] = dA[i][from + j] * g'(A[i][at + j])} for {@code j < m}, from {@code A = g(Z)}; {@code dZ}
     * may be {@code dA} or {@code A} at the same columns (each value is read before it is written).
     */
    static void backward(Activation g, float[][] dA, int from, float[][] A, int at, float[][] dZ, int to, int m) {
        for (int i = 0; i < dA.length; i++) {
            float[] d = dA[i];
            float[] a = A[i];
            float[] z = dZ[i];
            switch (g) {
                case SIGMOID -> {
                    for (int j = 0; j < m; j++) {
                        float y = a[at + j];
                        z[to + j] = d[from + j] * y * (1.0f - y);
                    }
                }
                case TANH -> {
                    for (int j = 0; j < m; j++) {
                        float y = a[at + j];
                        z[to + j] = d[from + j] * (1.0f - y * y);
                    }
                }
                case RELU -> {
                    for (int j = 0; j < m; j++) {
                        // d = a > 0 ? d : 0, bit for bit, without a branch (a coin toss on a network's signs, which
                        // the processor mispredicts half the time): a > 0 exactly when a's bits, as a signed int, lie
                        // in [1, bits(+∞)] (NaN, ±0 and negative a outside); the mask keeps d's bits or clears them
                        int bits = Float.floatToRawIntBits(a[at + j]);
                        int keep = ~(((bits - 1) | (POSITIVE_INFINITY_BITS - bits)) >> 31);
                        z[to + j] = Float.intBitsToFloat(Float.floatToRawIntBits(d[from + j]) & keep);
                    }
                }
                case LEAKY_RELU -> {
                    for (int j = 0; j < m; j++) {
                        z[to + j] = a[at + j] > 0.0f ? d[from + j] : (float) Activation.LEAKY_SLOPE * d[from + j];
                    }
                }
                case LINEAR -> {
                    // g'(z) = 1
                    if (z != d || to != from) {
                        System.arraycopy(d, from, z, to, m);
                    }
                }
                default -> throw new IllegalStateException("no float32 form of " + g);
            }
        }
    }
}
