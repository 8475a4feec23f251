package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;

/**
 * {@link FloatDescent}: the one pass (the Vector API's where this JVM has it, compiled first) gives the bits of the
 * three passes it replaces, on rows of every length around a vector's, and tells when a moved value is not finite.
 */
class FloatDescentTest {

    @BeforeAll
    static void compileThePass() {
        if (FloatGemm.kernel().equals("vector")) {
            FloatDescent.warmUp(10_000_000_000L);
            assertTrue(FloatDescent.ready(), "the Vector API pass is compiled");
        }
    }

    /** The passes the engine runs without it: the gradient widened, w moved, w rounded. */
    private static void threePasses(double[] w, float[] g, double rate, float[] rounded) {
        double[] dw = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            dw[j] = g[j];
        }
        for (int j = 0; j < w.length; j++) {
            w[j] += -rate * dw[j];
        }
        for (int j = 0; j < w.length; j++) {
            rounded[j] = (float) w[j];
        }
    }

    @Test
    void descend_givesTheBitsOfThreePasses_onRowsOfEveryLength() {
        Random random = new Random(3);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 31, 100, 12291}) {
            double[] w = new double[n];
            float[] g = new float[n];
            for (int j = 0; j < n; j++) {
                w[j] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
                g[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
            }
            double[] expected = w.clone();
            float[] expectedRounded = new float[n];
            threePasses(expected, g, 0.0075, expectedRounded);
            float[] rounded = new float[n];
            assertEquals(0L, FloatDescent.descend(w, g, 0.0075, rounded), "all finite, n = " + n);
            assertArrayEquals(expected, w, 0.0, "w, n = " + n);
            for (int j = 0; j < n; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(w[j]), "w[" + j + "]");
                assertEquals(Float.floatToRawIntBits(expectedRounded[j]), Float.floatToRawIntBits(rounded[j]),
                        "rounded[" + j + "], n = " + n);
            }
        }
    }

    @Test
    void descend_tellsWhenAMovedValueIsNotFinite_inAVectorOrInTheTail() {
        for (int at : new int[] {0, 5, 8, 16, 19}) {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                double[] w = new double[20];
                Arrays.fill(w, 0.5);
                w[at] = bad;
                float[] rounded = new float[20];
                assertNotEquals(0L, FloatDescent.descend(w, new float[20], 0.1, rounded), bad + " at " + at);
                assertEquals((float) bad, rounded[at], 0.0f);
            }
            // a finite value that the step moves past the largest double
            double[] w = new double[20];
            w[at] = Double.MAX_VALUE;
            float[] g = new float[20];
            g[at] = -Float.MAX_VALUE;
            assertNotEquals(0L, FloatDescent.descend(w, g, 1e300, new float[20]), "overflow at " + at);
            assertEquals(Double.POSITIVE_INFINITY, w[at]);
        }
    }

    @Test
    void descend_refusesRowsOfDifferentLengths_namingThem() {
        Nndl4jException e = assertThrows(Nndl4jException.class,
                () -> FloatDescent.descend(new double[9], new float[8], 0.1, new float[9]));
        assertTrue(e.getMessage().contains("9 (w), 8 (gradient) and 9 (rounded)"), e.getMessage());
        assertThrows(Nndl4jException.class, () -> FloatDescent.descend(new double[9], new float[9], 0.1, new float[10]));
    }
}
