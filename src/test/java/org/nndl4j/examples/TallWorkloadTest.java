package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nndl4j.data.LabeledData;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingResult;

class TallWorkloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"gd", "adam"})
    void printedCosts_areThoseOfTheReferenceComputation(String optimizer) throws Exception {
        TallWorkload.Options options = TallWorkload.parse(new String[] {"--examples", "300", "--iterations", "3",
                "--optimizer", optimizer, "--batch-size", "64", "--engine", "primal"});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TallWorkload.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<Double> printed = new ArrayList<>();
        String output = bytes.toString(StandardCharsets.UTF_8);
        for (String line : output.split("\\R")) {
            if (line.startsWith("iteration ")) {
                printed.add(Double.parseDouble(line.replaceAll(".*cost ([^,]+),.*", "$1")));
            }
        }
        assertTrue(output.contains("PRIMAL") && output.contains("peak RSS"), output);
        // the same training computed by the straightforward backpropagation, a matrix at a time
        LabeledData data = TallWorkload.data(300, 0);
        TrainingResult reference = Training.fit(Initialization.HE.initialize(TallWorkload.LAYER_DIMS, Activation.RELU,
                Activation.SIGMOID, new NumpyRandom(1)), data, options.config().withEngine(Engine.REFERENCE),
                p -> { });
        assertEquals(3, printed.size(), output);
        for (int i = 0; i < 3; i++) {
            double expected = reference.costs().cost(i);
            assertEquals(expected, printed.get(i), 1e-12 * expected, optimizer + " cost " + i);
        }
    }

    @Test
    void labels_areXZeroPlusXOneAboveOne() {
        LabeledData data = TallWorkload.data(50, 3);
        assertEquals(784, data.features());
        for (int j = 0; j < 50; j++) {
            assertEquals(data.X().get(0, j) + data.X().get(1, j) > 1.0 ? 1.0 : 0.0, data.Y().get(0, j), 0.0);
        }
    }

    @Test
    void help_givesNoOptions_andBadValuesAreRefused() {
        assertNull(TallWorkload.parse(new String[] {"--help"}));
        assertTrue(TallWorkload.USAGE.contains("--threads") && TallWorkload.USAGE.contains("--optimizer"));
        assertThrows(IllegalArgumentException.class, () -> TallWorkload.parse(new String[] {"--optimizer", "sgd"}));
        assertThrows(IllegalArgumentException.class, () -> TallWorkload.parse(new String[] {"--threads", "0"}));
        assertThrows(IllegalArgumentException.class, () -> TallWorkload.parse(new String[] {"--learning-rate", "x"}));
    }
}
