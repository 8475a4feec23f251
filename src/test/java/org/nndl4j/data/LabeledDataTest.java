package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class LabeledDataTest {

    private static final Matrix X = Matrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});

    @Test
    void oneHot_encodeAndDecode_areInverse() {
        int[] labels = {2, 0, 1, 2};
        Matrix Y = OneHot.encode(labels, 3);
        assertEquals(Matrix.of(new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 1}}), Y);
        assertArrayEquals(labels, OneHot.decode(Y));
    }

    @Test
    void oneHot_badInput_isRefusedNamingThePlace() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0, 3}, 3));
        assertTrue(big.getMessage().contains("labels[1] = 3") && big.getMessage().contains("0..2"), big.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> OneHot.decode(Matrix.of(new double[][] {{1, 0}, {1, 1}})));
        assertTrue(two.getMessage().contains("column 0") && two.getMessage().contains("second 1"), two.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> OneHot.decode(Matrix.of(new double[][] {{1, 0}, {0, 0}})));
        assertTrue(none.getMessage().contains("column 1") && none.getMessage().contains("no 1"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0}, 1));
    }

    @Test
    void manyClasses_fromIntegerLabels() {
        LabeledData d = LabeledData.ofClasses(X, new int[] {2, 0, 1, 2}, List.of("red", "green", "blue"));
        assertTrue(d.isOneHot());
        assertEquals(3, d.classes());
        assertEquals(4, d.size());
        assertEquals(2, d.features());
        assertEquals(Matrix.rowVector(2, 0, 1, 2), d.labels());
        assertEquals("blue", d.className(2));
        LabeledData tail = d.slice(1, 3);
        assertEquals(Matrix.rowVector(0, 1), tail.labels());
        assertEquals(X.columns(1, 3), tail.X());
        assertThrows(IndexOutOfBoundsException.class, () -> d.className(3));
    }

    @Test
    void binary_labelsAreYItself() {
        LabeledData d = LabeledData.of(X, Matrix.rowVector(0, 1, 1, 0));
        assertFalse(d.isOneHot());
        assertEquals(2, d.classes());
        assertEquals(Matrix.rowVector(0, 1, 1, 0), d.labels());
        assertEquals(List.of("0", "1"), d.classNames());
        assertEquals(List.of("0", "1", "2"), LabeledData.of(X, OneHot.encode(new int[] {0, 1, 2, 2}, 3)).classNames());
    }

    @Test
    void inconsistentData_isRefused() {
        ShapeException m = assertThrows(ShapeException.class, () -> LabeledData.of(X, Matrix.rowVector(0, 1, 1)));
        assertTrue(m.getMessage().contains("(2, 4)") && m.getMessage().contains("(1, 3)"), m.getMessage());
        IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
                () -> new LabeledData(X, OneHot.encode(new int[] {0, 1, 2, 2}, 3), List.of("a", "b")));
        assertTrue(names.getMessage().contains("3 class names"), names.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabeledData.of(X, Matrix.rowVector(0, 2, 1, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> LabeledData.of(X, Matrix.of(new double[][] {{1, 0, 0, 1}, {1, 1, 1, 0}})));
    }
}
