package org.nndl4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nndl4j.Nndl4jException;
import org.nndl4j.nn.Network;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Engine;
import org.nndl4j.train.OptimizerState;
import org.nndl4j.train.Precision;
import org.nndl4j.train.StepProgress;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingLoop;
import org.nndl4j.train.TrainingProgress;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.train.TrainingStart;

/**
 * Training a {@link Network} on examples spread over a Spark cluster: full-batch training whose every iteration sums
 * the partitions' losses and gradients. The examples are converted once into cached column-major blocks
 * ({@link ExampleBlocks}); each iteration broadcasts the current parameters, every partition computes its block's
 * summed loss and gradients with nndl4j's own engine, {@code treeAggregate} adds them (always in the same order, so a
 * training gives the same bits every time), and the driver divides by {@code m} and updates the parameters through
 * the core library's one training loop ({@link TrainingLoop}): gradient descent, momentum, RMSprop, Adam and the
 * learning-rate schedules are the single-machine code, the listener is called and the costs are recorded as in one
 * JVM, and the iterates are those of single-machine training up to the order of the sums.
 *
 * <pre>{@code
 * Dataset<Row> data = ...;                      // a "features" vector column and a "label" column (0/1, or 0..C-1)
 * Network initial = Initialization.HE.initialize(new int[] {100, 64, 32, 1}, Activation.RELU, Activation.SIGMOID,
 *         new NumpyRandom(1));
 * SparkTrainingResult result = SparkTraining.fit(initial, data, "features", "label",
 *         TrainingConfig.of(500, 0.05).withOptimizer(Optimizer.adam()), TrainingListener.none());
 * Network trained = result.training().network();
 * }</pre>
 *
 * <p>What is refused, before anything runs: mini-batches (this is full-batch training), regularisation (L2 and
 * dropout; not distributed yet), the {@link Engine#GRAM} and {@link Engine#REFERENCE} engines (each partition
 * computes as {@link Engine#PRIMAL}; {@link Engine#AUTO} means that), and {@link Precision#FLOAT32} (the partitions
 * compute in float64). Bad rows: see {@link BadRows}.
 */
public final class SparkTraining {

    private static final String OPERATION = "SparkTraining";

    private SparkTraining() {
    }

    /**
     * Trains {@code initial} on a Spark ML {@code Dataset} with the default options ({@link
     * SparkTrainingOptions#defaults()}: bad rows refused, no checkpoints).
     *
     * @param initial     the network to start from (not modified)
     * @param data        a features column of Spark ML vectors and a numeric label column
     * @param featuresCol the features column's name
     * @param labelCol    the label column's name: 0 or 1 for one sigmoid output unit, the class index
     *                    {@code 0 .. C-1} for {@code C} softmax units
     * @param config      iterations, learning rate and schedule, optimizer, recording interval (full batch)
     * @param listener    told the cost at every recorded iteration, on the driver
     * @return the trained network, its history and what Spark saw
     * @throws BadRowException if a row cannot be trained on, naming its partition and index
     * @throws Nndl4jException if the configuration asks for what distributed training does not do, a column is
     *                         missing or of the wrong type, or the data do not fit the network
     */
    public static SparkTrainingResult fit(Network initial, Dataset<Row> data, String featuresCol, String labelCol,
                                          TrainingConfig config, TrainingListener listener) {
        return fit(initial, data, featuresCol, labelCol, config, SparkTrainingOptions.defaults(), listener);
    }

    /**
     * Trains {@code initial} on a Spark ML {@code Dataset}.
     *
     * @param initial     the network to start from (not modified)
     * @param data        a features column of Spark ML vectors and a numeric label column
     * @param featuresCol the features column's name
     * @param labelCol    the label column's name (class indices)
     * @param config      the configuration (full batch)
     * @param options     bad rows, checkpoints, aggregation depth
     * @param listener    told the cost at every recorded iteration, on the driver
     * @return the trained network, its history and what Spark saw
     * @throws BadRowException with {@link BadRows#REFUSE}, if a row cannot be trained on
     * @throws Nndl4jException if the configuration, the options or the data do not fit
     */
    public static SparkTrainingResult fit(Network initial, Dataset<Row> data, String featuresCol, String labelCol,
                                          TrainingConfig config, SparkTrainingOptions options,
                                          TrainingListener listener) {
        check(initial, config, options, listener);
        Checks.notNull(data, "data");
        try (ExampleBlocks blocks = ExampleBlocks.fromDataset(data, featuresCol, labelCol, initial, options.badRows())) {
            return fit(initial, blocks, config, options, listener);
        }
    }

    /**
     * Trains {@code initial} on a {@code JavaRDD} of examples with the default options.
     *
     * @param initial  the network to start from (not modified)
     * @param data     the examples: features and class index
     * @param config   the configuration (full batch)
     * @param listener told the cost at every recorded iteration, on the driver
     * @return the trained network, its history and what Spark saw
     * @throws BadRowException if an example cannot be trained on, naming its partition and index
     * @throws Nndl4jException if the configuration or the data do not fit
     */
    public static SparkTrainingResult fit(Network initial, JavaRDD<LabeledExample> data, TrainingConfig config,
                                          TrainingListener listener) {
        return fit(initial, data, config, SparkTrainingOptions.defaults(), listener);
    }

    /**
     * Trains {@code initial} on a {@code JavaRDD} of examples.
     *
     * @param initial  the network to start from (not modified)
     * @param data     the examples: features and class index
     * @param config   the configuration (full batch)
     * @param options  bad rows, checkpoints, aggregation depth
     * @param listener told the cost at every recorded iteration, on the driver
     * @return the trained network, its history and what Spark saw
     * @throws BadRowException with {@link BadRows#REFUSE}, if an example cannot be trained on
     * @throws Nndl4jException if the configuration, the options or the data do not fit
     */
    public static SparkTrainingResult fit(Network initial, JavaRDD<LabeledExample> data, TrainingConfig config,
                                          SparkTrainingOptions options, TrainingListener listener) {
        check(initial, config, options, listener);
        Checks.notNull(data, "data");
        try (ExampleBlocks blocks = ExampleBlocks.fromRdd(data, initial, options.badRows())) {
            return fit(initial, blocks, config, options, listener);
        }
    }

    /**
     * Trains {@code initial} on examples already converted and cached (several trainings on the same data convert
     * them once). The blocks stay cached.
     *
     * @param initial  the network to start from (not modified)
     * @param blocks   the examples, converted for a network of {@code initial}'s input and output sizes
     * @param config   the configuration (full batch)
     * @param options  checkpoints and aggregation depth (the bad-row policy was the blocks')
     * @param listener told the cost at every recorded iteration, on the driver
     * @return the trained network, its history and what Spark saw
     * @throws Nndl4jException if the configuration or the options do not fit, the blocks were made for other sizes,
     *                         or a checkpoint to resume from belongs to another network or optimizer
     */
    public static SparkTrainingResult fit(Network initial, ExampleBlocks blocks, TrainingConfig config,
                                          SparkTrainingOptions options, TrainingListener listener) {
        check(initial, config, options, listener);
        Checks.notNull(blocks, "blocks");
        if (blocks.features() != initial.inputSize() || blocks.outputs() != initial.outputSize()) {
            throw new Nndl4jException(OPERATION + ": the blocks hold " + blocks.features() + " features and labels for "
                    + blocks.outputs() + " output units, the network takes " + initial.inputSize() + " and has "
                    + initial.outputSize());
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(blocks.rdd().context());
        boolean fullBatchGd = config.isFullBatchGradientDescent();
        int[] dims = initial.layerDims();
        OptimizerState state = fullBatchGd ? null : config.optimizer().newState(dims);
        Checkpoints checkpoints = options.checkpointing() ? new Checkpoints(options.checkpoints()) : null;
        Network start = initial;
        TrainingStart from = TrainingStart.beginning(config, state);
        if (options.resume()) {
            Checkpoints.Checkpoint saved = checkpoints.latest(initial.numLayers());
            if (saved != null) {
                requireResumable(saved, initial, config, state);
                if (state != null) {
                    state.restore(saved.moments());
                }
                start = saved.network();
                from = new TrainingStart(saved.epoch(), state, saved.history());
            }
        }
        Recording recording = new Recording(listener, from.history());
        int every = options.checkpointEvery();
        int first = from.epoch();
        SparkTrainable[] model = new SparkTrainable[1];
        model[0] = new SparkTrainable(start, blocks, spark, options.aggregationDepth(), first, epoch -> {
            if (checkpoints != null && epoch > first && epoch % every == 0) {
                checkpoints.save(epoch, model[0].network(), config.optimizer().toString(),
                        state == null ? null : state.moments(), recording.history());
            }
        });
        TrainingResult result = TrainingLoop.run(model[0], config, recording, from);
        if (checkpoints != null && config.iterations() > first) {
            checkpoints.save(config.iterations(), result.network(), config.optimizer().toString(),
                    state == null ? null : state.moments(), result.costs());
        }
        return new SparkTrainingResult(result, blocks.examples(), blocks.skipped(), blocks.partitions(), first);
    }

    private static void check(Network initial, TrainingConfig config, SparkTrainingOptions options,
                              TrainingListener listener) {
        Checks.notNull(initial, "initial");
        Checks.notNull(config, "config");
        Checks.notNull(options, "options");
        Checks.notNull(listener, "listener (use TrainingListener.none())");
        if (!config.miniBatches().isFullBatch()) {
            throw new Nndl4jException(OPERATION + ": full-batch training only (each iteration sums the gradients of "
                    + "every partition); the configuration asks for " + config.miniBatches()
                    + ": use MiniBatches.fullBatch()");
        }
        if (!config.regularization().isNone()) {
            throw new Nndl4jException(OPERATION + ": regularisation (L2, dropout) is not distributed; the "
                    + "configuration asks for " + config.regularization());
        }
        if (config.engine() != Engine.AUTO && config.engine() != Engine.PRIMAL) {
            throw new Nndl4jException(OPERATION + ": every partition computes as Engine.PRIMAL; the configuration "
                    + "asks for Engine." + config.engine() + " (use AUTO or PRIMAL)");
        }
        if (config.precision() != Precision.FLOAT64) {
            throw new Nndl4jException(OPERATION + ": every partition computes in float64; the configuration asks "
                    + "for Precision." + config.precision() + " (use Precision.FLOAT64)");
        }
        // the output's loss: a sigmoid or softmax output (refused by the network otherwise, naming it)
        initial.loss();
    }

    private static void requireResumable(Checkpoints.Checkpoint saved, Network initial, TrainingConfig config,
                                         OptimizerState state) {
        Network network = saved.network();
        boolean sameActivations = network.numLayers() == initial.numLayers();
        for (int l = 1; sameActivations && l <= initial.numLayers(); l++) {
            sameActivations = network.activation(l) == initial.activation(l);
        }
        if (!Arrays.equals(network.layerDims(), initial.layerDims()) || !sameActivations) {
            throw new Nndl4jException(OPERATION + ": the checkpoint of iteration " + saved.epoch() + " holds a network "
                    + Arrays.toString(network.layerDims()) + " that is not the one to train, "
                    + Arrays.toString(initial.layerDims()) + " (same sizes and activations needed)");
        }
        if (!saved.optimizer().equals(config.optimizer().toString()) || (state != null) != (saved.moments() != null)) {
            throw new Nndl4jException(OPERATION + ": the checkpoint of iteration " + saved.epoch() + " was made with "
                    + saved.optimizer() + ", the configuration asks for " + config.optimizer());
        }
        if (saved.epoch() > config.iterations()) {
            throw new Nndl4jException(OPERATION + ": the checkpoint is of iteration " + saved.epoch()
                    + ", beyond the " + config.iterations() + " iterations configured");
        }
    }

    /** Passes everything on to the caller's listener and keeps the recorded costs, for the checkpoints. */
    private static final class Recording implements TrainingListener {
        private final TrainingListener listener;
        private final int every;
        private final List<double[]> records = new ArrayList<>();

        Recording(TrainingListener listener, CostHistory before) {
            this.listener = listener;
            this.every = before.recordEvery();
            for (int k = 0; k < before.size(); k++) {
                records.add(new double[] {before.cost(k), before.learningRate(k)});
            }
        }

        @Override
        public void costRecorded(TrainingProgress progress) {
            records.add(new double[] {progress.cost(), progress.learningRate()});
            listener.costRecorded(progress);
        }

        @Override
        public void stepTaken(StepProgress step) {
            listener.stepTaken(step);
        }

        CostHistory history() {
            double[] costs = new double[records.size()];
            double[] rates = new double[records.size()];
            for (int k = 0; k < costs.length; k++) {
                costs[k] = records.get(k)[0];
                rates[k] = records.get(k)[1];
            }
            return new CostHistory(every, costs, rates);
        }
    }

    /** Null checks naming the operation. */
    private static final class Checks {
        static void notNull(Object value, String name) {
            if (value == null) {
                throw new Nndl4jException(OPERATION + ": " + name + " is null");
            }
        }
    }
}
