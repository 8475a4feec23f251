package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.MiniBatches;
import org.nndl4j.train.Precision;
import org.nndl4j.train.Regularization;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * Bad rows are never trained on: refused naming the partition and the row's index in it and what is wrong, or counted
 * and left out when asked; and what distributed training does not do is refused before anything runs. Small data in
 * two partitions of six rows, {@code local[2]}.
 */
class SparkBadRowsTest {

    private static SparkSession spark;
    private static JavaSparkContext jsc;

    private static final TrainingConfig CONFIG = TrainingConfig.of(20, 0.5).withRecordEvery(5);

    @BeforeAll
    static void start() {
        spark = SparkTestData.session("local[2]");
        jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Network binary() {
        return Initialization.HE.initialize(new int[] {4, 3, 1}, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(2));
    }

    private static Network softmax() {
        return Initialization.HE.initialize(new int[] {4, 3, 3}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(2));
    }

    /** Twelve good rows (partition 0: rows 0..5, partition 1: rows 6..11), labels 0, 1, 2, 0, ... */
    private static List<Row> goodRows() {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < 12; j++) {
            rows.add(RowFactory.create(Vectors.dense(j * 0.1, 1 - j * 0.05, Math.sin(j), j % 3 * 0.5), (double) (j % 3)));
        }
        return rows;
    }

    private static List<Row> binaryRows() {
        List<Row> rows = new ArrayList<>();
        for (Row r : goodRows()) {
            rows.add(RowFactory.create(r.get(0), r.getDouble(1) == 0 ? 0.0 : 1.0));
        }
        return rows;
    }

    private static Dataset<Row> frame(List<Row> rows) {
        StructType schema = SparkTestData.schema();
        return spark.createDataFrame(jsc.parallelize(rows, 2), schema);
    }

    /** {@code rows} with row {@code at} (global index; partition 1 starts at 6) replaced by {@code bad}. */
    private static List<Row> with(List<Row> rows, int at, Row bad) {
        List<Row> out = new ArrayList<>(rows);
        out.set(at, bad);
        return out;
    }

    private static BadRowException refused(Network network, List<Row> rows) {
        return assertThrows(BadRowException.class, () -> SparkTraining.fit(network, frame(rows), "features", "label",
                CONFIG, TrainingListener.none()));
    }

    @Test
    void wrongFeatureCount_isRefused_namingPartitionAndRow() {
        BadRowException e = refused(binary(), with(binaryRows(), 8, RowFactory.create(Vectors.dense(1, 2, 3), 1.0)));
        assertEquals(1, e.partition());
        assertEquals(2, e.index());
        assertEquals("SparkTraining: partition 1, row 2: 3 features, the network takes 4", e.getMessage());
    }

    @Test
    void nonFiniteFeatures_areRefused_namingTheFeature() {
        BadRowException nan = refused(binary(), with(binaryRows(), 3,
                RowFactory.create(Vectors.dense(0, Double.NaN, 0, 0), 1.0)));
        assertEquals("SparkTraining: partition 0, row 3: feature 1 is NaN (features must be finite)",
                nan.getMessage());
        BadRowException inf = refused(binary(), with(binaryRows(), 11,
                RowFactory.create(Vectors.sparse(4, new int[] {3}, new double[] {Double.NEGATIVE_INFINITY}), 0.0)));
        assertEquals("SparkTraining: partition 1, row 5: feature 3 is -Infinity (features must be finite)",
                inf.getMessage());
    }

    @Test
    void labelsOutsideTheClasses_areRefused() {
        BadRowException two = refused(binary(), with(binaryRows(), 0, RowFactory.create(Vectors.dense(0, 0, 0, 0), 2.0)));
        assertEquals("SparkTraining: partition 0, row 0: label 2.0 is not a class of the network's output "
                + "(0 or 1 for one sigmoid unit)", two.getMessage());
        BadRowException three = refused(softmax(), with(goodRows(), 7, RowFactory.create(Vectors.dense(0, 0, 0, 0), 3.0)));
        assertEquals("SparkTraining: partition 1, row 1: label 3.0 is not a class of the network's output "
                + "(0 .. 2 for 3 softmax units)", three.getMessage());
        BadRowException half = refused(softmax(), with(goodRows(), 4, RowFactory.create(Vectors.dense(0, 0, 0, 0), 0.5)));
        assertTrue(half.getMessage().startsWith("SparkTraining: partition 0, row 4: label 0.5 is not a class"),
                half.getMessage());
        BadRowException negative = refused(softmax(), with(goodRows(), 5, RowFactory.create(Vectors.dense(0, 0, 0, 0), -1.0)));
        assertTrue(negative.getMessage().startsWith("SparkTraining: partition 0, row 5: label -1.0"),
                negative.getMessage());
    }

    @Test
    void missingValues_areRefused() {
        BadRowException features = refused(binary(), with(binaryRows(), 6, RowFactory.create(null, 1.0)));
        assertEquals("SparkTraining: partition 1, row 0: the features are missing (null)", features.getMessage());
        BadRowException label = refused(binary(), with(binaryRows(), 1,
                RowFactory.create(Vectors.dense(0, 0, 0, 0), null)));
        assertEquals("SparkTraining: partition 0, row 1: the label is missing (null)", label.getMessage());
    }

    @Test
    void rddExamples_badOnesAreRefusedToo() {
        List<LabeledExample> examples = new ArrayList<>();
        for (Row r : goodRows()) {
            examples.add(new LabeledExample(((org.apache.spark.ml.linalg.Vector) r.get(0)).toArray(), r.getDouble(1)));
        }
        examples.set(9, new LabeledExample(new double[] {1, 2, 3, 4, 5}, 0));
        JavaRDD<LabeledExample> rdd = jsc.parallelize(examples, 2);
        BadRowException e = assertThrows(BadRowException.class, () -> SparkTraining.fit(softmax(), rdd, CONFIG,
                TrainingListener.none()));
        assertEquals("SparkTraining: partition 1, row 3: 5 features, the network takes 4", e.getMessage());
    }

    @Test
    void skip_countsTheBadRows_andTrainsOnTheOthersOnly() {
        List<Row> rows = binaryRows();
        List<Row> bad = new ArrayList<>(rows);
        bad.set(2, RowFactory.create(Vectors.dense(1, 2), 1.0));
        bad.set(7, RowFactory.create(Vectors.dense(0, Double.POSITIVE_INFINITY, 0, 0), 0.0));
        bad.set(10, RowFactory.create(Vectors.dense(0, 0, 0, 0), 7.0));
        SparkTrainingOptions skip = SparkTrainingOptions.defaults().withBadRows(BadRows.SKIP);
        SparkTrainingResult skipped = SparkTraining.fit(binary(), frame(bad), "features", "label", CONFIG, skip,
                TrainingListener.none());

        // the same partitions without those rows
        List<Row> left = new ArrayList<>(rows.subList(0, 6));
        left.remove(2);
        List<Row> right = new ArrayList<>(rows.subList(6, 12));
        right.remove(4);
        right.remove(1);
        List<List<Row>> parts = List.of(left, right);
        JavaRDD<Row> clean = jsc.parallelize(Arrays.asList(0, 1), 2).flatMap(p -> parts.get(p).iterator());
        TrainingResult expected = SparkTraining.fit(binary(), spark.createDataFrame(clean, SparkTestData.schema()),
                "features", "label", CONFIG, TrainingListener.none()).training();

        assertEquals(3, skipped.skipped());
        assertEquals(9, skipped.examples());
        assertArrayEquals(expected.costs().costs(), skipped.training().costs().costs());
        assertArrayEquals(expected.network().W(1).toRowMajor(), skipped.training().network().W(1).toRowMajor());
    }

    @Test
    void skip_withNothingLeft_isRefused() {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            rows.add(RowFactory.create(Vectors.dense(j, j), 0.0));
        }
        Nndl4jException e = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), frame(rows),
                "features", "label", CONFIG, SparkTrainingOptions.defaults().withBadRows(BadRows.SKIP),
                TrainingListener.none()));
        assertEquals("SparkTraining: no examples to train on (all 4 rows were bad and skipped)", e.getMessage());
    }

    @Test
    void missingOrMistypedColumns_areRefused() {
        Dataset<Row> data = frame(binaryRows());
        Nndl4jException missing = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data,
                "pixels", "label", CONFIG, TrainingListener.none()));
        assertEquals("SparkTraining: no column 'pixels' in [features, label]", missing.getMessage());
        Dataset<Row> text = data.withColumn("name", org.apache.spark.sql.functions.lit("cat"));
        Nndl4jException label = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), text,
                "features", "name", CONFIG, TrainingListener.none()));
        assertEquals("SparkTraining: column 'name' must be a numeric column, it is string", label.getMessage());
        Nndl4jException features = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data,
                "label", "label", CONFIG, TrainingListener.none()));
        assertEquals("SparkTraining: column 'label' must be a Spark ML vector column (VectorUDT), it is double",
                features.getMessage());
    }

    @Test
    void whatDistributedTrainingDoesNotDo_isRefusedBeforeAnythingRuns() {
        Dataset<Row> data = frame(binaryRows());
        String batches = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data, "features",
                "label", CONFIG.withMiniBatches(MiniBatches.shuffled(4, 1)), TrainingListener.none())).getMessage();
        assertTrue(batches.startsWith("SparkTraining: full-batch training only"), batches);
        String l2 = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data, "features", "label",
                CONFIG.withRegularization(Regularization.l2(0.1)), TrainingListener.none())).getMessage();
        assertTrue(l2.startsWith("SparkTraining: regularisation (L2, dropout) is not distributed"), l2);
        String gram = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data, "features",
                "label", CONFIG.withEngine(Engine.GRAM), TrainingListener.none())).getMessage();
        assertTrue(gram.contains("Engine.GRAM"), gram);
        String f32 = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data, "features",
                "label", CONFIG.withPrecision(Precision.FLOAT32), TrainingListener.none())).getMessage();
        assertTrue(f32.contains("float64") && f32.contains("Precision.FLOAT32"), f32);
        String nulls = assertThrows(Nndl4jException.class, () -> SparkTraining.fit(binary(), data, "features",
                "label", CONFIG, null)).getMessage();
        assertTrue(nulls.startsWith("SparkTraining: listener"), nulls);
    }
}
