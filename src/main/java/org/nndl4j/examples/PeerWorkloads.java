package org.nndl4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.nndl4j.Nndl4jException;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.nn.Network;
import org.nndl4j.train.Engine;
import org.nndl4j.train.MiniBatches;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.Precision;
import org.nndl4j.train.StepProgress;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/**
 * nndl4j's side of the peer benchmark ({@code src/bench/run.sh}): the workloads numpy, PyTorch and DL4J run on the
 * same data from the same initial parameters, one workload per process, timed inside the process after warm-up.
 *
 * <pre>
 * java -cp CLASSPATH org.nndl4j.examples.PeerWorkloads prepare DIR
 * java -cp CLASSPATH org.nndl4j.examples.PeerWorkloads run cat-gd|tall-gd|tall-adam [--threads T] [--precision f64|f32]
 *      [--warmup N] [--iterations N] [--epochs N] [--warmup-seconds S]
 * </pre>
 *
 * {@code prepare} writes the data and initial parameters as {@code .npy} files for the other peers (see
 * {@link PeerData}); {@code run} trains on the PRIMAL engine with the thread count as a property of the training
 * and prints one JSON line: the first cost (the cost at the initial parameters), the seconds per iteration (or per
 * epoch) after the warm-up and what was timed. With {@code --warmup-seconds}, the whole run is first repeated, untimed,
 * until that many seconds have passed (so that the JIT has compiled the training's methods), as every peer's script
 * does with the same flag. Peak memory is measured from outside, the same way for every peer.
 */
public final class PeerWorkloads {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: PeerWorkloads prepare DIR",
            "       PeerWorkloads run WORKLOAD [--threads T] [--precision f64|f32] [--warmup N] [--iterations N] [--epochs N]",
            "                         [--warmup-seconds S]",
            "  WORKLOAD          cat-gd (L-layer [12288,20,7,5,1] on the cat images, full-batch gradient descent),",
            "                    tall-gd ([784,128,64,1] on 60,000 synthetic examples, full-batch gradient descent),",
            "                    tall-adam (the same with Adam on shuffled mini-batches of 256, timed per epoch)",
            "  --threads T       threads of the training's matrix products (default 1)",
            "  --precision P     f64 (default) or f32 (float32 steps, float64 parameters: TrainingConfig.withPrecision)",
            "  --warmup N        untimed iterations first (gd workloads; default 50 for cat, 1 for tall)",
            "  --iterations N    timed iterations (gd workloads; default 50 for cat, 3 for tall)",
            "  --epochs N        epochs of tall-adam; all but the last are warm-up (default 3)",
            "  --warmup-seconds S  first repeat the whole run, untimed, until S seconds have passed (default 0)",
            "  -h, --help        print this help");

    private PeerWorkloads() {
    }

    /**
     * Prepares the data or runs one workload.
     *
     * @param args the command and flags described above
     * @throws IOException if {@code prepare} cannot write its files
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        try {
            switch (args[0]) {
                case "prepare" -> {
                    Path dir = Path.of(CommandLine.value(args, 1, "prepare"));
                    Files.createDirectories(dir);
                    PeerData.prepare(dir);
                    System.out.println("wrote the peer benchmark's data to " + dir);
                }
                case "run" -> System.out.println(run(Options.parse(args)));
                default -> throw new Nndl4jException("unknown command '" + args[0] + "'; use prepare or run");
            }
        } catch (Nndl4jException e) {
            System.err.println("PeerWorkloads: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** What one {@code run} does. */
    record Options(String workload, int threads, String precision, int warmup, int iterations, int epochs,
                   double warmupSeconds) {

        static Options parse(String[] args) {
            String workload = CommandLine.value(args, 1, "run");
            if (!List.of("cat-gd", "tall-gd", "tall-adam").contains(workload)) {
                throw new Nndl4jException("unknown workload '" + workload + "'; use cat-gd, tall-gd or tall-adam");
            }
            boolean cat = workload.equals("cat-gd");
            int threads = 1;
            String precision = "f64";
            int warmup = cat ? 50 : 1;
            int iterations = cat ? 50 : 3;
            int epochs = 3;
            double warmupSeconds = 0.0;
            for (int i = 2; i < args.length; i++) {
                String flag = args[i];
                String value = CommandLine.value(args, ++i, flag);
                switch (flag) {
                    case "--threads" -> threads = CommandLine.positiveInt(value, flag);
                    case "--precision" -> precision = value;
                    case "--warmup" -> warmup = CommandLine.nonNegativeInt(value, flag);
                    case "--iterations" -> iterations = CommandLine.positiveInt(value, flag);
                    case "--epochs" -> epochs = CommandLine.positiveInt(value, flag);
                    case "--warmup-seconds" -> warmupSeconds = CommandLine.nonNegativeSeconds(value, flag);
                    default -> throw new Nndl4jException("unknown argument '" + flag + "'");
                }
            }
            if (!precision.equals("f64") && !precision.equals("f32")) {
                throw new Nndl4jException("--precision must be f64 or f32, got '" + precision + "'");
            }
            return new Options(workload, threads, precision, warmup, iterations, epochs, warmupSeconds);
        }

        /** @return the precision {@code --precision} names */
        Precision arithmetic() {
            return precision.equals("f32") ? Precision.FLOAT32 : Precision.FLOAT64;
        }
    }

    /**
     * Runs one workload and returns its JSON line: the whole run repeated, untimed, until {@code --warmup-seconds}
     * have passed, then the run that is reported.
     */
    static String run(Options o) {
        boolean cat = o.workload().equals("cat-gd");
        LabeledData data = cat ? CatDataset.loadBundled().train().data() : PeerData.tall();
        Network initial = cat ? PeerData.catInitial() : PeerData.tallInitial();
        IntFunction<String> once = warmupRuns -> switch (o.workload()) {
            case "cat-gd" -> gradientDescent(o, initial, data, PeerData.CAT_LEARNING_RATE, warmupRuns);
            case "tall-gd" -> gradientDescent(o, initial, data, PeerData.TALL_GD_LEARNING_RATE, warmupRuns);
            default -> adamEpochs(o, initial, data, warmupRuns);
        };
        long deadline = System.nanoTime() + (long) (o.warmupSeconds() * 1e9);
        int warmupRuns = 0;
        while (System.nanoTime() - deadline < 0) {
            once.apply(warmupRuns++);
            // each run's garbage collected before the next: the process's peak memory is one run's, and no collection
            // of the warm-up's garbage falls in the reported run (with G1, at two threads, ten cat runs without this
            // grew the heap to 1 GB before its first collection)
            System.gc();
        }
        return once.apply(warmupRuns);
    }

    private static String gradientDescent(Options o, Network initial, LabeledData data, double learningRate,
                                          int warmupRuns) {
        int steps = o.warmup() + o.iterations();
        TrainingConfig config = new TrainingConfig(steps, learningRate, steps).withEngine(Engine.PRIMAL)
                .withThreads(o.threads()).withPrecision(o.arithmetic());
        List<StepTime> times = timeSteps(initial, data, config);
        double seconds = (times.get(steps - 1).nanos() - (o.warmup() == 0 ? times.get(0).startNanos()
                : times.get(o.warmup() - 1).nanos())) / 1e9;
        return json(o, times.get(0).cost(), seconds / o.iterations(), "iteration", o.iterations(), o.warmup(),
                warmupRuns);
    }

    private static String adamEpochs(Options o, Network initial, LabeledData data, int warmupRuns) {
        TrainingConfig config = new TrainingConfig(o.epochs(), PeerData.TALL_ADAM_LEARNING_RATE, o.epochs())
                .withEngine(Engine.PRIMAL).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.shuffled(PeerData.TALL_BATCH, PeerData.TALL_SEED)).withThreads(o.threads())
                .withPrecision(o.arithmetic());
        List<StepTime> times = timeSteps(initial, data, config);
        List<Long> epochEnds = new ArrayList<>();
        for (StepTime t : times) {
            if (t.lastInEpoch()) {
                epochEnds.add(t.nanos());
            }
        }
        long lastStart = epochEnds.size() > 1 ? epochEnds.get(epochEnds.size() - 2) : times.get(0).startNanos();
        double seconds = (epochEnds.get(epochEnds.size() - 1) - lastStart) / 1e9;
        return json(o, times.get(0).cost(), seconds, "epoch", 1, o.epochs() - 1, warmupRuns);
    }

    /** The end time, cost and epoch boundary of every step; the first carries the training's start too. */
    private record StepTime(long startNanos, long nanos, double cost, boolean lastInEpoch) {
    }

    private static List<StepTime> timeSteps(Network initial, LabeledData data, TrainingConfig config) {
        List<StepTime> times = new ArrayList<>();
        long start = System.nanoTime();
        TrainingListener listener = TrainingListener.onSteps((StepProgress s) ->
                times.add(new StepTime(start, System.nanoTime(), s.cost(), s.lastInEpoch())));
        Training.fit(initial, data, config, listener);
        return times;
    }

    private static String json(Options o, double firstCost, double seconds, String per, int timed, int warmup,
                               int warmupRuns) {
        return String.format(Locale.ROOT, "{\"peer\": \"nndl4j\", \"workload\": \"%s\", \"precision\": \"%s\", "
                        + "\"threads\": %d, \"first_cost\": %.17g, \"seconds\": %.6g, \"per\": \"%s\", \"timed\": %d, "
                        + "\"warmup\": %d, \"warmup_runs\": %d, \"version\": \"nndl4j PRIMAL, Java %s\"}",
                o.workload(), o.precision(), o.threads(), firstCost, seconds, per, timed, warmup, warmupRuns,
                System.getProperty("java.version"));
    }
}
