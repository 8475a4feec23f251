package org.nndl4j.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingListener;

/**
 * Times the second course's mini-batch trainings (the moons with gradient descent, momentum and Adam, 10,000 epochs
 * of batches of 64) and the digits network with Adam (300 epochs of batches of 32) against their numpy transcription
 * ({@code optimizers_numpy.py}, the code the golden values come from) run in the same session, and checks that the
 * recorded costs agree.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=org.nndl4j.examples.OptimizerBenchmark [-Dexec.args="--runs 3"]
 * </pre>
 *
 * The runs are interleaved (every training once, then every training again, ...), in nndl4j and in numpy alike.
 * The first rounds warm up: the JVM compiles the training's code during the first one or two trainings, on the same
 * core when pinned; their times are printed, and the first run's are in the table's "first run" column, but the
 * median is over the runs after them (numpy's alike). Flags: {@code --runs N} (default 3; the median is reported),
 * {@code --warm-up W} (default 1 round), {@code --threads T} (default 1: the kernel's threads and numpy's
 * {@code OPENBLAS_NUM_THREADS}), {@code --python CMD} (default python3), {@code --no-numpy}. Not a unit test.
 */
public final class OptimizerBenchmark {

    private static final String USAGE =
            "usage: OptimizerBenchmark [--runs N] [--warm-up W] [--threads T] [--python CMD] [--no-numpy]";
    private static final List<String> WORKLOADS = List.of("moons-gd", "moons-momentum", "moons-adam", "digits-adam");

    private OptimizerBenchmark() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args the flags described above
     * @throws Exception if a run fails or the numpy process cannot be started
     */
    public static void main(String[] args) throws Exception {
        int runs = 3;
        int warmUp = 1;
        int threads = 1;
        String python = "python3";
        boolean numpy = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = CommandLine.positiveInt(CommandLine.value(args, ++i, "--runs"), "--runs");
                case "--warm-up" -> warmUp = CommandLine.nonNegativeInt(CommandLine.value(args, ++i, "--warm-up"),
                        "--warm-up");
                case "--threads" -> threads = CommandLine.positiveInt(CommandLine.value(args, ++i, "--threads"), "--threads");
                case "--python" -> python = CommandLine.value(args, ++i, "--python");
                case "--no-numpy" -> numpy = false;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("OptimizerBenchmark: unknown argument '" + args[i] + "'");
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        Gemm.setThreads(threads);
        LabeledData moons = Course2Datasets.moons();
        DigitsDataset digits = DigitsDataset.loadBundled();
        int rounds = warmUp + runs;
        System.out.printf(Locale.ROOT, "Java %s; %d thread(s); median of %d runs after %d warm-up round(s)%n",
                System.getProperty("java.version"), threads, runs, warmUp);
        Map<String, double[]> javaSeconds = new LinkedHashMap<>();
        Map<String, double[]> javaCosts = new LinkedHashMap<>();
        for (String w : WORKLOADS) {
            javaSeconds.put(w, new double[rounds]);
        }
        // interleaved (gd, momentum, Adam, digits, gd, ...), numpy's too: the JVM's start-up and the JIT's first
        // compilations fall on the first round, one run of each training, not on two runs of the first training
        for (int r = 0; r < rounds; r++) {
            for (String w : WORKLOADS) {
                long t0 = System.nanoTime();
                javaCosts.put(w, train(w, moons, digits));
                javaSeconds.get(w)[r] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  nndl4j %-15s %8.3f s%s%n", w, javaSeconds.get(w)[r],
                        r < warmUp ? " (warm-up)" : "");
            }
        }
        Map<String, List<Double>> numpySeconds = new LinkedHashMap<>();
        Map<String, double[]> numpyCosts = new LinkedHashMap<>();
        if (numpy) {
            runNumpy(python, moons, digits, rounds, threads, numpySeconds, numpyCosts);
        }
        System.out.println();
        System.out.println("| training | numpy (course code) | nndl4j | speed-up | first run: numpy / nndl4j, speed-up "
                + "| max relative cost difference |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String w : WORKLOADS) {
            double[] all = javaSeconds.get(w);
            double ours = BenchmarkOutput.median(Arrays.copyOfRange(all, warmUp, rounds));
            List<Double> theirs = numpySeconds.get(w);
            if (theirs == null || theirs.size() != rounds) {
                System.out.printf(Locale.ROOT, "| %s | n/a | %.3f s | n/a | n/a / %.3f s | n/a |%n", w, ours, all[0]);
                continue;
            }
            double[] numpyAll = theirs.stream().mapToDouble(Double::doubleValue).toArray();
            double np = BenchmarkOutput.median(Arrays.copyOfRange(numpyAll, warmUp, rounds));
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.3f s | %.1fx | %.2f s / %.3f s, %.1fx | %.1e |%n", w, np,
                    ours, np / ours, numpyAll[0], all[0], numpyAll[0] / all[0],
                    maxRelative(numpyCosts.get(w), javaCosts.get(w)));
        }
    }

    /** One training from scratch; returns the recorded costs (every 100 epochs for the moons, every 10 for the digits). */
    private static double[] train(String workload, LabeledData moons, DigitsDataset digits) {
        if (workload.equals("digits-adam")) {
            return DigitsClassifier.train(digits, DigitsClassifier.adamConfig(DigitsClassifier.ADAM_EPOCHS,
                    DigitsClassifier.ADAM_LEARNING_RATE), TrainingListener.none()).costs().costs();
        }
        MoonsOptimizers.Run run = MoonsOptimizers.OPTIMIZERS.get(List.of("moons-gd", "moons-momentum", "moons-adam")
                .indexOf(workload));
        return MoonsOptimizers.train(moons, run, 10_000, Engine.AUTO, TrainingListener.none()).costs().costs();
    }

    private static void runNumpy(String python, LabeledData moons, DigitsDataset digits, int runs, int threads,
                                 Map<String, List<Double>> seconds, Map<String, double[]> costs) throws IOException {
        Path dir = Files.createTempDirectory("nndl4j-optimizer-benchmark");
        try {
            Npy.write(dir.resolve("moons_x.npy"), moons.X());
            Npy.write(dir.resolve("moons_y.npy"), moons.Y());
            Npy.write(dir.resolve("digits_x.npy"), digits.train().X());
            Npy.write(dir.resolve("digits_y.npy"), digits.train().Y());
            Path script = dir.resolve("optimizers_numpy.py");
            try (InputStream in = OptimizerBenchmark.class.getResourceAsStream("optimizers_numpy.py")) {
                if (in == null) {
                    throw new IOException("optimizers_numpy.py is missing from the classpath");
                }
                Files.copy(in, script);
            }
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), dir.toString(), Integer.toString(runs),
                    String.join(",", WORKLOADS));
            for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) {
                pb.environment().put(v, Integer.toString(threads));
            }
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                System.out.println("numpy: not run (" + python + " could not be started: " + e.getMessage() + ")");
                return;
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("\"numpy\"")) {
                        System.out.println("numpy: " + line);
                        continue;
                    }
                    String w = BenchmarkOutput.field(line, "workload");
                    double s = Double.parseDouble(BenchmarkOutput.field(line, "seconds"));
                    seconds.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
                    costs.put(w, BenchmarkOutput.numbers(line, "costs"));
                    System.out.printf(Locale.ROOT, "  numpy  %-15s %8.3f s%n", w, s);
                }
            }
            try {
                int exit = p.waitFor();
                if (exit != 0) {
                    System.out.println("numpy: " + python + " exited with status " + exit + "; its results are left out");
                    seconds.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroy();
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static double maxRelative(double[] expected, double[] actual) {
        if (expected == null || actual == null || expected.length != actual.length) {
            return Double.NaN;
        }
        double d = 0;
        for (int i = 0; i < expected.length; i++) {
            d = Math.max(d, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
        }
        return d;
    }



}
