package org.nndl4j.spark;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Network;

/**
 * Training examples spread over a Spark cluster, converted once and cached: every partition becomes one column-major
 * block {@code X (n[0], m_p)} with its labels, checked row by row (feature count, finite features, labels of the
 * network's classes; {@link BadRows}). Made by the training entry points of {@link SparkTraining}, or here to train
 * several networks on the same blocks; {@link #close()} (or {@link #unpersist()}) frees the cache.
 *
 * <p>Executors hold their cached blocks and, per block, the engine made at the first iteration and kept: the buffers
 * of one chunk of at most 2048 examples (a block is computed chunk by chunk), the labels, and for a small block (at
 * most 4,194,304 values) its rows of X and their transposed copy; a larger X is read a chunk at a time. The blocks are
 * cached {@code MEMORY_AND_DISK}: a block Spark had to spill to disk is read back at every iteration and its engine
 * made again, which is correct but slow; give the executors the memory.
 */
public final class ExampleBlocks implements AutoCloseable {

    private static final String OPERATION = "SparkTraining";

    private final JavaRDD<ExampleBlock> blocks;
    private final int features;
    private final int outputs;
    private final long examples;
    private final long skipped;
    private final int partitions;

    private ExampleBlocks(JavaRDD<ExampleBlock> blocks, int features, int outputs) {
        this.features = features;
        this.outputs = outputs;
        this.blocks = blocks.persist(StorageLevel.MEMORY_AND_DISK());
        List<long[]> counts;
        try {
            // the one pass that converts, checks and caches every partition
            counts = this.blocks.map(b -> new long[] {b.m, b.skipped}).collect();
        } catch (Exception failure) {
            // Spark throws its (checked) SparkException from Scala without declaring it
            this.blocks.unpersist(false);
            throw SparkFailures.unwrap(failure);
        }
        long m = 0;
        long bad = 0;
        for (long[] c : counts) {
            m += c[0];
            bad += c[1];
        }
        this.examples = m;
        this.skipped = bad;
        this.partitions = counts.size();
        if (m == 0 || m > Integer.MAX_VALUE) {
            this.blocks.unpersist(false);
            throw new Nndl4jException(OPERATION + ": " + (m == 0 ? "no examples to train on" + (bad > 0
                    ? " (all " + bad + " rows were bad and skipped)" : "")
                    : m + " examples, more than the " + Integer.MAX_VALUE + " one training counts"));
        }
    }

    /**
     * The examples of a Spark ML {@code Dataset}: a features column of Spark ML vectors ({@code VectorUDT}) and a
     * numeric label column (0 or 1 for one sigmoid output unit, the class index {@code 0 .. C-1} for {@code C} softmax
     * units). Converts, checks and caches every partition now.
     *
     * @param data        the rows
     * @param featuresCol the features column, {@code n[0]} values a row
     * @param labelCol    the label column
     * @param network     the network to train (its input and output sizes)
     * @param policy      what to do with bad rows
     * @return the cached blocks
     * @throws BadRowException with {@link BadRows#REFUSE}, naming the first bad row's partition and index and what
     *                         is wrong with it
     * @throws Nndl4jException if a column is missing or of the wrong type, an argument is null, or no example is
     *                         left
     */
    public static ExampleBlocks fromDataset(Dataset<Row> data, String featuresCol, String labelCol, Network network,
                                            BadRows policy) {
        if (data == null || featuresCol == null || labelCol == null || network == null || policy == null) {
            throw new Nndl4jException(OPERATION + ": data, featuresCol, labelCol, network and policy must not be null");
        }
        requireColumn(data, featuresCol, SQLDataTypes.VectorType(), "a Spark ML vector column (VectorUDT)");
        requireColumn(data, labelCol, null, "a numeric column");
        int n = network.inputSize();
        int outputs = network.outputSize();
        JavaRDD<Row> rows = data.select(functions.col(featuresCol), functions.col(labelCol).cast(DataTypes.DoubleType))
                .javaRDD();
        JavaRDD<ExampleBlock> blocks = rows.mapPartitionsWithIndex((partition, it) -> {
            BlockBuilder builder = new BlockBuilder(partition, n, outputs, policy);
            while (it.hasNext()) {
                Row row = it.next();
                Vector v = row.isNullAt(0) ? null : (Vector) row.get(0);
                builder.add(v == null ? null : BlockBuilder.of(v.toArray()), row.isNullAt(1) ? null : row.getDouble(1));
            }
            return single(builder.build());
        }, true);
        return new ExampleBlocks(blocks, n, outputs);
    }

    /**
     * The examples of a {@code JavaRDD}: each example's features and class index (0 or 1 for one sigmoid output unit,
     * {@code 0 .. C-1} for {@code C} softmax units). Converts, checks and caches every partition now.
     *
     * @param data    the examples (a null element is a bad row)
     * @param network the network to train (its input and output sizes)
     * @param policy  what to do with bad rows
     * @return the cached blocks
     * @throws BadRowException with {@link BadRows#REFUSE}, naming the first bad example's partition and index
     * @throws Nndl4jException if an argument is null or no example is left
     */
    public static ExampleBlocks fromRdd(JavaRDD<LabeledExample> data, Network network, BadRows policy) {
        if (data == null || network == null || policy == null) {
            throw new Nndl4jException(OPERATION + ": data, network and policy must not be null");
        }
        int n = network.inputSize();
        int outputs = network.outputSize();
        JavaRDD<ExampleBlock> blocks = data.mapPartitionsWithIndex((partition, it) -> {
            BlockBuilder builder = new BlockBuilder(partition, n, outputs, policy);
            while (it.hasNext()) {
                LabeledExample e = it.next();
                builder.add(e == null ? null : BlockBuilder.of(e.features()), e == null ? null : e.label());
            }
            return single(builder.build());
        }, true);
        return new ExampleBlocks(blocks, n, outputs);
    }

    private static Iterator<ExampleBlock> single(ExampleBlock block) {
        return Collections.singletonList(block).iterator();
    }

    private static void requireColumn(Dataset<Row> data, String column, DataType type, String what) {
        StructField field = Arrays.stream(data.schema().fields()).filter(f -> f.name().equals(column)).findFirst()
                .orElseThrow(() -> new Nndl4jException(OPERATION + ": no column '" + column + "' in "
                        + Arrays.toString(data.schema().fieldNames())));
        boolean fits = type == null ? field.dataType() instanceof NumericType : field.dataType().equals(type);
        if (!fits) {
            throw new Nndl4jException(OPERATION + ": column '" + column + "' must be " + what + ", it is "
                    + field.dataType().simpleString());
        }
    }

    /** The cached blocks, one per partition (in partition order). */
    JavaRDD<ExampleBlock> rdd() {
        return blocks;
    }

    /** @return the number of examples trained on, {@code m} (bad rows skipped not counted) */
    public long examples() {
        return examples;
    }

    /** @return the number of bad rows left out ({@link BadRows#SKIP}) */
    public long skipped() {
        return skipped;
    }

    /** @return the number of Spark partitions (blocks) */
    public int partitions() {
        return partitions;
    }

    /** @return the number of features of an example, {@code n[0]} */
    public int features() {
        return features;
    }

    /** @return the number of output units the labels were checked for (1: 0/1 labels; C: class indices) */
    public int outputs() {
        return outputs;
    }

    /** Frees the cached blocks (without waiting). */
    public void unpersist() {
        blocks.unpersist(false);
    }

    /** Frees the cached blocks ({@link #unpersist()}). */
    @Override
    public void close() {
        unpersist();
    }
}
