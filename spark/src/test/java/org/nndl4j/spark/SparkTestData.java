package org.nndl4j.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.data.LabeledData;

/** Test data as Spark sees it, and the one way tests start Spark. */
final class SparkTestData {

    private SparkTestData() {
    }

    /** A small local session: {@code master} such as {@code local[2]}, no UI, few shuffle partitions. */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("nndl4j-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /**
     * The bundled data sets, loaded where they are used: on the driver for the single-machine runs and in the
     * executors for Spark's (the nndl4j jar carries them). Data handed to {@code parallelize} would travel inside
     * every task of every iteration; here a partition is only its range of examples.
     */
    enum Source {
        CAT_TRAIN, DIGITS_TRAIN;

        private volatile LabeledData loaded;

        LabeledData data() {
            if (loaded == null) {
                loaded = this == CAT_TRAIN ? CatDataset.loadBundled().train().data()
                        : DigitsDataset.loadBundled().train();
            }
            return loaded;
        }
    }

    /** The examples of {@code source} as (features, label) rows in {@code partitions} contiguous slices, in order. */
    static Dataset<Row> dataset(SparkSession spark, Source source, int partitions) {
        JavaRDD<Row> rows = rdd(spark, source, partitions)
                .map(e -> RowFactory.create(Vectors.dense(e.features()), e.label()));
        return spark.createDataFrame(rows, schema());
    }

    static StructType schema() {
        return new StructType().add("features", SQLDataTypes.VectorType(), true)
                .add("label", DataTypes.DoubleType, true);
    }

    /** The examples of {@code source} as an RDD in {@code partitions} contiguous slices, in order. */
    static JavaRDD<LabeledExample> rdd(SparkSession spark, Source source, int partitions) {
        int m = source.data().size();
        int[] bounds = new int[partitions + 1];
        for (int p = 0; p <= partitions; p++) {
            bounds[p] = (int) ((long) m * p / partitions);
        }
        return rdd(spark, source, partitions, bounds);
    }

    /** The examples of {@code source}: partition {@code p} holds examples {@code bounds[p] .. bounds[p + 1] - 1}. */
    static JavaRDD<LabeledExample> rdd(SparkSession spark, Source source, int partitions, int[] bounds) {
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ranges.add(new int[] {bounds[p], bounds[p + 1]});
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, partitions)
                .flatMap(r -> examples(source.data()).subList(r[0], r[1]).iterator());
    }

    static List<LabeledExample> examples(LabeledData data) {
        double[][] X = data.X().toArray();
        double[] labels = data.labels().toRowMajor();
        List<LabeledExample> out = new ArrayList<>();
        for (int j = 0; j < data.size(); j++) {
            double[] x = new double[X.length];
            for (int i = 0; i < X.length; i++) {
                x[i] = X[i][j];
            }
            out.add(new LabeledExample(x, labels[j]));
        }
        return out;
    }
}
