package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nndl4j.data.CatDataset;
import org.nndl4j.data.ImageInput;
import org.nndl4j.logistic.LogisticModelResult;
import org.nndl4j.logistic.LogisticParameters;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.plot.LineChart;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/**
 * Spec 1.2, "Logistic Regression with a Neural Network mindset": trains the cat classifier on the
 * bundled cat/non-cat images (2000 iterations, learning rate 0.005) and prints the course's lines,
 * compares the learning rates 0.01, 0.001 and 0.0001 (1500 iterations each), writes the learning
 * curves as PNG files, and optionally classifies a picture of your own.
 *
 * <pre>
 * usage: CatLogisticRegression [--out DIR] [--image PATH] [--engine auto|primal|gram|reference]
 *   --out DIR      where to write the PNG charts (default target/nndl4j-output)
 *   --image PATH   a JPEG/PNG picture to classify with the trained model
 *   --engine NAME  how the gradient steps are computed (default auto; reference = the course's propagate loop)
 * </pre>
 */
public final class CatLogisticRegression {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: CatLogisticRegression [--out DIR] [--image PATH] [--engine auto|primal|gram|reference]",
            "  --out DIR      where to write the PNG charts (default target/nndl4j-output)",
            "  --image PATH   a JPEG/PNG picture to classify with the trained model (cat or non-cat)",
            "  --engine NAME  how the gradient steps are computed: auto (default), primal, gram, or",
            "                 reference (the course's propagate loop, as written; slow)");

    private static final int NUM_PX = 64;

    private CatLogisticRegression() {
    }

    /** The command-line options. */
    record Options(Path out, Path image, Engine engine) {
    }

    /**
     * Runs the program; bad flags print the usage and exit with a non-zero status.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        CommandLine.main("CatLogisticRegression", USAGE, args, CatLogisticRegression::parse, CatLogisticRegression::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        Path out = Path.of("target", "nndl4j-output");
        Path image = null;
        Engine engine = Engine.AUTO;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--out" -> out = Path.of(CommandLine.value(args, ++i, arg));
                case "--image" -> image = Path.of(CommandLine.value(args, ++i, arg));
                case "--engine" -> engine = CommandLine.engine(CommandLine.value(args, ++i, arg));
                default -> throw new Nndl4jException("unknown argument '" + arg + "'");
            }
        }
        return new Options(out, image, engine);
    }

    static void run(Options options, PrintStream out) throws IOException {
        // read the picture first, so a bad file fails before a minute of training
        Matrix myImage = options.image() == null ? null : ImageInput.readAsColumn(options.image(), NUM_PX);
        // and make sure the charts can be written
        createDirectory(options.out());

        CatDataset cat = CatDataset.loadBundled();
        LabeledData train = cat.train().data();
        LabeledData test = cat.test().data();

        // d = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations = 2000, learning_rate = 0.005, print_cost = True)
        long start = System.nanoTime();
        LogisticModelResult d = LogisticRegression.model(train, test,
                LogisticRegression.courseConfig().withEngine(options.engine()), printCost(out));
        double seconds = (System.nanoTime() - start) / 1e9;
        printAccuracies(d, train.Y(), test.Y(), out);
        out.println(String.format(Locale.ROOT, "(%d iterations in %.2f s, engine %s)", LogisticRegression.DEFAULT_ITERATIONS, seconds,
                d.training().engine()));

        Path curve = new LineChart("Learning rate =" + PythonFormat.repr(d.learningRate()),
                "iterations (per hundreds)", "cost")
                .addSeries(null, hundreds(d.costs()), d.costs().costs())
                .writePng(options.out().resolve("logistic-learning-curve.png"));
        out.println("learning curve written to " + curve);
        out.println();

        // choice of learning rate
        double[] learningRates = {0.01, 0.001, 0.0001};
        List<LogisticModelResult> models = new ArrayList<>();
        for (double learningRate : learningRates) {
            out.println("learning rate is: " + PythonFormat.repr(learningRate));
            LogisticModelResult m = LogisticRegression.model(train, test,
                    TrainingConfig.of(1500, learningRate).withEngine(options.engine()), TrainingListener.none());
            printAccuracies(m, train.Y(), test.Y(), out);
            models.add(m);
            // print ('\n' + "-----" + '\n')
            out.println();
            out.println("-----");
            out.println();
        }
        LineChart comparison = new LineChart("Learning rates (1500 iterations)", "iterations (hundreds)", "cost");
        for (LogisticModelResult m : models) {
            comparison.addSeries(PythonFormat.repr(m.learningRate()), hundreds(m.costs()), m.costs().costs());
        }
        Path rates = comparison.writePng(options.out().resolve("logistic-learning-rates.png"));
        out.println("learning-rate comparison written to " + rates);

        if (myImage != null) {
            int prediction = (int) LogisticRegression.predict(d.parameters(), myImage).item();
            out.println();
            out.println("y = " + prediction + ", your algorithm predicts a \"" + test.className(prediction) + "\" picture.");
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the output directory " + dir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** The course's {@code print_cost}: {@code Cost after iteration %i: %f} at every recorded iteration. */
    private static TrainingListener printCost(PrintStream out) {
        return progress -> out.println(String.format(Locale.ROOT, "Cost after iteration %d: %f",
                progress.iteration(), progress.cost()));
    }

    private static void printAccuracies(LogisticModelResult d, Matrix trainY, Matrix testY, PrintStream out) {
        // the result holds fractions; the course prints percent, computed its way:
        // print("train accuracy: {} %".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))
        out.println("train accuracy: " + PythonFormat.repr(Metrics.accuracyPercent(d.yPredictionTrain(), trainY)) + " %");
        out.println("test accuracy: " + PythonFormat.repr(Metrics.accuracyPercent(d.yPredictionTest(), testY)) + " %");
    }

    /** The x axis of a learning curve: the recorded iterations, in hundreds (0, 1, 2, ...). */
    private static double[] hundreds(CostHistory costs) {
        double[] x = new double[costs.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = costs.iteration(k) / 100.0;
        }
        return x;
    }
}
