package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nndl4j.matrix.TestArrays.random;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;

/**
 * B's panels may start anywhere in the packing buffer ({@link CacheLines}): packed from any start they hold the same
 * values, for B as rows or as row-major values, straight or transposed; a factor packed once whose array the collector
 * has moved off its cache line is moved back before a product, with the same bits; and the start of the first cache
 * line is an index within one line, known on HotSpot before Java 24.
 */
class CacheLinesTest {

    @Test
    void startsAreWithinOneCacheLine_andKnownOnHotSpot() {
        for (int length = 1; length < 200; length += 7) {
            int d = CacheLines.doubles(new double[length]);
            int f = CacheLines.floats(new float[length]);
            assertTrue(d >= 0 && d < CacheLines.BYTES / Double.BYTES, "doubles start " + d);
            assertTrue(f >= 0 && f < CacheLines.BYTES / Float.BYTES, "floats start " + f);
        }
        String vm = System.getProperty("java.vm.name", "");
        boolean hotSpot = vm.contains("HotSpot") || vm.contains("OpenJDK");
        int java = Runtime.version().feature();
        // known on HotSpot up to Java 23; from Java 24 on deliberately not anywhere (the JVM would print a warning)
        if (hotSpot || java >= 24) {
            assertEquals(java < 24, CacheLines.known(), "array addresses known on " + vm + ", Java " + java);
        }
    }

    @Test
    void panelsPackedFromAnyStart_holdTheSameValues() {
        long seed = 70;
        int nr = 24;
        for (boolean transB : new boolean[] {false, true}) {
            for (boolean flat : new boolean[] {false, true}) {
                int k = 37;
                int n = 53;
                double[][] B = transB ? random(n, k, seed++) : random(k, n, seed++);
                double[] values = flat ? Arrays.stream(B).flatMapToDouble(Arrays::stream).toArray() : null;
                int ld = B[0].length;
                PackedGemm.Operands o = flat
                        ? new PackedGemm.Operands(1.0, null, false, null, values, ld, 0, transB, null, k)
                        : new PackedGemm.Operands(1.0, null, false, B, transB, null, k);
                int size = (n + nr - 1) / nr * nr * 30;
                double[] at0 = new double[size + 8];
                PackedGemm.packB(o, 3, 30, 2, n - 2, nr, at0, 0);
                for (int at = 1; at < 8; at++) {
                    double[] shifted = new double[size + 8];
                    Arrays.fill(shifted, -7.0);
                    PackedGemm.packB(o, 3, 30, 2, n - 2, nr, shifted, at);
                    String what = "transB " + transB + ", flat " + flat + ", from " + at;
                    assertArrayEquals(Arrays.copyOf(at0, size), Arrays.copyOfRange(shifted, at, at + size), 0.0, what);
                    for (int i = 0; i < at; i++) {
                        assertEquals(-7.0, shifted[i], 0.0, what + ": wrote before the start");
                    }
                }
            }
        }
    }

    @Test
    void floatPanelsPackedFromAnyStart_holdTheSameValues() {
        long seed = 90;
        int nr = 48;
        for (boolean transB : new boolean[] {false, true}) {
            for (boolean flat : new boolean[] {false, true}) {
                int k = 37;
                int n = 101;
                float[][] B = toFloat(transB ? random(n, k, seed++) : random(k, n, seed++));
                int ld = B[0].length;
                float[] values = new float[B.length * ld];
                for (int r = 0; r < B.length; r++) {
                    System.arraycopy(B[r], 0, values, r * ld, ld);
                }
                int size = (n + nr - 1) / nr * nr * 30;
                float[] at0 = new float[size + 16];
                pack(B, values, flat, transB, nr, at0, 0, ld);
                for (int at = 1; at < 16; at++) {
                    float[] shifted = new float[size + 16];
                    Arrays.fill(shifted, -7.0f);
                    pack(B, values, flat, transB, nr, shifted, at, ld);
                    String what = "transB " + transB + ", flat " + flat + ", from " + at;
                    assertArrayEquals(Arrays.copyOf(at0, size), Arrays.copyOfRange(shifted, at, at + size), 0.0f,
                            what);
                    for (int i = 0; i < at; i++) {
                        assertEquals(-7.0f, shifted[i], 0.0f, what + ": wrote before the start");
                    }
                }
            }
        }
    }

    @Test
    void packedFactors_movedOffTheirCacheLine_areMovedBackBeforeAProduct_withTheSameBits() {
        MicroKernel kernel = new FmaMicroKernel(8, 24);
        double[][] A = random(13, 300, 80);
        double[][] B = random(300, 70, 81);
        double[][] expected = new double[13][70];
        PackedPanels whole = PackedGemm.packAll(B, false, 300, 70, 24);
        int at = whole.lock();
        try {
            PackedGemm.multiplyPacked(kernel, 0.5, A, whole, at, 300, expected, 0, 13, 0, 70, false);
        } finally {
            whole.unlock();
        }
        // the same panels packed from value 2 of their array, whose first line then "moves" to 5, then to 0
        int tiles = 3;
        double[] values = new double[tiles * 24 * 300 + 8];
        int[] lines = {2, 5, 5, 0, 0};
        int[] lookups = {0};
        PackedPanels moving = new PackedPanels(values, tiles * 24 * PackedGemm.KC, tiles * 24 * 300,
                v -> lines[Math.min(lookups[0]++, lines.length - 1)]);
        PackedGemm.Operands o = new PackedGemm.Operands(1.0, null, false, B, false, null, 300);
        for (int pc = 0; pc < 300; pc += PackedGemm.KC) {
            PackedGemm.packB(o, pc, Math.min(PackedGemm.KC, 300 - pc), 0, 70, 24, values,
                    moving.packingStart() + pc / PackedGemm.KC * moving.blockSize);
        }
        for (int expectedStart : new int[] {5, 0}) {
            double[][] C = new double[13][70];
            int start = moving.lock();
            try {
                assertEquals(expectedStart, start, "the values' start after the move");
                PackedGemm.multiplyPacked(kernel, 0.5, A, moving, start, 300, C, 0, 13, 0, 70, false);
            } finally {
                moving.unlock();
            }
            for (int i = 0; i < 13; i++) {
                assertArrayEquals(expected[i], C[i], 0.0, "from " + expectedStart + ", row " + i);
            }
        }
    }

    @Test
    void aFactorTooLargeForOneArray_isRefusedWithItsShape() {
        double[] row = new double[50_000];
        double[][] B = new double[50_000][];
        Arrays.fill(B, row);
        Nndl4jException e = assertThrows(Nndl4jException.class, () -> Gemm.pack(B));
        assertTrue(e.getMessage().contains("(50000, 50000)"), e.getMessage());
        float[] floatRow = new float[50_000];
        float[][] F = new float[50_000][];
        Arrays.fill(F, floatRow);
        Nndl4jException f = assertThrows(Nndl4jException.class, () -> FloatGemm.pack(F));
        assertTrue(f.getMessage().contains("(50000, 50000)"), f.getMessage());
    }

    /** Rows 3 .. 33 of the shared dimension and columns 2 .. n of b, packed from {@code at}. */
    private static void pack(float[][] B, float[] values, boolean flat, boolean transB, int nr, float[] to, int at,
                             int ld) {
        int n = transB ? B.length : ld;
        if (flat) {
            FloatPackedGemm.packFlatB(values, ld, transB, 3, 30, 2, n - 2, nr, to, at);
        } else {
            FloatPackedGemm.packB(B, transB, 3, 30, 2, n - 2, nr, to, at);
        }
    }

    private static float[][] toFloat(double[][] M) {
        float[][] F = new float[M.length][M[0].length];
        for (int i = 0; i < M.length; i++) {
            for (int j = 0; j < M[i].length; j++) {
                F[i][j] = (float) M[i][j];
            }
        }
        return F;
    }
}
