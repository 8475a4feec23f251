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

    @Test
    void examplesAsColumnsDividedBy_isTheFunctionsFormToTheBit() {
        // 130 features: two blocks of 64 and a remainder; pixel-like values divided by 255 as the course does
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[] pixels = new double[3 * 130];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        NDArray images = NDArray.of(pixels, 3, 10, 13);
        Matrix expected = images.examplesAsColumns(v -> v / 255.0);
        Matrix divided = images.examplesAsColumnsDividedBy(255.0);
        assertEquals(new Shape(130, 3), divided.shape());
        assertArrayEquals(expected.toEjml().data, divided.toEjml().data, 0.0);
        assertEquals(pixels[130 + 7] / 255.0, divided.get(7, 1));
        assertEquals(new Shape(0, 0), NDArray.of(new double[0], 0, 4).examplesAsColumnsDividedBy(2).shape());
        assertThrows(IllegalArgumentException.class, () -> NDArray.of(new double[] {1}).examplesAsColumnsDividedBy(2));
    }

    @Test
    void indexOfFirstOutside_findsTheFirstValueOutsideOrNaN() {
        assertEquals(-1, NDArray.of(new double[] {0, 255, 17, 0.5}, 2, 2).indexOfFirstOutside(0, 255));
        assertEquals(2, NDArray.of(new double[] {0, 255, 255.5, -1}, 4).indexOfFirstOutside(0, 255));
        assertEquals(1, NDArray.of(new double[] {3, -0.25, 256}, 3).indexOfFirstOutside(0, 255));
        assertEquals(3, NDArray.of(new double[] {3, 4, 5, Double.NaN}, 4).indexOfFirstOutside(0, 255));
        assertEquals(0, NDArray.of(new double[] {Double.POSITIVE_INFINITY}, 1).indexOfFirstOutside(0, 255));
        assertEquals(-1, NDArray.of(new double[0], 0).indexOfFirstOutside(0, 255));
    }
}
