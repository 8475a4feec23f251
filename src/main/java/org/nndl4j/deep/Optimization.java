package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/**
 * The second course's "Optimization methods" building blocks under the course's names, on the typed parameters of
 * an L-layer network: mini-batches, gradient descent, momentum, Adam and learning-rate decay, each a plain function of
 * matrices (allocating; nothing is modified). The library trains with the same formulas on reused buffers
 * ({@link org.nndl4j.train.Optimizer}, {@link org.nndl4j.train.MiniBatches},
 * {@link org.nndl4j.train.LearningRateSchedule}); these are the course's steps written out, and the tests hold the
 * two to each other.
 */
public final class Optimization {

    private Optimization() {
    }

    /**
     * One mini-batch.
     *
     * @param X its examples, {@code (n_x, m_b)}
     * @param Y its labels, {@code (1, m_b)}
     */
    public record MiniBatch(Matrix X, Matrix Y) {
    }

    /**
     * The parameters and velocities after a momentum step.
     *
     * @param parameters the updated parameters
     * @param v          the updated velocities
     */
    public record MomentumStep(DeepParameters parameters, Moments v) {
    }

    /**
     * The parameters and moments after an Adam step.
     *
     * @param parameters the updated parameters
     * @param v          the updated first moments
     * @param s          the updated second moments
     * @param vCorrected {@code v / (1 - β1^t)}
     * @param sCorrected {@code s / (1 - β2^t)}
     */
    public record AdamStep(DeepParameters parameters, Moments v, Moments s, Moments vCorrected, Moments sCorrected) {
    }

    /**
     * The course's {@code random_mini_batches}: {@code np.random.seed(seed)}, a permutation of the {@code m} columns,
     * then consecutive batches of {@code miniBatchSize}, the last one shorter.
     *
     * @param X             examples, {@code (n_x, m)}
     * @param Y             labels, {@code (1, m)}
     * @param miniBatchSize examples per batch, {@code >= 1}
     * @param seed          the seed
     * @return the batches in order
     */
    public static List<MiniBatch> randomMiniBatches(Matrix X, Matrix Y, int miniBatchSize, long seed) {
        Checks.examples("randomMiniBatches", X, Y);
        Checks.positive("randomMiniBatches", "miniBatchSize", miniBatchSize);
        int m = X.cols();
        // permutation = list(np.random.permutation(m)); shuffled_X = X[:, permutation]
        int[] permutation = new NumpyRandom(seed).permutation(m);
        Matrix shuffledX = X.selectColumns(permutation);
        Matrix shuffledY = Y.selectColumns(permutation);
        List<MiniBatch> batches = new ArrayList<>();
        for (int from = 0; from < m; from += miniBatchSize) {
            int to = Math.min(m, from + miniBatchSize);
            batches.add(new MiniBatch(shuffledX.columns(from, to), shuffledY.columns(from, to)));
        }
        return batches;
    }

    /**
     * The course's {@code update_parameters_with_gd}: {@code W = W - α dW}, {@code b = b - α db}.
     *
     * @param parameters   the parameters
     * @param grads        their gradients
     * @param learningRate {@code α}
     * @return the updated parameters
     */
    public static DeepParameters updateParametersWithGd(DeepParameters parameters, DeepGradients grads, double learningRate) {
        return DeepNetwork.updateParameters(parameters, grads, learningRate);
    }

    /**
     * The course's {@code initialize_velocity}: zeros of every parameter's shape.
     *
     * @param parameters the parameters
     * @return {@code v}
     */
    public static Moments initializeVelocity(DeepParameters parameters) {
        return Moments.zerosLike(parameters);
    }

    /**
     * The course's {@code update_parameters_with_momentum}: {@code v = β v + (1 - β) dW}, {@code W = W - α v}.
     *
     * @param parameters   the parameters
     * @param grads        their gradients
     * @param v            the velocities
     * @param beta         {@code β}
     * @param learningRate {@code α}
     * @return the updated parameters and velocities
     */
    public static MomentumStep updateParametersWithMomentum(DeepParameters parameters, DeepGradients grads, Moments v,
                                                           double beta, double learningRate) {
        check("updateParametersWithMomentum", parameters, grads, v);
        Checks.finitePositive("updateParametersWithMomentum", "learning rate", learningRate);
        List<LayerParameters> layers = new ArrayList<>();
        List<Matrix> vW = new ArrayList<>();
        List<Matrix> vb = new ArrayList<>();
        for (int l = 1; l <= parameters.numLayers(); l++) {
            // v = β v + (1 - β) dW; W = W - α v
            Matrix nextW = v.dW(l).times(beta).plus(grads.dW(l).times(1 - beta));
            Matrix nextB = v.db(l).times(beta).plus(grads.db(l).times(1 - beta));
            vW.add(nextW);
            vb.add(nextB);
            layers.add(new LayerParameters(parameters.W(l).minus(nextW.times(learningRate)),
                    parameters.b(l).minus(nextB.times(learningRate))));
        }
        return new MomentumStep(new DeepParameters(layers), new Moments(vW, vb));
    }

    /**
     * The course's {@code initialize_adam}: zero first and second moments.
     *
     * @param parameters the parameters
     * @return {@code v} (first) and, the same, {@code s} (second moments): zeros
     */
    public static Moments initializeAdam(DeepParameters parameters) {
        return Moments.zerosLike(parameters);
    }

    /**
     * The course's {@code update_parameters_with_adam}: {@code v = β1 v + (1 - β1) dW}, {@code v̂ = v / (1 - β1^t)},
     * {@code s = β2 s + (1 - β2) dW²}, {@code ŝ = s / (1 - β2^t)}, {@code W = W - α v̂ / (sqrt(ŝ) + ε)}.
     *
     * @param parameters   the parameters
     * @param grads        their gradients
     * @param v            first moments
     * @param s            second moments
     * @param t            the step, from 1
     * @param learningRate {@code α}
     * @param beta1        {@code β1}
     * @param beta2        {@code β2}
     * @param epsilon      {@code ε}
     * @return the updated parameters and moments, with the corrected moments
     */
    public static AdamStep updateParametersWithAdam(DeepParameters parameters, DeepGradients grads, Moments v, Moments s,
                                                   int t, double learningRate, double beta1, double beta2, double epsilon) {
        check("updateParametersWithAdam", parameters, grads, v);
        check("updateParametersWithAdam", parameters, grads, s);
        Checks.positive("updateParametersWithAdam", "t", t);
        Checks.finitePositive("updateParametersWithAdam", "learning rate", learningRate);
        List<LayerParameters> layers = new ArrayList<>();
        List<List<Matrix>> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            out.add(new ArrayList<>());
        }
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int l = 1; l <= parameters.numLayers(); l++) {
            Matrix[] W = adam(parameters.W(l), grads.dW(l), v.dW(l), s.dW(l), correction1, correction2, learningRate,
                    beta1, beta2, epsilon);
            Matrix[] b = adam(parameters.b(l), grads.db(l), v.db(l), s.db(l), correction1, correction2, learningRate,
                    beta1, beta2, epsilon);
            layers.add(new LayerParameters(W[0], b[0]));
            for (int k = 0; k < 4; k++) {
                // out: v, s, v̂, ŝ for W (0..3) and for b (4..7)
                out.get(k).add(W[k + 1]);
                out.get(k + 4).add(b[k + 1]);
            }
        }
        return new AdamStep(new DeepParameters(layers), new Moments(out.get(0), out.get(4)), new Moments(out.get(1), out.get(5)),
                new Moments(out.get(2), out.get(6)), new Moments(out.get(3), out.get(7)));
    }

    /** One parameter's Adam step: {p, v, s, v̂, ŝ}. */
    private static Matrix[] adam(Matrix p, Matrix dp, Matrix v, Matrix s, double correction1, double correction2,
                                 double learningRate, double beta1, double beta2, double epsilon) {
        Matrix nextV = v.times(beta1).plus(dp.times(1 - beta1));
        Matrix vHat = nextV.div(correction1);
        Matrix nextS = s.times(beta2).plus(dp.times(dp).times(1 - beta2));
        Matrix sHat = nextS.div(correction2);
        Matrix nextP = p.minus(vHat.times(learningRate).div(sHat.map(Math::sqrt).plus(epsilon)));
        return new Matrix[] {nextP, nextV, nextS, vHat, sHat};
    }

    /**
     * The course's {@code update_lr}: {@code α = 1 / (1 + decayRate·epoch) · α0}.
     *
     * @param learningRate0 {@code α0}
     * @param epochNum      the epoch
     * @param decayRate     the decay rate
     * @return the new learning rate
     */
    public static double updateLr(double learningRate0, int epochNum, double decayRate) {
        return 1 / (1 + decayRate * epochNum) * learningRate0;
    }

    /**
     * The course's {@code schedule_lr_decay}: {@code α = 1 / (1 + decayRate·floor(epoch / timeInterval)) · α0}.
     *
     * @param learningRate0 {@code α0}
     * @param epochNum      the epoch
     * @param decayRate     the decay rate
     * @param timeInterval  epochs per step (the course's default is 1000)
     * @return the new learning rate
     */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
        Checks.positive("scheduleLrDecay", "timeInterval", timeInterval);
        return 1 / (1 + decayRate * Math.floor((double) epochNum / timeInterval)) * learningRate0;
    }

    private static void check(String operation, DeepParameters parameters, DeepGradients grads, Moments moments) {
        Checks.notNull(operation, "parameters", parameters);
        Checks.notNull(operation, "grads", grads);
        Checks.notNull(operation, "moments", moments);
        if (grads.numLayers() != parameters.numLayers() || moments.numLayers() != parameters.numLayers()) {
            throw new Nndl4jException(operation + ": parameters have " + parameters.numLayers() + " layers, grads "
                    + grads.numLayers() + " and the moments " + moments.numLayers());
        }
        for (int l = 1; l <= parameters.numLayers(); l++) {
            Checks.sameShape(operation, "W" + l, parameters.W(l), "dW" + l, grads.dW(l));
            Checks.sameShape(operation, "W" + l, parameters.W(l), "v[dW" + l + "]", moments.dW(l));
        }
    }
}
