package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.shallow.ShallowNetwork;

/** m = 0 and n_x = 0: one check, one message, in every trainer (never "cost became NaN, try a smaller learning rate"). */
class NoExamplesTest {

    private static final Matrix X0 = Matrix.zeros(5, 0);
    private static final Matrix Y0 = Matrix.zeros(1, 0);
    private static final LabeledData EMPTY = LabeledData.of(X0, Y0);

    private static void assertNoExamples(String operation, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(operation + ": no examples (m = 0) in X of shape (5, 0)"), e.getMessage());
        assertTrue(!e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void everyTrainer_saysNoExamples() {
        assertNoExamples("optimize", () -> LogisticRegression.optimize(Matrix.zeros(5, 1), 0.0, X0, Y0, 10, 0.05));
        assertNoExamples("twoLayerModel", () -> DeepModels.twoLayerModel(EMPTY, 4, TrainingConfig.of(10, 0.05)));
        assertNoExamples("lLayerModel", () -> DeepModels.lLayerModel(EMPTY, new int[] {5, 4, 1}, TrainingConfig.of(10, 0.05)));
        assertNoExamples("nnModel", () -> ShallowNetwork.nnModel(X0, Y0, 4, 10));
        assertNoExamples("Training.fit", () -> Training.fit(Initialization.HE.initialize(new int[] {5, 3, 1},
                List.of(Activation.RELU, Activation.SIGMOID), new NumpyRandom(1)), EMPTY, TrainingConfig.of(10, 0.05),
                TrainingListener.none()));
        assertNoExamples("propagate", () -> LogisticRegression.propagate(Matrix.zeros(5, 1), 0.0, X0, Y0));
    }

    @Test
    void optimize_withNoFeatures_isRefused_notAZeroByOneW() {
        Matrix X = Matrix.zeros(0, 20);
        Matrix Y = Matrix.zeros(1, 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(Matrix.zeros(0, 1), 0.0, X, Y, 10, 0.05));
        assertTrue(e.getMessage().startsWith("optimize: no features (n_x = 0) in X of shape (0, 20)"), e.getMessage());
    }
}
