package org.nndl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepForward;
import org.nndl4j.deep.DeepGradients;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.deep.DeepParameters;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.shallow.ShallowParameters;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingDivergedException;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.train.Training;

/**
 * A property sweep of the public entry points the reliability issue names (parameter constructors, trainers,
 * predictions, metrics, costs, updates): random bad shapes, sizes (int overflow edges included) and non-finite values.
 * Each case must either return a result with no silent non-finite value, or throw one of the documented types
 * ({@link IllegalArgumentException} and its subclasses, {@link TrainingDivergedException}, or the sweep's own
 * listener exception that stops an endless training), within {@link #SLOW_MILLIS}. Anything else (a raw exception,
 * an {@link OutOfMemoryError}) is a failure. {@code RefusalSweepTest} runs it in a JVM of {@code -Xmx128m}, where
 * allocate-then-fail shows as an out-of-memory error.
 *
 * <p>Run alone: {@code java -Xmx128m -cp <test classpath> org.nndl4j.RefusalSweep [seed] [cases]}; it prints one line
 * per failure and a summary, and exits 1 if anything failed (a test helper, so it may print).
 */
public final class RefusalSweep {

    /** A case slower than this is a failure (a hang, or work done before a refusal). */
    static final long SLOW_MILLIS = 10_000;

    /** Sizes: the int edges, the issue's sizes, sizes whose squares overflow an int, and ordinary ones. */
    private static final int[] SIZES = {Integer.MIN_VALUE, -1, 0, 1, 2, 3, 7, 64, 46_341, 65_536, 1_000_000,
            20_000, 1_000_000_000, Integer.MAX_VALUE - 8, Integer.MAX_VALUE};
    /** Values, normal and outside every domain. */
    private static final double[] VALUES = {0.0, 1.0, 0.5, 0.7, 2.0, -1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1e308, -0.0};
    /** Iteration counts: a few, and the int edge (the listener stops those). */
    private static final int[] ITERATIONS = {-1, 0, 1, 3, Integer.MAX_VALUE};
    private static final int[] RECORD_EVERY = {-5, 0, 1, 7, Integer.MAX_VALUE};
    private static final double[] RATES = {0.05, 1.0, 1e3, -1.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY};

    /** Thrown by the sweep's listener to end a training of 2^31 iterations after a few. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("the sweep stops this training", null, false, false);
        }
    }

    private final Random random;
    private final List<String> failures = new ArrayList<>();
    private int cases;
    private int refused;

    private RefusalSweep(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Runs {@code count} random cases from {@code seed}.
     *
     * @param seed  the seed of the cases
     * @param count how many
     * @return one line per failure (empty when every case behaved), then nothing else
     */
    public static Result run(long seed, int count) {
        RefusalSweep sweep = new RefusalSweep(seed);
        for (int i = 0; i < count; i++) {
            sweep.oneCase(i);
        }
        return new Result(sweep.cases, sweep.refused, List.copyOf(sweep.failures));
    }

    /** What a sweep found. */
    public record Result(int cases, int refused, List<String> failures) {
        @Override
        public String toString() {
            return "cases: " + cases + ", refused: " + refused + ", failures: " + failures.size();
        }
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Result result = run(seed, count);
        for (String failure : result.failures()) {
            System.out.println("FAILURE " + failure);
        }
        System.out.println(result + " (max heap " + Runtime.getRuntime().maxMemory() + " bytes)");
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }

    // ------------------------------------------------------------------ cases

    private void oneCase(int i) {
        int kind = random.nextInt(14);
        switch (kind) {
            case 0 -> {
                int dim = size();
                check(i, "initializeWithZeros(" + dim + ")", () -> LogisticRegression.initializeWithZeros(dim).w());
            }
            case 1 -> {
                int a = size(), b = size(), c = size();
                check(i, "ShallowNetwork.initializeParameters(" + a + ", " + b + ", " + c + ")",
                        () -> ShallowNetwork.initializeParameters(a, b, c).W1());
            }
            case 2 -> {
                int[] dims = dims(size());
                CourseInitialization init = CourseInitialization.values()[random.nextInt(3)];
                check(i, init + ".initialize(" + str(dims) + ")", () -> init.initialize(dims).W(1));
            }
            case 3 -> {
                int[] dims = dims(size());
                Initialization init = Initialization.values()[random.nextInt(Initialization.values().length)];
                check(i, init + ".initialize(" + str(dims) + ")",
                        () -> init.initialize(dims, Activation.RELU, Activation.SIGMOID, new NumpyRandom(1)).W(1));
            }
            case 4 -> {
                LabeledData data = data();
                int[] dims = dims(random.nextInt(4) == 0 ? size() : data == null ? 3 : data.features());
                if (dims.length > 0) {
                    dims[dims.length - 1] = random.nextInt(5) == 0 ? size() : 1;
                }
                TrainingConfig config = config();
                check(i, "lLayerModel(" + describe(data) + ", " + str(dims) + ", " + describe(config) + ")",
                        () -> checked(DeepModels.lLayerModel(data, dims, CourseInitialization.APPLICATION, config,
                                stopper())));
            }
            case 5 -> {
                LabeledData data = data();
                int nH = size();
                TrainingConfig config = config();
                check(i, "twoLayerModel(" + describe(data) + ", nH = " + nH + ", " + describe(config) + ")",
                        () -> checked(DeepModels.twoLayerModel(data, nH, config, stopper())));
            }
            case 6 -> {
                LabeledData data = data();
                Matrix X = data == null ? badMatrix() : data.X();
                Matrix Y = data == null ? badMatrix() : data.Y();
                int nH = size();
                TrainingConfig config = config();
                check(i, "nnModel(X " + X.shape() + ", nH = " + nH + ", " + describe(config) + ")",
                        () -> checked(ShallowNetwork.nnModel(X, Y, nH, config, stopper())));
            }
            case 7 -> {
                Matrix X = random.nextBoolean() ? badMatrix() : matrix(small(), small());
                Matrix Y = random.nextBoolean() ? labels(X.cols()) : badMatrix();
                Matrix w = random.nextInt(4) == 0 ? badMatrix() : Matrix.zeros(Math.max(X.rows(), 1), 1);
                double b = value();
                TrainingConfig config = config();
                check(i, "optimize(w " + w.shape() + ", b = " + b + ", X " + X.shape() + ", Y " + Y.shape() + ", "
                        + describe(config) + ")", () -> {
                    var r = LogisticRegression.optimize(w, b, X, Y, config, stopper());
                    requireFinite(r.parameters().w(), "w");
                    return r.parameters().w();
                });
            }
            case 8 -> {
                LabeledData data = data();
                int[] dims = dims(data == null ? 3 : data.features());
                TrainingConfig config = config();
                check(i, "Training.fit(" + str(dims) + ", " + describe(data) + ", " + describe(config) + ")", () -> {
                    Network initial = Initialization.HE.initialize(dims, Activation.RELU, Activation.SIGMOID,
                            new NumpyRandom(2));
                    return checked(Training.fit(initial, data, config, stopper()));
                });
            }
            case 9 -> predictCase(i);
            case 10 -> {
                Matrix p = random.nextBoolean() ? badMatrix() : labelLike(small());
                Matrix y = random.nextBoolean() ? labelLike(p.cols()) : badMatrix();
                int which = random.nextInt(4);
                int classes = size();
                check(i, "Metrics#" + which + "(" + p + ", " + y + ", classes " + classes + ")", () -> {
                    double v = switch (which) {
                        case 0 -> Metrics.accuracy(p, y);
                        case 1 -> Metrics.accuracy(p, y, classes);
                        case 2 -> Metrics.accuracyPercent(p, y);
                        default -> Metrics.correct(p, y);
                    };
                    requireFinite(v, "metric");
                    if (which <= 1 && (v < 0 || v > 1) || which == 2 && (v < 0 || v > 100)) {
                        throw new AssertionError("out of range: " + v);
                    }
                    return v;
                });
            }
            case 11 -> {
                Matrix AL = random.nextBoolean() ? badMatrix() : labelLike(small());
                Matrix Y = random.nextBoolean() ? labelLike(AL.cols()) : badMatrix();
                boolean deep = random.nextBoolean();
                check(i, (deep ? "DeepNetwork" : "ShallowNetwork") + ".computeCost(" + AL + ", " + Y + ")", () -> {
                    double cost = deep ? DeepNetwork.computeCost(AL, Y) : ShallowNetwork.computeCost(AL, Y);
                    if (Double.isNaN(cost) || cost < 0) {
                        throw new AssertionError("cost " + cost);
                    }
                    return cost;
                });
            }
            case 12 -> {
                double alpha = RATES[random.nextInt(RATES.length)];
                check(i, "updateParameters(α = " + alpha + ")", () -> {
                    DeepParameters parameters = CourseInitialization.STEP_BY_STEP.initialize(new int[] {3, 2, 1});
                    Matrix X = new NumpyRandom(1).randn(3, 4);
                    DeepForward forward = DeepNetwork.lModelForward(X, parameters);
                    DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), X.sum(0).greaterThan(0), forward.caches());
                    DeepParameters next = DeepNetwork.updateParameters(parameters, grads, alpha);
                    requireFinite(next.W(1), "W1");
                    return next.W(1);
                });
            }
            default -> {
                int iterations = ITERATIONS[random.nextInt(ITERATIONS.length)];
                int every = RECORD_EVERY[random.nextInt(RECORD_EVERY.length)];
                double rate = RATES[random.nextInt(RATES.length)];
                check(i, "TrainingConfig.of(" + iterations + ", " + rate + ").withRecordEvery(" + every + ")",
                        () -> TrainingConfig.of(iterations, rate).withRecordEvery(every));
            }
        }
    }

    private void predictCase(int i) {
        int nX = 1 + random.nextInt(4);
        int hidden = random.nextBoolean() ? small() + 1 : size();
        Matrix X = random.nextInt(3) == 0 ? badMatrix() : withBadValue(matrix(nX, small()));
        int family = random.nextInt(4);
        check(i, "predict#" + family + "(hidden " + hidden + ", X " + X.shape() + " finite " + finite(X) + ")", () -> {
            Matrix p = switch (family) {
                case 0 -> LogisticRegression.predict(Matrix.zeros(nX, 1), 0.0, X);
                case 1 -> ShallowNetwork.predict(ShallowNetwork.initializeParameters(nX, hidden, 1), X);
                case 2 -> DeepNetwork.predict(CourseInitialization.APPLICATION.initialize(new int[] {nX, hidden, 1}), X);
                default -> Initialization.HE.initialize(new int[] {nX, hidden, 3}, Activation.RELU, Activation.SOFTMAX,
                        new NumpyRandom(3)).predict(X);
            };
            if (!finite(X)) {
                throw new AssertionError("a prediction for non-finite X was returned: " + p);
            }
            Metrics.correct(p, p); // every prediction is a class index
            return p;
        });
    }

    // ------------------------------------------------------------------ outcomes

    private void check(int i, String what, Callable<Object> call) {
        cases++;
        long start = System.nanoTime();
        String failure = null;
        try {
            call.call();
        } catch (IllegalArgumentException | Stop e) {
            // TrainingDivergedException is an IllegalArgumentException too (through Nndl4jException)
            refused++;
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                failure = "refusal without a message: " + e.getClass().getName();
            }
        } catch (OutOfMemoryError e) {
            failure = "OutOfMemoryError: " + e.getMessage();
        } catch (Throwable e) {
            failure = e.getClass().getName() + ": " + e.getMessage();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (failure == null && millis > SLOW_MILLIS) {
            failure = "took " + millis + " ms";
        }
        if (failure != null) {
            failures.add("case " + i + " " + what + ": " + failure);
        }
    }

    private static Object checked(TrainingResult result) {
        for (int l = 1; l <= result.network().numLayers(); l++) {
            requireFinite(result.network().W(l), "W" + l);
            requireFinite(result.network().b(l), "b" + l);
        }
        return result;
    }

    private static void requireFinite(Matrix M, String name) {
        if (!finite(M)) {
            throw new AssertionError("silent non-finite " + name);
        }
    }

    private static void requireFinite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new AssertionError("silent non-finite " + name + " = " + v);
        }
    }

    private static boolean finite(Matrix M) {
        for (double v : M.toRowMajor()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ generators

    private int size() {
        return SIZES[random.nextInt(SIZES.length)];
    }

    /** 0..16, the number of rows or columns of a matrix the sweep itself allocates. */
    private int small() {
        return random.nextInt(17);
    }

    private double value() {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** Layer sizes: n[0] given, then 1..3 sizes from {@link #SIZES}; sometimes too short. */
    private int[] dims(int first) {
        int layers = random.nextInt(4);
        int[] dims = new int[layers + 1];
        dims[0] = first;
        for (int l = 1; l <= layers; l++) {
            dims[l] = random.nextInt(3) == 0 ? 1 + small() : size();
        }
        if (layers > 0) {
            dims[layers] = 1;
        }
        return dims;
    }

    private Matrix matrix(int rows, int cols) {
        double[] a = new double[rows * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = random.nextGaussian();
        }
        return Matrix.fromRowMajor(rows, cols, a);
    }

    private Matrix withBadValue(Matrix M) {
        if (M.size() == 0 || random.nextBoolean()) {
            return M;
        }
        double[] a = M.toRowMajor();
        a[random.nextInt(a.length)] = value();
        return Matrix.fromRowMajor(M.rows(), M.cols(), a);
    }

    /** A matrix of a bad shape: no rows, no columns, or one column. */
    private Matrix badMatrix() {
        return switch (random.nextInt(4)) {
            case 0 -> Matrix.zeros(0, small());
            case 1 -> Matrix.zeros(1 + small(), 0);
            case 2 -> Matrix.zeros(1 + small(), 1);
            default -> withBadValue(matrix(1, 1 + small()));
        };
    }

    private Matrix labels(int m) {
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = random.nextInt(2);
        }
        return Matrix.rowVector(y);
    }

    /** A row of label-like values, some outside every domain. */
    private Matrix labelLike(int m) {
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = random.nextInt(3) == 0 ? value() : random.nextInt(2);
        }
        return Matrix.rowVector(y);
    }

    /** Small training data (n_x 1..7, m 0..16, sometimes a NaN), or null. */
    private LabeledData data() {
        if (random.nextInt(12) == 0) {
            return null;
        }
        int nX = 1 + random.nextInt(7);
        int m = random.nextInt(4) == 0 ? 0 : 1 + small();
        Matrix X = random.nextInt(5) == 0 ? withBadValue(matrix(nX, m)) : matrix(nX, m);
        return LabeledData.of(X, labels(m));
    }

    private TrainingConfig config() {
        int iterations = ITERATIONS[random.nextInt(ITERATIONS.length)];
        int every = RECORD_EVERY[random.nextInt(RECORD_EVERY.length)];
        double rate = RATES[random.nextInt(RATES.length)];
        if (iterations == Integer.MAX_VALUE && random.nextBoolean()) {
            every = 1; // the listener stops it
        }
        if (random.nextInt(6) == 0) {
            return null;
        }
        try {
            TrainingConfig config = TrainingConfig.of(Math.max(iterations, 0), Math.abs(rate) > 0 && Double.isFinite(rate)
                    ? rate : 0.05).withRecordEvery(Math.max(every, 1));
            if (iterations == Integer.MAX_VALUE && config.recordEvery() != 1) {
                config = config.withIterations(3);
            }
            Engine engine = Engine.values()[random.nextInt(Engine.values().length)];
            config = config.withEngine(engine);
            if (random.nextInt(4) == 0) {
                config = config.withOptimizer(Optimizer.adam());
            }
            return config;
        } catch (IllegalArgumentException e) {
            return TrainingConfig.of(1, 0.05);
        }
    }

    /** Stops a training after iteration 2 (the only way a 2^31-iteration training ends in a sweep). */
    private static TrainingListener stopper() {
        return progress -> {
            if (progress.iteration() >= 2) {
                throw new Stop();
            }
        };
    }

    private static String describe(LabeledData data) {
        return data == null ? "null data" : "X " + data.X().shape();
    }

    private static String describe(TrainingConfig config) {
        return config == null ? "null config" : config.iterations() + " iterations, α " + config.learningRate()
                + ", every " + config.recordEvery() + ", " + config.engine() + ", " + config.optimizer();
    }

    private static String str(int[] dims) {
        return java.util.Arrays.toString(dims);
    }
}
