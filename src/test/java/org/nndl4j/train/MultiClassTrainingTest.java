package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.LabeledData;
import org.nndl4j.data.OneHot;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/** Training a many-class network through the public API on data it has not seen, and the metrics for any C. */
class MultiClassTrainingTest {

    /** Three Gaussian blobs in 2-D around (0, 3), (3, -2), (-3, -2), {@code m} points each. */
    private static LabeledData blobs(int m, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        double[][] centres = {{0, 3}, {3, -2}, {-3, -2}};
        Matrix noise = r.randn(2, 3 * m);
        double[][] x = new double[2][3 * m];
        int[] labels = new int[3 * m];
        for (int j = 0; j < 3 * m; j++) {
            labels[j] = j % 3;
            x[0][j] = centres[j % 3][0] + noise.get(0, j);
            x[1][j] = centres[j % 3][1] + noise.get(1, j);
        }
        return LabeledData.ofClasses(Matrix.of(x), labels, List.of("north", "east", "west"));
    }

    @Test
    void fit_softmaxNetworkOnBlobs_generalisesToFreshPoints() {
        LabeledData train = blobs(100, 1);
        LabeledData test = blobs(200, 2);
        Network initial = Initialization.HE.initialize(new int[] {2, 8, 3}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(3));
        TrainingResult result = Training.fit(initial, train, new TrainingConfig(500, 0.1, 50), TrainingListener.none());
        assertEquals(500, result.iterations());
        assertEquals(10, result.costs().size());
        assertTrue(result.costs().last() < 0.5 * result.costs().cost(0), result.costs().toString());
        assertTrue(result.accuracy(test) > 0.95, "test accuracy " + result.accuracy(test));
        ConfusionMatrix confusion = Metrics.confusionMatrix(result.predict(test.X()), test.labels(), 3);
        assertEquals(600, confusion.total());
        assertEquals(Metrics.correct(result.predict(test.X()), test.labels()), confusion.correct());
    }

    @Test
    void fit_everyEngine_givesTheSameTraining() {
        LabeledData train = blobs(30, 4);
        Network initial = Initialization.XAVIER.initialize(new int[] {2, 5, 4, 3}, Activation.TANH, Activation.SOFTMAX,
                new NumpyRandom(5));
        TrainingResult reference = Training.fit(initial, train, new TrainingConfig(50, 0.05, 1, Engine.REFERENCE),
                TrainingListener.none());
        for (Engine engine : new Engine[] {Engine.PRIMAL, Engine.GRAM}) {
            TrainingResult fast = Training.fit(initial, train, new TrainingConfig(50, 0.05, 1, engine), TrainingListener.none());
            assertEquals(engine, fast.engine());
            for (int i = 0; i < 50; i++) {
                assertEquals(reference.costs().cost(i), fast.costs().cost(i), 1e-12, engine + " cost " + i);
            }
            assertTrue(reference.network().W(1).maxAbsDifference(fast.network().W(1)) < 1e-12, engine + " W1");
        }
    }

    @Test
    void fit_binaryLabelsOnASoftmaxNetwork_isRefusedSayingWhatFits() {
        LabeledData binary = LabeledData.of(Matrix.zeros(2, 4), Matrix.rowVector(0, 1, 1, 0));
        Network softmax = Initialization.HE.initialize(new int[] {2, 3}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Training.fit(softmax, binary, TrainingConfig.of(1, 0.1), TrainingListener.none()));
        assertTrue(e.getMessage().contains("SIGMOID output of one unit"), e.getMessage());
    }

    @Test
    void metrics_confusionMatrixAndAccuracy_anyNumberOfClasses() {
        Matrix predicted = Matrix.rowVector(0, 2, 1, 1, 3);
        Matrix actual = Matrix.rowVector(0, 2, 2, 1, 3);
        assertEquals(0.8, Metrics.accuracy(predicted, actual));
        ConfusionMatrix c = Metrics.confusionMatrix(predicted, actual, 4);
        assertEquals(1, c.count(2, 1));
        assertEquals(1, c.count(2, 2));
        assertEquals(4, c.correct());
        assertEquals("[[1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 1, 0], [0, 0, 0, 1]]", c.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.confusionMatrix(Matrix.rowVector(0, 4), Matrix.rowVector(0, 1), 4));
        assertTrue(e.getMessage().contains("predictions[0, 1] = 4.0"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Metrics.correct(Matrix.zeros(1, 2), Matrix.zeros(1, 3)))
                .getMessage().startsWith("correct: "));
        assertEquals(OneHot.encode(new int[] {1}, 2).rows(), 2);
    }
}
