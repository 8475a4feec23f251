package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void of_unitRange_givesTenthsOrFifths() {
        Ticks t = Ticks.of(0, 1, 6);
        assertArrayEquals(new String[] {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}, t.labels());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.values(), 0);
    }

    @Test
    void of_learningCurveRange_givesTicksOfTenthsInsideTheRange() {
        // a cost curve from 0.05 to 0.69 with matplotlib's 5 % margins: [0.018, 0.722]
        Ticks t = Ticks.of(0.018, 0.722, 8);
        assertArrayEquals(new String[] {"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"}, t.labels());
        assertEquals(0.3, t.values()[2], 0); // not 0.30000000000000004
    }

    @Test
    void of_iterationRange_givesWholeNumbers() {
        Ticks t = Ticks.of(-95, 1995, 6);
        assertArrayEquals(new String[] {"0", "500", "1000", "1500"}, t.labels());
    }

    @Test
    void of_negativeValues_useTheMinusSign() {
        Ticks t = Ticks.of(-5.2, 5.2, 6);
        assertArrayEquals(new String[] {"\u22124", "\u22122", "0", "2", "4"}, t.labels());
    }

    @Test
    void of_tinyValues_useScientificNotation() {
        Ticks t = Ticks.of(0, 4e-6, 5);
        assertArrayEquals(new String[] {"0", "1e-06", "2e-06", "3e-06", "4e-06"}, t.labels());
    }

    @Test
    void of_hugeValues_useScientificNotation() {
        Ticks t = Ticks.of(0, 3e7, 4);
        assertArrayEquals(new String[] {"0", "1e+07", "2e+07", "3e+07"}, t.labels());
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 3", "0.018, 0.722, 10", "-3.7, 12.1, 5", "1e-3, 1.3e-3, 7", "1000, 1000.5, 4", "-1e9, 1e9, 8"})
    void of_anyRange_givesAtMostMaxTicksInsideAtOneTwoOrFiveTimesAPowerOfTen(double lo, double hi, int max) {
        Ticks t = Ticks.of(lo, hi, max);
        assertTrue(t.size() >= 2 && t.size() <= max, "count " + t.size());
        double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step()) + 1e-12));
        assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                "step " + t.step());
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.values()[i] >= lo - 1e-9 * t.step() && t.values()[i] <= hi + 1e-9 * t.step());
            if (i > 0) {
                assertEquals(t.step(), t.values()[i] - t.values()[i - 1], 1e-9 * t.step());
                assertTrue(!t.labels()[i].equals(t.labels()[i - 1]), "distinct labels " + t.labels()[i]);
            }
        }
    }

    @Test
    void of_emptyOrNonFiniteRange_throwsNamingTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ticks.of(2, 2, 5));
        assertTrue(e.getMessage().contains("[2.0, 2.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(0, Double.POSITIVE_INFINITY, 5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.of(Double.NaN, 1, 5));
    }
}
