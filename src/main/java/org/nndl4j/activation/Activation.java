package org.nndl4j.activation;

import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The activation functions of the course, each with its forward and backward pass side by side.
 *
 * <p>{@link #forward} computes {@code A = g(Z)}; {@link #backward} computes
 * {@code dZ = dA * g'(Z)} (spec equation 1.4.7) from the upstream gradient and the cached {@code Z}.
 * The array variants ({@link #forward(double[], double[], int)} and
 * {@link #backward(double[], double[], double[], double[], int)}) are the same maths on raw
 * row-major buffers, with explicit outputs, for training loops that reuse memory.
 */
public enum Activation {

    /** {@code σ(z) = 1 / (1 + e^-z)}, {@code σ'(z) = σ(z)(1 - σ(z))}. */
    SIGMOID {
        @Override
        public double apply(double z) {
            return 1.0 / (1.0 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1.0 - a);
        }

        @Override
        public void forward(double[] z, double[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
            }
        }

        @Override
        public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
            for (int i = 0; i < n; i++) {
                // dZ = dA * s * (1 - s), in the course's order of operations
                double s = a[i];
                dZ[i] = dA[i] * s * (1.0 - s);
            }
        }
    },

    /** {@code tanh(z)} (see {@link MathFunctions#tanh}), {@code tanh'(z) = 1 - tanh(z)²}. */
    TANH {
        @Override
        public double apply(double z) {
            return MathFunctions.tanh(z);
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0 - a * a;
        }

        @Override
        public void forward(double[] z, double[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = MathFunctions.tanh(z[i]);
            }
        }

        @Override
        public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
            for (int i = 0; i < n; i++) {
                dZ[i] = dA[i] * (1.0 - a[i] * a[i]);
            }
        }
    },

    /** {@code max(0, z)}; its derivative is 1 for {@code z > 0} and 0 otherwise (also at 0, as the course's relu_backward). */
    RELU {
        @Override
        public double apply(double z) {
            return z > 0.0 ? z : (z == z ? 0.0 : z);
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0.0 ? 1.0 : 0.0;
        }

        @Override
        public void forward(double[] z, double[] a, int n) {
            for (int i = 0; i < n; i++) {
                a[i] = apply(z[i]);
            }
        }

        @Override
        public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
            for (int i = 0; i < n; i++) {
                dZ[i] = z[i] > 0.0 ? dA[i] : 0.0;
            }
        }
    };

    /** {@code g(z)} for one value. */
    public abstract double apply(double z);

    /** {@code g'(z)}, given {@code z} and {@code a = g(z)} (whichever is cheaper to use). */
    public abstract double derivative(double z, double a);

    /** {@code a[i] = g(z[i])} for the first {@code n} elements; writes only {@code a}. */
    public abstract void forward(double[] z, double[] a, int n);

    /**
     * {@code dZ[i] = dA[i] * g'(z[i])} for the first {@code n} elements, where {@code a = g(z)}; writes only
     * {@code dZ} (which may be the same array as {@code dA}).
     */
    public abstract void backward(double[] dA, double[] z, double[] a, double[] dZ, int n);

    /** {@code A = g(Z)}, element-wise. */
    public Matrix forward(Matrix Z) {
        if (Z == null) {
            throw new IllegalArgumentException(name().toLowerCase() + " forward: Z is null");
        }
        return Z.map(this::apply);
    }

    /**
     * {@code dZ = dA * g'(Z)}, element-wise, for the cached pre-activation {@code Z}.
     *
     * @throws ShapeException if {@code dA} and {@code Z} differ in shape
     */
    public Matrix backward(Matrix dA, Matrix Z) {
        String op = name().toLowerCase() + " backward";
        if (dA == null || Z == null) {
            throw new IllegalArgumentException(op + ": dA and Z must not be null");
        }
        if (!dA.shape().equals(Z.shape())) {
            throw new ShapeException(op, dA.shape(), Z.shape(), "differ: dA must have the shape of Z");
        }
        double[] z = Z.toRowMajor();
        double[] a = new double[z.length];
        forward(z, a, z.length);
        double[] dZ = dA.toRowMajor();
        backward(dZ, z, a, dZ, z.length);
        return Matrix.fromRowMajor(Z.rows(), Z.cols(), dZ);
    }
}
