package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.nndl4j.data.CatDataset;
import org.nndl4j.data.PlanarDatasets;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/**
 * Times the course's four trainings on the bundled data, on both engines, against the course's own
 * numpy code run in the same session ({@code python3} with numpy, when present), and checks that every
 * recorded cost agrees with numpy's.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=org.nndl4j.examples.Benchmark [-Dexec.args="--runs 5 --threads 1"]
 * </pre>
 *
 * Flags: {@code --runs N} (default 3; the median is reported), {@code --threads T} (Java kernel threads and
 * numpy's OPENBLAS_NUM_THREADS; default 1), {@code --workloads logistic,flower,two-layer,l-layer},
 * {@code --python CMD} (default python3), {@code --no-numpy}. Not a unit test: it takes minutes.
 */
public final class Benchmark {

    /** The four trainings of the course, with the course's hyperparameters. */
    enum Workload {
        LOGISTIC("logistic", "logistic regression, cat (12288 x 209)", 2000),
        FLOWER("flower", "one hidden layer (nH = 4), flower (2 x 400)", 10_000),
        TWO_LAYER("two-layer", "two-layer network (12288, 7, 1), cat", 2500),
        L_LAYER("l-layer", "L-layer network (12288, 20, 7, 5, 1), cat", 2500);

        final String id;
        final String title;
        final int iterations;

        Workload(String id, String title, int iterations) {
            this.id = id;
            this.title = title;
            this.iterations = iterations;
        }

        /** Trains once from scratch (initialisation included) and returns the recorded costs. */
        CostHistory train(LabeledData cat, LabeledData flower, Engine engine) {
            return switch (this) {
                case LOGISTIC -> LogisticRegression.optimize(Matrix.zeros(cat.features(), 1), 0.0, cat.X(), cat.Y(),
                        new TrainingConfig(iterations, 0.005, 100, engine), TrainingListener.none()).costs();
                case FLOWER -> ShallowNetwork.nnModel(flower.X(), flower.Y(), 4,
                        new TrainingConfig(iterations, ShallowNetwork.DEFAULT_LEARNING_RATE, 100, engine),
                        TrainingListener.none()).costs();
                case TWO_LAYER -> DeepModels.twoLayerModel(cat, 7,
                        new TrainingConfig(iterations, DeepModels.DEFAULT_LEARNING_RATE, 100, engine)).costs();
                case L_LAYER -> DeepModels.lLayerModel(cat, new int[] {12288, 20, 7, 5, 1},
                        new TrainingConfig(iterations, DeepModels.DEFAULT_LEARNING_RATE, 100, engine)).costs();
            };
        }

        /**
         * How many recorded costs can be held to numpy's to 1e-9. The flower run is chaotic after about
         * iteration 7700 (numpy on two BLAS builds differs there by up to 1e-4), so it is compared up to 7000.
         */
        int comparableCosts() {
            return this == FLOWER ? 71 : iterations / 100;
        }

        static Workload byId(String id) {
            for (Workload w : values()) {
                if (w.id.equals(id)) {
                    return w;
                }
            }
            throw new Nndl4jException("unknown workload '" + id + "'; use logistic, flower, two-layer, l-layer");
        }
    }

    /** Median seconds, peak heap and the costs of one set of runs. */
    record Timing(double medianSeconds, long peakHeapBytes, double[] costs) {
    }

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: Benchmark [--runs N] [--threads T] [--workloads logistic,flower,two-layer,l-layer] [--python CMD] [--no-numpy]",
            "  --runs N          timed runs of each workload; the median is printed (default 3)",
            "  --threads T       threads of the matrix kernel (default 1)",
            "  --workloads LIST  comma-separated workloads to run (default all: logistic,flower,two-layer,l-layer)",
            "  --python CMD      the Python that runs the numpy reference (default python3)",
            "  --no-numpy        skip the numpy reference",
            "  -h, --help        print this help");

    private Benchmark() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args the flags described above
     * @throws Exception if a run fails or the numpy process cannot be started
     */
    public static void main(String[] args) throws Exception {
        int runs = 3;
        int threads = 1;
        String python = "python3";
        boolean numpy = true;
        List<Workload> workloads = new ArrayList<>(List.of(Workload.values()));
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    case "--runs" -> runs = positive(args[++i], "--runs");
                    case "--threads" -> threads = positive(args[++i], "--threads");
                    case "--python" -> python = args[++i];
                    case "--no-numpy" -> numpy = false;
                    case "--workloads" -> {
                        workloads.clear();
                        for (String id : args[++i].split(",")) {
                            workloads.add(Workload.byId(id.strip()));
                        }
                    }
                    default -> throw new Nndl4jException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "a flag is missing its value" : e.getMessage()));
            System.err.println(USAGE);
            System.exit(2);
        }
        Gemm.setThreads(threads);
        LabeledData cat = CatDataset.loadBundled().train().data();
        LabeledData flower = PlanarDatasets.flower();

        System.out.printf(Locale.ROOT, "machine: %s, %d cores; Java %s (%s); kernel threads: %d; median of %d runs%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), threads, runs);

        Map<Workload, Timing> course = new EnumMap<>(Workload.class);
        if (numpy) {
            course = runNumpy(python, cat, flower, workloads, runs, threads);
        }
        Map<Workload, Map<Engine, Timing>> java = new EnumMap<>(Workload.class);
        for (Workload w : workloads) {
            Map<Engine, Timing> byEngine = new LinkedHashMap<>();
            for (Engine engine : new Engine[] {Engine.PRIMAL, Engine.GRAM}) {
                byEngine.put(engine, timeJava(w, engine, cat, flower, runs));
                System.out.printf(Locale.ROOT, "  nndl4j %-6s %-9s %8.3f s%n", engine, w.id, byEngine.get(engine).medianSeconds());
            }
            java.put(w, byEngine);
        }
        report(workloads, course, java);
    }

    // ------------------------------------------------------------------ Java side

    private static Timing timeJava(Workload w, Engine engine, LabeledData cat, LabeledData flower, int runs) {
        double[] seconds = new double[runs];
        long peak = 0;
        double[] costs = null;
        for (int r = 0; r < runs; r++) {
            // fresh copies of X, so no run reuses another's Gram matrix
            LabeledData catRun = copy(cat);
            LabeledData flowerRun = copy(flower);
            System.gc();
            HeapSampler sampler = HeapSampler.begin();
            long t0 = System.nanoTime();
            CostHistory history = w.train(catRun, flowerRun, engine);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            peak = Math.max(peak, sampler.end());
            costs = history.costs();
        }
        return new Timing(BenchmarkOutput.median(seconds), peak, costs);
    }

    private static LabeledData copy(LabeledData d) {
        return new LabeledData(Matrix.fromEjml(d.X().toEjml()), d.Y(), d.classNames());
    }

    /** Peak heap in use, sampled every millisecond on a daemon thread. */
    private static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;

        static HeapSampler begin() {
            HeapSampler s = new HeapSampler();
            s.sample();
            Thread t = new Thread(s, "heap-sampler");
            t.setDaemon(true);
            t.start();
            return s;
        }

        private void sample() {
            Runtime rt = Runtime.getRuntime();
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Stops sampling and returns the peak in bytes. */
        long end() {
            running = false;
            sample();
            return peak;
        }
    }

    // ------------------------------------------------------------------ numpy side

    private static Map<Workload, Timing> runNumpy(String python, LabeledData cat, LabeledData flower,
                                                  List<Workload> workloads, int runs, int threads) throws IOException {
        Map<Workload, Timing> result = new EnumMap<>(Workload.class);
        Path dir = Files.createTempDirectory("nndl4j-benchmark");
        try {
            Npy.write(dir.resolve("cat_train_x.npy"), cat.X());
            Npy.write(dir.resolve("cat_train_y.npy"), cat.Y());
            Npy.write(dir.resolve("flower_x.npy"), flower.X());
            Npy.write(dir.resolve("flower_y.npy"), flower.Y());
            Path script = dir.resolve("course_numpy.py");
            try (InputStream in = Benchmark.class.getResourceAsStream("course_numpy.py")) {
                if (in == null) {
                    throw new IOException("course_numpy.py is missing from the classpath");
                }
                Files.copy(in, script);
            }
            List<String> ids = workloads.stream().map(w -> w.id).toList();
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), dir.toString(), Integer.toString(runs),
                    String.join(",", ids));
            for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) {
                pb.environment().put(v, Integer.toString(threads));
            }
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                System.out.println("numpy: not run (" + python + " could not be started: " + e.getMessage() + ")");
                return result;
            }
            Map<Workload, List<Double>> seconds = new EnumMap<>(Workload.class);
            Map<Workload, double[]> costs = new EnumMap<>(Workload.class);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("\"numpy\"")) {
                        System.out.println("numpy: " + line);
                        continue;
                    }
                    Workload w = Workload.byId(BenchmarkOutput.field(line, "workload"));
                    double s = Double.parseDouble(BenchmarkOutput.field(line, "seconds"));
                    seconds.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
                    costs.put(w, BenchmarkOutput.numbers(line, "costs"));
                    System.out.printf(Locale.ROOT, "  numpy  %-16s %8.3f s%n", w.id, s);
                }
            }
            int exit = waitFor(p);
            if (exit != 0) {
                System.out.println("numpy: " + python + " exited with status " + exit + "; its results are left out");
                return new EnumMap<>(Workload.class);
            }
            for (Map.Entry<Workload, List<Double>> e : seconds.entrySet()) {
                double[] s = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                result.put(e.getKey(), new Timing(BenchmarkOutput.median(s), -1, costs.get(e.getKey())));
            }
            return result;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            return -1;
        }
    }



    // ------------------------------------------------------------------ report

    private static void report(List<Workload> workloads, Map<Workload, Timing> course,
                               Map<Workload, Map<Engine, Timing>> java) {
        System.out.println();
        System.out.println("| training | iterations | numpy, course code | nndl4j primal | nndl4j Gram | "
                + "primal speed-up | Gram speed-up | iterations/s (primal / Gram) | peak heap (primal / Gram) | "
                + "max cost difference to numpy |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Workload w : workloads) {
            Timing np = course.get(w);
            Timing primal = java.get(w).get(Engine.PRIMAL);
            Timing gram = java.get(w).get(Engine.GRAM);
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.3f s | %.3f s | %s | %s | %,.0f / %,.0f | %s / %s | %s |%n",
                    w.title, w.iterations, np == null ? "n/a" : String.format(Locale.ROOT, "%.2f s", np.medianSeconds()),
                    primal.medianSeconds(), gram.medianSeconds(),
                    ratio(np, primal), ratio(np, gram),
                    w.iterations / primal.medianSeconds(), w.iterations / gram.medianSeconds(),
                    megabytes(primal.peakHeapBytes()), megabytes(gram.peakHeapBytes()),
                    np == null ? "n/a" : costAgreement(w, np.costs(), primal.costs(), gram.costs()));
        }
    }

    private static String ratio(Timing numpy, Timing ours) {
        return numpy == null ? "n/a" : String.format(Locale.ROOT, "%.1fx", numpy.medianSeconds() / ours.medianSeconds());
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    /** The largest difference between numpy's recorded costs and each engine's, over the comparable costs. */
    private static String costAgreement(Workload w, double[] numpy, double[] primal, double[] gram) {
        int n = Math.min(w.comparableCosts(), Math.min(numpy.length, Math.min(primal.length, gram.length)));
        Function<double[], Double> maxDiff = ours -> {
            double d = 0;
            for (int i = 0; i < n; i++) {
                d = Math.max(d, Math.abs(ours[i] - numpy[i]));
            }
            return d;
        };
        double p = maxDiff.apply(primal);
        double g = maxDiff.apply(gram);
        String verdict = Math.max(p, g) <= 1e-9 ? "" : " **above 1e-9**";
        String range = n < numpy.length ? " (to iteration " + (n - 1) * 100 + ")" : "";
        return String.format(Locale.ROOT, "%.1e / %.1e%s%s", p, g, range, verdict);
    }


    private static int positive(String s, String flag) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new Nndl4jException(flag + " must be a whole number >= 1, got '" + s + "'");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch");
    }
}
