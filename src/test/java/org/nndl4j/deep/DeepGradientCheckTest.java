package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.nn.Activation;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.GradientCheck;

/**
 * Every backward pass against central differences (epsilon 1e-7, relative difference below 2e-7) on small random
 * networks.
 *
 * <p>Scaling, as in the course: {@code dAL} is the derivative of the <em>summed</em> loss {@code m·J}, so every
 * {@code dA} is {@code ∂(m·J)/∂A}, while {@code dW} and {@code db} are {@code ∂J/∂W} and {@code ∂J/∂b}.
 */
class DeepGradientCheckTest {

    /** No pre-activation may be this close to ReLU's kink, or central differences would straddle it. */
    private static final double KINK_MARGIN = 1e-4;

    private static final int[] DIMS = {5, 4, 3, 1};
    private static final int M = 6;

    /** A random network with random (non-zero) biases whose every pre-activation is away from 0. */
    private static Fixture fixture(Activation hidden) {
        for (long seed = 1; seed < 1000; seed++) {
            NumpyRandom random = new NumpyRandom(seed);
            Matrix X = random.randn(DIMS[0], M);
            List<LayerParameters> layers = new ArrayList<>();
            for (int l = 1; l < DIMS.length; l++) {
                layers.add(new LayerParameters(random.randn(DIMS[l], DIMS[l - 1]).times(0.8), random.randn(DIMS[l], 1).times(0.5)));
            }
            DeepParameters p = new DeepParameters(layers);
            Matrix Y = Matrix.rowVector(1, 0, 1, 1, 0, 0);
            DeepForward forward = DeepNetwork.lModelForward(X, p, hidden);
            boolean clear = forward.caches().stream().allMatch(c -> c.Z().abs().min() > KINK_MARGIN);
            if (clear) {
                return new Fixture(X, Y, p);
            }
        }
        throw new IllegalStateException("no seed gave pre-activations away from 0");
    }

    private record Fixture(Matrix X, Matrix Y, DeepParameters p) {
    }

    private static double cost(Matrix X, Matrix Y, DeepParameters p, Activation hidden) {
        return DeepNetwork.computeCost(DeepNetwork.lModelForward(X, p, hidden).AL(), Y);
    }

    private static DeepParameters replace(DeepParameters p, int l, Matrix W, Matrix b) {
        List<LayerParameters> layers = new ArrayList<>(p.layers());
        // course layer l is list index l - 1
        layers.set(l - 1, new LayerParameters(W, b));
        return new DeepParameters(layers);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void lModelBackward_hiddenActivation_matchesCentralDifferences(Activation hidden) {
        Fixture f = fixture(hidden);
        DeepForward forward = DeepNetwork.lModelForward(f.X(), f.p(), hidden);
        DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), f.Y(), forward.caches(), hidden);
        List<Matrix> analytic = new ArrayList<>();
        List<Matrix> numeric = new ArrayList<>();
        for (int l = 1; l <= f.p().numLayers(); l++) {
            int layer = l;
            Matrix W = f.p().W(l);
            Matrix b = f.p().b(l);
            analytic.add(grads.dW(l));
            numeric.add(GradientCheck.numericGradient(W, w -> cost(f.X(), f.Y(), replace(f.p(), layer, w, b), hidden)));
            analytic.add(grads.db(l));
            numeric.add(GradientCheck.numericGradient(b, bb -> cost(f.X(), f.Y(), replace(f.p(), layer, W, bb), hidden)));
        }
        // grads["dA1"] is ∂(m·J)/∂X
        analytic.add(grads.dA(1));
        numeric.add(GradientCheck.numericGradient(f.X(), x -> M * cost(x, f.Y(), f.p(), hidden)));
        GradientCheck.assertAgree(analytic, numeric, "lModelBackward with hidden " + hidden);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void linearActivationBackward_eachActivation_matchesCentralDifferences(Activation g) {
        NumpyRandom random = new NumpyRandom(11);
        Matrix APrev = random.randn(4, M);
        Matrix W = random.randn(3, 4);
        Matrix b = random.randn(3, 1);
        Matrix dA = random.randn(3, M);
        LayerOutput out = DeepNetwork.linearActivationForward(APrev, W, b, g);
        assertTrue(out.cache().Z().abs().min() > KINK_MARGIN, "fixture too close to the kink");
        LinearGradients grads = DeepNetwork.linearActivationBackward(dA, out.cache(), g);
        // f = Σ dA ⊙ g(W·APrev + b): ∂f/∂APrev = dAPrev, ∂f/∂W = m·dW, ∂f/∂b = m·db
        Function<LayerOutput, Double> f = o -> dA.times(o.A()).sum();
        Matrix numAPrev = GradientCheck.numericGradient(APrev, a -> f.apply(DeepNetwork.linearActivationForward(a, W, b, g)));
        Matrix numW = GradientCheck.numericGradient(W, w -> f.apply(DeepNetwork.linearActivationForward(APrev, w, b, g)));
        Matrix numB = GradientCheck.numericGradient(b, bb -> f.apply(DeepNetwork.linearActivationForward(APrev, W, bb, g)));
        GradientCheck.assertAgree(List.of(grads.dAPrev(), grads.dW().times(M), grads.db().times(M)), List.of(numAPrev, numW, numB),
                "linearActivationBackward " + g);
    }
}
