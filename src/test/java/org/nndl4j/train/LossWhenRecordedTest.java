package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.LabeledData;
import org.nndl4j.engine.FloatNetworkEngine;
import org.nndl4j.engine.NetworkEngine;
import org.nndl4j.engine.ParameterUpdate;
import org.nndl4j.engine.TrainingEngine;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * An epoch of mini-batches computes its loss only when it is recorded or a listener follows the steps: the parameters
 * and every recorded cost are the same bits as when every epoch computes it.
 */
class LossWhenRecordedTest {

    private static Network moonsNetwork() {
        return Initialization.HE.initialize(new int[] {2, 5, 2, 1}, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(3));
    }

    private static TrainingConfig config(String kind) {
        TrainingConfig c = new TrainingConfig(250, 0.01, 100).withMiniBatches(MiniBatches.shuffled(64, 2));
        return switch (kind) {
            case "gd" -> c;
            case "adam-l2" -> c.withOptimizer(Optimizer.adam()).withRegularization(Regularization.l2(0.5));
            case "momentum-dropout" -> c.withOptimizer(Optimizer.momentum(0.9))
                    .withRegularization(Regularization.dropout(5, 0.8, 0.9));
            case "adam-float32" -> c.withOptimizer(Optimizer.adam()).withPrecision(Precision.FLOAT32);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd", "adam-l2", "momentum-dropout", "adam-float32"})
    void parametersAndRecordedCosts_areTheBitsOfATrainingThatComputesEveryLoss(String kind) {
        LabeledData moons = Course2Datasets.moons();
        TrainingResult lazy = Training.fit(moonsNetwork(), moons, config(kind), TrainingListener.none());
        // a listener of the steps makes every epoch compute its loss
        List<Double> stepCosts = new ArrayList<>();
        TrainingResult every = Training.fit(moonsNetwork(), moons, config(kind),
                TrainingListener.onSteps(s -> stepCosts.add(s.cost())));
        assertEquals(250 * 5, stepCosts.size());
        assertTrue(stepCosts.stream().allMatch(Double::isFinite), "every step's loss is computed");
        assertArrayEquals(every.costs().costs(), lazy.costs().costs(), 0.0);
        assertEquals(3, lazy.costs().size());
        assertTrue(lazy.costs().costs()[2] > 0);
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(every.network().W(l).toArray(), lazy.network().W(l).toArray(), kind + " W" + l);
            assertArrayEquals(every.network().b(l).toArray(), lazy.network().b(l).toArray(), kind + " b" + l);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchGradientsWithoutLoss_giveNaNAndTheSameGradients(boolean float32) {
        LabeledData moons = Course2Datasets.moons();
        TrainingConfig config = new TrainingConfig(1, 0.01, 1)
                .withPrecision(float32 ? Precision.FLOAT32 : Precision.FLOAT64);
        TrainingEngine with = engine(moons, config);
        TrainingEngine without = engine(moons, config);
        int[] order = new NumpyRandom(4).permutation(300);
        double sum = with.batchGradients(order, 64, 128, true);
        assertTrue(Double.isFinite(sum) && sum > 0, "loss " + sum);
        assertEquals(sum, with.batchGradients(order, 64, 128), 0.0);
        assertTrue(Double.isNaN(without.batchGradients(order, 64, 128, false)));
        ParameterUpdate sgd = Optimizer.gradientDescent().newState(new int[] {2, 5, 2, 1}).step(0.5);
        with.update(sgd);
        without.update(sgd);
        Network a = with.network();
        Network b = without.network();
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(a.W(l).toArray(), b.W(l).toArray());
            assertArrayEquals(a.b(l).toArray(), b.b(l).toArray());
        }
        assertFalse(a.W(1).equals(moonsNetwork().W(1)), "the update moved W1");
    }

    private static TrainingEngine engine(LabeledData data, TrainingConfig config) {
        return config.precision() == Precision.FLOAT32
                ? FloatNetworkEngine.primal(moonsNetwork(), data.X(), data.Y())
                : NetworkEngine.primal(moonsNetwork(), data.X(), data.Y());
    }
}
