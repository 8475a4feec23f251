package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Gemm#gram}: half the products, the bits of {@code multTransA(A, A)}. */
class GemmGramTest {

    /** Values with signs, exact zeros (whole blocks of four as well, which the kernel skips) and a wide range. */
    private static double[][] values(int k, int n, long seed) {
        Random r = new Random(seed);
        double[][] A = new double[k][n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                int kind = r.nextInt(6);
                double v = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
                A[p][j] = kind == 0 || (j % 7 == 3 && p % 8 < 4) ? 0.0 : kind == 1 ? -0.0 : v;
            }
        }
        return A;
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "5, 3, 1", "7, 4, 2", "64, 9, 1", "300, 130, 2", "40, 600, 1", "33, 1030, 2", "2000, 209, 2"})
    void gram_isTheTextbookProductBitForBit_onOneAndTwoThreads(int k, int n, int threads) {
        double[][] A = values(k, n, 31L * k + n);
        double[][] expected = Gemm.inTextbookOrder(() -> Gemm.multTransA(A, A));
        double[][] gram = Gemm.withThreads(threads, () -> Gemm.inTextbookOrder(() -> Gemm.gram(A)));
        assertEquals(n, gram.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(Double.doubleToRawLongBits(expected[i][j]), Double.doubleToRawLongBits(gram[i][j]),
                        "(" + i + ", " + j + ") of " + k + " x " + n + " on " + threads + " thread(s)");
            }
        }
    }
}
