package org.nndl4j.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.plot.DecisionBoundaryPlot;
import org.nndl4j.plot.ImageGrid;
import org.nndl4j.plot.Png;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.Regularization;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingResult;

/**
 * The "Regularization" program of "Improving Deep Neural Networks": where should the goalkeeper kick? The network
 * [2, 20, 3, 1] (ReLU, ReLU, sigmoid) on the football positions, trained by full-batch gradient descent (α = 0.3,
 * 30,000 iterations) without regularisation, with L2 (λ = 0.7) and with inverted dropout (keep 0.86 on both hidden
 * layers, reseeded every forward pass as the course does), printing the course's costs and accuracies and drawing the
 * data and each decision boundary.
 *
 * <pre>
 * usage: FootballRegularization [--out DIR] [--iterations N] [--engine auto|primal|gram]
 * </pre>
 */
public final class FootballRegularization {

    static final int[] LAYER_DIMS = {2, 20, 3, 1};
    static final long SEED = 3;
    static final double LEARNING_RATE = 0.3;
    static final int ITERATIONS = 30_000;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: FootballRegularization [--out DIR] [--iterations N] [--engine auto|primal|gram]",
            "  --out DIR        where to write the pictures (default target/nndl4j-output)",
            "  --iterations N   iterations of each run (default " + ITERATIONS + ")",
            "  --engine NAME    how the steps are computed (default auto; gram takes no L2, reference no dropout)");

    /**
     * One of the course's three runs.
     *
     * @param name           the course's name for it
     * @param regularization L2, dropout or none
     */
    record Run(String name, Regularization regularization) {
    }

    static final List<Run> RUNS = List.of(new Run("none", Regularization.none()),
            new Run("L2", Regularization.l2(0.7)),
            new Run("dropout", Regularization.courseDropout(1, 0.86, 0.86)));

    private FootballRegularization() {
    }

    /** The command-line options. */
    record Options(Path out, int iterations, Engine engine) {
    }

    /**
     * Runs the program; bad flags print the usage and exit with a non-zero status.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        CommandLine.main("FootballRegularization", USAGE, args, FootballRegularization::parse, FootballRegularization::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, java.util.Set.of("--out", "--iterations", "--engine"),
                java.util.Set.of());
        return flags == null ? null : new Options(flags.out(), flags.positive("--iterations", ITERATIONS), flags.engine());
    }

    /**
     * The course's initial network: {@code np.random.seed(3)}, {@code W = randn / sqrt(n[l-1])}, zero biases.
     *
     * @return [2, 20, 3, 1], ReLU, ReLU, sigmoid
     */
    static Network initialNetwork() {
        return Initialization.LECUN.initialize(LAYER_DIMS, Activation.RELU, Activation.SIGMOID, new NumpyRandom(SEED));
    }

    /**
     * The course's {@code model(X, Y, lambd=..., keep_prob=...)}: full-batch gradient descent.
     *
     * @param train       the data
     * @param run         the regularisation
     * @param iterations  iterations
     * @param engine      the engine
     * @param recordEvery the recording interval
     * @param out         where the course's cost lines go (null for none)
     * @return the training
     */
    static TrainingResult train(LabeledData train, Run run, int iterations, Engine engine, int recordEvery, PrintStream out) {
        TrainingConfig config = new TrainingConfig(iterations, LEARNING_RATE, recordEvery, engine)
                .withRegularization(run.regularization());
        return Training.fit(initialNetwork(), train, config, p -> {
            if (out != null && p.iteration() % 10_000 == 0) {
                out.println("Cost after iteration " + p.iteration() + ": " + PythonFormat.repr(p.cost()));
            }
        });
    }

    static void run(Options options, PrintStream out) throws IOException {
        Files.createDirectories(options.out());
        Course2Datasets.Split football = Course2Datasets.football();
        Matrix X = football.train().X();
        Matrix Y = football.train().Y();
        out.println("wrote " + Png.write(DecisionBoundaryPlot.render(x -> Matrix.filled(1, x.cols(), Double.NaN), X, Y,
                "Football positions: blue, French player headed the ball; red, the other team", 640, 480),
                options.out().resolve("football-data.png")));
        List<BufferedImage> panels = new ArrayList<>();
        for (Run run : RUNS) {
            out.println("Model with " + (run.name().equals("none") ? "no regularization" : run.name() + " regularization")
                    + " (" + run.regularization() + ", learning rate " + LEARNING_RATE + ", " + options.iterations()
                    + " iterations)");
            TrainingResult result = train(football.train(), run, options.iterations(), options.engine(), 1000, out);
            Network network = result.network();
            out.println("On the training set:");
            out.println("Accuracy: " + PythonFormat.repr(Metrics.accuracy(network.predict(X), Y)));
            out.println("On the test set:");
            out.println("Accuracy: " + PythonFormat.repr(Metrics.accuracy(network.predict(football.test().X()),
                    football.test().Y())));
            out.println(Examples.timing(result));
            BufferedImage panel = DecisionBoundaryPlot.render(network::predict, X, Y, "Model with "
                    + (run.name().equals("none") ? "no" : run.name()) + " regularization", 640, 480);
            panels.add(panel);
            out.println("wrote " + Png.write(panel, options.out().resolve("football-" + run.name().toLowerCase() + ".png")));
            out.println();
        }
        out.println("wrote " + Png.write(ImageGrid.of(panels, 3, "Football: no regularization, L2 and dropout"),
                options.out().resolve("football-regularization.png")));
    }
}
