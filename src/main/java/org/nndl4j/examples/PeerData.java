package org.nndl4j.examples;

import java.io.IOException;
import java.nio.file.Path;

import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.data.PlanarDatasets;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * The peer benchmark's data and initial parameters, made the same way in every process: the cat images as bundled
 * (pixels / 255), the tall synthetic set drawn from a seed, the course's and He's initialisations from seed 1.
 * {@code prepare} writes them as {@code .npy} files, float64, for numpy, PyTorch and DL4J.
 */
final class PeerData {

    static final int[] CAT_DIMS = {12288, 20, 7, 5, 1};
    static final int[] TALL_DIMS = {784, 128, 64, 1};
    static final int TALL_M = 60_000;
    static final long TALL_SEED = 0;
    static final int TALL_BATCH = 256;
    static final double CAT_LEARNING_RATE = 0.0075;
    static final double TALL_GD_LEARNING_RATE = 0.1;
    static final double TALL_ADAM_LEARNING_RATE = 0.001;
    /** How many epochs' example orders {@code prepare} writes for peers without numpy's generator (DL4J). */
    static final int ORDER_EPOCHS = 4;

    private PeerData() {
    }

    /**
     * The tall set: X = numpy's {@code RandomState(0).rand(784, 60000)} (pixel-like values in [0, 1)), and the label
     * {@code y = 1 if x[0] + x[1] > 1 else 0}, a sum both sides round the same way.
     */
    static LabeledData tall() {
        NumpyRandom random = new NumpyRandom(TALL_SEED);
        int n = TALL_DIMS[0];
        // drawn in row-major order straight into the result: one full-size array, as numpy's rand makes
        Matrix X = Matrix.zeros(n, 1).broadcast("rand", Matrix.zeros(1, TALL_M), (a, b) -> random.randomSample());
        Matrix Y = X.row(0).plus(X.row(1)).greaterThan(1.0);
        return LabeledData.of(X, Y);
    }

    /** The course's initialisation of the L-layer cat network: seed 1, {@code randn(n[l], n[l-1]) / sqrt(n[l-1])}. */
    static Network catInitial() {
        return CourseInitialization.APPLICATION.initialize(CAT_DIMS).toNetwork();
    }

    /** He's initialisation of the tall network from seed 1: {@code randn(n[l], n[l-1]) * sqrt(2 / n[l-1])}. */
    static Network tallInitial() {
        return Initialization.HE.initialize(TALL_DIMS, Activation.RELU, Activation.SIGMOID, new NumpyRandom(1));
    }

    /**
     * Writes every file the other peers read: {@code cat_x, cat_y} (examples as columns) and {@code cat_xt}
     * (examples as rows, for DL4J), the same three for {@code tall}, the parameters {@code cat_W1 .. cat_b4} and
     * {@code tall_W1 .. tall_b3}, the mini-batch orders of the first epochs {@code tall_order}, and {@code cat_train_x, cat_train_y, flower_x, flower_y} for
     * {@code course_numpy.py}.
     */
    static void prepare(Path dir) throws IOException {
        LabeledData cat = CatDataset.loadBundled().train().data();
        writeSet(dir, "cat", cat);
        Npy.write(dir.resolve("cat_train_x.npy"), cat.X());
        Npy.write(dir.resolve("cat_train_y.npy"), cat.Y());
        LabeledData flower = PlanarDatasets.flower();
        Npy.write(dir.resolve("flower_x.npy"), flower.X());
        Npy.write(dir.resolve("flower_y.npy"), flower.Y());
        writeParameters(dir, "cat", catInitial());
        LabeledData tall = tall();
        if (!new NumpyRandom(TALL_SEED).rand(tall.X().rows(), tall.X().cols()).equals(tall.X())) {
            throw new IllegalStateException("the tall inputs are not numpy's RandomState(0).rand(784, 60000)");
        }
        writeSet(dir, "tall", tall);
        writeParameters(dir, "tall", tallInitial());
        // the example orders of MiniBatches.shuffled(TALL_BATCH, TALL_SEED): numpy's RandomState(0).permutation per epoch
        NumpyRandom random = new NumpyRandom(TALL_SEED);
        double[] orders = new double[ORDER_EPOCHS * TALL_M];
        for (int e = 0; e < ORDER_EPOCHS; e++) {
            int[] order = random.permutation(TALL_M);
            for (int j = 0; j < TALL_M; j++) {
                orders[e * TALL_M + j] = order[j];
            }
        }
        Npy.write(dir.resolve("tall_order.npy"), Matrix.fromRowMajor(ORDER_EPOCHS, TALL_M, orders));
    }

    private static void writeSet(Path dir, String name, LabeledData data) throws IOException {
        Npy.write(dir.resolve(name + "_x.npy"), data.X());
        Npy.write(dir.resolve(name + "_xt.npy"), data.X().transpose());
        Npy.write(dir.resolve(name + "_y.npy"), data.Y());
    }

    private static void writeParameters(Path dir, String name, Network network) throws IOException {
        for (int l = 1; l <= network.numLayers(); l++) {
            Npy.write(dir.resolve(name + "_W" + l + ".npy"), network.W(l));
            Npy.write(dir.resolve(name + "_b" + l + ".npy"), network.b(l));
        }
    }
}
