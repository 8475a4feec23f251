package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * An optimizer's state during one training: per layer, the velocities {@code v} and squared-gradient averages
 * {@code s} of {@code W} and {@code b} (zero at the start, only those the optimizer uses), and the step counter
 * {@code t}. Allocated once; {@link #update} changes the parameters and the state in place and allocates nothing of
 * the parameters' size. Arrays hold layer {@code l} at index {@code l} (1-based).
 */
public final class OptimizerState implements ParameterUpdate {

    /** Rows shorter than this take {@link #adamShortRow}, a copy of the loop with a profile of its own. */
    private static final int SHORT_ROW = 8;

    private final Optimizer optimizer;
    private final double[][][] vW;
    private final double[][] vb;
    private final double[][][] sW;
    private final double[][] sb;
    private int t;
    private double learningRate;

    OptimizerState(Optimizer optimizer, int[] layerDims) {
        if (optimizer == null || layerDims == null || layerDims.length < 2) {
            throw new Nndl4jException("OptimizerState: need an optimizer and layer sizes [n0, ..., nL]");
        }
        this.optimizer = optimizer;
        int L = layerDims.length - 1;
        boolean velocity = optimizer instanceof Optimizer.Momentum || optimizer instanceof Optimizer.Adam;
        boolean squares = optimizer instanceof Optimizer.RmsProp || optimizer instanceof Optimizer.Adam;
        vW = velocity ? new double[L + 1][][] : null;
        vb = velocity ? new double[L + 1][] : null;
        sW = squares ? new double[L + 1][][] : null;
        sb = squares ? new double[L + 1][] : null;
        for (int l = 1; l <= L; l++) {
            if (velocity) {
                vW[l] = new double[layerDims[l]][layerDims[l - 1]];
                vb[l] = new double[layerDims[l]];
            }
            if (squares) {
                sW[l] = new double[layerDims[l]][layerDims[l - 1]];
                sb[l] = new double[layerDims[l]];
            }
        }
    }

    /** @return the optimizer this state belongs to */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the number of steps taken, {@code t} */
    public int steps() {
        return t;
    }

    /**
     * What this state holds, copied: the step counter {@code t} and, per layer (index {@code l - 1} for layer
     * {@code l}), the moments the optimizer keeps; empty lists for those it does not keep. With {@link #restore} this
     * is how a checkpoint saves and resumes an optimizer exactly.
     *
     * @param steps the number of steps taken, {@code t >= 0}
     * @param vW    velocities of {@code W[l]} (momentum, Adam), {@code (n[l], n[l-1])} each, or empty
     * @param vb    velocities of {@code b[l]}, {@code (n[l], 1)} each, or empty
     * @param sW    squared-gradient averages of {@code W[l]} (RMSprop, Adam), or empty
     * @param sb    squared-gradient averages of {@code b[l]}, or empty
     */
    public record Moments(int steps, List<Matrix> vW, List<Matrix> vb, List<Matrix> sW, List<Matrix> sb) {

        /**
         * @param steps {@code t >= 0}
         * @param vW    velocities of the weights, or empty
         * @param vb    velocities of the biases, or empty
         * @param sW    squared-gradient averages of the weights, or empty
         * @param sb    squared-gradient averages of the biases, or empty
         * @throws IllegalArgumentException if {@code steps < 0} or a list is null
         */
        public Moments {
            if (steps < 0) {
                throw new Nndl4jException("OptimizerState.Moments: steps must be >= 0, got " + steps);
            }
            if (vW == null || vb == null || sW == null || sb == null) {
                throw new Nndl4jException("OptimizerState.Moments: the lists must not be null (empty if unused)");
            }
            vW = List.copyOf(vW);
            vb = List.copyOf(vb);
            sW = List.copyOf(sW);
            sb = List.copyOf(sb);
        }
    }

    /**
     * A copy of the step counter and the moments as they are now.
     *
     * @return the moments (empty lists for those this optimizer does not keep)
     */
    public Moments moments() {
        return new Moments(t, matrices(vW), vectors(vb), matrices(sW), vectors(sb));
    }

    /**
     * Sets the step counter and the moments to {@code saved} (copied), as {@link #moments()} returned them from a
     * state of the same optimizer and layer sizes.
     *
     * @param saved the moments to continue from
     * @throws IllegalArgumentException if {@code saved} is null, holds moments this optimizer does not keep or lacks
     *                                  some it keeps, or a shape differs from this state's (naming both shapes)
     */
    public void restore(Moments saved) {
        if (saved == null) {
            throw new Nndl4jException("OptimizerState.restore: saved is null");
        }
        restoreMatrices("vW", vW, saved.vW());
        restoreVectors("vb", vb, saved.vb());
        restoreMatrices("sW", sW, saved.sW());
        restoreVectors("sb", sb, saved.sb());
        t = saved.steps();
    }

    private static List<Matrix> matrices(double[][][] M) {
        List<Matrix> out = new ArrayList<>();
        for (int l = 1; M != null && l < M.length; l++) {
            out.add(Matrix.of(M[l]));
        }
        return out;
    }

    private static List<Matrix> vectors(double[][] v) {
        List<Matrix> out = new ArrayList<>();
        for (int l = 1; v != null && l < v.length; l++) {
            out.add(Matrix.columnVector(v[l]));
        }
        return out;
    }

    private void restoreMatrices(String name, double[][][] into, List<Matrix> from) {
        int layers = into == null ? 0 : into.length - 1;
        requireCount(name, layers, from.size());
        for (int l = 1; l <= layers; l++) {
            Matrix M = from.get(l - 1);
            requireShape(name, l, into[l].length, into[l][0].length, M);
            double[][] rows = M.toArray();
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, into[l][i], 0, rows[i].length);
            }
        }
    }

    private void restoreVectors(String name, double[][] into, List<Matrix> from) {
        int layers = into == null ? 0 : into.length - 1;
        requireCount(name, layers, from.size());
        for (int l = 1; l <= layers; l++) {
            Matrix v = from.get(l - 1);
            requireShape(name, l, into[l].length, 1, v);
            System.arraycopy(v.toRowMajor(), 0, into[l], 0, into[l].length);
        }
    }

    private void requireCount(String name, int layers, int given) {
        if (given != layers) {
            throw new Nndl4jException("OptimizerState.restore: " + optimizer + " keeps " + name + " for " + layers
                    + " layers, the saved moments hold " + given);
        }
    }

    private static void requireShape(String name, int l, int rows, int cols, Matrix given) {
        if (given == null) {
            throw new Nndl4jException("OptimizerState.restore: " + name + l + " is null");
        }
        if (given.rows() != rows || given.cols() != cols) {
            throw new ShapeException("OptimizerState.restore", name + l + " of shape (" + rows + ", " + cols + ")",
                    given.shape());
        }
    }

    /**
     * Counts one more step ({@code t = t + 1}) and returns the update of that step at learning rate {@code α}, to be
     * applied to every layer (this state itself: nothing is allocated).
     *
     * @param learningRate {@code α}
     * @return the update rule of step {@code t}
     */
    public ParameterUpdate step(double learningRate) {
        t++;
        this.learningRate = learningRate;
        return this;
    }

    /**
     * Layer {@code l}'s update of the current step (see {@link #step}); modifies {@code W}, {@code b} and this state.
     */
    @Override
    public void update(int l, double[][] W, double[] b, double[][] dW, double[] db) {
        update(l, W, b, dW, db, learningRate, t);
    }

    /**
     * One layer's update at learning rate {@code α} and step {@code t} (see {@link Optimizer}); modifies {@code W},
     * {@code b} and this state's buffers of layer {@code l}.
     */
    void update(int l, double[][] W, double[] b, double[][] dW, double[] db, double learningRate, int step) {
        // Adam's bias corrections 1 - β1^t and 1 - β2^t, once per layer rather than per row (a power is a few dozen
        // nanoseconds: about 6 % of a digits step when it was taken per row)
        double c1 = optimizer instanceof Optimizer.Adam a ? 1 - Math.pow(a.beta1(), step) : Double.NaN;
        double c2 = optimizer instanceof Optimizer.Adam a ? 1 - Math.pow(a.beta2(), step) : Double.NaN;
        if (W.length > 0 && Gemm.splitsRows((long) W.length * W[0].length)) {
            // a large layer's rows over the training's threads: each row's update is its own
            Gemm.forRows(W.length, (r0, r1) -> updateRows(l, W, dW, r0, r1, learningRate, c1, c2));
        } else {
            updateRows(l, W, dW, 0, W.length, learningRate, c1, c2);
        }
        updateRow(b, db, vb == null ? null : vb[l], sb == null ? null : sb[l], learningRate, c1, c2);
    }

    private void updateRows(int l, double[][] W, double[][] dW, int r0, int r1, double learningRate, double c1,
                            double c2) {
        for (int i = r0; i < r1; i++) {
            updateRow(W[i], dW[i], vW == null ? null : vW[l][i], sW == null ? null : sW[l][i], learningRate, c1, c2);
        }
    }

    /**
     * Adam's update of one row: {@code v = β1 v + (1 - β1) dW}, {@code v̂ = v / c1}; {@code s = β2 s + (1 - β2) dW²},
     * {@code ŝ = s / c2}; {@code W = W - α v̂ / (sqrt(ŝ) + ε)}.
     */
    private static void adamRow(double[] p, double[] dp, double[] v, double[] s, double lr, double beta1,
                                double beta2, double epsilon, double c1, double c2) {
        for (int j = 0; j < p.length; j++) {
            v[j] = beta1 * v[j] + (1 - beta1) * dp[j];
            double vHat = v[j] / c1;
            s[j] = beta2 * s[j] + (1 - beta2) * (dp[j] * dp[j]);
            double sHat = s[j] / c2;
            p[j] = p[j] - lr * vHat / (Math.sqrt(sHat) + epsilon);
        }
    }

    /**
     * {@link #adamRow}, the same loop, for rows shorter than {@value #SHORT_ROW}. A loop's compiled code follows the
     * trip counts seen when it was compiled: C2 unrolls it (and so vectorises it) only as far as they go, and keeps
     * that code. With one loop for every row, a training of a small network first (the moons: rows of 1 to 5) left
     * a larger one later in the process (the digits: rows of 10 to 64) with scalar code, and its whole training 25–35 %
     * slower (0.46 s to 0.58–0.62 s; the update went from 11 % to 30 % of it). Two copies keep two profiles.
     */
    private static void adamShortRow(double[] p, double[] dp, double[] v, double[] s, double lr, double beta1,
                                     double beta2, double epsilon, double c1, double c2) {
        for (int j = 0; j < p.length; j++) {
            v[j] = beta1 * v[j] + (1 - beta1) * dp[j];
            double vHat = v[j] / c1;
            s[j] = beta2 * s[j] + (1 - beta2) * (dp[j] * dp[j]);
            double sHat = s[j] / c2;
            p[j] = p[j] - lr * vHat / (Math.sqrt(sHat) + epsilon);
        }
    }

    /** One row's update; {@code c1}, {@code c2}: Adam's {@code 1 - β1^t} and {@code 1 - β2^t} (NaN otherwise). */
    private void updateRow(double[] p, double[] dp, double[] v, double[] s, double lr, double c1, double c2) {
        if (optimizer instanceof Optimizer.Momentum m) {
            double beta = m.beta();
            for (int j = 0; j < p.length; j++) {
                // v = β v + (1 - β) dW; W = W - α v
                v[j] = beta * v[j] + (1 - beta) * dp[j];
                p[j] = p[j] - lr * v[j];
            }
        } else if (optimizer instanceof Optimizer.RmsProp r) {
            double beta2 = r.beta2();
            for (int j = 0; j < p.length; j++) {
                // s = β2 s + (1 - β2) dW²; W = W - α dW / (sqrt(s) + ε)
                s[j] = beta2 * s[j] + (1 - beta2) * (dp[j] * dp[j]);
                p[j] = p[j] - lr * dp[j] / (Math.sqrt(s[j]) + r.epsilon());
            }
        } else if (optimizer instanceof Optimizer.Adam a) {
            if (p.length < SHORT_ROW) {
                adamShortRow(p, dp, v, s, lr, a.beta1(), a.beta2(), a.epsilon(), c1, c2);
            } else {
                adamRow(p, dp, v, s, lr, a.beta1(), a.beta2(), a.epsilon(), c1, c2);
            }
        } else {
            for (int j = 0; j < p.length; j++) {
                // W = W - α dW
                p[j] = p[j] - lr * dp[j];
            }
        }
    }
}
