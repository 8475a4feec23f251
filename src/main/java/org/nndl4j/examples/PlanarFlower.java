package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.nndl4j.data.ExtraDataset;
import org.nndl4j.data.PlanarDatasets;
import org.nndl4j.logistic.LogisticModelResult;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.plot.DecisionBoundaryPlot;
import org.nndl4j.plot.ImageGrid;
import org.nndl4j.plot.Png;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.shallow.ShallowParameters;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * Spec 1.3, "Planar data classification with a hidden layer", in Java: logistic regression on the
 * flower, then the network with one tanh hidden layer (4 units, 10,000 iterations), then hidden layers
 * of 1 to 50 units, then the same network on the course's other 2-D datasets, with a decision-boundary
 * picture of every model. Prints the course's lines with our numbers, and where each picture went.
 *
 * <pre>
 * usage: PlanarFlower [--out DIR] [--engine auto|primal|gram|reference]
 *   --out DIR      where to write the PNG pictures (default target/nndl4j-output)
 *   --engine NAME  how the gradient steps are computed (default auto; reference = the course's building blocks)
 * </pre>
 *
 * <p>Run: {@code mvn -q compile exec:java -Dexec.mainClass=org.nndl4j.examples.PlanarFlower}
 */
public final class PlanarFlower {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: PlanarFlower [--out DIR] [--engine auto|primal|gram|reference]",
            "  --out DIR      where to write the PNG pictures (default target/nndl4j-output)",
            "  --engine NAME  how the gradient steps are computed: auto (default), primal, gram, or",
            "                 reference (the course's building blocks, as written; slower)");

    /** How our logistic regression is trained on the flower (it has converged by then). */
    static final int LOGISTIC_ITERATIONS = 2000;
    static final double LOGISTIC_LEARNING_RATE = 0.5;

    /** The course's hidden layer sizes and their number of iterations (spec 1.3.4.5). */
    static final int[] HIDDEN_LAYER_SIZES = {1, 2, 3, 4, 5, 20, 50};
    static final int SIZES_ITERATIONS = 5000;

    /** The course's other datasets (its "performance on other datasets" section); no_structure has no labels to learn. */
    static final List<ExtraDataset> OTHER_DATASETS = List.of(ExtraDataset.NOISY_CIRCLES, ExtraDataset.NOISY_MOONS,
            ExtraDataset.BLOBS, ExtraDataset.GAUSSIAN_QUANTILES);

    private PlanarFlower() {
    }

    /** The command-line options. */
    record Options(Path out, Engine engine) {
    }

    /**
     * Runs the program; bad flags print the usage and exit with a non-zero status.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        CommandLine.main("PlanarFlower", USAGE, args, PlanarFlower::parse, PlanarFlower::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        Path out = Path.of("target", "nndl4j-output");
        Engine engine = Engine.AUTO;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--out" -> out = Path.of(CommandLine.value(args, ++i, arg));
                case "--engine" -> engine = CommandLine.engine(CommandLine.value(args, ++i, arg));
                default -> throw new Nndl4jException("unknown argument '" + arg + "'");
            }
        }
        return new Options(out, engine);
    }

    static void run(Options options, PrintStream out) throws IOException {
        // make sure the pictures can be written before training anything
        Files.createDirectories(options.out());
        LabeledData flower = requirePlanar(PlanarDatasets.flower());
        out.println("The shape of X is: " + flower.X().shape());
        out.println("The shape of Y is: " + flower.Y().shape());
        out.println("I have m = " + flower.size() + " training examples.");
        out.println();

        logisticRegression(flower, options, out);
        fourHiddenUnits(flower, options, out);
        hiddenLayerSizes(flower, options, out);
        otherDatasets(options, out);
    }

    // ------------------------------------------------------------------ 1.3.3 simple logistic regression

    private static void logisticRegression(LabeledData flower, Options options, PrintStream out) throws IOException {
        LogisticModelResult lr = LogisticRegression.model(flower, flower,
                TrainingConfig.of(LOGISTIC_ITERATIONS, LOGISTIC_LEARNING_RATE).withEngine(options.engine()),
                TrainingListener.none());
        UnaryOperator<Matrix> predictor = x -> LogisticRegression.predict(lr.parameters(), x);
        written(out, DecisionBoundaryPlot.writePng(predictor, flower.X(), flower.Y(), "Logistic Regression",
                options.out().resolve("planar-logistic-regression.png")));
        Matrix predictions = predictor.apply(flower.X());
        out.println("Accuracy of logistic regression: " + (int) coursePercent(predictions, flower.Y())
                + " % (percentage of correctly labelled datapoints)");
        out.println(String.format(Locale.ROOT, "(nndl4j's own logistic regression: batch gradient descent from zeros, "
                + "%d iterations at learning rate %s, no regularisation; the course used scikit-learn's "
                + "LogisticRegressionCV)", LOGISTIC_ITERATIONS, PythonFormat.repr(LOGISTIC_LEARNING_RATE)));
        out.println();
    }

    // ------------------------------------------------------------------ 1.3.4 the network, n_h = 4

    private static void fourHiddenUnits(LabeledData flower, Options options, PrintStream out) throws IOException {
        // parameters = nn_model(X, Y, n_h = 4, num_iterations = 10000, print_cost=True): a cost every 1000
        TrainingConfig config = new TrainingConfig(ShallowNetwork.DEFAULT_ITERATIONS, ShallowNetwork.DEFAULT_LEARNING_RATE,
                1000, options.engine());
        long start = System.nanoTime();
        TrainingResult trained = ShallowNetwork.nnModel(flower.X(), flower.Y(), 4, config,
                progress -> out.println(String.format(Locale.ROOT, "Cost after iteration %d: %f",
                        progress.iteration(), progress.cost())));
        ShallowParameters parameters = ShallowParameters.from(trained.network());
        double seconds = (System.nanoTime() - start) / 1e9;
        written(out, DecisionBoundaryPlot.writePng(x -> ShallowNetwork.predict(parameters, x), flower.X(), flower.Y(),
                "Decision Boundary for hidden layer size " + 4, options.out().resolve("planar-hidden-layer-4.png")));
        Matrix predictions = ShallowNetwork.predict(parameters, flower.X());
        out.println("Accuracy: " + (int) coursePercent(predictions, flower.Y()) + "%");
        out.println(String.format(Locale.ROOT, "(%d iterations in %.2f s, engine %s)", config.iterations(), seconds,
                trained.engine()));
        out.println();
    }

    // ------------------------------------------------------------------ 1.3.4.5 tuning the hidden layer size

    private static void hiddenLayerSizes(LabeledData flower, Options options, PrintStream out) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (int nH : HIDDEN_LAYER_SIZES) {
            String title = String.format(Locale.ROOT, "Hidden Layer of size %d", nH);
            ShallowParameters parameters = ShallowParameters.from(ShallowNetwork.nnModel(flower.X(), flower.Y(), nH,
                    TrainingConfig.of(SIZES_ITERATIONS, ShallowNetwork.DEFAULT_LEARNING_RATE).withEngine(options.engine()),
                    TrainingListener.none()).network());
            UnaryOperator<Matrix> predictor = x -> ShallowNetwork.predict(parameters, x);
            BufferedImage panel = DecisionBoundaryPlot.render(predictor, flower.X(), flower.Y(), title, 640, 480);
            panels.add(panel);
            written(out, Png.write(panel, options.out().resolve(
                    String.format(Locale.ROOT, "planar-hidden-layer-size-%d.png", nH))));
            double accuracy = coursePercent(ShallowNetwork.predict(parameters, flower.X()), flower.Y());
            out.println("Accuracy for " + nH + " hidden units: " + PythonFormat.repr(accuracy) + " %");
        }
        written(out, Png.write(ImageGrid.of(panels, 2, "Different behaviors of the model for various hidden layer sizes ("
                + SIZES_ITERATIONS + " iterations)"), options.out().resolve("planar-hidden-layer-sizes.png")));
        out.println();
    }

    // ------------------------------------------------------------------ the other datasets

    private static void otherDatasets(Options options, PrintStream out) throws IOException {
        for (ExtraDataset dataset : OTHER_DATASETS) {
            LabeledData data = requirePlanar(dataset.generate());
            out.println("Dataset " + dataset.courseName() + " (" + data.size() + " points, seed " + dataset.defaultSeed()
                    + "): n_h = 4, " + ShallowNetwork.DEFAULT_ITERATIONS + " iterations");
            ShallowParameters parameters = ShallowParameters.from(ShallowNetwork.nnModel(data.X(), data.Y(), 4,
                    TrainingConfig.of(ShallowNetwork.DEFAULT_ITERATIONS, ShallowNetwork.DEFAULT_LEARNING_RATE)
                            .withEngine(options.engine()), TrainingListener.none()).network());
            written(out, DecisionBoundaryPlot.writePng(x -> ShallowNetwork.predict(parameters, x), data.X(), data.Y(),
                    dataset.courseName() + ": Decision Boundary for hidden layer size 4",
                    options.out().resolve("planar-" + dataset.courseName().replace('_', '-') + "-hidden-layer-4.png")));
            Matrix predictions = ShallowNetwork.predict(parameters, data.X());
            out.println("Accuracy: " + (int) coursePercent(predictions, data.Y()) + "%");
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The data as the planar example needs it: two features per example (x1, x2), so that it can be
     * drawn.
     *
     * @throws ShapeException naming X's shape if it does not have 2 rows
     */
    static LabeledData requirePlanar(LabeledData data) {
        if (data == null) {
            throw new Nndl4jException("PlanarFlower: data is null");
        }
        if (data.features() != 2) {
            throw new ShapeException("PlanarFlower", "X of shape (2, m) (two features per example, to plot them)",
                    data.X().shape());
        }
        return data;
    }

    /**
     * The course's accuracy, {@code float((Y·Pᵀ + (1-Y)·(1-P)ᵀ) / m * 100)}: the products count the
     * correct ones and the correct zeros, so this is correct / m * 100.
     */
    static double coursePercent(Matrix predictions, Matrix Y) {
        return Metrics.accuracy(predictions, Y) * 100;
    }

    private static void written(PrintStream out, Path file) {
        out.println("wrote " + file);
    }
}
