package org.nndl4j.spark.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.nndl4j.nn.Network;
import org.nndl4j.spark.BadRows;
import org.nndl4j.spark.ExampleBlocks;
import org.nndl4j.spark.SparkTraining;
import org.nndl4j.spark.SparkTrainingOptions;
import org.nndl4j.spark.SparkTrainingResult;
import org.nndl4j.spark.ml.NetworkClassificationModel;
import org.nndl4j.spark.ml.NetworkClassifier;
import org.nndl4j.train.TrainingListener;

import scala.collection.JavaConverters;

/**
 * The scale benchmark of the Spark module: a synthetic binary task ({@link SyntheticTask}: {@code n} examples of
 * {@code d} standard normal features, a noisy linear rule for labels) generated inside the executors, trained with
 * full-batch gradient descent by nndl4j ({@code [d, 64, 32, 1]}, ReLU hidden layers, He initialisation, through the
 * {@link NetworkClassifier}'s network and configuration) or by Spark MLlib's {@code MultilayerPerceptronClassifier}
 * ({@code [d, 64, 32, 2]}, its sigmoid hidden layers and softmax output; solver {@code gd} or {@code l-bfgs}). One
 * library and one master per run, so that the memory figures are that library's. Prints one line of results:
 * seconds per iteration (the mean time between the ends of consecutive gradient jobs, after the first, which also
 * builds the library's cached blocks), examples per second, training and test accuracy, the heap's peaks (sampled
 * every 50 ms: used, and live after collections) and the process's peak resident set ({@code VmHWM}). In {@code local[k]} mode the driver and the executor
 * are this one JVM.
 *
 * <pre>
 * mvn -q -o -f spark exec:exec -Dexec.mainClass=org.nndl4j.spark.examples.SparkScaleBenchmark \
 *     -Dexec.args="--master local[2] --library nndl4j --examples 2500000 --test-fraction 0.2 --iterations 21"
 * </pre>
 */
public final class SparkScaleBenchmark {

    private SparkScaleBenchmark() {
    }

    /**
     * Runs one benchmark.
     *
     * @param args {@code --master local[k]}, {@code --library nndl4j|mllib-gd|mllib-lbfgs}, {@code --examples n}
     *             (train and test together), {@code --test-fraction f}, {@code --features d}, {@code --iterations N},
     *             {@code --learning-rate α}, {@code --partitions p}, {@code --seed s}, {@code --sigma σ}
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = options(args);
        String master = a.getOrDefault("master", "local[2]");
        String library = a.getOrDefault("library", "nndl4j");
        long n = Long.parseLong(a.getOrDefault("examples", "2500000"));
        double testFraction = Double.parseDouble(a.getOrDefault("test-fraction", "0.2"));
        int d = Integer.parseInt(a.getOrDefault("features", "100"));
        int iterations = Integer.parseInt(a.getOrDefault("iterations", "21"));
        double rate = Double.parseDouble(a.getOrDefault("learning-rate", library.equals("nndl4j") ? "0.5" : "0.03"));
        int partitions = Integer.parseInt(a.getOrDefault("partitions", "4"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        double sigma = Double.parseDouble(a.getOrDefault("sigma", "0.3"));

        HeapPeak heap = HeapPeak.start();
        SparkSession spark = SparkSession.builder().master(master).appName("nndl4j-scale-benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        GradientJobs jobs = new GradientJobs();
        spark.sparkContext().addSparkListener(jobs);

        SyntheticTask task = new SyntheticTask(seed, d, sigma);
        int every = (int) Math.round(1 / testFraction);
        Dataset<Row> all = spark.range(0, n, 1, partitions).toDF("id")
                .withColumn("features", functions.udf((UDF1<Long, Vector>) id -> Vectors.dense(task.features(id)),
                        SQLDataTypes.VectorType()).apply(functions.col("id")))
                .withColumn("label", functions.udf((UDF2<Long, Vector, Double>) (id, x) -> task.label(id, x.toArray()),
                        DataTypes.DoubleType).apply(functions.col("id"), functions.col("features")));
        // every k-th example is a test example: the same split at any partitioning
        Dataset<Row> train = all.filter(functions.col("id").mod(every).notEqual(0));
        Dataset<Row> test = all.filter(functions.col("id").mod(every).equalTo(0)).cache();
        long mTest = test.count();

        long start = System.nanoTime();
        Result result = switch (library) {
            case "nndl4j" -> nndl4j(train, test, d, iterations, rate, seed);
            case "mllib-gd", "mllib-lbfgs" -> mllib(train, test, d, iterations, rate, seed,
                    library.equals("mllib-gd") ? "gd" : "l-bfgs");
            default -> throw new IllegalArgumentException("--library must be nndl4j, mllib-gd or mllib-lbfgs, got "
                    + library);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        List<double[]> gradientJobs = jobs.gradientJobs();
        double perJob = gradientJobs.size() < 2 ? Double.NaN
                : (gradientJobs.get(gradientJobs.size() - 1)[1] - gradientJobs.get(0)[1]) / 1000.0
                / (gradientJobs.size() - 1);
        long[] peakHeap = heap.stop();
        System.out.printf(Locale.ROOT, "master=%s library=%s m_train=%d m_test=%d d=%d partitions=%d iterations=%d "
                        + "learning_rate=%s gradient_jobs=%d s_per_iteration=%.3f examples_per_s=%.0f "
                        + "train_accuracy=%.4f test_accuracy=%.4f final_loss=%.6f bayes_accuracy=%.4f "
                        + "run_s=%.1f heap_used_peak_mb=%d heap_live_peak_mb=%d heap_max_mb=%d rss_peak_mb=%d cores=%d gradient_job_sites=%s%n",
                master, library, result.mTrain, mTest, d, partitions, result.iterations, rate, gradientJobs.size(),
                perJob, result.mTrain / perJob, result.trainAccuracy, result.testAccuracy, result.loss,
                task.bayesAccuracy(), seconds, peakHeap[0] / 1_000_000, peakHeap[1] / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000,
                peakRssKb() / 1000, Runtime.getRuntime().availableProcessors(), jobs.sites());
        spark.stop();
    }

    /** What one library's run gives. */
    private record Result(long mTrain, int iterations, double trainAccuracy, double testAccuracy, double loss) {
    }

    private static Result nndl4j(Dataset<Row> train, Dataset<Row> test, int d, int iterations, double rate,
                                 long seed) {
        NetworkClassifier classifier = new NetworkClassifier().setLayers(d, 64, 32, 1).setActivations("relu")
                .setInitialization("he").setIterations(iterations).setLearningRate(rate).setOptimizer("gd")
                .setSeed(seed);
        Network initial = classifier.initialNetwork();
        // the converted, cached blocks are nndl4j's cache of the input: made once, before the iterations
        try (ExampleBlocks blocks = ExampleBlocks.fromDataset(train, "features", "label", initial, BadRows.REFUSE)) {
            SparkTrainingResult fit = SparkTraining.fit(initial, blocks, classifier.trainingConfig()
                    .withRecordEvery(1), SparkTrainingOptions.defaults(), TrainingListener.none());
            NetworkClassificationModel model = new NetworkClassificationModel(fit.training().network());
            double[] costs = fit.training().costs().costs();
            return new Result(fit.examples(), iterations, accuracy(model.transform(train)),
                    accuracy(model.transform(test)), costs[costs.length - 1]);
        }
    }

    private static Result mllib(Dataset<Row> train, Dataset<Row> test, int d, int iterations, double rate, long seed,
                                String solver) {
        Dataset<Row> cached = train.cache();
        long m = cached.count();
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setLayers(new int[] {d, 64, 32, 2})
                .setSolver(solver).setMaxIter(iterations).setStepSize(rate).setTol(0.0).setSeed(seed);
        MultilayerPerceptronClassificationModel model = mlp.fit(cached);
        double[] losses = model.summary().objectiveHistory();
        return new Result(m, model.summary().totalIterations(), accuracy(model.transform(cached)),
                accuracy(model.transform(test)), losses[losses.length - 1]);
    }

    private static double accuracy(Dataset<Row> predictions) {
        Row r = predictions.agg(functions.avg(functions.when(functions.col("prediction")
                .equalTo(functions.col("label")), 1.0).otherwise(0.0))).first();
        return r.getDouble(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** The process's peak resident set, {@code VmHWM} in kB (0 where /proc is not there). */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** The end times of the jobs whose stages are a {@code treeAggregate} (one gradient pass each). */
    private static final class GradientJobs extends SparkListener {
        private final Map<Integer, String> gradient = new HashMap<>();
        private final List<double[]> ends = new ArrayList<>();
        private final Map<String, Integer> sites = new java.util.TreeMap<>();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart job) {
            for (StageInfo stage : JavaConverters.seqAsJavaList(job.stageInfos())) {
                if (stage.name().startsWith("treeAggregate")) {
                    gradient.put(job.jobId(), stage.name());
                }
            }
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd job) {
            String site = gradient.get(job.jobId());
            if (site != null) {
                ends.add(new double[] {job.jobId(), job.time()});
                sites.merge(site, 1, Integer::sum);
            }
        }

        synchronized String sites() {
            return sites.toString().replace(' ', '_');
        }

        synchronized List<double[]> gradientJobs() {
            return new ArrayList<>(ends);
        }
    }

    /**
     * The heap's peak use, sampled every 50 ms by a daemon thread: used (live objects and garbage not yet collected)
     * and live (the heap pools' use after their last collection).
     */
    private static final class HeapPeak implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peak;
        private volatile long live;

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            Thread t = new Thread(h, "heap-peak");
            t.setDaemon(true);
            t.start();
            return h;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                long afterGc = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
                live = Math.max(live, afterGc);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** @return {peak used, peak live} in bytes */
        long[] stop() {
            running = false;
            return new long[] {Math.max(peak, memory.getHeapMemoryUsage().getUsed()), live};
        }
    }
}
