package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.testing.Golden;
import org.nndl4j.testing.GradientCheck;

class LossTest {

    @Test
    void cost_ofCourseTestCase_matchesExpected() {
        // the course's compute_cost test case: Y = [[1, 1, 1]], AL = [[.8, .9, 0.4]] -> numpy 0.414931599615397
        double cost = Loss.BINARY_CROSS_ENTROPY.cost(Matrix.rowVector(.8, .9, 0.4), Matrix.rowVector(1, 1, 1));
        assertEquals(0.414931599615397, cost, 1e-15);
        assertEquals(Math.log(2), Loss.BINARY_CROSS_ENTROPY.cost(Matrix.rowVector(.5, .5), Matrix.rowVector(0, 1)), 1e-15);
    }

    @Test
    void gradient_matchesCentralDifferencesOfTheSummedLoss() {
        Matrix AL = Matrix.rowVector(0.2, 0.7, 0.45, 0.9);
        Matrix Y = Matrix.rowVector(0, 1, 1, 0);
        Matrix dAL = Loss.BINARY_CROSS_ENTROPY.outputGradient(AL, Y);
        // dAL is the gradient of the summed loss m·J
        Matrix numeric = GradientCheck.numericGradient(AL, a -> Loss.BINARY_CROSS_ENTROPY.cost(a, Y) * Y.size());
        GradientCheck.assertAgree(List.of(dAL), List.of(numeric), "dAL");
    }

    @Test
    void cost_certainAndWrong_isInfiniteNotHidden() {
        assertEquals(Double.POSITIVE_INFINITY, Loss.BINARY_CROSS_ENTROPY.cost(Matrix.rowVector(0.0), Matrix.rowVector(1)));
    }

    @Test
    void shapeMismatch_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Loss.BINARY_CROSS_ENTROPY.cost(Matrix.zeros(1, 3), Matrix.zeros(1, 4)));
        assertTrue(e.getMessage().startsWith("Loss.cost: shapes (1, 3) and (1, 4)"), e.getMessage());
        assertTrue(assertThrows(ShapeException.class, () -> Loss.BINARY_CROSS_ENTROPY.outputGradient(Matrix.zeros(3, 1), Matrix.zeros(1, 3)))
                .getMessage().startsWith("costGradient: shapes (3, 1) and (1, 3)"));
    }

    @Test
    void softmaxAndCategoricalCost_matchNumpyOnTheGoldenCase() {
        Golden golden = Golden.load("digits.golden");
        Matrix A = Activation.SOFTMAX.forward(golden.matrix("softmax.Z"));
        Matrix expected = golden.matrix("softmax.A");
        // numpy's exp is not correctly rounded either: 1e-15 relative, as between numpy versions
        for (int i = 0; i < A.rows(); i++) {
            for (int j = 0; j < A.cols(); j++) {
                assertEquals(expected.get(i, j), A.get(i, j), 1e-15 * expected.get(i, j), "A[" + i + ", " + j + "]");
            }
        }
        double cost = Loss.CATEGORICAL_CROSS_ENTROPY.cost(A, golden.matrix("softmax.Y"));
        assertEquals(golden.scalar("softmax.cost"), cost, 1e-15 * golden.scalar("softmax.cost"));
    }

    @Test
    void categoricalGradient_matchesCentralDifferencesOfTheSummedLoss() {
        Matrix AL = Matrix.of(new double[][] {{0.2, 0.7}, {0.5, 0.1}, {0.3, 0.2}});
        Matrix Y = Matrix.of(new double[][] {{0, 1}, {1, 0}, {0, 0}});
        Matrix dAL = Loss.CATEGORICAL_CROSS_ENTROPY.outputGradient(AL, Y);
        Matrix numeric = GradientCheck.numericGradient(AL, a -> Loss.CATEGORICAL_CROSS_ENTROPY.cost(a, Y) * Y.cols());
        GradientCheck.assertAgree(List.of(dAL), List.of(numeric), "dAL");
    }

    @Test
    void categoricalCost_zeroProbabilityOfAnotherClass_isNotNaN() {
        Matrix AL = Matrix.of(new double[][] {{1.0}, {0.0}});
        assertEquals(0.0, Loss.CATEGORICAL_CROSS_ENTROPY.cost(AL, Matrix.of(new double[][] {{1}, {0}})));
        assertEquals(Double.POSITIVE_INFINITY, Loss.CATEGORICAL_CROSS_ENTROPY.cost(AL, Matrix.of(new double[][] {{0}, {1}})));
    }

    @Test
    void pairing_eachLossHasItsOutputAndRefusesWhatDoesNotFit() {
        assertEquals(Loss.BINARY_CROSS_ENTROPY, Loss.forOutput(Activation.SIGMOID));
        assertEquals(Loss.CATEGORICAL_CROSS_ENTROPY, Loss.forOutput(Activation.SOFTMAX));
        IllegalArgumentException tanh = assertThrows(IllegalArgumentException.class, () -> Loss.forOutput(Activation.TANH));
        assertTrue(tanh.getMessage().contains("TANH") && tanh.getMessage().contains("SIGMOID")
                && tanh.getMessage().contains("SOFTMAX"), tanh.getMessage());
        // softmax with binary labels
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
                () -> Loss.CATEGORICAL_CROSS_ENTROPY.requireLabels("fit", Matrix.rowVector(0, 1, 1), 3));
        assertTrue(binary.getMessage().startsWith("fit: ") && binary.getMessage().contains("(1, 3)")
                && binary.getMessage().contains("SIGMOID output of one unit"), binary.getMessage());
        // sigmoid with 10 rows
        IllegalArgumentException ten = assertThrows(IllegalArgumentException.class,
                () -> Loss.BINARY_CROSS_ENTROPY.requireLabels("fit", Matrix.zeros(10, 4), 1));
        assertTrue(ten.getMessage().contains("(10, 4)") && ten.getMessage().contains("SOFTMAX output"), ten.getMessage());
        IllegalArgumentException notOneHot = assertThrows(IllegalArgumentException.class,
                () -> Loss.CATEGORICAL_CROSS_ENTROPY.requireLabels("fit", Matrix.of(new double[][] {{1, 1}, {1, 0}}), 2));
        assertTrue(notOneHot.getMessage().contains("column 0") && notOneHot.getMessage().contains("2 ones"),
                notOneHot.getMessage());
    }
}
