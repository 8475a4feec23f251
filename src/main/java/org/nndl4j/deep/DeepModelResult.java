package org.nndl4j.deep;

import java.util.Objects;

import org.nndl4j.matrix.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;

/**
 * A trained deep network: its parameters, the costs recorded while training and the configuration used.
 *
 * @param parameters the trained {@code W1, b1, ..., WL, bL}
 * @param costs      the costs at iterations 0, recordEvery, 2·recordEvery, ...
 * @param config     iterations, learning rate and recording interval of the run
 */
public record DeepModelResult(DeepParameters parameters, CostHistory costs, TrainingConfig config) {

    public DeepModelResult {
        Objects.requireNonNull(parameters, "DeepModelResult: parameters is null");
        Objects.requireNonNull(costs, "DeepModelResult: costs is null");
        Objects.requireNonNull(config, "DeepModelResult: config is null");
    }

    /** Predictions (0/1, shape {@code (1, m)}) for {@code X} of shape {@code (n[0], m)}. */
    public Matrix predict(Matrix X) {
        return DeepNetwork.predict(X, parameters);
    }

    /** The fraction of {@code data}'s examples this network classifies correctly. */
    public double accuracy(LabeledData data) {
        return Metrics.accuracy(predict(data.X()), data.Y());
    }
}
