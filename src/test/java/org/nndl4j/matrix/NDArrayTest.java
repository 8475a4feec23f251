package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NDArrayTest {

    private static NDArray arange(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return NDArray.of(v, shape);
    }

    @Test
    void reshape_readsInCOrder_likeNumpyFlattenOfImages() {
        // np.arange(24).reshape(2, 2, 2, 3).reshape(2, -1).T: each column one "image"
        NDArray batch = arange(2, 2, 2, 3);
        Matrix flat = batch.reshape(2, -1).transpose();
        assertEquals(new Shape(12, 2), flat.shape());
        assertEquals(0.0, flat.get(0, 0));
        assertEquals(11.0, flat.get(11, 0));
        assertEquals(12.0, flat.get(0, 1));
        assertEquals(batch.get(1, 0, 1, 2), flat.get(1 * 3 + 2, 1));
    }

    @Test
    void slice_returnsOneElementOfTheFirstAxis() {
        NDArray batch = arange(2, 2, 2, 3);
        NDArray second = batch.slice(1);
        assertArrayEquals(new int[] {2, 2, 3}, second.shape());
        assertEquals(12.0, second.get(0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.slice(2));
    }

    @Test
    void unsignedBytes_becomeZeroTo255() {
        NDArray a = NDArray.ofUnsignedBytes(new byte[] {0, 17, (byte) 200, (byte) 255}, 2, 2);
        assertArrayEquals(new double[] {0, 17, 200, 255}, a.toFlatArray());
    }

    @Test
    void badShapes_areRefusedWithTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("(2, 3) needs 6 values, got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> arange(2, 3).reshape(4, -1));
        assertThrows(IllegalArgumentException.class, () -> arange(2, 3).get(1));
        assertEquals("(5,)", NDArray.shapeString(new int[] {5}));
    }
}
