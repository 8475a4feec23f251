package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
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
}
