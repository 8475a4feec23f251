package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.MathFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The cost a classifier is trained on, paired with its output activation. Both pairs have the same exact fused
 * output gradient, {@code dZ[L] = A[L] - Y} (per example; the trainers divide by {@code m} in {@code dW} and
 * {@code db}).
 */
public enum Loss {

    /**
     * The course's binary cross-entropy, for a {@link Activation#SIGMOID} output of one unit and labels 0/1 of shape
     * {@code (1, m)}: {@code J = -(1/m) Σ [ y log(a) + (1 - y) log(1 - a) ]}, the two dot products summed separately
     * as the course's {@code np.dot} does. A prediction of exactly 0 or 1 on the wrong label gives an infinite cost;
     * a saturated right one adds nothing (the second course's {@code nansum}).
     */
    BINARY_CROSS_ENTROPY(Activation.SIGMOID) {
        @Override
        public double cost(double[][] AL, double[][] Y, int m) {
            double yLogA = 0.0;
            double notYLogNotA = 0.0;
            for (int i = 0; i < AL.length; i++) {
                double[] a = AL[i];
                double[] y = Y[i];
                for (int j = 0; j < m; j++) {
                    // a term whose label factor is 0 is left out (it adds ±0, or NaN where the output saturated:
                    // the course's nansum leaves those out too, so a saturated wrong output gives +inf, not NaN)
                    if (y[j] != 0.0) {
                        yLogA += y[j] * Math.log(a[j]);
                    }
                    if (y[j] != 1.0) {
                        notYLogNotA += (1.0 - y[j]) * Math.log(1.0 - a[j]);
                    }
                }
            }
            return -(yLogA + notYLogNotA) / m;
        }

        @Override
        public double sum(double[][] AL, double[][] Y, int m) {
            // logprobs = -log(a)·y + -log(1 - a)·(1 - y); np.sum(logprobs), pairwise as numpy
            double[] terms = scratch(AL.length * m);
            for (int i = 0; i < AL.length; i++) {
                double[] a = AL[i];
                double[] y = Y[i];
                for (int j = 0; j < m; j++) {
                    // for a label of exactly 1 or 0 the other term is ±0 and leaves the sum's bits alone (unless it
                    // is NaN, which the course's 0·log(0) would give and a library should not)
                    double yj = y[j];
                    terms[i * m + j] = yj == 1.0 ? -Math.log(a[j]) : yj == 0.0 ? -Math.log(1.0 - a[j])
                            : -Math.log(a[j]) * yj + -Math.log(1.0 - a[j]) * (1.0 - yj);
                }
            }
            return MathFunctions.pairwiseSum(terms, 0, AL.length * m);
        }

        @Override
        Matrix gradient(Matrix AL, Matrix Y) {
            // dAL = -(Y / AL - (1 - Y) / (1 - AL))
            return Y.div(AL).minus(Y.rsub(1.0).div(AL.rsub(1.0))).negate();
        }

        @Override
        void checkLabels(String operation, Matrix Y, int outputUnits) {
            if (outputUnits != 1 || Y.rows() != 1) {
                throw new Nndl4jException(operation + ": a SIGMOID output with the binary cross-entropy needs one "
                        + "output unit and labels of shape (1, m), got " + outputUnits + " output units and labels of shape "
                        + Y.shape() + (Y.rows() > 1 ? "; for " + Y.rows() + " one-hot classes use a SOFTMAX output" : ""));
            }
            for (int j = 0; j < Y.cols(); j++) {
                double y = Y.get(0, j);
                if (y != 0.0 && y != 1.0) {
                    throw new Nndl4jException(operation + ": binary labels must be 0 or 1, but Y[0, " + j + "] = " + y);
                }
            }
        }
    },

    /**
     * The categorical cross-entropy, for a {@link Activation#SOFTMAX} output of {@code C >= 2} units and one-hot labels
     * of shape {@code (C, m)}: {@code J = -(1/m) Σ_ij y_ij log(a_ij)}, summed pairwise over the row-major elements as
     * numpy's {@code np.sum(Y * np.log(A))} does. Terms with {@code y = 0} contribute exactly 0 (numpy's
     * {@code 0·log(0)} would make the cost NaN when a probability underflows).
     */
    CATEGORICAL_CROSS_ENTROPY(Activation.SOFTMAX) {
        @Override
        public double cost(double[][] AL, double[][] Y, int m) {
            int classes = AL.length;
            // the thread's reused scratch, as sum does: a full-batch step allocates nothing
            double[] terms = scratch(classes * m);
            for (int i = 0; i < classes; i++) {
                double[] a = AL[i];
                double[] y = Y[i];
                for (int j = 0; j < m; j++) {
                    terms[i * m + j] = y[j] == 0.0 ? 0.0 : y[j] * Math.log(a[j]);
                }
            }
            // + 0.0 turns the -0.0 of a perfect prediction into 0.0 and changes no other value
            return -MathFunctions.pairwiseSum(terms, 0, classes * m) / m + 0.0;
        }

        @Override
        public double sum(double[][] AL, double[][] Y, int m) {
            // -np.sum(Y * np.log(A)), pairwise as numpy
            double[] terms = scratch(AL.length * m);
            for (int i = 0; i < AL.length; i++) {
                double[] a = AL[i];
                double[] y = Y[i];
                for (int j = 0; j < m; j++) {
                    terms[i * m + j] = y[j] == 0.0 ? 0.0 : y[j] * Math.log(a[j]);
                }
            }
            return -MathFunctions.pairwiseSum(terms, 0, AL.length * m) + 0.0;
        }

        @Override
        Matrix gradient(Matrix AL, Matrix Y) {
            // dAL = -Y / AL
            return Y.div(AL).negate();
        }

        @Override
        void checkLabels(String operation, Matrix Y, int outputUnits) {
            if (outputUnits < 2 || Y.rows() != outputUnits) {
                throw new Nndl4jException(operation + ": a SOFTMAX output with the categorical cross-entropy needs "
                        + "C >= 2 output units and one-hot labels of shape (C, m), got " + outputUnits
                        + " output units and labels of shape " + Y.shape()
                        + (Y.rows() == 1 ? "; for binary 0/1 labels use a SIGMOID output of one unit" : ""));
            }
            for (int j = 0; j < Y.cols(); j++) {
                int ones = 0;
                for (int i = 0; i < Y.rows(); i++) {
                    double y = Y.get(i, j);
                    if (y != 0.0 && y != 1.0) {
                        throw new Nndl4jException(operation + ": one-hot labels must be 0 or 1, but Y[" + i + ", " + j
                                + "] = " + y);
                    }
                    ones += (int) y;
                }
                if (ones != 1) {
                    throw new Nndl4jException(operation + ": one-hot column " + j + " of Y has " + ones
                            + " ones, expected exactly 1");
                }
            }
        }
    };

    /** Per-thread room for the terms of a sum, grown as needed: a training step allocates nothing for its cost. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    private final Activation output;

    private static double[] scratch(int n) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
    }

    Loss(Activation output) {
        this.output = output;
    }

    /**
     * The output activation this loss pairs with ({@code dZ = A - Y} holds only for that pair).
     *
     * @return the output activation
     */
    public Activation output() {
        return output;
    }

    /**
     * The cost on a layer held as rows: {@code AL[i]} and {@code Y[i]} are output unit {@code i}'s row over the first
     * {@code m} examples.
     *
     * @param AL the predictions, one row per output unit; not modified
     * @param Y  the labels, one row per output unit; not modified
     * @param m  the number of examples (columns) to use
     * @return the mean loss over the {@code m} examples
     */
    public abstract double cost(double[][] AL, double[][] Y, int m);

    /**
     * The summed loss of {@code m} examples held as rows, as the second course's mini-batch code sums it
     * ({@code np.sum(logprobs)}, pairwise): an epoch's cost is the sum over its batches divided by the number of
     * examples.
     *
     * @param AL predictions, one row per output unit
     * @param Y  labels, the same rows
     * @param m  the number of examples (columns used)
     * @return the sum of the per-example losses
     */
    public abstract double sum(double[][] AL, double[][] Y, int m);

    abstract void checkLabels(String operation, Matrix Y, int outputUnits);

    abstract Matrix gradient(Matrix AL, Matrix Y);

    /**
     * {@code dAL}, the gradient of the summed loss {@code m·J} with respect to the predictions (the course's
     * {@code dAL}; with the paired output activation, {@code dZL = dAL * g'(ZL) = AL - Y}).
     *
     * @param AL predictions
     * @param Y  labels of the same shape
     * @return {@code dAL}, of their shape
     * @throws ShapeException if the shapes differ
     */
    public Matrix outputGradient(Matrix AL, Matrix Y) {
        Checks.sameShape("costGradient", "AL", AL, "Y", Y);
        return gradient(AL, Y);
    }

    /**
     * The cost of predictions {@code AL} against labels {@code Y} of the same shape. Refusals name
     * {@code Loss.cost}; a course function that delegates here checks its arguments first, under its own name.
     *
     * @param AL the predictions, {@code (n[L], m)}
     * @param Y  the labels, of {@code AL}'s shape
     * @return the mean loss over the {@code m} examples
     * @throws IllegalArgumentException if an argument is null
     * @throws ShapeException           if the shapes differ; the message names both
     */
    public double cost(Matrix AL, Matrix Y) {
        Checks.sameShape("Loss.cost", "AL", AL, "Y", Y);
        return cost(AL.toArray(), Y.toArray(), Y.cols());
    }

    /**
     * The loss that trains a network whose output layer has activation {@code output}.
     *
     * @param output the output layer's activation
     * @return the loss that pairs with it
     * @throws IllegalArgumentException naming what fits if no loss pairs with {@code output}
     */
    public static Loss forOutput(Activation output) {
        for (Loss loss : values()) {
            if (loss.output == output) {
                return loss;
            }
        }
        throw new Nndl4jException("no loss pairs with a " + output + " output: train a classifier with a SIGMOID "
                + "output (one unit, binary cross-entropy) or a SOFTMAX output (C units, categorical cross-entropy)");
    }

    /**
     * Checks that labels {@code Y} fit this loss and a network of {@code outputUnits} output units.
     *
     * @param operation   named in the message
     * @param Y           the labels, {@code (outputUnits, m)}
     * @param outputUnits the number of output units {@code n[L]}
     * @throws IllegalArgumentException saying what fits (e.g. softmax with binary labels, sigmoid with 10 rows)
     */
    public void requireLabels(String operation, Matrix Y, int outputUnits) {
        Checks.notNull(operation, "Y", Y);
        checkLabels(operation, Y, outputUnits);
    }
}
