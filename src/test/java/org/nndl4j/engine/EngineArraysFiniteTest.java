package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code EngineArrays.finite}, which the training loop asks of every step's parameters: false exactly when a value is
 * NaN or infinite, wherever it stands, and true for every finite value, the extreme and signed ones included.
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
}
