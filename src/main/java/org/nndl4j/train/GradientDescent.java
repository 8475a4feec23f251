package org.nndl4j.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one batch-gradient-descent loop of the library, shared by every model family.
 *
 * <pre>
 * for i in 0 .. iterations-1:
 *     cost = model.step(α)                       // forward, cost, backward, θ = θ - α dθ
 *     if cost is NaN or infinite: stop and report i and α
 *     if i % recordEvery == 0: record cost, tell the listener
 * </pre>
 */
public final class GradientDescent {

    private GradientDescent() {
    }

    /**
     * Trains {@code model} as {@code config} says.
     *
     * @throws TrainingDivergedException if a cost is NaN or infinite; the model is left as it was after that step
     */
    public static <P> TrainingResult<P> run(Trainable<P> model, TrainingConfig config, TrainingListener<? super P> listener) {
        Objects.requireNonNull(model, "GradientDescent.run: model is null");
        Objects.requireNonNull(config, "GradientDescent.run: config is null");
        Objects.requireNonNull(listener, "GradientDescent.run: listener is null (use TrainingListener.none())");
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
                listener.costRecorded(new TrainingProgress<>(i, cost, learningRate, model::parameters));
            }
        }
        return new TrainingResult<>(model.parameters(), new CostHistory(every, costs));
    }

    /** {@link #run(Trainable, TrainingConfig, TrainingListener)} without a listener. */
    public static <P> TrainingResult<P> run(Trainable<P> model, TrainingConfig config) {
        return run(model, config, TrainingListener.none());
    }
}
