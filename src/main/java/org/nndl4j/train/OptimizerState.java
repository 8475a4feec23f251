package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import org.nndl4j.engine.ParameterUpdate;

/**
 * An optimizer's state during one training: per layer, the velocities {@code v} and squared-gradient averages
 * {@code s} of {@code W} and {@code b} (zero at the start, only those the optimizer uses), and the step counter
 * {@code t}. Allocated once; {@link #update} changes the parameters and the state in place and allocates nothing of
 * the parameters' size. Arrays hold layer {@code l} at index {@code l} (1-based).
 */
public final class OptimizerState implements ParameterUpdate {

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
        for (int i = 0; i < W.length; i++) {
            updateRow(W[i], dW[i], vW == null ? null : vW[l][i], sW == null ? null : sW[l][i], learningRate, step);
        }
        updateRow(b, db, vb == null ? null : vb[l], sb == null ? null : sb[l], learningRate, step);
    }

    private void updateRow(double[] p, double[] dp, double[] v, double[] s, double lr, int step) {
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
            double beta1 = a.beta1();
            double beta2 = a.beta2();
            double correction1 = 1 - Math.pow(beta1, step);
            double correction2 = 1 - Math.pow(beta2, step);
            for (int j = 0; j < p.length; j++) {
                // v = β1 v + (1 - β1) dW, v̂ = v / (1 - β1^t); s = β2 s + (1 - β2) dW², ŝ = s / (1 - β2^t)
                v[j] = beta1 * v[j] + (1 - beta1) * dp[j];
                double vHat = v[j] / correction1;
                s[j] = beta2 * s[j] + (1 - beta2) * (dp[j] * dp[j]);
                double sHat = s[j] / correction2;
                // W = W - α v̂ / (sqrt(ŝ) + ε)
                p[j] = p[j] - lr * vHat / (Math.sqrt(sHat) + a.epsilon());
            }
        } else {
            for (int j = 0; j < p.length; j++) {
                // W = W - α dW
                p[j] = p[j] - lr * dp[j];
            }
        }
    }
}
