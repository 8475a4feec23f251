package org.nndl4j.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class ForwardCacheTest {

    @Test
    void constructor_consistentShapes_keepsTheValues() {
        Matrix A2 = Matrix.filled(1, 5, 0.5);
        ForwardCache cache = new ForwardCache(Matrix.zeros(4, 5), Matrix.zeros(4, 5), Matrix.zeros(1, 5), A2);
        assertEquals(A2, cache.A2());
    }

    @Test
    void constructor_Z1AndA1Differ_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ForwardCache(Matrix.zeros(4, 5), Matrix.zeros(3, 5), Matrix.zeros(1, 5), Matrix.zeros(1, 5)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(3, 5)"), e.getMessage());
    }

    @Test
    void constructor_Z2AndA2Differ_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ForwardCache(Matrix.zeros(4, 5), Matrix.zeros(4, 5), Matrix.zeros(1, 5), Matrix.zeros(1, 6)));
        assertTrue(e.getMessage().contains("(1, 5)") && e.getMessage().contains("(1, 6)"), e.getMessage());
    }

    @Test
    void constructor_layersWithDifferentExampleCounts_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new ForwardCache(Matrix.zeros(4, 5), Matrix.zeros(4, 5), Matrix.zeros(1, 6), Matrix.zeros(1, 6)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(1, 6)"), e.getMessage());
    }

    @Test
    void forwardResult_A2NotTheCachesA2_refused() {
        ForwardCache cache = new ForwardCache(Matrix.zeros(4, 5), Matrix.zeros(4, 5), Matrix.zeros(1, 5), Matrix.zeros(1, 5));
        assertThrows(IllegalArgumentException.class, () -> new ShallowForward(Matrix.ones(1, 5), cache));
    }
}
