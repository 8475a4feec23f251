package org.nndl4j.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class ShallowGradientsTest {

    @Test
    void constructor_fittingShapes_keepsTheGradients() {
        Matrix dW1 = Matrix.ones(3, 2);
        ShallowGradients g = new ShallowGradients(dW1, Matrix.zeros(3, 1), Matrix.zeros(1, 3), Matrix.zeros(1, 1));
        assertEquals(dW1, g.dW1());
    }

    @Test
    void constructor_db1WithWrongRows_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowGradients(Matrix.zeros(3, 2), Matrix.zeros(2, 1), Matrix.zeros(1, 3), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(2, 1)") && e.getMessage().contains("db1"),
                e.getMessage());
    }

    @Test
    void constructor_dW2NotMatchingHiddenLayer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowGradients(Matrix.zeros(3, 2), Matrix.zeros(3, 1), Matrix.zeros(3, 1), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(3, 1)") && e.getMessage().contains("dW2"),
                e.getMessage());
    }

    @Test
    void constructor_db2NotAColumn_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowGradients(Matrix.zeros(3, 2), Matrix.zeros(3, 1), Matrix.zeros(1, 3), Matrix.zeros(1, 3)));
        assertTrue(e.getMessage().contains("(1, 3)") && e.getMessage().contains("db2"), e.getMessage());
    }
}
