package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    @Test
    void tanh_isWithinTwoUlpsOfStrictMath() {
        java.util.Random random = new java.util.Random(11);
        long worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // magnitudes from 1e-8 to 30, both signs, both branches and the saturated range
            double x = (random.nextBoolean() ? 1 : -1) * Math.pow(10, -8 + 9.5 * random.nextDouble());
            double expected = StrictMath.tanh(x);
            long ulps = Math.abs(Double.doubleToLongBits(expected) - Double.doubleToLongBits(MathFunctions.tanh(x)));
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 2, "worst " + worst + " ulps");
        assertEquals(0.0, MathFunctions.tanh(0.0));
        assertEquals(-0.0, MathFunctions.tanh(-0.0));
        assertTrue(Double.isNaN(MathFunctions.tanh(Double.NaN)));
        assertEquals(1.0, MathFunctions.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, MathFunctions.tanh(-40));
    }
}
