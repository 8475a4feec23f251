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
import java.util.concurrent.CompletableFuture;

import org.nndl4j.data.CatDataset;
import org.nndl4j.data.DatasetException;
import org.nndl4j.data.ImageInput;
import org.nndl4j.data.ImageSet;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.InputTransform;
import org.nndl4j.nn.ModelFileException;
import org.nndl4j.nn.Network;
import org.nndl4j.plot.ImageGrid;
import org.nndl4j.plot.LineChart;
import org.nndl4j.plot.Png;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * Spec 1.5, "Deep Neural Network for Image Classification: Application": trains the two-layer model
 * (12288, 7, 1) and the L-layer model [12288, 20, 7, 5, 1] on the bundled cat/non-cat images, printing the
 * course's lines, and writes the learning curves and the mislabelled test images as PNG files.
 *
 * <pre>
 * CatDeepNetwork [--out DIR] [--iterations N] [--engine auto|primal|gram|reference] [--skip-two-layer | --two-layer]
 *                [--save PATH | --load PATH] [--image PATH]
 * </pre>
 * {@code --save} writes the trained L-layer model to an HDF5 file, with the pixel scaling it expects (1/255) and
 * the shape of one picture (64, 64, 3); {@code --load} reads one instead of training it (and then trains the
 * two-layer model only with {@code --two-layer}); {@code --image} classifies a picture of your own (any size; it
 * is resized to 64x64) with that model; {@code --engine reference} trains with the course's building blocks step
 * by step (slow) instead of the fast engine. Every file argument is checked before any training.
 */
public final class CatDeepNetwork {

    static final int[] LAYERS_DIMS = {12288, 20, 7, 5, 1};
    static final int N_H = 7;
    /** The scaling the models are trained with: pixels 0..255 times 1/255. */
    static final InputTransform PIXELS = InputTransform.uniform(LAYERS_DIMS[0], 0, 1 / 255.);
    /** The shape of one picture, flattened row-major into a column of 12288 values. */
    static final int[] PICTURE_SHAPE = {64, 64, 3};
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: CatDeepNetwork [--out DIR] [--iterations N] [--engine auto|primal|gram|reference]",
            "                      [--skip-two-layer | --two-layer] [--save PATH | --load PATH] [--image PATH]",
            "  --out DIR          where the PNG pictures go (default target/nndl4j-output)",
            "  --iterations N     gradient-descent iterations of each model (default 2500)",
            "  --engine NAME      auto, primal, gram or reference (default auto)",
            "  --skip-two-layer   do not train the two-layer model (default: train it, unless --load is given)",
            "  --two-layer        train the two-layer model even with --load",
            "  --save PATH        save the trained L-layer model (HDF5, with its input scaling 1/255 and shape 64x64x3)",
            "  --load PATH        load an L-layer model saved by --save instead of training it",
            "  --image PATH       classify your own picture (JPEG, PNG, GIF or BMP; resized to 64x64)",
            "  -h, --help         print this help");

    private CatDeepNetwork() {
    }

    /**
     * Runs the program and exits with its status: 0 on success, non-zero on bad flags or a failure.
     *
     * @param args the flags described above
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parsed command line. */
    record Options(Path out, int iterations, Engine engine, boolean skipTwoLayer, Path save, Path load, Path image) {
    }

    /** What the checks of the file arguments read before any training: the loaded model and the picture. */
    private record Inputs(Network loaded, Matrix picture) {
    }

    /** Runs the example; returns the process exit code (0 success, 2 bad arguments, 1 failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("CatDeepNetwork: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            execute(options, check(options), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("CatDeepNetwork: " + CommandLine.describe(e));
            return 1;
        }
    }

    /** The parsed command line, or null if it asks for help ({@code --help}, {@code -h}). */
    static Options parse(String[] args) {
        Path outDir = Path.of("target", "nndl4j-output");
        int iterations = 2500;
        Engine engine = Engine.AUTO;
        Boolean skipTwoLayer = null;
        Path save = null;
        Path load = null;
        Path image = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--skip-two-layer", "--two-layer" -> {
                    if (skipTwoLayer != null) {
                        throw new Nndl4jException("--skip-two-layer and --two-layer exclude each other");
                    }
                    skipTwoLayer = flag.equals("--skip-two-layer");
                }
                case "--out" -> outDir = Path.of(CommandLine.value(args, ++i, flag));
                case "--save" -> save = Path.of(CommandLine.value(args, ++i, flag));
                case "--load" -> load = Path.of(CommandLine.value(args, ++i, flag));
                case "--image" -> image = Path.of(CommandLine.value(args, ++i, flag));
                case "--iterations" -> {
                    String v = CommandLine.value(args, ++i, flag);
                    try {
                        iterations = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new Nndl4jException("--iterations needs a whole number, got '" + v + "'");
                    }
                    if (iterations < 1) {
                        throw new Nndl4jException("--iterations must be >= 1, got " + iterations);
                    }
                }
                case "--engine" -> engine = CommandLine.engine(CommandLine.value(args, ++i, flag));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new Nndl4jException("unknown argument '" + flag + "'");
            }
        }
        if (save != null && load != null) {
            throw new Nndl4jException("--save and --load exclude each other (--load skips training)");
        }
        if (load != null && !Files.isRegularFile(load)) {
            throw new Nndl4jException("--load: no such file " + load);
        }
        if (image != null && !Files.isRegularFile(image)) {
            throw new Nndl4jException("--image: no such file " + image);
        }
        // a loaded model needs no two-layer model beside it unless asked for
        boolean skip = skipTwoLayer != null ? skipTwoLayer : load != null;
        return new Options(outDir, iterations, engine, skip, save, load, image);
    }

    /**
     * Checks every file argument before any training, so a bad one fails at once with the reason: the output
     * folder can be created, the save target's folder exists, the model loads and the picture reads.
     */
    private static Inputs check(Options options) throws IOException {
        CommandLine.requireOutputDirectory(options.out(), "--out");
        if (options.save() != null) {
            CommandLine.requireWritableFile(options.save(), "--save");
        }
        Network loaded = options.load() == null ? null : loadModel(options.load(), LAYERS_DIMS[0]);
        Matrix picture = null;
        if (options.image() != null) {
            try {
                picture = ImageInput.readAsColumn(options.image(), PICTURE_SHAPE[0]);
            } catch (DatasetException e) {
                throw new Nndl4jException("--image: " + e.getMessage(), e);
            }
        }
        return new Inputs(loaded, picture);
    }

    private static void execute(Options options, Inputs inputs, PrintStream out) throws IOException {
        // Java2D takes a few hundred milliseconds to start: start it on a spare core while the data loads and the
        // models train, so the first picture does not wait for it
        CompletableFuture.runAsync(CatDeepNetwork::startPictureMachinery);
        CatDataset cats = CatDataset.loadBundled();
        LabeledData train = cats.train().data();
        LabeledData test = cats.test().data();
        TrainingConfig config = DeepModels.courseConfig(options.iterations()).withEngine(options.engine());

        if (!options.skipTwoLayer()) {
            out.println("Two-layer model (" + LAYERS_DIMS[0] + ", " + N_H + ", 1), learning rate "
                    + DeepModels.DEFAULT_LEARNING_RATE + ", " + options.iterations() + " iterations");
            // two_layer_model prints "{}".format(np.squeeze(cost)): the shortest repr of the double
            TrainingListener printer = p ->
                    out.println("Cost after iteration " + p.iteration() + ": " + PythonFormat.repr(p.cost()));
            TrainingResult two = DeepModels.twoLayerModel(train, N_H, config, printer);
            printTraining(out, two);
            printAccuracy(out, two.network(), train);
            printAccuracy(out, two.network(), test);
            out.println("wrote " + learningCurve(two.costs(), "Two-layer model", options.out().resolve("cat-two-layer-costs.png")));
            out.println();
        }

        Network network;
        if (options.load() != null) {
            network = inputs.loaded();
            out.println("L-layer model " + Arrays.toString(network.layerDims()) + " loaded from " + options.load());
        } else {
            out.println("L-layer model " + Arrays.toString(LAYERS_DIMS) + ", learning rate "
                    + DeepModels.DEFAULT_LEARNING_RATE + ", " + options.iterations() + " iterations");
            // L_layer_model prints "Cost after iteration %i: %f"
            TrainingListener printer = p -> out.println(
                    String.format(Locale.ROOT, "Cost after iteration %d: %f", p.iteration(), p.cost()));
            TrainingResult deep = DeepModels.lLayerModel(train, LAYERS_DIMS, CourseInitialization.APPLICATION, config, printer);
            printTraining(out, deep);
            network = deep.network();
            out.println("wrote " + learningCurve(deep.costs(), "L-layer model", options.out().resolve("cat-l-layer-costs.png")));
        }
        printAccuracy(out, network, train);
        Matrix testPredictions = printAccuracy(out, network, test);

        List<Integer> mislabelled = mislabelled(testPredictions, test.Y());
        out.println("Mislabelled test images (indices): " + mislabelled);
        if (!mislabelled.isEmpty()) {
            out.println("wrote " + mislabelledSheet(cats.test(), testPredictions, mislabelled,
                    options.out().resolve("cat-mislabelled.png")));
        }

        if (options.save() != null) {
            // the file records the scaling of the raw pixels and the picture shape, for programs that start from them
            network.withInput(PIXELS, PICTURE_SHAPE).save(options.save());
            out.println("saved the L-layer model to " + options.save());
        }
        if (options.image() != null) {
            double y = network.predict(inputs.picture()).item();
            out.println("y = " + PythonFormat.repr(y) + ", your L-layer model predicts a \"" + train.className((int) y)
                    + "\" picture.");
        }
    }

    /** Renders a throw-away chart; any failure shows up later, where it matters. */
    private static void startPictureMachinery() {
        try {
            new LineChart("", "", "").addSeries("", new double[] {0, 1}).render(160, 120);
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            // the real pictures report it
        }
    }

    /** The one line of each training: its engine and wall time. */
    private static void printTraining(PrintStream out, TrainingResult result) {
        out.println(String.format(Locale.ROOT, "(%d iterations in %.2f s, engine %s)", result.iterations(),
                result.wallTime().toNanos() / 1e9, result.engine()));
    }

    /**
     * Reads a saved L-layer model; any problem (file, architecture, input size, input scaling) is reported with the
     * file's name. The network returned takes the course's scaled inputs (pixels / 255), as the bundled data are.
     */
    private static Network loadModel(Path file, int features) {
        Network network = Network.load(file);
        if (network.inputTransform().isPresent()) {
            if (!network.inputTransform().get().equals(PIXELS)) {
                throw new ModelFileException(file, "the network expects its inputs scaled otherwise than pixels / 255");
            }
            // the data here are scaled already: predict with the bare network
            network = network.withInput(null);
        }
        if (network.inputSize() != features) {
            throw new ModelFileException(file, "the network takes " + network.inputSize()
                    + " inputs but the cat images have " + features + " values (64 x 64 x 3)");
        }
        if (network.outputActivation() != Activation.SIGMOID || network.outputSize() != 1) {
            throw new ModelFileException(file, "the network's output is " + network.outputSize() + " "
                    + network.outputActivation() + " unit(s); a cat classifier needs one SIGMOID unit");
        }
        return network;
    }

    /** Predicts, prints the course's {@code Accuracy: ...} line and returns the predictions. */
    private static Matrix printAccuracy(PrintStream out, Network network, LabeledData data) {
        Matrix p = network.predict(data.X());
        // the course printed str(np.float64) under Python 2 / numpy < 1.14: 12 significant digits (0.985645933014)
        out.println("Accuracy: " + PythonFormat.python2Str(Metrics.accuracy(p, data.Y())));
        return p;
    }

    /** The course's {@code print_mislabeled_images} indices: where {@code p + y == 1}. */
    static List<Integer> mislabelled(Matrix predictions, Matrix Y) {
        List<Integer> indices = new ArrayList<>();
        for (int j = 0; j < Y.cols(); j++) {
            if (predictions.get(0, j) != Y.get(0, j)) {
                indices.add(j);
            }
        }
        return indices;
    }

    private static Path learningCurve(CostHistory costs, String model, Path file) throws IOException {
        double[] x = new double[costs.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = costs.iteration(k);
        }
        return new LineChart(model + ", learning rate = " + DeepModels.DEFAULT_LEARNING_RATE, "iteration", "cost")
                .addSeries("cost", x, costs.costs())
                .writePng(file);
    }

    private static Path mislabelledSheet(ImageSet test, Matrix predictions, List<Integer> indices, Path file)
            throws IOException {
        List<BufferedImage> cells = new ArrayList<>();
        for (int index : indices) {
            String predicted = test.data().className((int) predictions.get(0, index));
            cells.add(ImageGrid.captioned(ImageGrid.rgb(test.image(index), 2),
                    "#" + index + " prediction: " + predicted + ", class: " + test.className(index)));
        }
        return Png.write(ImageGrid.of(cells, 5, "Mislabelled test images"), file);
    }
}
