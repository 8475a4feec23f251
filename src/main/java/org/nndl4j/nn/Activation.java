package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The activation functions of a layer, each with its forward and backward pass side by side.
 *
 * <p>{@link #forward(Matrix)} computes {@code A = g(Z)}; {@link #backward(Matrix, Matrix)} computes
 * {@code dZ = dA * g'(Z)} (the chain rule through the activation) from the upstream gradient and the cached
 * {@code Z}. Every activation but {@link #SOFTMAX} is element-wise; softmax works on each column (one example)
 * as a whole.
 *
 * <p>Two forms of the same maths: on {@link Matrix} values (allocating, for the course's building blocks), and on
 * raw buffers with explicit outputs (for training loops that reuse memory): {@link #forward(double[][], double[][], int)}
 * and {@link #backward(double[][], double[][], double[][], double[][], int)} on a layer held as rows, and, for the
 * element-wise activations, {@link #forward(double[], double[], int)} on one row.
 */
public enum Activation {

    /** {@code σ(z) = 1 / (1 + e^-z)}, {@code σ'(z) = σ(z)(1 - σ(z))}. The output of a binary classifier. */
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
                // max(z, 0) without a branch: Math.max keeps NaN, and gives +0.0 for -0.0 as apply does
                a[i] = Math.max(z[i], 0.0);
            }
        }

        /**
         * {@code dZ = z > 0 ? dA : 0}, bit for bit, without a branch: on the signs of a network's pre-activations a
         * branch is a coin toss the processor mispredicts half the time (measured: 4.8 against 0.6 ns an element).
         * {@code z > 0} exactly when z's bits, as a signed long, lie in {@code [1, bits(+∞)]} (NaN, ±0 and negative
         * z outside); the mask keeps dA's bits or clears them to {@code +0.0}.
         */
        @Override
        public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
            for (int i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(z[i]);
                long keep = ~(((bits - 1) | (POSITIVE_INFINITY_BITS - bits)) >> 63);
                dZ[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(dA[i]) & keep);
            }
        }
    },

    /**
     * {@code z} for {@code z > 0}, {@code 0.01·z} otherwise; its derivative is 1 for {@code z > 0} and 0.01 otherwise
     * (also at 0, like {@link #RELU}).
     */
    LEAKY_RELU {
        @Override
        public double apply(double z) {
            return z > 0.0 ? z : LEAKY_SLOPE * z;
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0.0 ? 1.0 : LEAKY_SLOPE;
        }
    },

    /** The identity, {@code g(z) = z}, {@code g'(z) = 1}: a layer that stays linear. */
    LINEAR {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0;
        }
    },

    /**
     * {@code softmax(z)_i = e^{z_i - max z} / Σ_k e^{z_k - max z}} over each column: one example's outputs become
     * class probabilities. Subtracting the column's maximum first keeps every exponent {@code <= 0}, so nothing
     * overflows and at least one term of the sum is 1. Backward: {@code dZ = A * (dA - Σ_i dA_i·A_i)} per column (the
     * Jacobian-vector product); with the categorical cross-entropy the two fuse into {@code dZ = A - Y}
     * ({@link Loss#CATEGORICAL_CROSS_ENTROPY}). Not element-wise: {@link #apply} and {@link #derivative} refuse.
     */
    SOFTMAX {
        @Override
        public double apply(double z) {
            throw notElementWise("apply");
        }

        @Override
        public double derivative(double z, double a) {
            throw notElementWise("derivative");
        }

        @Override
        public void forward(double[] z, double[] a, int n) {
            throw notElementWise("forward on one row");
        }

        @Override
        public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
            throw notElementWise("backward on one row");
        }

        @Override
        public void forward(double[][] Z, double[][] A, int m) {
            double[] max = scratch(0, m);
            double[] sum = scratch(1, m);
            java.util.Arrays.fill(max, 0, m, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(sum, 0, m, 0.0);
            for (double[] z : Z) {
                for (int j = 0; j < m; j++) {
                    // NaN propagates: max stays NaN once it has seen one
                    max[j] = z[j] > max[j] || z[j] != z[j] ? z[j] : max[j];
                }
            }
            for (int i = 0; i < Z.length; i++) {
                double[] z = Z[i];
                double[] a = A[i];
                for (int j = 0; j < m; j++) {
                    // e = exp(z - max z), summed row after row as numpy's E.sum(axis=0) does
                    a[j] = Math.exp(z[j] - max[j]);
                    sum[j] += a[j];
                }
            }
            for (double[] a : A) {
                for (int j = 0; j < m; j++) {
                    a[j] = a[j] / sum[j];
                }
            }
        }

        @Override
        public void backward(double[][] dA, double[][] Z, double[][] A, double[][] dZ, int m) {
            // dZ = A * (dA - Σ_i dA_i A_i), column by column
            double[] dot = scratch(0, m);
            java.util.Arrays.fill(dot, 0, m, 0.0);
            for (int i = 0; i < A.length; i++) {
                for (int j = 0; j < m; j++) {
                    dot[j] += dA[i][j] * A[i][j];
                }
            }
            for (int i = 0; i < A.length; i++) {
                for (int j = 0; j < m; j++) {
                    dZ[i][j] = A[i][j] * (dA[i][j] - dot[j]);
                }
            }
        }
    };

    /** The bits of {@code +∞}, the largest positive double's bits but for NaNs'. */
    private static final long POSITIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /** The slope of {@link #LEAKY_RELU} below 0. */
    public static final double LEAKY_SLOPE = 0.01;

    /** Per-thread column sums for softmax, grown as needed: a training step allocates nothing for them. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[2][0]);

    private static double[] scratch(int k, int m) {
        double[][] holder = SCRATCH.get();
        if (holder[k].length < m) {
            holder[k] = new double[m];
        }
        return holder[k];
    }

    /**
     * {@code g(z)} for one value.
     *
     * @param z the pre-activation
     * @return {@code g(z)}
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which is not element-wise
     */
    public abstract double apply(double z);

    /**
     * {@code g'(z)}, given {@code z} and {@code a = g(z)} (whichever is cheaper to use).
     *
     * @param z the pre-activation
     * @param a {@code g(z)}
     * @return {@code g'(z)}
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which is not element-wise
     */
    public abstract double derivative(double z, double a);

    /**
     * Whether {@code g} acts on each value alone (all but {@link #SOFTMAX}).
     *
     * @return false only for {@link #SOFTMAX}, which normalises over a column
     */
    public boolean isElementWise() {
        return this != SOFTMAX;
    }

    /**
     * {@code a[i] = g(z[i])} for the first {@code n} elements of one row; writes only {@code a}.
     *
     * @param z the pre-activations; not modified
     * @param a receives {@code g(z)}; modified
     * @param n the number of elements to compute
     * @throws UnsupportedOperationException for {@link #SOFTMAX}
     */
    public void forward(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = apply(z[i]);
        }
    }

    /**
     * {@code dZ[i] = dA[i] * g'(z[i])} for the first {@code n} elements of one row, where {@code a = g(z)}; writes only
     * {@code dZ} (which may be the same array as {@code dA}).
     *
     * @param dA the gradient with respect to {@code a}
     * @param z  the pre-activations; not modified
     * @param a  {@code g(z)}; not modified
     * @param dZ receives the gradient with respect to {@code z}; modified
     * @param n  the number of elements to compute
     * @throws UnsupportedOperationException for {@link #SOFTMAX}
     */
    public void backward(double[] dA, double[] z, double[] a, double[] dZ, int n) {
        for (int i = 0; i < n; i++) {
            dZ[i] = dA[i] * derivative(z[i], a[i]);
        }
    }

    /**
     * {@code A = g(Z)} on a layer held as rows ({@code Z[i]} is unit {@code i}'s row over the first {@code m} examples);
     * writes only {@code A}.
     *
     * @param Z the pre-activations, one row per unit; not modified
     * @param A receives {@code g(Z)}, one row per unit; modified
     * @param m the number of examples (columns) to compute
     */
    public void forward(double[][] Z, double[][] A, int m) {
        for (int i = 0; i < Z.length; i++) {
            forward(Z[i], A[i], m);
        }
    }

    /**
     * {@code dZ = dA * g'(Z)} on a layer held as rows, where {@code A = g(Z)}; writes only {@code dZ} (which may be
     * {@code dA}).
     *
     * @param dA the gradient with respect to {@code A}, one row per unit
     * @param Z  the pre-activations; not modified
     * @param A  {@code g(Z)}; not modified
     * @param dZ receives the gradient with respect to {@code Z}; modified
     * @param m  the number of examples (columns) to compute
     */
    public void backward(double[][] dA, double[][] Z, double[][] A, double[][] dZ, int m) {
        for (int i = 0; i < Z.length; i++) {
            backward(dA[i], Z[i], A[i], dZ[i], m);
        }
    }

    /**
     * {@code A = g(Z)}; for {@link #SOFTMAX} column by column.
     *
     * @param Z the pre-activations, one example per column
     * @return a new matrix of {@code Z}'s shape
     */
    public Matrix forward(Matrix Z) {
        if (Z == null) {
            throw new Nndl4jException(opName("forward") + ": Z is null");
        }
        if (isElementWise()) {
            return Z.map(this::apply);
        }
        double[][] z = Z.toArray();
        double[][] a = new double[Z.rows()][Z.cols()];
        forward(z, a, Z.cols());
        return Matrix.of(a);
    }

    /**
     * {@code dZ = dA * g'(Z)} for the cached pre-activation {@code Z} (for {@link #SOFTMAX}, the product of each
     * column's Jacobian with {@code dA}).
     *
     * @param dA the gradient of the cost with respect to {@code A = g(Z)}
     * @param Z  the cached pre-activation
     * @return {@code dZ}, of {@code Z}'s shape
     * @throws ShapeException if {@code dA} and {@code Z} differ in shape
     */
    public Matrix backward(Matrix dA, Matrix Z) {
        String op = opName("backward");
        if (dA == null || Z == null) {
            throw new Nndl4jException(op + ": dA and Z must not be null");
        }
        if (!dA.shape().equals(Z.shape())) {
            throw new ShapeException(op, dA.shape(), Z.shape(), "differ: dA must have the shape of Z");
        }
        double[][] z = Z.toArray();
        double[][] a = new double[Z.rows()][Z.cols()];
        forward(z, a, Z.cols());
        double[][] dZ = dA.toArray();
        backward(dZ, z, a, dZ, Z.cols());
        return Matrix.of(dZ);
    }

    /**
     * The name files and messages use: {@code relu}, {@code leaky_relu}, {@code softmax}, ...
     *
     * @return the lower-case name
     */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private String opName(String pass) {
        return fileName() + " " + pass;
    }

    private static UnsupportedOperationException notElementWise(String what) {
        return new UnsupportedOperationException("softmax " + what + ": softmax is not element-wise, it normalises "
                + "each column; use forward(Matrix)/backward(Matrix, Matrix) or the double[][] forms");
    }
}
