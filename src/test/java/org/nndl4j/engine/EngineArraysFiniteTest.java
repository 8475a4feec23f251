package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code EngineArrays.finite}, which the training loop asks of every step's parameters: false exactly when a value is
 * NaN or infinite, wherever it stands, and true for every finite value, the extreme and signed ones included; and the
 * pass that records the same thing while it rounds to float32 ({@code rounded}).
 */
class EngineArraysFiniteTest {

    @Test
    void finite_isFalseExactlyWhereAValueIsNanOrInfinite() {
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L), -Double.NaN};
        double[] fine = {0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_NORMAL, 1.5,
                -3e300};
        for (int n : new int[] {1, 2, 7, 8, 9, 33}) {
            for (int at = 0; at < n; at++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = fine[(i + at) % fine.length];
                }
                assertEquals(true, EngineArrays.finite(v), "finite values, n " + n);
                for (double bad : odd) {
                    double keep = v[at];
                    v[at] = bad;
                    assertEquals(false, EngineArrays.finite(v), bad + " at " + at + " of " + n);
                    assertEquals(false, EngineArrays.finite(new double[][] {new double[3], v}), "in the second row");
                    v[at] = keep;
                }
            }
        }
        assertEquals(true, EngineArrays.finite(new double[0]), "no values");
    }

    @Test
    void rounded_recordsFinitenessAsFinite_andRoundsAsACast() {
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int n : new int[] {1, 7, 8, 9, 33}) {
            for (int at = 0; at < n; at++) {
                for (double bad : odd) {
                    double[] w = new double[n];
                    for (int j = 0; j < n; j++) {
                        w[j] = j == at ? bad : (j % 3 - 1) * 1.25e-3 * (j + 1);
                    }
                    float[] f = new float[n];
                    assertNotEquals(0L, EngineArrays.rounded(w, f), bad + " at " + at + " of " + n);
                    assertEquals((float) bad, f[at], 0.0f);
                    w[at] = 0.5;
                    assertEquals(0L, EngineArrays.rounded(w, f), "finite, n " + n);
                }
            }
        }
        // the values: (float) w, bit for bit
        double[] w = {0.3, -1.7, 2.5e-3, -0.0, 1e-9, 7.0, -3.25, 3.4028235677973366e38, 1e-46};
        float[] f = new float[w.length];
        assertEquals(0L, EngineArrays.rounded(w, f));
        for (int j = 0; j < w.length; j++) {
            assertEquals(Float.floatToIntBits((float) w[j]), Float.floatToIntBits(f[j]), "at " + j);
        }
    }

    /**
     * {@code descendRounded} gives the bits of the three passes it replaces (widen, move, round) and tells when a moved
     * value is not finite, also one that the step moves past the largest double.
     */
    @Test
    void descendRounded_givesTheBitsOfThreePasses_andTellsANonFiniteResult() {
        java.util.Random random = new java.util.Random(5);
        int n = 1031;
        double[] w = new double[n];
        float[] g = new float[n];
        for (int j = 0; j < n; j++) {
            w[j] = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4);
            g[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
        }
        double[] expected = w.clone();
        double[] dw = new double[n];
        for (int j = 0; j < n; j++) {
            dw[j] = g[j];
        }
        for (int j = 0; j < n; j++) {
            expected[j] += -0.0075 * dw[j];
        }
        float[] expectedRounded = new float[n];
        assertEquals(0L, EngineArrays.rounded(expected, expectedRounded));
        float[] rounded = new float[n];
        assertEquals(0L, EngineArrays.descendRounded(w, g, 0.0075, rounded));
        for (int j = 0; j < n; j++) {
            assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(w[j]), "w[" + j + "]");
            assertEquals(Float.floatToRawIntBits(expectedRounded[j]), Float.floatToRawIntBits(rounded[j]),
                    "rounded[" + j + "]");
        }
        double[] huge = {1.0, Double.MAX_VALUE, 2.0};
        float[] down = {0.0f, -Float.MAX_VALUE, 0.0f};
        assertNotEquals(0L, EngineArrays.descendRounded(huge, down, 1e300, new float[3]), "overflow");
        assertEquals(Double.POSITIVE_INFINITY, huge[1]);
        double[] nan = {1.0, 2.0, Double.NaN};
        assertNotEquals(0L, EngineArrays.descendRounded(nan, new float[3], 0.1, new float[3]), "NaN");
    }
}
