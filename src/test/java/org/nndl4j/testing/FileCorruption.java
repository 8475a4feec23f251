package org.nndl4j.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * One seeded random corruption of a file's bytes, for the sweeps that check a reader refuses a damaged file clearly
 * or reads it correctly: bit flips, a truncation, or an overwritten byte range (zeros, {@code 0xFF} or random
 * bytes). Where the damage lands is the sweep's own choice ({@link Offsets}), and so are the odds.
 *
 * @param flipKinds    of ten, how many choose bit flips (the next {@code 6 - flipKinds} truncate, the rest overwrite)
 * @param maxFlips     the most bits flipped at once
 * @param maxOverwrite the longest overwritten range
 * @param offsets      where a flip or an overwrite starts
 */
public record FileCorruption(int flipKinds, int maxFlips, int maxOverwrite, Offsets offsets) {

    /** Where in a file of {@code length} bytes a corruption starts. */
    @FunctionalInterface
    public interface Offsets {
        /**
         * @param length the file's length in bytes
         * @param random the sweep's generator
         * @return an offset in {@code [0, length)}
         */
        int next(int length, Random random);
    }

    /**
     * Applies one corruption chosen by {@code random} and describes it in {@code how}.
     *
     * @param bytes  the file's bytes; modified
     * @param random the sweep's generator
     * @param how    receives the description
     * @return the corrupted bytes (a shorter copy after a truncation)
     */
    public byte[] apply(byte[] bytes, Random random, StringBuilder how) {
        int kind = random.nextInt(10);
        if (kind < flipKinds) {
            int flips = 1 + random.nextInt(maxFlips);
            for (int f = 0; f < flips; f++) {
                int offset = offsets.next(bytes.length, random);
                int bit = random.nextInt(8);
                bytes[offset] ^= (byte) (1 << bit);
                how.append("flip bit ").append(bit).append(" at ").append(offset).append("; ");
            }
            return bytes;
        }
        if (kind < 6) {
            int length = random.nextInt(bytes.length);
            how.append("truncate to ").append(length);
            return Arrays.copyOf(bytes, length);
        }
        int offset = offsets.next(bytes.length, random);
        int length = Math.min(1 + random.nextInt(maxOverwrite), bytes.length - offset);
        int fill = random.nextInt(3);
        for (int k = offset; k < offset + length; k++) {
            bytes[k] = switch (fill) {
                case 0 -> 0;
                case 1 -> (byte) 0xFF;
                default -> (byte) random.nextInt(256);
            };
        }
        how.append("overwrite ").append(length).append(" bytes at ").append(offset).append(" with ")
                .append(fill == 0 ? "zeros" : fill == 1 ? "0xFF" : "random bytes");
        return bytes;
    }
}
