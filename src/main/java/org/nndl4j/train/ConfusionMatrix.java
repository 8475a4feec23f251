package org.nndl4j.train;

import java.util.Arrays;

/**
 * How often each class was predicted as each class: {@code count(actual, predicted)}. The diagonal holds the correct
 * predictions.
 */
public final class ConfusionMatrix {

    private final int[][] counts;

    ConfusionMatrix(int[][] counts) {
        this.counts = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            this.counts[i] = counts[i].clone();
        }
    }

    /** @return the number of classes */
    public int classes() {
        return counts.length;
    }

    /**
     * @param actual    the true class
     * @param predicted the predicted class
     * @return how many examples of class {@code actual} were predicted as {@code predicted}
     */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** @return a copy of the counts, {@code [actual][predicted]} */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** @return the number of correct predictions (the diagonal) */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /** @return the number of examples counted */
    public int total() {
        int sum = 0;
        for (int[] row : counts) {
            for (int c : row) {
                sum += c;
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** One row per actual class, e.g. {@code [[5, 1], [0, 4]]}. */
    @Override
    public String toString() {
        return Arrays.deepToString(counts);
    }
}
