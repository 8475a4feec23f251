package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.time.Duration;

import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.matrix.Gemm;

/**
 * The one training loop of the library, shared by every network, model family and engine.
 *
 * <pre>
 * α = α0
 * for epoch e in 0 .. iterations-1:
 *     full-batch gradient descent:  cost = model.step(α)            // the first course's iteration
 *     otherwise:                    order = the epoch's permutation (MiniBatches)
 *                                   for each batch: total += model.batchGradients(order, batch)   // summed loss
 *                                                   model.update(optimizer state, step t + 1, α)
 *                                   cost = total / m                 // the second course's epoch cost
 *     if a parameter is NaN or infinite: stop and report e and α   (a non-finite cost is recorded as it is)
 *     if e % recordEvery == 0: record (cost, α), tell the listener
 *     α = schedule(α0, e)
 * </pre>
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * Trains {@code model} as {@code config} says (its engine was chosen when {@code model} was built, see
     * {@link Training#trainable}).
     *
     * @param model    the network in training; it advances
     * @param config   epochs, learning rate and schedule, optimizer, mini-batches, recording interval, and the number of
     *                 threads of the steps' matrix products ({@link TrainingConfig#threads()})
     * @param listener told the cost at every recorded epoch, and every step if it asks
     * @return the trained network, the recorded costs, the engine, the epochs and the wall time
     * @throws TrainingDivergedException if a parameter becomes NaN or infinite; the model is left as it was after that
     *                                   step. An infinite or NaN cost alone does not stop training (a saturated
     *                                   output's cost is infinite while its gradient is finite): it is recorded.
     * @throws IllegalArgumentException  if the configuration needs mini-batches or an optimizer that {@code model}
     *                                   cannot compute
     */
    public static TrainingResult run(Trainable model, TrainingConfig config, TrainingListener listener) {
        if (model == null || config == null || listener == null) {
            throw new Nndl4jException("TrainingLoop.run: model, config and listener must not be null "
                    + "(use TrainingListener.none())");
        }
        boolean fullBatchGd = config.isFullBatchGradientDescent();
        if (!fullBatchGd && !model.supportsBatches()) {
            throw new Nndl4jException("TrainingLoop.run: " + model.engine() + " computes full-batch gradient "
                    + "descent only, but the configuration asks for " + config.optimizer() + " on " + config.miniBatches());
        }
        // the configuration's thread count holds for this training's products, whatever Gemm.setThreads does
        return Gemm.withThreads(config.threads(), () -> epochs(model, config, listener, fullBatchGd));
    }

    private static TrainingResult epochs(Trainable model, TrainingConfig config, TrainingListener listener,
                                         boolean fullBatchGd) {
        long start = System.nanoTime();
        boolean steps = listensToSteps(listener);
        double learningRate = config.learningRate();
        int every = config.recordEvery();
        CostHistory.Recorder recorder = new CostHistory.Recorder(every);
        Epochs epochs = fullBatchGd ? null : new Epochs(model, config, listener);
        for (int e = 0; e < config.iterations(); e++) {
            double cost;
            if (fullBatchGd) {
                cost = model.step(learningRate);
                if (steps) {
                    listener.stepTaken(new StepProgress(e, 0, true, e + 1L, -1, cost, learningRate));
                }
            } else {
                cost = epochs.run(e, learningRate, steps);
            }
            if (!model.parametersFinite()) {
                throw new TrainingDivergedException(e, learningRate, cost, recorder.history());
            }
            if (e % every == 0) {
                recorder.add(cost, learningRate);
                listener.costRecorded(new TrainingProgress(e, cost, learningRate, model::network));
            }
            learningRate = config.schedule().rate(config.learningRate(), e);
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        return new TrainingResult(model.network(), recorder.history(), model.engine(), config.iterations(), wallTime);
    }

    /**
     * {@link #run(Trainable, TrainingConfig, TrainingListener)} without a listener.
     *
     * @param model  the network in training
     * @param config the configuration
     * @return the result
     */
    public static TrainingResult run(Trainable model, TrainingConfig config) {
        return run(model, config, TrainingListener.none());
    }

    /** The epochs of a training by mini-batches or another optimizer: the orders and the optimizer's state. */
    private static final class Epochs {
        private final Trainable model;
        private final TrainingListener listener;
        private final MiniBatches.Orders orders;
        private final OptimizerState state;
        private final int m;
        private final int size;

        Epochs(Trainable model, TrainingConfig config, TrainingListener listener) {
            this.model = model;
            this.listener = listener;
            this.m = model.examples();
            this.orders = config.miniBatches().orders(m);
            this.state = config.optimizer().newState(model.network().layerDims());
            this.size = config.miniBatches().isFullBatch() ? m : Math.min(config.miniBatches().size(), m);
        }

        /** One epoch at learning rate {@code α}; returns the sum of the batches' summed losses over {@code m}. */
        double run(int epoch, double learningRate, boolean steps) {
            int[] order = orders.next();
            double total = 0.0;
            int batches = (m + size - 1) / size;
            for (int k = 0; k < batches; k++) {
                int from = k * size;
                int to = Math.min(m, from + size);
                double sum = model.batchGradients(order, from, to);
                total += sum;
                ParameterUpdate update = state.step(learningRate);
                model.update(update);
                if (steps) {
                    listener.stepTaken(new StepProgress(epoch, k, k == batches - 1, state.steps(), to - from,
                            sum / (to - from), learningRate));
                }
            }
            return total / m;
        }
    }

    /** Whether {@code listener} overrides {@link TrainingListener#stepTaken} (else no step's progress is made up). */
    private static boolean listensToSteps(TrainingListener listener) {
        try {
            return listener.getClass().getMethod("stepTaken", StepProgress.class).getDeclaringClass()
                    != TrainingListener.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }
}
