package org.nndl4j.examples;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.testing.Golden;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingProgress;
import org.nndl4j.train.StepProgress;
import org.nndl4j.train.TrainingResult;

/**
 * The "Optimization methods" runs against an independent numpy transcription of the course's code
 * ({@code golden/make_optimizers_golden.py}). None of them is chaotic at this precision: numpy reruns that change only
 * rounding (a 1-ulp weight, products summed left to right) move the costs by at most 8.6e-16 relative and no
 * prediction ({@code *.chaos.*} in the golden file), so every recorded cost is held to 1e-12 relative and the
 * predictions exactly.
 */
class MoonsOptimizersTest {

    private static final Golden GOLDEN = Golden.load("optimizers.golden");
    private static final LabeledData MOONS = Course2Datasets.moons();

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        String[] names = {"gd", "momentum", "adam"};
        for (int k = 0; k < 3; k++) {
            runs.add(Arguments.of("moons." + names[k], MoonsOptimizers.OPTIMIZERS.get(k), 10_000));
            runs.add(Arguments.of("moons5000." + names[k], MoonsOptimizers.OPTIMIZERS.get(k), 5000));
        }
        String[] decay = {"gd_update_lr", "gd_schedule", "momentum_schedule", "adam_schedule"};
        for (int k = 0; k < 4; k++) {
            runs.add(Arguments.of("decay." + decay[k], MoonsOptimizers.DECAY.get(k), 5000));
        }
        return runs.stream();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.abs(expected[i]), what + " " + i);
        }
    }

    private static Matrix row(int[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return Matrix.rowVector(v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void run_matchesNumpy_costsLearningRatesPredictionsParameters(String key, MoonsOptimizers.Run run, int epochs) {
        List<Double> firstEpochs = new ArrayList<>();
        List<Double> lastBatches = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void costRecorded(TrainingProgress progress) {
            }

            @Override
            public void stepTaken(StepProgress step) {
                // the older text printed the last mini-batch's mean cost every 1000 epochs
                if (step.lastInEpoch() && step.epoch() % 1000 == 0) {
                    lastBatches.add(step.cost());
                }
            }
        };
        TrainingResult result = MoonsOptimizers.train(MOONS, run, epochs, Engine.AUTO, listener);
        assertEquals(Engine.PRIMAL, result.engine());
        assertClose(GOLDEN.doubles(key + ".costs"), result.costs().costs(), key + " cost every 100 epochs");
        assertClose(GOLDEN.doubles(key + ".learning_rates"), result.costs().learningRates(), key + " learning rate");
        assertClose(GOLDEN.doubles(key + ".last_batch_costs"), lastBatches.stream().mapToDouble(d -> d).toArray(),
                key + " last mini-batch cost");
        Matrix predictions = result.network().predict(MOONS.X());
        assertEquals(row(GOLDEN.ints(key + ".predictions")), predictions, key + " predictions");
        assertEquals(GOLDEN.scalar(key + ".accuracy"), result.accuracy(MOONS), key + " accuracy");
        Matrix W1 = GOLDEN.matrix(key + ".final.W1");
        assertTrue(W1.maxAbsDifference(result.network().W(1)) <= 1e-12 * W1.abs().max(), key + " final W1");
        Matrix b3 = GOLDEN.matrix(key + ".final.b3");
        assertTrue(b3.maxAbsDifference(result.network().b(3)) <= 1e-12 * b3.abs().max(), key + " final b3");
    }

    @Test
    void firstEpochs_referenceEngine_matchNumpy() {
        // the straightforward backpropagation (Matrix values, allocating) runs the same epochs
        for (int k = 0; k < 3; k++) {
            String key = "moons." + new String[] {"gd", "momentum", "adam"}[k];
            TrainingResult result = MoonsOptimizers.train(MOONS, MoonsOptimizers.OPTIMIZERS.get(k), 5, Engine.REFERENCE,
                    TrainingListener.none());
            assertEquals(Engine.REFERENCE, result.engine());
            double[] expected = GOLDEN.doubles(key + ".first_epoch_costs");
            assertEquals(expected[0], result.costs().cost(0), 1e-12 * expected[0], key);
        }
    }

    @Test
    void run_printsTheCourseLinesAndWritesTheBoundaries() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MoonsOptimizers.run(MoonsOptimizers.parse(new String[] {"--out", dir.toString(), "--epochs", "5000", "--decay"}),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Cost after epoch 0: 0.701091"), out);
        assertTrue(out.contains("learning rate after epoch 4000: 0.020000"), out);
        for (String accuracy : new String[] {"0.6533333333333333", "0.9433333333333334", "0.9533333333333334", "0.94\n"}) {
            assertTrue(out.contains("Accuracy: " + accuracy.strip()), accuracy + " in " + out);
        }
        assertTrue(Files.size(dir.resolve("moons-decay.png")) > 0);
        assertTrue(Files.size(dir.resolve("moons-adam-with-schedule_lr_decay.png")) > 0);
    }

    @Test
    void parse_refusesWhatItCannotRun() {
        assertNull(MoonsOptimizers.parse(new String[] {"-h"}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MoonsOptimizers.parse(new String[] {"--engine", "gram"}))
                .getMessage().contains("mini-batches"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MoonsOptimizers.parse(new String[] {"--epochs", "0"}))
                .getMessage().contains(">= 1"));
    }
}
