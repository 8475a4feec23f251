package org.nndl4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nndl4j.Nndl4jException;
import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Network;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Trainable;

/**
 * A network in distributed full-batch training, as the core library's one loop ({@link
 * org.nndl4j.train.TrainingLoop}) sees it. The driver holds the parameters; each iteration broadcasts them, every
 * partition computes its block's summed loss and gradients on nndl4j's engine ({@link ExampleBlock#gradients}),
 * {@code treeAggregate} adds them ({@link PartialSums}: in the same order every time), and the driver divides by
 * {@code m} and updates the parameters: {@link #step} as the engine's gradient-descent step does, {@link #update} by
 * the loop's optimizer state (momentum, RMSprop, Adam). Arrays hold layer {@code l} at index {@code l}.
 */
final class SparkTrainable implements Trainable {

    private final ExampleBlocks blocks;
    private final JavaSparkContext spark;
    private final int depth;
    private final NetworkParameters parameters;
    private final int m;
    /** Runs at the start of every iteration with its number (the checkpoints), before anything is computed. */
    private final IntConsumer beforeIteration;
    private final double[][][] dW;
    private final double[][] db;
    private int iteration;
    private boolean computed;

    SparkTrainable(Network initial, ExampleBlocks blocks, JavaSparkContext spark, int depth, int firstIteration,
                   IntConsumer beforeIteration) {
        this.blocks = blocks;
        this.spark = spark;
        this.depth = depth;
        this.parameters = NetworkParameters.of(initial, firstIteration);
        this.m = (int) blocks.examples();
        this.iteration = firstIteration;
        this.beforeIteration = beforeIteration;
        GradientSum zero = GradientSum.zero(0, parameters.dims);
        this.dW = zero.dW;
        this.db = zero.db;
    }

    @Override
    public double step(double learningRate) {
        double loss = gradients();
        for (int l = 1; l <= parameters.layers(); l++) {
            double[][] W = parameters.W[l];
            for (int i = 0; i < W.length; i++) {
                // W = W - α dW
                axpy(-learningRate, dW[l][i], W[i]);
            }
            // b = b - α db
            axpy(-learningRate, db[l], parameters.b[l]);
        }
        return loss / m;
    }

    @Override
    public boolean supportsBatches() {
        return true;
    }

    @Override
    public double batchGradients(int[] order, int from, int to) {
        if (order != null || from != 0 || to != m) {
            throw new Nndl4jException("SparkTraining: full-batch training only; asked for examples [" + from + ", "
                    + to + ") of " + m + (order == null ? "" : " in a shuffled order"));
        }
        return gradients();
    }

    @Override
    public void update(ParameterUpdate update) {
        for (int l = 1; l <= parameters.layers(); l++) {
            update.update(l, parameters.W[l], parameters.b[l], dW[l], db[l]);
        }
    }

    @Override
    public int examples() {
        return m;
    }

    @Override
    public Network network() {
        return parameters.toNetwork();
    }

    @Override
    public Gradients lastGradients() {
        if (!computed) {
            return null;
        }
        List<Matrix> dWs = new ArrayList<>();
        List<Matrix> dbs = new ArrayList<>();
        for (int l = 1; l <= parameters.layers(); l++) {
            dWs.add(Matrix.of(dW[l]));
            dbs.add(Matrix.columnVector(db[l]));
        }
        return new Gradients(dWs, dbs);
    }

    @Override
    public Engine engine() {
        return Engine.PRIMAL;
    }

    @Override
    public boolean parametersFinite() {
        for (int l = 1; l <= parameters.layers(); l++) {
            for (double[] row : parameters.W[l]) {
                if (!finite(row)) {
                    return false;
                }
            }
            if (!finite(parameters.b[l])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One iteration's distributed pass: the summed loss over all examples, and {@code dW = (1/m) Σ dW_p},
     * {@code db = (1/m) Σ db_p} into this trainable's buffers.
     */
    private double gradients() {
        beforeIteration.accept(iteration);
        NetworkParameters now = new NetworkParameters(iteration, parameters.dims, parameters.g, parameters.W,
                parameters.b);
        Broadcast<NetworkParameters> broadcast = spark.broadcast(now);
        int partitions = blocks.partitions();
        PartialSums sums;
        try {
            sums = blocks.rdd().treeAggregate(new PartialSums(),
                    (acc, block) -> acc.add(block.gradients(broadcast.value())),
                    PartialSums::addAll, depth);
        } catch (Exception failure) {
            // Spark throws its (checked) SparkException from Scala without declaring it
            throw SparkFailures.unwrap(failure);
        } finally {
            broadcast.destroy();
        }
        GradientSum total = sums.total(partitions);
        if (total.examples != m) {
            throw new IllegalStateException("SparkTraining: the partitions summed " + total.examples
                    + " examples, expected " + m);
        }
        double scale = 1.0 / m;
        for (int l = 1; l <= parameters.layers(); l++) {
            for (int i = 0; i < dW[l].length; i++) {
                double[] from = total.dW[l][i];
                double[] to = dW[l][i];
                for (int j = 0; j < to.length; j++) {
                    // dW = (1/m) Σ_p dW_p
                    to[j] = scale * from[j];
                }
            }
            for (int i = 0; i < db[l].length; i++) {
                db[l][i] = scale * total.db[l][i];
            }
        }
        computed = true;
        iteration++;
        return total.loss;
    }

    /** The iteration the next step computes. */
    int iteration() {
        return iteration;
    }

    /** y = y + a·x. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
