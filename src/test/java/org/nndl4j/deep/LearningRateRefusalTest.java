package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.shallow.ShallowParameters;

/**
 * Every update function refuses a learning rate that is not a finite number > 0, as ShallowNetwork.updateParameters
 * did: NaN would make every parameter NaN, -1 would climb the cost.
 */
class LearningRateRefusalTest {

    private static final double[] BAD = {Double.NaN, -1.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static void assertRefused(String operation, double alpha, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, operation + " α = " + alpha);
        assertTrue(e.getMessage().startsWith(operation + ": learning rate must be a finite number > 0, got " + alpha),
                e.getMessage());
    }

    @Test
    void deepUpdates_refuseBadLearningRates() {
        DeepParameters parameters = CourseInitialization.STEP_BY_STEP.initialize(new int[] {3, 2, 1});
        Matrix X = new NumpyRandom(1).randn(3, 4);
        Matrix Y = X.sum(0).greaterThan(0);
        DeepForward forward = DeepNetwork.lModelForward(X, parameters);
        DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), Y, forward.caches());
        Moments v = Optimization.initializeVelocity(parameters);
        for (double alpha : BAD) {
            assertRefused("updateParameters", alpha, () -> DeepNetwork.updateParameters(parameters, grads, alpha));
            assertRefused("updateParameters", alpha, () -> Optimization.updateParametersWithGd(parameters, grads, alpha));
            assertRefused("updateParametersWithMomentum", alpha,
                    () -> Optimization.updateParametersWithMomentum(parameters, grads, v, 0.9, alpha));
            assertRefused("updateParametersWithAdam", alpha,
                    () -> Optimization.updateParametersWithAdam(parameters, grads, v, v, 1, alpha, 0.9, 0.999, 1e-8));
        }
        // a good rate still updates
        DeepParameters next = DeepNetwork.updateParameters(parameters, grads, 0.1);
        assertTrue(!next.W(1).equals(parameters.W(1)));
    }

    @Test
    void shallowUpdate_refusesTheSame() {
        ShallowParameters parameters = ShallowNetwork.initializeParameters(2, 3, 1);
        Matrix X = new NumpyRandom(1).randn(2, 4);
        Matrix Y = X.sum(0).greaterThan(0);
        var grads = ShallowNetwork.backwardPropagation(parameters, ShallowNetwork.forwardPropagation(X, parameters).cache(), X, Y);
        for (double alpha : BAD) {
            assertRefused("updateParameters", alpha, () -> ShallowNetwork.updateParameters(parameters, grads, alpha));
        }
    }
}
