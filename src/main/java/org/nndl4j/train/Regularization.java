package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;
import java.util.function.Supplier;

import org.nndl4j.random.NumpyRandom;

/**
 * How training is regularised: a value, chosen on the {@link TrainingConfig}; it composes with every optimizer and
 * with mini-batches, and is never applied at prediction.
 * <ul>
 * <li>L2 with strength {@code λ}: the cost gains {@code (1/m)·(λ/2)·Σ_l ΣW[l]²} and each {@code dW[l]} gains
 *     {@code (λ·W[l])/m} ({@code m} the batch's size).</li>
 * <li>Inverted dropout with a keep probability per hidden layer: after {@code A[l] = g(Z[l])},
 *     {@code D[l] = rand(n[l], m) < keep[l]}, {@code A[l] = A[l]·D[l] / keep[l]}; backward,
 *     {@code dA[l] = dA[l]·D[l] / keep[l]} before {@code g'}. The masks are drawn at every forward pass, layer 1 first,
 *     each row-major (as {@code np.random.rand(n[l], m)}), from one {@link NumpyRandom} seeded once
 *     ({@link #dropout(long, double...)}), or, as the course's {@code forward_propagation_with_dropout} does, from a
 *     generator reseeded at the start of every forward pass ({@link #courseDropout}), which gives every step the same
 *     masks and the course's figures.</li>
 * </ul>
 */
public final class Regularization {

    private static final Regularization NONE = new Regularization(0.0, new double[0], false, 0);

    private final double lambda;
    private final double[] keepProb;
    private final boolean reseedEachPass;
    private final long seed;

    private Regularization(double lambda, double[] keepProb, boolean reseedEachPass, long seed) {
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new Nndl4jException("Regularization: lambda must be a finite number >= 0, got " + lambda);
        }
        for (int i = 0; i < keepProb.length; i++) {
            if (!(keepProb[i] > 0.0 && keepProb[i] <= 1.0)) {
                throw new Nndl4jException("Regularization: keep probability of hidden layer " + (i + 1)
                        + " must be in (0, 1], got " + keepProb[i]);
            }
        }
        this.lambda = lambda;
        this.keepProb = keepProb.clone();
        this.reseedEachPass = reseedEachPass;
        this.seed = seed;
    }

    /** @return no regularisation */
    public static Regularization none() {
        return NONE;
    }

    /**
     * @param lambda {@code λ >= 0}
     * @return L2 regularisation
     */
    public static Regularization l2(double lambda) {
        return new Regularization(lambda, new double[0], false, 0);
    }

    /**
     * Inverted dropout with masks from one generator seeded once with {@code seed}.
     *
     * @param seed     the masks' seed
     * @param keepProb the keep probability of hidden layers 1, 2, ... (a single value for all of them); layers not
     *                 given keep every unit
     * @return dropout
     */
    public static Regularization dropout(long seed, double... keepProb) {
        return new Regularization(0.0, requireKeep(keepProb), false, seed);
    }

    /**
     * Inverted dropout as the course computes it: the generator is reseeded with {@code seed} at the start of every
     * forward pass (the course calls {@code np.random.seed(1)} there), so every step draws the same masks.
     *
     * @param seed     the seed of every forward pass (the course's is 1)
     * @param keepProb the keep probability of hidden layers 1, 2, ...
     * @return dropout
     */
    public static Regularization courseDropout(long seed, double... keepProb) {
        return new Regularization(0.0, requireKeep(keepProb), true, seed);
    }

    /**
     * @param l the L2 strength to add
     * @return this regularisation with L2 strength {@code l}
     */
    public Regularization withL2(double l) {
        return new Regularization(l, keepProb, reseedEachPass, seed);
    }

    /** @return the L2 strength {@code λ} (0 for none) */
    public double lambda() {
        return lambda;
    }

    /** @return the keep probabilities of hidden layers 1, 2, ... (empty for no dropout) */
    public double[] keepProb() {
        return keepProb.clone();
    }

    /** @return whether any unit is dropped */
    public boolean hasDropout() {
        for (double k : keepProb) {
            if (k < 1.0) {
                return true;
            }
        }
        return false;
    }

    /** @return whether this regularises at all */
    public boolean isNone() {
        return lambda == 0.0 && !hasDropout();
    }

    /**
     * Where one training's masks come from: the generator to draw each forward pass's masks from.
     *
     * @return a supplier called at the start of every forward pass
     */
    public Supplier<NumpyRandom> masks() {
        if (reseedEachPass) {
            return () -> new NumpyRandom(seed);
        }
        NumpyRandom stream = new NumpyRandom(seed);
        return () -> stream;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Regularization r && r.lambda == lambda && Arrays.equals(r.keepProb, keepProb)
                && r.reseedEachPass == reseedEachPass && r.seed == seed;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lambda) * 31 + Arrays.hashCode(keepProb) + Boolean.hashCode(reseedEachPass) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "Regularization[none]";
        }
        return "Regularization[" + (lambda > 0 ? "L2 " + lambda : "") + (lambda > 0 && hasDropout() ? ", " : "")
                + (hasDropout() ? "dropout keep " + Arrays.toString(keepProb) + (reseedEachPass ? " reseeded with "
                : " from seed ") + seed : "") + "]";
    }

    private static double[] requireKeep(double[] keepProb) {
        if (keepProb == null || keepProb.length == 0) {
            throw new Nndl4jException("Regularization: dropout needs at least one keep probability");
        }
        return keepProb;
    }
}
