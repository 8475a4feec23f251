package org.nndl4j.spark;

import java.util.Arrays;

import org.nndl4j.Nndl4jException;

/**
 * Collects one partition's rows into an {@link ExampleBlock}, checking each: its feature count, finite features, and a
 * label that is a class of the network's output (0 or 1 for one sigmoid unit, {@code 0 .. C-1} for {@code C} softmax
 * units). A bad row is refused naming its partition and index, or counted and left out ({@link BadRows}).
 */
final class BlockBuilder {

    private static final String OPERATION = "SparkTraining";

    private final int partition;
    private final int features;
    private final int outputs;
    private final BadRows policy;
    /** The rows so far, example after example (row-major (m, n)); transposed once at the end. */
    private double[] rows = new double[1024];
    private double[] labels = new double[64];
    private int m;
    private long index;
    private long skipped;

    BlockBuilder(int partition, int features, int outputs, BadRows policy) {
        this.partition = partition;
        this.features = features;
        this.outputs = outputs;
        this.policy = policy;
    }

    /**
     * Adds the row at the next index of the partition: its features ({@code null} for a missing vector) read by
     * {@code source}, and its label ({@code null} when missing).
     */
    void add(FeatureSource source, Double label) {
        long at = index++;
        String problem = problem(source, label);
        if (problem != null) {
            if (policy == BadRows.REFUSE) {
                throw new BadRowException(OPERATION, partition, at, problem);
            }
            skipped++;
            return;
        }
        if ((long) (m + 1) * features > Integer.MAX_VALUE - 8) {
            throw new Nndl4jException(OPERATION + ": partition " + partition + " holds more than "
                    + (Integer.MAX_VALUE - 8) / features + " examples of " + features
                    + " features, more than one array can hold; repartition the data into more partitions");
        }
        ensure((m + 1) * features, m + 1);
        source.copyTo(rows, m * features);
        labels[m] = label;
        m++;
    }

    private String problem(FeatureSource source, Double label) {
        if (source == null) {
            return "the features are missing (null)";
        }
        if (source.size() != features) {
            return source.size() + " features, the network takes " + features;
        }
        int bad = source.firstNonFinite();
        if (bad >= 0) {
            return "feature " + bad + " is " + source.value(bad) + " (features must be finite)";
        }
        if (label == null) {
            return "the label is missing (null)";
        }
        double y = label;
        int classes = outputs == 1 ? 2 : outputs;
        if (!(y >= 0 && y < classes && y == Math.rint(y))) {
            return "label " + y + " is not a class of the network's output (" + (outputs == 1
                    ? "0 or 1 for one sigmoid unit" : "0 .. " + (classes - 1) + " for " + classes + " softmax units")
                    + ")";
        }
        return null;
    }

    private void ensure(int values, int examples) {
        if (values > rows.length) {
            rows = Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(values, 2L * rows.length)));
        }
        if (examples > labels.length) {
            labels = Arrays.copyOf(labels, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * labels.length));
        }
    }

    /** The block: X transposed into features x examples, one row of {@code m} values per feature. */
    ExampleBlock build() {
        double[] X = new double[features * m];
        for (int j = 0; j < m; j++) {
            int from = j * features;
            for (int i = 0; i < features; i++) {
                X[i * m + j] = rows[from + i];
            }
        }
        rows = null;
        return new ExampleBlock(partition, features, outputs, m, skipped, X, Arrays.copyOf(labels, m));
    }

    /** One row's features, read without copying where the source allows it. */
    interface FeatureSource {
        /** @return the number of features */
        int size();

        /** @return the index of the first NaN or infinite feature, or -1 */
        int firstNonFinite();

        /** @return feature {@code i} */
        double value(int i);

        /** Copies the features to {@code to[at ..]}. */
        void copyTo(double[] to, int at);
    }

    /** The features of a {@code double[]}. */
    static FeatureSource of(double[] x) {
        return x == null ? null : new FeatureSource() {
            @Override
            public int size() {
                return x.length;
            }

            @Override
            public int firstNonFinite() {
                for (int i = 0; i < x.length; i++) {
                    if (!Double.isFinite(x[i])) {
                        return i;
                    }
                }
                return -1;
            }

            @Override
            public double value(int i) {
                return x[i];
            }

            @Override
            public void copyTo(double[] to, int at) {
                System.arraycopy(x, 0, to, at, x.length);
            }
        };
    }
}
