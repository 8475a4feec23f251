package org.nndl4j.spark.ml;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nndl4j.data.LabeledData;
import org.nndl4j.data.PlanarDatasets;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Network;

/** The estimator tests' session and data: the planar flower (2 classes) and a 3-class split of it. */
final class MlTestData {

    private MlTestData() {
    }

    /** A small local[2] session: no UI, few shuffle partitions, on the loopback interface. */
    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("nndl4j-spark-ml-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** The course's planar flower: X (2, 400), Y (1, 400) of 0/1. */
    static LabeledData flower() {
        return PlanarDatasets.flower();
    }

    /**
     * The flower's points with 3 classes, by the angle of the point (three 120-degree sectors): X (2, 400), one-hot
     * Y (3, 400).
     */
    static LabeledData sectors() {
        Matrix X = flower().X();
        int m = X.cols();
        int[] labels = new int[m];
        for (int j = 0; j < m; j++) {
            double angle = Math.atan2(X.get(1, j), X.get(0, j)) + Math.PI;
            labels[j] = Math.min(2, (int) (angle / (2 * Math.PI / 3)));
        }
        return LabeledData.ofClasses(X, labels, List.of("a", "b", "c"));
    }

    /** The rows (features vector, label index) of {@code data}, in {@code partitions} contiguous slices, in order. */
    static Dataset<Row> dataset(SparkSession spark, LabeledData data, int partitions) {
        double[][] X = data.X().toArray();
        double[] y = data.labels().toRowMajor();
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < y.length; j++) {
            double[] x = new double[X.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = X[i][j];
            }
            rows.add(RowFactory.create(Vectors.dense(x), y[j]));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, partitions), schema);
    }

    /** The largest difference between the two networks' parameters, relative to each matrix's largest value. */
    static double relativeDifference(Network a, Network b) {
        double worst = 0;
        for (int l = 1; l <= a.numLayers(); l++) {
            worst = Math.max(worst, relative(a.W(l), b.W(l)));
            worst = Math.max(worst, relative(a.b(l), b.b(l)));
        }
        return worst;
    }

    private static double relative(Matrix a, Matrix b) {
        double[] x = a.toRowMajor();
        double[] y = b.toRowMajor();
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(x[i]), Math.abs(y[i])));
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
