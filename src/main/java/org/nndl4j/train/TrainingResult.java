package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import java.time.Duration;

import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Network;

/**
 * The outcome of every training, whichever model family or engine produced it: the trained network, the recorded
 * costs and how the training ran. The course's typed parameter records convert from {@link #network()} without loss
 * ({@code DeepParameters.from}, {@code ShallowParameters.from}, {@code LogisticParameters.from}).
 *
 * @param network    the trained network
 * @param costs      the costs at iterations 0, recordEvery, 2·recordEvery, ...
 * @param engine     the engine that computed the steps ({@link Engine#AUTO} resolved)
 * @param iterations the number of iterations run
 * @param wallTime   the time the iterations took
 */
public record TrainingResult(Network network, CostHistory costs, Engine engine, int iterations, Duration wallTime) {

    /**
     * @param network    the trained network
     * @param costs      the recorded costs
     * @param engine     the engine that computed the steps
     * @param iterations the number of iterations run, {@code >= 0}
     * @param wallTime   the time the iterations took
     * @throws IllegalArgumentException if a component is null or {@code iterations < 0}
     */
    public TrainingResult {
        if (network == null || costs == null || engine == null || wallTime == null) {
            throw new Nndl4jException("TrainingResult: network, costs, engine and wallTime must not be null");
        }
        if (iterations < 0) {
            throw new Nndl4jException("TrainingResult: iterations must be >= 0, got " + iterations);
        }
    }

    /**
     * The trained network's class labels for {@code X} (see {@link Network#predict}).
     *
     * @param X inputs, one example per column
     * @return labels, {@code (1, m)}
     */
    public Matrix predict(Matrix X) {
        return network.predict(X);
    }

    /**
     * The fraction of {@code data}'s examples the trained network classifies correctly.
     *
     * @param data examples and their labels
     * @return a fraction in [0, 1]
     */
    public double accuracy(LabeledData data) {
        Checks.notNull("accuracy", "data", data);
        int classes = network.outputSize() == 1 ? 2 : network.outputSize();
        return Metrics.accuracy(network.predict(data.X()), data.labels(), classes);
    }
}
