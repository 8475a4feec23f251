package org.nndl4j.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class ShallowParametersTest {

    @Test
    void constructor_fittingShapes_reportsTheLayerSizes() {
        ShallowParameters p = new ShallowParameters(Matrix.zeros(4, 2), Matrix.zeros(4, 1), Matrix.zeros(1, 4), Matrix.zeros(1, 1));
        assertEquals(new LayerSizes(2, 4, 1), p.sizes());
    }

    @Test
    void constructor_b1WithWrongRows_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowParameters(Matrix.zeros(4, 2), Matrix.zeros(3, 1), Matrix.zeros(1, 4), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("(4, 2)") && e.getMessage().contains("(3, 1)") && e.getMessage().contains("b1"),
                e.getMessage());
    }

    @Test
    void constructor_W2NotMatchingHiddenLayer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowParameters(Matrix.zeros(4, 2), Matrix.zeros(4, 1), Matrix.zeros(1, 5), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("(4, 2)") && e.getMessage().contains("(1, 5)") && e.getMessage().contains("W2"),
                e.getMessage());
    }

    @Test
    void constructor_b2WithTwoColumns_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ShallowParameters(Matrix.zeros(4, 2), Matrix.zeros(4, 1), Matrix.zeros(1, 4), Matrix.zeros(1, 2)));
        assertTrue(e.getMessage().contains("(1, 4)") && e.getMessage().contains("(1, 2)") && e.getMessage().contains("b2"),
                e.getMessage());
    }

    @Test
    void constructor_nullMatrix_refusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShallowParameters(Matrix.zeros(4, 2), null, Matrix.zeros(1, 4), Matrix.zeros(1, 1)));
        assertTrue(e.getMessage().contains("b1"), e.getMessage());
    }
}
