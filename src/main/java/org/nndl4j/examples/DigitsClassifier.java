package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nndl4j.data.DigitsDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.plot.ImageGrid;
import org.nndl4j.plot.LineChart;
import org.nndl4j.plot.Png;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.ConfusionMatrix;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.MiniBatches;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * nndl4j's many-class program: a softmax network [64, 25, 12, 10] (ReLU, ReLU, softmax) on scikit-learn's 8x8
 * handwritten digits, He-initialised from seed 1 and trained by Adam on mini-batches of 32 (α = 0.0001, 300 epochs,
 * the second course's batch order), or with {@code --full-batch} by full-batch gradient descent (α = 0.1, 1000
 * iterations). Prints the cost curve, the train and test accuracies and the test confusion matrix, and writes the
 * learning curve and a sheet of the misclassified test digits.
 *
 * <pre>
 * usage: DigitsClassifier [--out DIR] [--full-batch] [--iterations N] [--learning-rate A] [--engine NAME]
 * </pre>
 */
public final class DigitsClassifier {

    /** The network's layer sizes. */
    static final int[] LAYER_DIMS = {64, 25, 12, 10};
    /** The seed of the He initialisation. */
    static final long SEED = 1;
    /** Full-batch gradient descent at this rate for {@link #ITERATIONS} iterations reaches 91.7 % on the test set. */
    static final double LEARNING_RATE = 0.1;
    static final int ITERATIONS = 1000;
    /** Adam's learning rate, epochs and batch size: 1425/1437 and 328/360. */
    static final double ADAM_LEARNING_RATE = 0.0001;
    static final int ADAM_EPOCHS = 300;
    static final int ADAM_BATCH_SIZE = 32;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: DigitsClassifier [--out DIR] [--full-batch] [--iterations N] [--learning-rate A] [--engine NAME]",
            "  --out DIR           where to write the learning curve and the misclassified sheet (default target/nndl4j-output)",
            "  --full-batch        full-batch gradient descent (default: Adam on mini-batches of " + ADAM_BATCH_SIZE + ")",
            "  --iterations N      epochs (default " + ADAM_EPOCHS + " with Adam, " + ITERATIONS + " with --full-batch)",
            "  --learning-rate A   the learning rate (default " + ADAM_LEARNING_RATE + " with Adam, " + LEARNING_RATE
                    + " with --full-batch)",
            "  --engine NAME       how the steps are computed: auto (default), primal, reference (the straightforward",
            "                      backpropagation, allocating every step; slow), gram (--full-batch only)");

    private DigitsClassifier() {
    }

    /** The command-line options. */
    record Options(Path out, boolean fullBatch, int iterations, double learningRate, Engine engine) {

        /** @return the training configuration these options describe */
        TrainingConfig config() {
            return fullBatch ? TrainingConfig.of(iterations, learningRate).withEngine(engine) : adamConfig(iterations,
                    learningRate).withEngine(engine);
        }
    }

    /**
     * The second course's Adam configuration for the digits: mini-batches of 32 in the course's seed order, the cost
     * recorded every 10 epochs.
     *
     * @param epochs       the number of epochs
     * @param learningRate Adam's {@code α}
     * @return the configuration
     */
    static TrainingConfig adamConfig(int epochs, double learningRate) {
        return new TrainingConfig(epochs, learningRate, 10).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.courseSeeds(ADAM_BATCH_SIZE));
    }

    /**
     * Runs the program; bad flags print the usage and exit with a non-zero status.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        CommandLine.main("DigitsClassifier", USAGE, args, DigitsClassifier::parse, DigitsClassifier::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, java.util.Set.of("--out", "--iterations", "--learning-rate",
                "--engine"), java.util.Set.of("--full-batch"));
        if (flags == null) {
            return null;
        }
        boolean fullBatch = flags.has("--full-batch");
        int n = flags.has("--iterations") ? parseInt(flags.value("--iterations", null), "--iterations")
                : fullBatch ? ITERATIONS : ADAM_EPOCHS;
        double rate = flags.has("--learning-rate") ? parseDouble(flags.value("--learning-rate", null), "--learning-rate")
                : fullBatch ? LEARNING_RATE : ADAM_LEARNING_RATE;
        Engine engine = flags.engine();
        if (engine == Engine.GRAM && !fullBatch) {
            throw new Nndl4jException("--engine gram computes full-batch gradient descent only: add --full-batch");
        }
        Options options = new Options(flags.out(), fullBatch, n, rate, engine);
        // checks the values now, before anything is loaded
        options.config();
        return options;
    }

    /**
     * The network before training: He initialisation from {@code np.random.seed(1)}, layer 1 first.
     *
     * @return [64, 25, 12, 10], ReLU, ReLU, softmax
     */
    static Network initialNetwork() {
        return Initialization.HE.initialize(LAYER_DIMS, Activation.RELU, Activation.SOFTMAX, new NumpyRandom(SEED));
    }

    /**
     * Trains the digits network on the training split.
     *
     * @param digits   the data
     * @param config   iterations, learning rate, recording interval, engine
     * @param listener told the cost at every recorded iteration
     * @return the trained network and its history
     */
    static TrainingResult train(DigitsDataset digits, TrainingConfig config, TrainingListener listener) {
        return Training.fit(initialNetwork(), digits.train(), config, listener);
    }

    static void run(Options options, PrintStream out) throws IOException {
        Files.createDirectories(options.out());
        DigitsDataset digits = DigitsDataset.loadBundled();
        out.println("Digits: " + digits.train().size() + " training and " + digits.test().size() + " test images of 8x8 "
                + "pixels, " + digits.train().classes() + " classes");
        String unit = options.fullBatch() ? "iteration" : "epoch";
        out.println("Network " + Arrays.toString(LAYER_DIMS) + " (ReLU, ReLU, softmax), He initialisation (seed " + SEED
                + "), " + (options.fullBatch() ? "full-batch gradient descent" : "Adam on mini-batches of " + ADAM_BATCH_SIZE)
                + ", learning rate " + PythonFormat.repr(options.learningRate()) + ", " + options.iterations() + " " + unit
                + "s");
        int printEvery = options.fullBatch() ? 100 : 30;
        TrainingResult result = train(digits, options.config(), p -> {
            if (p.iteration() % printEvery == 0) {
                out.println(String.format(Locale.ROOT, "Cost after %s %d: %f", unit, p.iteration(), p.cost()));
            }
        });
        out.println(String.format(Locale.ROOT, "(%d %ss in %.2f s, engine %s)", result.iterations(), unit,
                result.wallTime().toNanos() / 1e9, result.engine()));

        Network network = result.network();
        Matrix trainPredictions = network.predict(digits.train().X());
        Matrix testPredictions = network.predict(digits.test().X());
        printAccuracy(out, "Train", trainPredictions, digits.train());
        printAccuracy(out, "Test", testPredictions, digits.test());
        ConfusionMatrix confusion = Metrics.confusionMatrix(testPredictions, digits.test().labels(), 10);
        out.println("Confusion matrix of the test set (rows: true digit, columns: predicted digit):");
        out.print(format(confusion));

        Path curve = learningCurve(result.costs(), options.learningRate(), unit, options.out().resolve("digits-costs.png"));
        out.println("wrote " + curve);
        Path sheet = misclassifiedSheet(digits.test(), testPredictions, options.out().resolve("digits-misclassified.png"));
        if (sheet != null) {
            out.println("wrote " + sheet);
        }
    }

    private static void printAccuracy(PrintStream out, String split, Matrix predictions, LabeledData data) {
        int correct = Metrics.correct(predictions, data.labels());
        out.println(split + " accuracy: " + PythonFormat.repr(Metrics.accuracy(predictions, data.labels())) + " ("
                + correct + "/" + data.size() + ")");
    }

    /** The confusion matrix as a table, one row per true digit. */
    static String format(ConfusionMatrix confusion) {
        StringBuilder s = new StringBuilder("     ");
        for (int p = 0; p < confusion.classes(); p++) {
            s.append(String.format(Locale.ROOT, "%4d", p));
        }
        s.append(System.lineSeparator());
        for (int a = 0; a < confusion.classes(); a++) {
            s.append(String.format(Locale.ROOT, "%4d ", a));
            for (int p = 0; p < confusion.classes(); p++) {
                s.append(String.format(Locale.ROOT, "%4d", confusion.count(a, p)));
            }
            s.append(System.lineSeparator());
        }
        return s.toString();
    }

    private static Path learningCurve(CostHistory costs, double learningRate, String unit, Path file) throws IOException {
        double[] x = new double[costs.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = costs.iteration(k);
        }
        return new LineChart("Digits [64, 25, 12, 10], learning rate = " + PythonFormat.repr(learningRate), unit,
                "cost").addSeries("cost", x, costs.costs()).writePng(file);
    }

    /** A sheet of the misclassified test digits, each captioned with its prediction and label; null if there are none. */
    private static Path misclassifiedSheet(LabeledData test, Matrix predictions, Path file) throws IOException {
        Matrix labels = test.labels();
        List<BufferedImage> cells = new ArrayList<>();
        for (int j = 0; j < test.size(); j++) {
            if (predictions.get(0, j) != labels.get(0, j)) {
                cells.add(ImageGrid.captioned(ImageGrid.rgb(ink(DigitsDataset.image(test, j)), 8),
                        "#" + j + ": " + (int) predictions.get(0, j) + " (is " + (int) labels.get(0, j) + ")"));
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        return Png.write(ImageGrid.of(cells, 10, "Misclassified test digits: prediction (label)"), file);
    }

    /** An 8x8 image of pixels in [0, 1] as dark ink on white RGB, 0..255. */
    private static NDArray ink(Matrix image) {
        return NDArray.generate(index -> 255.0 * (1.0 - image.get(index / 24, (index / 3) % 8)), 8, 8, 3);
    }

    private static int parseInt(String value, String flag) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Nndl4jException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static double parseDouble(String value, String flag) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Nndl4jException(flag + " needs a number, got '" + value + "'");
        }
    }
}
