package org.nndl4j.train;

import java.time.Duration;
import java.util.Arrays;

/**
 * The one batch-gradient-descent loop of the library, shared by every model family and engine.
 *
 * <pre>
 * for i in 0 .. iterations-1:
 *     cost = model.step(α)                       // forward, cost, backward, θ = θ - α dθ
 *     if cost is NaN or infinite: stop and report i and α
 *     if i % recordEvery == 0: record cost, tell the listener
 * </pre>
 */
public final class TrainingLoop {

    private TrainingLoop() {
    }

    /**
     * Trains {@code model} as {@code config} says (its engine choice was already made when {@code model} was built,
     * see {@link Training#trainable}).
     *
     * @param model    the network in training; it advances
     * @param config   iterations, learning rate, recording interval
     * @param listener told the cost at every recorded iteration
     * @return the trained network, the recorded costs, the engine, the iterations and the wall time
     * @throws TrainingDivergedException if a cost is NaN or infinite; the model is left as it was after that step
     */
    public static TrainingResult run(Trainable model, TrainingConfig config, TrainingListener listener) {
        if (model == null || config == null || listener == null) {
            throw new IllegalArgumentException("TrainingLoop.run: model, config and listener must not be null "
                    + "(use TrainingListener.none())");
        }
        long start = System.nanoTime();
        double learningRate = config.learningRate();
        int every = config.recordEvery();
        double[] costs = new double[(config.iterations() + every - 1) / every];
        int recorded = 0;
        for (int i = 0; i < config.iterations(); i++) {
            double cost = model.step(learningRate);
            if (!Double.isFinite(cost)) {
                throw new TrainingDivergedException(i, learningRate, cost,
                        new CostHistory(every, Arrays.copyOf(costs, recorded)));
            }
            if (i % every == 0) {
                costs[recorded++] = cost;
                listener.costRecorded(new TrainingProgress(i, cost, learningRate, model::network));
            }
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        return new TrainingResult(model.network(), new CostHistory(every, costs), model.engine(), config.iterations(),
                wallTime);
    }

    /**
     * {@link #run(Trainable, TrainingConfig, TrainingListener)} without a listener.
     *
     * @param model  the network in training
     * @param config iterations, learning rate, recording interval
     * @return the result
     */
    public static TrainingResult run(Trainable model, TrainingConfig config) {
        return run(model, config, TrainingListener.none());
    }
}
