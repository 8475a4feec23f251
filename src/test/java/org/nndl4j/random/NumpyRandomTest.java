package org.nndl4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.testing.Golden;

/** Against numpy's legacy RandomState (golden/rng.golden, made by make_golden.py with numpy 1.24). */
class NumpyRandomTest {

    private static final Golden GOLDEN = Golden.load("rng.golden");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void rawOutputs_areNumpysMersenneTwister(int seed) {
        NumpyRandom r = new NumpyRandom(seed);
        long[] expected = GOLDEN.longs("seed" + seed + ".raw_uint32");
        for (long e : expected) {
            assertEquals(e, r.nextUint32());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void rand_isBitForBitNumpy(int seed) {
        double[] expected = GOLDEN.doubles("seed" + seed + ".rand");
        assertTrue(expected.length >= 10_000);
        assertArrayEquals(expected, new NumpyRandom(seed).rand(expected.length));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void randn_agreesWithNumpyValueForValue(int seed, TestReporter reporter) {
        double[] expected = GOLDEN.doubles("seed" + seed + ".randn");
        assertTrue(expected.length >= 10_000);
        double[] actual = new NumpyRandom(seed).randn(expected.length);
        int identical = 0;
        long maxUlps = 0;
        for (int i = 0; i < expected.length; i++) {
            long ulps = Math.abs(Double.doubleToLongBits(expected[i]) - Double.doubleToLongBits(actual[i]));
            identical += ulps == 0 ? 1 : 0;
            maxUlps = Math.max(maxUlps, ulps);
        }
        reporter.publishEntry("seed " + seed + " randn identical",
                identical + " of " + expected.length + ", max " + maxUlps + " ulps apart");
        assertEquals(expected.length, identical, "identical values; max " + maxUlps + " ulps apart");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void randnMatrix_isFilledInCOrder(int seed) {
        Matrix expected = GOLDEN.matrix("seed" + seed + ".randn_2d");
        Matrix actual = new NumpyRandom(seed).randn(3, 5);
        assertEquals(expected.shape(), actual.shape());
        assertTrue(expected.maxAbsDifference(actual) <= 1e-15);
    }

    @Test
    void cachedGaussian_survivesUniformDrawsAndIsForgottenOnReseed() {
        NumpyRandom r = new NumpyRandom(7);
        assertArrayEquals(GOLDEN.doubles("mixed.a"), r.randn(3));
        assertArrayEquals(GOLDEN.doubles("mixed.b"), r.rand(2));
        assertArrayEquals(GOLDEN.doubles("mixed.c"), r.randn(4));
        r.seed(7);
        assertArrayEquals(GOLDEN.doubles("mixed.d"), r.randn(1));
    }

    @Test
    void extras_matchNumpy() {
        assertArrayEquals(GOLDEN.doubles("extras.normal"), new NumpyRandom(5).normal(1.5, 0.3, 7), 1e-15);
        assertArrayEquals(GOLDEN.doubles("extras.uniform"), new NumpyRandom(5).uniform(-2, 3, 7));
        assertArrayEquals(GOLDEN.ints("extras.permutation"), new NumpyRandom(5).permutation(20));
        int[] shuffled = new int[20];
        Arrays.setAll(shuffled, i -> i);
        new NumpyRandom(5).shuffle(shuffled);
        assertArrayEquals(GOLDEN.ints("extras.shuffle"), shuffled);
        assertArrayEquals(GOLDEN.longs("extras.randint"), new NumpyRandom(5).randint(0, 10, 20));
        assertArrayEquals(GOLDEN.longs("extras.randint_big"), new NumpyRandom(5).randint(0, 1000003, 10));
    }

    /** numpy's shuffle as written in its C source: draw until the masked output is at most i, then swap. */
    private static void textbookShuffle(NumpyRandom r, int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            long mask = (1L << (64 - Long.numberOfLeadingZeros(i))) - 1;
            long j;
            do {
                j = r.nextUint32() & mask;
            } while (j > i);
            int t = values[i];
            values[i] = values[(int) j];
            values[(int) j] = t;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9, 63, 64, 65, 300, 1437, 4096, 4097, 60_000})
    void shuffle_drawsAndSwapsAsNumpysLoop(int n) {
        for (long seed : new long[] {0, 1, 11, 12345, 0xFFFFFFFFL}) {
            int[] expected = new int[n];
            Arrays.setAll(expected, i -> (i * 7) % Math.max(n, 1));
            int[] actual = expected.clone();
            NumpyRandom reference = new NumpyRandom(seed);
            NumpyRandom r = new NumpyRandom(seed);
            textbookShuffle(reference, expected);
            r.shuffle(actual);
            assertArrayEquals(expected, actual, "n = " + n + ", seed " + seed);
            // the same number of outputs consumed: the streams go on alike
            assertEquals(reference.nextUint32(), r.nextUint32(), "n = " + n + ", seed " + seed);
        }
    }

    @Test
    void sameSeed_sameSequence_andReseedRestarts() {
        NumpyRandom a = new NumpyRandom(42);
        double[] first = a.randn(10);
        a.seed(42);
        assertArrayEquals(first, a.randn(10));
        assertArrayEquals(first, new NumpyRandom(42).randn(10));
    }

    @Test
    void badArguments_areRefusedWithTheValue() {
        assertEquals("seed: must be between 0 and 2**32 - 1, got -1",
                assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(1L << 32));
        new NumpyRandom((1L << 32) - 1).rand(1);
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(0).randn(-3));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(0).randn(2, -1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(0).randint(5, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(0).normal(0, -1, 1));
    }
}
