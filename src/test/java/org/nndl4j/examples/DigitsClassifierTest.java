package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Network;
import org.nndl4j.testing.Golden;
import org.nndl4j.train.ConfusionMatrix;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * The many-class program against an independent numpy transcription ({@code golden/make_digits_golden.py}). The run
 * is not chaotic: reruns in numpy that change only rounding (1-ulp weights, other product orders) move its costs by
 * at most 7.2e-16 relative and no prediction (recorded in {@code digits.chaos.*}), so the costs are held to 1e-12
 * relative and the predictions exactly.
 */
class DigitsClassifierTest {

    private static final Golden GOLDEN = Golden.load("digits.golden");
    private static final DigitsDataset DIGITS = DigitsDataset.loadBundled();

    @TempDir
    Path dir;

    private static void assertCostsClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]), what + " " + i);
        }
    }

    /** Within 1e-12 of the matrix's largest element, element by element. */
    private static void assertMatrixClose(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        double scale = expected.abs().max();
        assertTrue(expected.maxAbsDifference(actual) <= 1e-12 * scale,
                what + ": max difference " + expected.maxAbsDifference(actual) + " at scale " + scale);
    }

    private static Matrix row(int[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return Matrix.rowVector(v);
    }

    @Test
    void initialNetwork_isHeFromSeed1LikeNumpy() {
        Network initial = DigitsClassifier.initialNetwork();
        assertArrayEquals(GOLDEN.ints("digits.layer_dims"), initial.layerDims());
        assertEquals(GOLDEN.matrix("digits.init.W3"), initial.W(3));
        assertEquals(GOLDEN.matrix("digits.init.b3"), initial.b(3));
        assertEquals(GOLDEN.scalar("digits.init.W1_sum"), initial.W(1).sum(), 1e-13);
    }

    @Test
    void fullRun_matchesNumpy_costsPredictionsConfusionAndParameters() {
        assertEquals(DigitsClassifier.LEARNING_RATE, GOLDEN.scalar("digits.learning_rate"));
        assertEquals(DigitsClassifier.ITERATIONS, (int) GOLDEN.scalar("digits.iterations"));
        TrainingResult result = DigitsClassifier.train(DIGITS,
                TrainingConfig.of(DigitsClassifier.ITERATIONS, DigitsClassifier.LEARNING_RATE), TrainingListener.none());
        assertEquals(Engine.PRIMAL, result.engine(), "AUTO picks PRIMAL for 64 features and 1437 examples");
        assertCostsClose(GOLDEN.doubles("digits.costs"), result.costs().costs(), "cost");
        Network trained = result.network();
        assertEquals(row(GOLDEN.ints("digits.train_predictions")), trained.predict(DIGITS.train().X()));
        Matrix testPredictions = trained.predict(DIGITS.test().X());
        assertEquals(row(GOLDEN.ints("digits.test_predictions")), testPredictions);
        assertEquals(GOLDEN.scalar("digits.train_accuracy"), result.accuracy(DIGITS.train()));
        assertEquals(GOLDEN.scalar("digits.test_accuracy"), result.accuracy(DIGITS.test()));
        ConfusionMatrix confusion = Metrics.confusionMatrix(testPredictions, DIGITS.test().labels(), 10);
        Matrix expected = GOLDEN.matrix("digits.confusion_test");
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                assertEquals((int) expected.get(a, p), confusion.count(a, p), "confusion[" + a + ", " + p + "]");
            }
        }
        assertMatrixClose(GOLDEN.matrix("digits.final.W3"), trained.W(3), "final W3");
        assertMatrixClose(GOLDEN.matrix("digits.final.b3"), trained.b(3), "final b3");
        assertEquals(GOLDEN.scalar("digits.final.W1_sum"), trained.W(1).sum(), 1e-12 * trained.W(1).abs().sum());
        assertEquals(GOLDEN.scalar("digits.final.W2_sum"), trained.W(2).sum(), 1e-12 * trained.W(2).abs().sum());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"PRIMAL", "GRAM", "REFERENCE"})
    void firstIterations_everyEngine_matchNumpy(Engine engine) {
        TrainingResult result = DigitsClassifier.train(DIGITS,
                new TrainingConfig(5, DigitsClassifier.LEARNING_RATE, 1, engine), TrainingListener.none());
        assertEquals(engine, result.engine());
        assertCostsClose(GOLDEN.doubles("digits.first_costs"), result.costs().costs(), engine + " cost");
        assertMatrixClose(GOLDEN.matrix("digits.after5.W3"), result.network().W(3), engine + " W3 after 5");
        assertMatrixClose(GOLDEN.matrix("digits.after5.b3"), result.network().b(3), engine + " b3 after 5");
        assertEquals(GOLDEN.scalar("digits.after5.W1_sum"), result.network().W(1).sum(),
                1e-12 * result.network().W(1).abs().sum(), engine + " W1 sum after 5");
    }

    @Test
    void run_printsTheFiguresAndWritesThePictures() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DigitsClassifier.run(DigitsClassifier.parse(new String[] {"--out", dir.toString(), "--full-batch"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Cost after iteration 0: 2.930628"), out);
        assertTrue(out.contains("Cost after iteration 900: 0.039946"), out);
        assertTrue(out.contains("Train accuracy: 0.9965205288796103 (1432/1437)"), out);
        assertTrue(out.contains("Test accuracy: 0.9166666666666666 (330/360)"), out);
        assertTrue(out.contains("   2    0   0  35   0   0   0   0   0   0   0"), out);
        assertTrue(Files.size(dir.resolve("digits-costs.png")) > 0);
        assertTrue(Files.size(dir.resolve("digits-misclassified.png")) > 0);
    }

    @Test
    void adamOnMiniBatches_matchesNumpy_costsPredictionsAndParameters() {
        Golden optimizers = Golden.load("optimizers.golden");
        TrainingResult result = DigitsClassifier.train(DIGITS,
                DigitsClassifier.adamConfig(DigitsClassifier.ADAM_EPOCHS, DigitsClassifier.ADAM_LEARNING_RATE),
                TrainingListener.none());
        assertEquals(Engine.PRIMAL, result.engine());
        // the cost every 10 epochs: numpy's reruns that change only rounding move it by at most 5.9e-16
        assertCostsClose(optimizers.doubles("digits_adam.costs"), result.costs().costs(), "Adam cost");
        Network trained = result.network();
        assertEquals(row(optimizers.ints("digits_adam.train_predictions")), trained.predict(DIGITS.train().X()));
        assertEquals(row(optimizers.ints("digits_adam.test_predictions")), trained.predict(DIGITS.test().X()));
        // the spec expects 1425/1437: the numpy transcription of its definition gives 1426 (and 328/360), stably
        assertEquals((int) optimizers.scalar("digits_adam.train_correct"),
                Metrics.correct(trained.predict(DIGITS.train().X()), DIGITS.train().labels()));
        assertEquals(328, Metrics.correct(trained.predict(DIGITS.test().X()), DIGITS.test().labels()));
        assertMatrixClose(optimizers.matrix("digits_adam.final.W3"), trained.W(3), "Adam final W3");
        assertMatrixClose(optimizers.matrix("digits_adam.final.b3"), trained.b(3), "Adam final b3");
    }

    @Test
    void parse_refusesBadValuesAndKnowsHelp() {
        assertNull(DigitsClassifier.parse(new String[] {"--help"}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DigitsClassifier.parse(new String[] {"--learning-rate", "-1"})).getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DigitsClassifier.parse(new String[] {"--iterations", "many"})).getMessage().contains("many"));
        assertThrows(IllegalArgumentException.class, () -> DigitsClassifier.parse(new String[] {"--bogus"}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DigitsClassifier.parse(new String[] {"--engine", "gram"})).getMessage().contains("--full-batch"));
        assertEquals(DigitsClassifier.ADAM_EPOCHS, DigitsClassifier.parse(new String[0]).iterations());
        assertEquals(DigitsClassifier.ITERATIONS, DigitsClassifier.parse(new String[] {"--full-batch"}).iterations());
    }

    @Test
    void format_confusionMatrix_isOneRowPerTrueDigit() {
        ConfusionMatrix c = Metrics.confusionMatrix(Matrix.rowVector(0, 1, 1), Matrix.rowVector(0, 1, 0), 2);
        List<String> lines = new ArrayList<>(List.of(DigitsClassifier.format(c).split(System.lineSeparator())));
        assertEquals(List.of("        0   1", "   0    1   1", "   1    0   1"), lines);
    }
}
