package org.nndl4j.spark.examples;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.nndl4j.Nndl4jException;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.nn.Network;
import org.nndl4j.spark.BadRows;
import org.nndl4j.spark.ExampleBlocks;
import org.nndl4j.spark.LabeledExample;
import org.nndl4j.spark.SparkTraining;
import org.nndl4j.spark.SparkTrainingOptions;
import org.nndl4j.spark.SparkTrainingResult;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * The cat application's two models, (12288, 7, 1) and [12288, 20, 7, 5, 1] at 0.0075 for 2500 iterations, trained on
 * Spark: the 209 training images in partitions, loaded in the executors from the nndl4j jar. Prints the course's
 * cost lines and accuracies; with {@code --compare} also trains each model in this JVM alone
 * ({@code Training.fit}, {@link Engine#PRIMAL}) and prints the largest relative difference over every iteration's
 * cost, and the two wall times.
 */
public final class SparkCatTraining {

    private static final String USAGE = String.join("\n",
            "Usage: SparkCatTraining [--master URL] [--partitions N] [--iterations N] [--skip-two-layer] [--compare]",
            "  --master URL      the Spark master when spark-submit does not set one (default local[*])",
            "  --partitions N    partitions of the 209 training images (default 4)",
            "  --iterations N    iterations of each model (default 2500)",
            "  --skip-two-layer  train the L-layer model only",
            "  --compare         also train each model in this JVM alone and print the largest relative cost",
            "                    difference over every iteration, and both wall times");

    private SparkCatTraining() {
    }

    /** The command line. */
    private record Options(String master, int partitions, int iterations, boolean twoLayer, boolean compare) {
    }

    /**
     * Trains the two models on Spark and prints their costs and accuracies.
     *
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SparkCatTraining: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("nndl4j SparkCatTraining");
        if (!conf.contains("spark.master")) {
            conf.setMaster(options.master());
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark, options, System.out);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, Options options, PrintStream out) {
        CatDataset cat = CatDataset.loadBundled();
        LabeledData train = cat.train().data();
        LabeledData test = cat.test().data();
        JavaRDD<LabeledExample> examples = images(spark, train.size(), options.partitions());
        out.println("Spark " + spark.version() + ", master " + spark.sparkContext().master() + ", "
                + options.partitions() + " partitions of the " + train.size() + " training images");
        TrainingConfig config = TrainingConfig.of(options.iterations(), 0.0075).withRecordEvery(1);
        if (options.twoLayer()) {
            Network initial = DeepNetwork.initializeParameters(12288, 7, 1).toNetwork();
            out.println("Two-layer model (12288, 7, 1), learning rate 0.0075, " + options.iterations() + " iterations");
            train(examples, initial, config, train, test, options, out,
                    p -> out.println("Cost after iteration " + p.iteration() + ": " + p.cost()));
        }
        Network initial = CourseInitialization.APPLICATION.initialize(new int[] {12288, 20, 7, 5, 1}).toNetwork();
        out.println("L-layer model [12288, 20, 7, 5, 1], learning rate 0.0075, " + options.iterations()
                + " iterations");
        train(examples, initial, config, train, test, options, out,
                p -> out.println(String.format(Locale.ROOT, "Cost after iteration %d: %f", p.iteration(), p.cost())));
    }

    private static void train(JavaRDD<LabeledExample> examples, Network initial, TrainingConfig config,
                              LabeledData train, LabeledData test, Options options, PrintStream out,
                              TrainingListener printer) {
        TrainingListener every100 = p -> {
            if (p.iteration() % 100 == 0) {
                printer.costRecorded(p);
            }
        };
        long start = System.nanoTime();
        SparkTrainingResult distributed;
        try (ExampleBlocks blocks = ExampleBlocks.fromRdd(examples, initial, BadRows.REFUSE)) {
            distributed = SparkTraining.fit(initial, blocks, config, SparkTrainingOptions.defaults(), every100);
        }
        double sparkSeconds = (System.nanoTime() - start) / 1e9;
        TrainingResult result = distributed.training();
        out.println("Accuracy: " + Metrics.accuracy(result.network().predict(train.X()), train.Y()));
        out.println("Accuracy: " + Metrics.accuracy(result.network().predict(test.X()), test.Y()));
        out.println(String.format(Locale.ROOT, "(%d iterations on Spark in %.1f s wall, conversion included)",
                result.iterations(), sparkSeconds));
        if (!options.compare()) {
            return;
        }
        TrainingResult single = Training.fit(initial, train, config.withEngine(Engine.PRIMAL), TrainingListener.none());
        double worst = 0;
        int at = 0;
        for (int k = 0; k < single.costs().size(); k++) {
            double e = single.costs().cost(k);
            double d = Math.abs(result.costs().cost(k) - e) / Math.abs(e);
            if (d > worst) {
                worst = d;
                at = k;
            }
        }
        boolean samePredictions = Arrays.equals(single.network().predict(train.X()).toRowMajor(),
                result.network().predict(train.X()).toRowMajor())
                && Arrays.equals(single.network().predict(test.X()).toRowMajor(),
                result.network().predict(test.X()).toRowMajor());
        out.println(String.format(Locale.ROOT, "single machine (PRIMAL, one JVM): %.1f s; largest relative cost "
                        + "difference over the %d iterations: %.2e (iteration %d); same predictions: %b",
                single.wallTime().toNanos() / 1e9, single.costs().size(), worst, at, samePredictions));
    }

    /**
     * The training images as examples in {@code partitions} contiguous slices, read in the executors (the nndl4j jar
     * carries the data set): a partition travels as its range, not as its pixels.
     */
    static JavaRDD<LabeledExample> images(SparkSession spark, int m, int partitions) {
        List<int[]> ranges = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ranges.add(new int[] {(int) ((long) m * p / partitions), (int) ((long) m * (p + 1) / partitions)});
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, partitions)
                .flatMap(r -> Images.slice(r[0], r[1]).iterator());
    }

    /** The bundled training images, loaded once per executor JVM. */
    private static final class Images implements Serializable {
        private static final long serialVersionUID = 1L;
        private static LabeledData train;

        static synchronized List<LabeledExample> slice(int from, int to) {
            if (train == null) {
                train = CatDataset.loadBundled().train().data();
            }
            double[][] X = train.X().toArray();
            double[] y = train.Y().toRowMajor();
            List<LabeledExample> out = new ArrayList<>(to - from);
            for (int j = from; j < to; j++) {
                double[] x = new double[X.length];
                for (int i = 0; i < X.length; i++) {
                    x[i] = X[i][j];
                }
                out.add(new LabeledExample(x, y[j]));
            }
            return out;
        }
    }

    private static Options parse(String[] args) {
        String master = "local[*]";
        int partitions = 4;
        int iterations = 2500;
        boolean twoLayer = true;
        boolean compare = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--master" -> master = value(args, ++i, "--master");
                case "--partitions" -> partitions = positive(value(args, ++i, "--partitions"), "--partitions");
                case "--iterations" -> iterations = positive(value(args, ++i, "--iterations"), "--iterations");
                case "--skip-two-layer" -> twoLayer = false;
                case "--compare" -> compare = true;
                default -> throw new Nndl4jException("unknown argument '" + args[i] + "'");
            }
        }
        return new Options(master, partitions, iterations, twoLayer, compare);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new Nndl4jException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String flag) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Nndl4jException(flag + " must be a whole number >= 1, got '" + value + "'");
    }
}
