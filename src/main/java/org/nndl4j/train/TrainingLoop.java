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
        if (config == null) {
            throw new Nndl4jException("TrainingLoop.run: model, config and listener must not be null "
                    + "(use TrainingListener.none())");
        }
        return run(model, config, listener, TrainingStart.beginning(config, null));
    }

    /**
     * Trains {@code model} as {@code config} says from {@code start}: epochs {@code start.epoch() .. iterations-1},
     * with the learning rate the schedule gives those epochs, the optimizer's state {@code start.state()} (made fresh
     * when it is {@code null} and the training needs one) and the costs recorded before {@code start.epoch()} at the
     * head of the history. Given the network after epoch {@code start.epoch() - 1} (in {@code model}) and the state
     * after it, the epochs run, the costs recorded and the listener calls are those of the uninterrupted training
     * (the mini-batch orders of the skipped epochs are drawn and dropped, so a shuffled training continues with its
     * own orders). The result's wall time counts the epochs run here.
     *
     * @param model    the network in training, as it is after epoch {@code start.epoch() - 1}; it advances
     * @param config   the configuration of the whole training
     * @param listener told the cost at every recorded epoch from {@code start.epoch()} on
     * @param start    where to start ({@link TrainingStart#beginning} for a fresh training)
     * @return the trained network, every recorded cost (those before the start included), the engine, the epochs
     *         ({@code config.iterations()}) and the wall time
     * @throws TrainingDivergedException if a parameter becomes NaN or infinite
     * @throws IllegalArgumentException  if the configuration needs what {@code model} cannot compute, or
     *                                   {@code start} does not fit {@code config} (its epoch beyond the iterations,
     *                                   another recording interval or optimizer, or no state to resume a training
     *                                   whose optimizer keeps one)
     */
    public static TrainingResult run(Trainable model, TrainingConfig config, TrainingListener listener,
                                     TrainingStart start) {
        if (model == null || config == null || listener == null || start == null) {
            throw new Nndl4jException("TrainingLoop.run: model, config, listener and start must not be null "
                    + "(use TrainingListener.none(), TrainingStart.beginning)");
        }
        boolean fullBatchGd = config.isFullBatchGradientDescent();
        if (!fullBatchGd && !model.supportsBatches()) {
            throw new Nndl4jException("TrainingLoop.run: " + model.engine() + " computes full-batch gradient "
                    + "descent only, but the configuration asks for " + config.optimizer() + " on " + config.miniBatches());
        }
        checkStart(config, start, fullBatchGd);
        // the configuration's thread count holds for this training's products, whatever Gemm.setThreads does
        return Gemm.withThreads(config.threads(), () -> epochs(model, config, listener, fullBatchGd, start));
    }

    private static void checkStart(TrainingConfig config, TrainingStart start, boolean fullBatchGd) {
        if (start.epoch() > config.iterations()) {
            throw new Nndl4jException("TrainingLoop.run: start at epoch " + start.epoch() + " beyond the "
                    + config.iterations() + " iterations configured");
        }
        if (start.history().recordEvery() != config.recordEvery()) {
            throw new Nndl4jException("TrainingLoop.run: the start's costs were recorded every "
                    + start.history().recordEvery() + " epochs, the configuration records every "
                    + config.recordEvery());
        }
        OptimizerState state = start.state();
        if (state != null && !state.optimizer().equals(config.optimizer())) {
            throw new Nndl4jException("TrainingLoop.run: the start's state belongs to " + state.optimizer()
                    + ", the configuration's optimizer is " + config.optimizer());
        }
        if (state == null && !fullBatchGd && start.epoch() > 0) {
            throw new Nndl4jException("TrainingLoop.run: resuming " + config.optimizer() + " at epoch "
                    + start.epoch() + " needs the optimizer's state after epoch " + (start.epoch() - 1));
        }
    }

    private static TrainingResult epochs(Trainable model, TrainingConfig config, TrainingListener listener,
                                         boolean fullBatchGd, TrainingStart start) {
        long start0 = System.nanoTime();
        boolean steps = listensToSteps(listener);
        int first = start.epoch();
        // the rate of epoch e is α0 for e = 0, else what the schedule made of it after epoch e - 1
        double learningRate = first == 0 ? config.learningRate() : config.schedule().rate(config.learningRate(), first - 1);
        int every = config.recordEvery();
        CostHistory.Recorder recorder = new CostHistory.Recorder(every);
        CostHistory before = start.history();
        for (int k = 0; k < before.size(); k++) {
            recorder.add(before.cost(k), before.learningRate(k));
        }
        Epochs epochs = fullBatchGd ? null : new Epochs(model, config, listener, start);
        for (int e = first; e < config.iterations(); e++) {
            double cost;
            if (fullBatchGd) {
                cost = model.step(learningRate);
                if (steps) {
                    listener.stepTaken(new StepProgress(e, 0, true, e + 1L, -1, cost, learningRate));
                }
            } else {
                // the epoch's loss is computed only where it is recorded or listened to (NaN otherwise)
                cost = epochs.run(e, learningRate, steps, steps || e % every == 0);
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
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start0);
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

        Epochs(Trainable model, TrainingConfig config, TrainingListener listener, TrainingStart start) {
            this.model = model;
            this.listener = listener;
            this.m = model.examples();
            this.orders = config.miniBatches().orders(m);
            for (int e = 0; e < start.epoch(); e++) {
                // the orders of the epochs already run: drawn and dropped, so the next one is the next epoch's
                orders.nextReused();
            }
            this.state = start.state() != null ? start.state()
                    : config.optimizer().newState(model.network().layerDims());
            this.size = config.miniBatches().isFullBatch() ? m : Math.min(config.miniBatches().size(), m);
        }

        /**
         * One epoch at learning rate {@code α}; returns the sum of the batches' summed losses over {@code m}, or NaN
         * without {@code withLoss} (the gradients are the same).
         */
        double run(int epoch, double learningRate, boolean steps, boolean withLoss) {
            int[] order = orders.nextReused();
            double total = 0.0;
            int batches = (m + size - 1) / size;
            for (int k = 0; k < batches; k++) {
                int from = k * size;
                int to = Math.min(m, from + size);
                double sum = model.batchGradients(order, from, to, withLoss);
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
