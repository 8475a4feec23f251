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
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.plot.DecisionBoundaryPlot;
import org.nndl4j.plot.ImageGrid;
import org.nndl4j.plot.Png;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingResult;

/**
 * The "Initialization" program of "Improving Deep Neural Networks": the network [2, 10, 5, 1] (ReLU, ReLU, sigmoid)
 * on the circles, trained by full-batch gradient descent (α = 0.01, 15,000 iterations) from zeros, from large random
 * weights (×10) and from He's initialisation, printing the course's costs and accuracies and drawing each decision
 * boundary.
 *
 * <pre>
 * usage: CirclesInitialization [--out DIR] [--iterations N] [--engine auto|primal|gram|reference]
 * </pre>
 */
public final class CirclesInitialization {

    static final int[] LAYER_DIMS = {2, 10, 5, 1};
    static final long SEED = 3;
    static final double LEARNING_RATE = 0.01;
    static final int ITERATIONS = 15_000;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: CirclesInitialization [--out DIR] [--iterations N] [--engine auto|primal|gram|reference]",
            "  --out DIR        where to write the decision boundaries (default target/nndl4j-output)",
            "  --iterations N   iterations of each run (default " + ITERATIONS + ")",
            "  --engine NAME    how the steps are computed (default auto)");

    /**
     * One of the course's three runs.
     *
     * @param name   the course's name for it
     * @param scheme the initialisation
     */
    record Run(String name, Initialization scheme) {
    }

    static final List<Run> RUNS = List.of(new Run("zeros", Initialization.ZEROS), new Run("random", Initialization.LARGE),
            new Run("he", Initialization.HE));

    private CirclesInitialization() {
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
        CommandLine.main("CirclesInitialization", USAGE, args, CirclesInitialization::parse, CirclesInitialization::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, java.util.Set.of("--out", "--iterations", "--engine"),
                java.util.Set.of());
        return flags == null ? null : new Options(flags.out(), flags.positive("--iterations", ITERATIONS), flags.engine());
    }

    /**
     * The course's initial network for a run: biases zero, weights drawn after {@code np.random.seed(3)}.
     *
     * @param run the run
     * @return [2, 10, 5, 1], ReLU, ReLU, sigmoid
     */
    static Network initialNetwork(Run run) {
        return run.scheme().initialize(LAYER_DIMS, Activation.RELU, Activation.SIGMOID, new NumpyRandom(SEED));
    }

    /**
     * The course's {@code model(X, Y, initialization=...)}: full-batch gradient descent, the cost recorded every 1000.
     *
     * @param train      the data
     * @param run        the initialisation
     * @param iterations iterations
     * @param engine     the engine
     * @param recordEvery the recording interval
     * @param out        where the course's cost lines go (null for none)
     * @return the training
     */
    static TrainingResult train(LabeledData train, Run run, int iterations, Engine engine, int recordEvery, PrintStream out) {
        TrainingConfig config = new TrainingConfig(iterations, LEARNING_RATE, recordEvery, engine);
        return Training.fit(initialNetwork(run), train, config, p -> {
            if (out != null && p.iteration() % 1000 == 0) {
                out.println("Cost after iteration " + p.iteration() + ": " + PythonFormat.repr(p.cost()));
            }
        });
    }

    static void run(Options options, PrintStream out) throws IOException {
        Files.createDirectories(options.out());
        Course2Datasets.Split circles = Course2Datasets.circles();
        List<BufferedImage> panels = new ArrayList<>();
        for (Run run : RUNS) {
            out.println("Model with " + run.name() + " initialization (learning rate " + LEARNING_RATE + ", "
                    + options.iterations() + " iterations)");
            TrainingResult result = train(circles.train(), run, options.iterations(), options.engine(), 1000, out);
            Network network = result.network();
            out.println("On the train set:");
            out.println("Accuracy: " + PythonFormat.repr(Metrics.accuracy(network.predict(circles.train().X()),
                    circles.train().Y())));
            out.println("On the test set:");
            out.println("Accuracy: " + PythonFormat.repr(Metrics.accuracy(network.predict(circles.test().X()),
                    circles.test().Y())));
            out.println(Examples.timing(result));
            String title = "Model with " + run.name() + " initialization";
            BufferedImage panel = DecisionBoundaryPlot.render(network::predict, circles.train().X(), circles.train().Y(),
                    title, 640, 480);
            panels.add(panel);
            out.println("wrote " + Png.write(panel, options.out().resolve("circles-" + run.name() + ".png")));
            out.println();
        }
        out.println("wrote " + Png.write(ImageGrid.of(panels, 3, "Circles: zeros, large random and He initialization"),
                options.out().resolve("circles-initialization.png")));
    }
}
