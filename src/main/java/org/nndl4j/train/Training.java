package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.nndl4j.data.LabeledData;
import org.nndl4j.engine.FloatNetworkEngine;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.engine.TrainingEngine;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Backpropagation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.nn.Network;

/**
 * Training any {@link Network}: the entry point for your own networks and data, and the one place where the engine
 * that computes the steps is chosen.
 *
 * <pre>{@code
 * Network initial = ...;                                   // e.g. [64, 25, 12, 10], ReLU, ReLU, softmax
 * TrainingResult result = Training.fit(initial, train, TrainingConfig.of(3000, 0.1), TrainingListener.none());
 * double accuracy = result.accuracy(test);
 * }</pre>
 */
public final class Training {

    private Training() {
    }

    /**
     * Trains {@code initial} on {@code data} by full-batch gradient descent.
     *
     * @param initial  the network to start from (not modified: networks are values)
     * @param data     examples {@code X (n[0], m)} and labels fitting the network's output ({@code (1, m)} 0/1 for a
     *                 sigmoid output, one-hot {@code (C, m)} for a softmax output of {@code C} units)
     * @param config   iterations, learning rate, recording interval, engine
     * @param listener told the cost at every recorded iteration
     * @return the trained network and its history
     * @throws IllegalArgumentException  if the data do not fit the network (shapes, labels, no examples), or the
     *                                   training cannot fit in the heap ({@link MemoryBudget})
     * @throws TrainingDivergedException if the cost stops being finite
     */
    public static TrainingResult fit(Network initial, LabeledData data, TrainingConfig config, TrainingListener listener) {
        if (initial == null || data == null || config == null || listener == null) {
            throw new Nndl4jException("Training.fit: initial, data, config and listener must not be null "
                    + "(use TrainingListener.none())");
        }
        Checks.examples("Training.fit", data.X(), data.Y());
        Trainable model = trainable(initial, data.X(), data.Y(), config,
                network -> new ReferenceTrainable(network, data.X(), data.Y()));
        return TrainingLoop.run(model, config, listener);
    }

    /**
     * The one place where the engine is chosen, and where every trainer's memory is checked. {@link Engine#AUTO} picks
     * {@link Engine#GRAM} for full-batch gradient descent on wide data ({@code n_x > m}) when it is exact, its
     * {@code m x m} Gram matrix and buffers fit in the heap ({@link MemoryBudget#trainingBytes}), and its estimated
     * work for the configured iterations (building {@code G = Xᵀ·X} once, then {@code n[1]·m²} a step) is below
     * PRIMAL's ({@code 2·n[1]·n_x·m} a step); {@link Engine#PRIMAL} otherwise. GRAM's update in the span of the
     * examples holds only for full-batch gradient descent, so GRAM is refused for mini-batches and the other
     * optimizers. Whatever the engine, the training is refused before anything is allocated if its estimated bytes
     * exceed what the heap can give ({@link Runtime#maxMemory()} less the heap in use,
     * {@link MemoryBudget#requireTraining}). {@link Engine#REFERENCE} is the caller's own straightforward computation
     * when it can do what the configuration asks, else the library's ({@link org.nndl4j.nn.Backpropagation}).
     * {@link Precision#FLOAT32} runs on PRIMAL in float32 ({@link FloatNetworkEngine}); asked with GRAM, REFERENCE or
     * dropout it is refused.
     *
     * @param initial   the network to start from
     * @param X         examples, {@code (n[0], m)}
     * @param Y         labels
     * @param config    the configuration (its engine, optimizer and mini-batches decide)
     * @param reference builds the {@link Engine#REFERENCE} trainable from the initial network (the model families
     *                  pass their course building blocks)
     * @return the network in training
     * @throws IllegalArgumentException if GRAM is asked for what it cannot compute exactly, FLOAT32 for what has no
     *                                  float32 form, there are no examples, or the training cannot fit in the heap
     *                                  (the message names the layer sizes, the estimate and {@link Runtime#maxMemory()})
     */
    public static Trainable trainable(Network initial, Matrix X, Matrix Y, TrainingConfig config,
                                      Function<Network, Trainable> reference) {
        if (config == null) {
            throw new Nndl4jException("Training.trainable: initial, X, Y, config and reference must not be null");
        }
        return trainable(initial, X, Y, config, reference, config.iterations());
    }

    private static Trainable trainable(Network initial, Matrix X, Matrix Y, TrainingConfig config,
                                       Function<Network, Trainable> reference, long iterations) {
        if (initial == null || X == null || Y == null || config == null || reference == null) {
            throw new Nndl4jException("Training.trainable: initial, X, Y, config and reference must not be null");
        }
        Engine engine = engine("Training.trainable", initial.layerDims(), X, Y, config, iterations);
        Regularization regularization = config.regularization();
        boolean gramExact = isGramExact(config);
        switch (engine) {
            case REFERENCE:
                if (regularization.hasDropout()) {
                    throw new Nndl4jException("Training: dropout runs on the PRIMAL and GRAM engines; the "
                            + "REFERENCE computation has no masks");
                }
                Trainable own = reference.apply(initial);
                if (config.isFullBatchGradientDescent() && regularization.isNone()) {
                    return own;
                }
                return own.supportsBatches() && regularization.isNone() ? own
                        : new ReferenceTrainable(initial, X, Y, regularization.lambda());
            case GRAM:
                if (!gramExact) {
                    throw new Nndl4jException("Training: the GRAM engine computes full-batch gradient descent "
                            + "exactly and nothing else; " + config.optimizer() + " on " + config.miniBatches()
                            + (regularization.lambda() > 0 ? " with L2" : "") + " needs Engine.PRIMAL (or AUTO)");
                }
                return engineTrainable(NetworkEngine.gram(initial, X, Y), Engine.GRAM, regularization);
            default:
                return engineTrainable(config.precision() == Precision.FLOAT32 ? FloatNetworkEngine.primal(initial, X, Y)
                        : NetworkEngine.primal(initial, X, Y), Engine.PRIMAL, regularization);
        }
    }

    /**
     * Checks, before anything is allocated, that a network of sizes {@code layerDims} can be trained on {@code X, Y}
     * as {@code config} says: at least one example and one feature, and training buffers that fit in the heap for the
     * engine {@link #trainable} would choose. (NaN or infinite inputs are not refused here: the first step's
     * parameters stop being finite and the loop reports a {@link TrainingDivergedException} at iteration 0.) The model functions call this before they draw their
     * initial parameters; {@link #trainable} calls it again.
     *
     * @param operation named first in the messages
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @param X         examples {@code (n[0], m)}
     * @param Y         labels
     * @param config    the configuration
     * @return the engine that will compute the steps ({@link Engine#AUTO} resolved)
     * @throws IllegalArgumentException naming the problem: no examples ({@code m = 0}) or features, or the layer
     *                                  sizes, the estimated bytes and
     *                                  {@link Runtime#maxMemory()} when the training cannot fit
     */
    public static Engine check(String operation, int[] layerDims, Matrix X, Matrix Y, TrainingConfig config) {
        Checks.notNull(operation, "config", config);
        return engine(operation, layerDims, X, Y, config, config.iterations());
    }

    private static Engine engine(String operation, int[] layerDims, Matrix X, Matrix Y, TrainingConfig config,
                                 long iterations) {
        Checks.examples(operation, X, Y);
        Checks.notNull(operation, "layerDims", layerDims);
        if (layerDims.length < 2 || layerDims[0] != X.rows()) {
            throw new ShapeException(operation, "X of shape (" + (layerDims.length == 0 ? "?" : layerDims[0])
                    + ", m) for layer sizes " + java.util.Arrays.toString(layerDims), X.shape());
        }
        requirePrecision(operation, config);
        Engine engine = config.precision() == Precision.FLOAT32 ? Engine.PRIMAL
                : config.engine() == Engine.AUTO
                ? (isGramExact(config) && gramPays(layerDims, X.cols(), iterations) ? Engine.GRAM : Engine.PRIMAL)
                : config.engine();
        MemoryBudget.requireTraining(operation, layerDims, X.cols(), stateCopies(config.optimizer()),
                engine == Engine.GRAM);
        return engine;
    }

    /**
     * Refuses a float32 training on what has no float32 form: the GRAM and REFERENCE engines, and dropout (float32 runs
     * on the PRIMAL engine, with AUTO or PRIMAL).
     */
    private static void requirePrecision(String operation, TrainingConfig config) {
        if (config.precision() != Precision.FLOAT32) {
            return;
        }
        if (config.engine() == Engine.GRAM || config.engine() == Engine.REFERENCE) {
            throw new Nndl4jException(operation + ": Precision.FLOAT32 runs on the PRIMAL engine only, but the "
                    + "configuration asks for Engine." + config.engine() + " (use Engine.AUTO or Engine.PRIMAL, or "
                    + "Precision.FLOAT64)");
        }
        if (config.regularization().hasDropout()) {
            throw new Nndl4jException(operation + ": Precision.FLOAT32 has no dropout, but the configuration asks for "
                    + config.regularization() + " (use Precision.FLOAT64 for dropout)");
        }
    }

    /** GRAM is exact for full-batch gradient descent (dropout included); its W1 is not held for L2's decay. */
    private static boolean isGramExact(TrainingConfig config) {
        return config.isFullBatchGradientDescent() && config.regularization().lambda() == 0.0;
    }

    /**
     * AUTO's rule for GRAM: wide data ({@code n_x > m}), G and the buffers fit in the heap, and less estimated work
     * than PRIMAL for {@code iterations} steps ({@link Long#MAX_VALUE} when the count is not known).
     */
    static boolean gramPays(int[] dims, int m, long iterations) {
        double nX = dims[0];
        double n1 = dims[1];
        double M = m;
        if (nX <= M || !Checks.isWithinMemory(MemoryBudget.trainingBytes(dims, m, 0, true))) {
            return false;
        }
        // work of layer 1, the only one that differs: GRAM builds G = XᵀX (n_x·m²) and Z1 = W1·X once, forms W1 at the
        // end (n1·n_x·m) and moves Z1 by n1·m² a step; PRIMAL computes W1·X and dZ1·Xᵀ every step
        double gram = nX * M * M + 2.0 * n1 * nX * M + iterations * n1 * M * M;
        double primal = iterations * 2.0 * n1 * nX * M;
        return gram < primal;
    }

    /** How many values per parameter the optimizer keeps (its moments). */
    private static int stateCopies(Optimizer optimizer) {
        if (optimizer instanceof Optimizer.Adam) {
            return 2;
        }
        return optimizer instanceof Optimizer.GradientDescent ? 0 : 1;
    }

    private static Trainable engineTrainable(TrainingEngine computation, Engine kind, Regularization regularization) {
        if (!regularization.isNone()) {
            computation.regularize(regularization.lambda(), regularization.keepProb(), regularization.masks());
        }
        return new EngineTrainable(computation, kind);
    }

    /**
     * {@link #trainable(Network, Matrix, Matrix, TrainingConfig, Function)} for full-batch gradient descent computed by
     * {@code choice}.
     *
     * @param initial   the network to start from
     * @param X         examples
     * @param Y         labels
     * @param choice    the engine
     * @param reference builds the {@link Engine#REFERENCE} trainable
     * @return the network in training
     */
    public static Trainable trainable(Network initial, Matrix X, Matrix Y, Engine choice,
                                      Function<Network, Trainable> reference) {
        if (choice == null) {
            throw new Nndl4jException("Training.trainable: choice is null");
        }
        // the number of steps is not known here: AUTO weighs GRAM's one-off cost against a long training
        return trainable(initial, X, Y, new TrainingConfig(1, 1.0, 1, choice), reference, Long.MAX_VALUE);
    }

    /** The fast engine, as the loop sees it. */
    private record EngineTrainable(TrainingEngine computation, Engine kind) implements Trainable {
        @Override
        public double step(double learningRate) {
            return computation.step(learningRate);
        }

        @Override
        public Network network() {
            return computation.network();
        }

        @Override
        public Gradients lastGradients() {
            return computation.lastGradients();
        }

        @Override
        public Engine engine() {
            return kind;
        }

        @Override
        public boolean supportsBatches() {
            return !computation.usesGram();
        }

        @Override
        public double batchGradients(int[] order, int from, int to) {
            return computation.batchGradients(order, from, to);
        }

        @Override
        public double batchGradients(int[] order, int from, int to, boolean withLoss) {
            return computation.batchGradients(order, from, to, withLoss);
        }

        @Override
        public void update(ParameterUpdate update) {
            computation.update(update);
        }

        @Override
        public int examples() {
            return computation.examples();
        }

        @Override
        public boolean parametersFinite() {
            return computation.parametersFinite();
        }
    }

    /** {@link Engine#REFERENCE} for any network: {@link Backpropagation}, fresh matrices every step. */
    private static final class ReferenceTrainable implements Trainable {
        private final Matrix X;
        private final Matrix Y;
        private final double lambda;
        private Network network;
        private Gradients last;

        ReferenceTrainable(Network initial, Matrix X, Matrix Y) {
            this(initial, X, Y, 0.0);
        }

        ReferenceTrainable(Network initial, Matrix X, Matrix Y, double lambda) {
            this.network = initial;
            this.X = X;
            this.Y = Y;
            this.lambda = lambda;
        }

        @Override
        public double step(double learningRate) {
            double cost = Backpropagation.cost(network, X, Y, lambda);
            last = Backpropagation.gradients(network, X, Y, lambda);
            network = Backpropagation.update(network, last, learningRate);
            return cost;
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public Gradients lastGradients() {
            return last;
        }

        @Override
        public Engine engine() {
            return Engine.REFERENCE;
        }

        @Override
        public boolean supportsBatches() {
            return true;
        }

        @Override
        public double batchGradients(int[] order, int from, int to) {
            Matrix Xb = columns(X, order, from, to);
            Matrix Yb = columns(Y, order, from, to);
            int mb = to - from;
            // the mean cost times m_b is the summed loss, up to rounding (the reference is held to 1e-12, not bits)
            double sum = Backpropagation.cost(network, Xb, Yb, lambda) * mb;
            last = Backpropagation.gradients(network, Xb, Yb, lambda);
            return sum;
        }

        @Override
        public void update(ParameterUpdate update) {
            List<Layer> layers = new ArrayList<>();
            for (int l = 1; l <= network.numLayers(); l++) {
                double[][] W = network.W(l).toArray();
                double[] b = network.b(l).toRowMajor();
                update.update(l, W, b, last.dW(l).toArray(), last.db(l).toRowMajor());
                layers.add(new Layer(Matrix.of(W), Matrix.columnVector(b), network.activation(l)));
            }
            network = Network.of(layers);
        }

        @Override
        public int examples() {
            return X.cols();
        }

        private static Matrix columns(Matrix M, int[] order, int from, int to) {
            double[][] out = new double[M.rows()][to - from];
            for (int i = 0; i < M.rows(); i++) {
                for (int j = from; j < to; j++) {
                    out[i][j - from] = M.get(i, order == null ? j : order[j]);
                }
            }
            return Matrix.of(out);
        }
    }
}
