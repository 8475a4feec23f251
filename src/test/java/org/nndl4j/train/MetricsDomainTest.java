package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.shallow.ShallowNetwork;

/** Values outside a function's domain are refused, naming the first bad element, instead of a silent 0.0 or NaN. */
class MetricsDomainTest {

    private static final Matrix PREDICTIONS = Matrix.rowVector(new double[] {0, 1, 1, 0});

    private static void assertRefused(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void accuracy_ofTwoClasses_refusesALabelOfTwo() {
        Matrix Y = Matrix.rowVector(new double[] {0, 1, 2, 0});
        assertRefused("accuracy: Y[0, 2] = 2.0 is not a class index 0..1", () -> Metrics.accuracy(PREDICTIONS, Y, 2));
        assertRefused("accuracyPercent: Y[0, 2] = 2.0 is not a class index 0..1", () -> Metrics.accuracyPercent(PREDICTIONS, Y));
        // of three classes, 2 is a class: the answer is a fraction, the matches counted
        assertEquals(0.75, Metrics.accuracy(PREDICTIONS, Y, 3), 0.0);
        assertEquals(0.75, Metrics.accuracy(PREDICTIONS, Y), 0.0);
    }

    @Test
    void accuracy_refusesPredictionsThatAreNotClasses() {
        Matrix Y = Matrix.rowVector(new double[] {0, 1, 1, 0});
        Matrix probabilities = Matrix.rowVector(new double[] {0, 0.7, 1, 0});
        assertRefused("accuracy: predictions[0, 1] = 0.7 is not a class index", () -> Metrics.accuracy(probabilities, Y));
        assertRefused("accuracy: predictions[0, 1] = NaN is not a class index",
                () -> Metrics.accuracy(Matrix.rowVector(new double[] {0, Double.NaN, 1, 0}), Y));
        assertRefused("accuracy: Y[0, 0] = -1.0 is not a class index",
                () -> Metrics.accuracy(PREDICTIONS, Matrix.rowVector(new double[] {-1, 1, 1, 0})));
        assertRefused("correct: predictions[0, 1] = 0.7", () -> Metrics.correct(probabilities, Y));
        assertRefused("accuracyPercent: predictions[0, 1] = 0.7", () -> Metrics.accuracyPercent(probabilities, Y));
    }

    @Test
    void accuracy_ofNoExamples_isRefused_notNaN() {
        Matrix empty = Matrix.zeros(1, 0);
        assertRefused("accuracy: no examples (m = 0) in Y of shape (1, 0)", () -> Metrics.accuracy(empty, empty));
        assertRefused("accuracyPercent: no examples (m = 0)", () -> Metrics.accuracyPercent(empty, empty));
        assertRefused("accuracy: need at least 2 classes, got 1", () -> Metrics.accuracy(PREDICTIONS, PREDICTIONS, 1));
    }

    @Test
    void computeCost_refusesLabelsAndProbabilitiesOutsideItsDomain() {
        Matrix AL = Matrix.rowVector(new double[] {0.5, 0.5});
        assertRefused("computeCost: labels must be 0 or 1, but Y[0, 1] = 2.0",
                () -> DeepNetwork.computeCost(AL, Matrix.rowVector(new double[] {1, 2})));
        assertRefused("computeCost: AL[0, 0] = 1.5 is not a probability in [0, 1]",
                () -> DeepNetwork.computeCost(Matrix.rowVector(new double[] {1.5, 0.5}), Matrix.rowVector(new double[] {1, 0})));
        assertRefused("computeCost: AL[0, 1] = NaN",
                () -> DeepNetwork.computeCost(Matrix.rowVector(new double[] {0.5, Double.NaN}), Matrix.rowVector(new double[] {1, 0})));
        assertRefused("computeCost: labels must be 0 or 1, but Y[0, 1] = 2.0",
                () -> ShallowNetwork.computeCost(AL, Matrix.rowVector(new double[] {1, 2})));
        assertRefused("computeCost: A2[0, 0] = -0.25 is not a probability",
                () -> ShallowNetwork.computeCost(Matrix.rowVector(new double[] {-0.25, 0.5}), Matrix.rowVector(new double[] {1, 0})));
        // in the domain, the course's value: -log(0.5)
        assertEquals(Math.log(2), DeepNetwork.computeCost(AL, Matrix.rowVector(new double[] {1, 0})), 1e-15);
        // a saturated wrong prediction is in the domain and costs +inf, as in numpy
        assertEquals(Double.POSITIVE_INFINITY,
                DeepNetwork.computeCost(Matrix.rowVector(new double[] {0.0}), Matrix.rowVector(new double[] {1})));
    }
}
