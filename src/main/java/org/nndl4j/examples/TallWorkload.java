package org.nndl4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.MiniBatches;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.Precision;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingProgress;
import org.nndl4j.train.TrainingResult;

/**
 * The tall workload: a network [784, 128, 64, 1] (ReLU, ReLU, sigmoid) trained in float64 (or float32) on {@code m} synthetic
 * examples (default 60,000, the size of MNIST's training set), by full-batch gradient descent or by Adam on
 * mini-batches. It is the same computation as {@code tall_numpy.py} (a resource beside this class), so the two print
 * the same costs up to rounding: {@code X = rand(784, m)} from {@code NumpyRandom(seed)}, labels
 * {@code Y = (X[0] + X[1] > 1)}, He initialisation from {@code NumpyRandom(1)}, learning rate 0.01 for gradient
 * descent and 0.001 for Adam, whose batch order comes from {@code NumpyRandom(seed + 1)}.
 *
 * <p>Prints each iteration's cost and wall time, then one summary line: the engine, the median seconds per
 * iteration (the first left out), GFLOP/s (multiply-adds counted twice; the products a step needs, without
 * {@code dA0}), and the process's peak resident memory so far ({@code VmHWM} of {@code /proc/self/status}, Linux
 * only; the kernel updates it lazily, so {@code /usr/bin/time -v}'s "Maximum resident set size" at exit is the figure
 * to compare with other programs).
 *
 * <pre>
 * java -cp target/classes:... org.nndl4j.examples.TallWorkload [--examples M] [--iterations N] [--threads T]
 *      [--optimizer gd|adam] [--batch-size B] [--learning-rate A] [--engine NAME] [--seed S] [--precision f64|f32]
 * </pre>
 */
public final class TallWorkload {

    /** The layer sizes. */
    static final int[] LAYER_DIMS = {784, 128, 64, 1};

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: TallWorkload [--examples M] [--iterations N] [--threads T] [--optimizer gd|adam]",
            "                    [--batch-size B] [--learning-rate A] [--engine NAME] [--seed S] [--precision P]",
            "  --examples M        examples m, columns of X (784, m) (default 60000)",
            "  --iterations N      full-batch iterations, or epochs with adam (default 5)",
            "  --threads T         threads of the training's matrix products (default 1)",
            "  --optimizer NAME    gd: full-batch gradient descent (default); adam: Adam on mini-batches",
            "  --batch-size B      mini-batch size with adam (default 256)",
            "  --learning-rate A   default 0.01 with gd, 0.001 with adam",
            "  --engine NAME       auto (default), primal, gram, reference",
            "  --seed S            seed of the data (default 0); the batch order uses S + 1",
            "  --precision P       f64 (default) or f32 (float32 steps on the PRIMAL engine, float64 parameters)");

    private TallWorkload() {
    }

    /** The command-line options. */
    record Options(int examples, int iterations, int threads, boolean adam, int batchSize, double learningRate,
                   Engine engine, long seed, Precision precision) {

        /** @return the training configuration, recording every iteration */
        TrainingConfig config() {
            TrainingConfig config = new TrainingConfig(iterations, learningRate, 1).withEngine(engine)
                    .withThreads(threads).withPrecision(precision);
            return adam ? config.withOptimizer(Optimizer.adam())
                    .withMiniBatches(MiniBatches.shuffled(batchSize, seed + 1)) : config;
        }
    }

    /**
     * Runs the workload.
     *
     * @param args the flags of {@link #USAGE}
     */
    public static void main(String[] args) {
        CommandLine.main("TallWorkload", USAGE, args, TallWorkload::parse, TallWorkload::run);
    }

    static Options parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, Set.of("--examples", "--iterations", "--threads",
                "--optimizer", "--batch-size", "--learning-rate", "--engine", "--seed", "--precision"), Set.of());
        if (flags == null) {
            return null;
        }
        String optimizer = flags.value("--optimizer", "gd");
        if (!optimizer.equals("gd") && !optimizer.equals("adam")) {
            throw new org.nndl4j.Nndl4jException("--optimizer must be gd or adam, got '" + optimizer + "'");
        }
        boolean adam = optimizer.equals("adam");
        double rate = adam ? 0.001 : 0.01;
        if (flags.has("--learning-rate")) {
            try {
                rate = Double.parseDouble(flags.value("--learning-rate", ""));
            } catch (NumberFormatException e) {
                throw new org.nndl4j.Nndl4jException("--learning-rate needs a number, got '"
                        + flags.value("--learning-rate", "") + "'");
            }
        }
        long seed;
        try {
            seed = Long.parseLong(flags.value("--seed", "0"));
        } catch (NumberFormatException e) {
            throw new org.nndl4j.Nndl4jException("--seed needs a whole number, got '" + flags.value("--seed", "") + "'");
        }
        String precision = flags.value("--precision", "f64");
        if (!precision.equals("f64") && !precision.equals("f32")) {
            throw new org.nndl4j.Nndl4jException("--precision must be f64 or f32, got '" + precision + "'");
        }
        return new Options(flags.positive("--examples", 60_000), flags.positive("--iterations", 5),
                flags.positive("--threads", 1), adam, flags.positive("--batch-size", 256), rate, flags.engine(), seed,
                precision.equals("f32") ? Precision.FLOAT32 : Precision.FLOAT64);
    }

    /** {@code X = rand(784, m)} from {@code NumpyRandom(seed)}, {@code Y = (X[0] + X[1] > 1)}. */
    static LabeledData data(int m, long seed) {
        Matrix X = new NumpyRandom(seed).rand(LAYER_DIMS[0], m);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = X.get(0, j) + X.get(1, j) > 1.0 ? 1.0 : 0.0;
        }
        return LabeledData.of(X, Matrix.rowVector(y));
    }

    static void run(Options options, PrintStream out) throws IOException {
        LabeledData data = data(options.examples(), options.seed());
        Network initial = Initialization.HE.initialize(LAYER_DIMS, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(1));
        List<Double> seconds = new ArrayList<>();
        long[] last = {System.nanoTime()};
        TrainingResult result = Training.fit(initial, data, options.config(), (TrainingProgress p) -> {
            long now = System.nanoTime();
            seconds.add((now - last[0]) / 1e9);
            out.printf(Locale.ROOT, "iteration %d: cost %.17g, %.3f s%n", p.iteration(), p.cost(),
                    seconds.get(seconds.size() - 1));
            last[0] = System.nanoTime();
        });
        double median = median(seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds);
        double gflop = flopsPerEpoch(options.examples()) / 1e9;
        out.printf(Locale.ROOT, "%s%s, %s, m = %d, %d thread(s): %.4f s per %s (median), %.1f GFLOP/s, peak RSS so far %s%n",
                result.engine(), options.precision() == Precision.FLOAT32 ? " float32" : "", options.adam() ? "Adam, batches of " + options.batchSize() : "full-batch gradient descent",
                options.examples(), options.threads(), median, options.adam() ? "epoch" : "iteration", gflop / median,
                peakRss());
    }

    /** Floating-point operations of one epoch: forward, dW and dA of every layer but dA0; 2 per multiply-add. */
    static double flopsPerEpoch(int m) {
        double forward = 0.0;
        double dA = 0.0;
        for (int l = 1; l < LAYER_DIMS.length; l++) {
            forward += (double) LAYER_DIMS[l] * LAYER_DIMS[l - 1];
            dA += l > 1 ? (double) LAYER_DIMS[l] * LAYER_DIMS[l - 1] : 0.0;
        }
        return 2.0 * m * (2.0 * forward + dA);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {@code VmHWM} of this process in MB, or "unknown" where {@code /proc} is missing. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb * 1024 / 1e6);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
