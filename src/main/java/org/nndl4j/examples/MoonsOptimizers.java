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
import org.nndl4j.train.LearningRateSchedule;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.MiniBatches;
import org.nndl4j.train.Optimizer;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingProgress;
import org.nndl4j.train.TrainingResult;

/**
 * The "Optimization methods" program of "Improving Deep Neural Networks": the network [2, 5, 2, 1] (ReLU, ReLU,
 * sigmoid) on the moons, trained by mini-batches of 64 with gradient descent, momentum and Adam, printing the course's
 * lines and drawing each decision boundary; {@code --decay} runs the newer text's learning-rate decay experiments.
 *
 * <pre>
 * usage: MoonsOptimizers [--out DIR] [--epochs N] [--decay] [--engine auto|primal|reference]
 * </pre>
 */
public final class MoonsOptimizers {

    static final int[] LAYER_DIMS = {2, 5, 2, 1};
    static final int BATCH_SIZE = 64;
    static final long INIT_SEED = 3;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: MoonsOptimizers [--out DIR] [--epochs N] [--decay] [--engine auto|primal|reference]",
            "  --out DIR       where to write the decision boundaries (default target/nndl4j-output)",
            "  --epochs N      epochs of each run (default 10000; the course's decay runs use 5000)",
            "  --decay         the learning-rate decay runs: gd with update_lr, and gd, momentum, Adam with",
            "                  schedule_lr_decay (default: gd, momentum and Adam at 0.0007 without decay)",
            "  --engine NAME   how the steps are computed: auto (default), primal, or reference (slow)");

    /**
     * One of the course's runs.
     *
     * @param name         how the course calls it
     * @param optimizer    the optimizer
     * @param learningRate the initial learning rate
     * @param schedule     the learning-rate decay
     */
    record Run(String name, Optimizer optimizer, double learningRate, LearningRateSchedule schedule) {
    }

    /** The three runs of the course's first part. */
    static final List<Run> OPTIMIZERS = List.of(
            new Run("gd", Optimizer.gradientDescent(), 0.0007, LearningRateSchedule.constant()),
            new Run("momentum", Optimizer.momentum(0.9), 0.0007, LearningRateSchedule.constant()),
            new Run("adam", Optimizer.adam(), 0.0007, LearningRateSchedule.constant()));

    /** The newer text's decay runs. */
    static final List<Run> DECAY = List.of(
            new Run("gd with update_lr", Optimizer.gradientDescent(), 0.1, LearningRateSchedule.inverseTime(1)),
            new Run("gd with schedule_lr_decay", Optimizer.gradientDescent(), 0.1, LearningRateSchedule.scheduled(1)),
            new Run("momentum with schedule_lr_decay", Optimizer.momentum(0.9), 0.1, LearningRateSchedule.scheduled(1)),
            new Run("adam with schedule_lr_decay", Optimizer.adam(), 0.01, LearningRateSchedule.scheduled(1)));

    private MoonsOptimizers() {
    }

    /** The command-line options. */
    record Options(Path out, int epochs, boolean decay, Engine engine) {
    }

    /**
     * Runs the program; bad flags print the usage and exit with a non-zero status.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        CommandLine.main("MoonsOptimizers", USAGE, args, MoonsOptimizers::parse, MoonsOptimizers::run);
    }

    /** Parses the arguments; {@code null} means "print the usage and stop" ({@code --help}). */
    static Options parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, java.util.Set.of("--out", "--epochs", "--engine"),
                java.util.Set.of("--decay"));
        if (flags == null) {
            return null;
        }
        Engine engine = flags.engine();
        if (engine == Engine.GRAM) {
            throw new Nndl4jException("--engine gram computes full-batch gradient descent only; these runs use "
                    + "mini-batches: use auto, primal or reference");
        }
        return new Options(flags.out(), flags.positive("--epochs", 10_000), flags.has("--decay"), engine);
    }

    /**
     * The course's initial network: He initialisation after {@code np.random.seed(3)}.
     *
     * @return [2, 5, 2, 1], ReLU, ReLU, sigmoid
     */
    static Network initialNetwork() {
        return Initialization.HE.initialize(LAYER_DIMS, Activation.RELU, Activation.SIGMOID, new NumpyRandom(INIT_SEED));
    }

    /**
     * The course's {@code model(...)} for one run: mini-batches of 64 in the course's seed order, the cost recorded
     * every 100 epochs.
     *
     * @param moons    the data
     * @param run      the optimizer and learning rate
     * @param epochs   the number of epochs
     * @param engine   the engine
     * @param listener told the cost every 100 epochs
     * @return the trained network and its history
     */
    static TrainingResult train(LabeledData moons, Run run, int epochs, Engine engine, TrainingListener listener) {
        TrainingConfig config = new TrainingConfig(epochs, run.learningRate(), 100, engine, run.optimizer(),
                MiniBatches.courseSeeds(BATCH_SIZE), run.schedule());
        return Training.fit(initialNetwork(), moons, config, listener);
    }

    static void run(Options options, PrintStream out) throws IOException {
        Files.createDirectories(options.out());
        LabeledData moons = Course2Datasets.moons();
        List<BufferedImage> panels = new ArrayList<>();
        for (Run run : options.decay() ? DECAY : OPTIMIZERS) {
            out.println("Model with " + run.name() + " (learning rate " + PythonFormat.repr(run.learningRate()) + ", "
                    + options.epochs() + " epochs, mini-batches of " + BATCH_SIZE + ")");
            TrainingResult result = train(moons, run, options.epochs(), options.engine(), p -> print(out, run, p));
            Matrix predictions = result.network().predict(moons.X());
            out.println("Accuracy: " + PythonFormat.repr(Metrics.accuracy(predictions, moons.Y())));
            out.println(String.format(Locale.ROOT, "(%d epochs in %.2f s, engine %s)", result.iterations(),
                    result.wallTime().toNanos() / 1e9, result.engine()));
            String title = "Model with " + run.name();
            BufferedImage panel = DecisionBoundaryPlot.render(x -> result.network().predict(x), moons.X(), moons.Y(), title,
                    640, 480);
            panels.add(panel);
            Path file = options.out().resolve("moons-" + run.name().replace(' ', '-') + ".png");
            out.println("wrote " + Png.write(panel, file));
            out.println();
        }
        Path sheet = options.out().resolve(options.decay() ? "moons-decay.png" : "moons-optimizers.png");
        out.println("wrote " + Png.write(ImageGrid.of(panels, panels.size() == 3 ? 3 : 2, "Moons: " + (options.decay() ? "learning-rate decay"
                : "gradient descent, momentum and Adam") + " (" + options.epochs() + " epochs)"), sheet));
    }

    /** The course's lines: the cost every 1000 epochs, and with decay the learning rate after that epoch. */
    private static void print(PrintStream out, Run run, TrainingProgress p) {
        if (p.iteration() % 1000 != 0) {
            return;
        }
        out.println(String.format(Locale.ROOT, "Cost after epoch %d: %f", p.iteration(), p.cost()));
        if (!(run.schedule() instanceof LearningRateSchedule.Constant)) {
            out.println(String.format(Locale.ROOT, "learning rate after epoch %d: %f", p.iteration(),
                    run.schedule().rate(run.learningRate(), p.iteration())));
        }
    }
}
