package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.InputTransform;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * The README's "Your own data" example, run on a penguin-like CSV written here, and checked line by line against the
 * README so the two cannot drift apart.
 */
class OwnDataReadmeTest {

    private static final String BEGIN = "// --- README own data begins";
    private static final String END = "// --- README own data ends";

    /** 100 penguins of each of three species, measurements drawn around each species' means. */
    static Path writePenguins(Path csv) throws IOException {
        String[] species = {"Gentoo", "Adelie", "Chinstrap"};
        double[][] means = {{47.5, 15.0, 217, 5076}, {38.8, 18.3, 190, 3700}, {48.8, 18.4, 196, 3733}};
        double[] stds = {2.5, 1.1, 6.5, 450};
        NumpyRandom random = new NumpyRandom(0);
        StringBuilder sb = new StringBuilder("bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,species\n");
        for (int s = 0; s < species.length; s++) {
            for (int j = 0; j < 100; j++) {
                double[] z = random.randn(4);
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f,%.0f,%.0f,%s%n", means[s][0] + stds[0] * z[0],
                        means[s][1] + stds[1] * z[1], means[s][2] + stds[2] * z[2], means[s][3] + stds[3] * z[3], species[s]));
            }
        }
        return Files.writeString(csv, sb.toString());
    }

    @Test
    void ownDataExample_runs_andGivesTheDocumentedNumbers(@TempDir Path dir) throws IOException {
        Path csv = writePenguins(dir.resolve("penguins.csv"));
        // --- README own data begins
        LabeledData all = CsvDataset.load(csv, "species");                  // X (4, 300), Y one-hot (3, 300)
        TrainTestSplit split = TrainTestSplit.of(all, 0.2, 42);             // sklearn's train_test_split(test_size=0.2, random_state=42)
        Standardization scaler = Standardization.fit(split.train());        // mean and std of the 240 training penguins only
        LabeledData train = scaler.apply(split.train()), test = scaler.apply(split.test());
        Network initial = Initialization.HE.initialize(new int[] {4, 8, 3},
                Activation.RELU, Activation.SOFTMAX, new NumpyRandom(1));
        TrainingResult result = Training.fit(initial, train, TrainingConfig.of(300, 0.1), TrainingListener.none());
        double testAccuracy = result.accuracy(test);                        // 0.9833333333333333 (59 of 60)
        InputTransform input = new InputTransform(scaler.mean(), scaler.inverseStd());  // (x - mean) / std, for raw inputs
        Matrix predicted = result.network().predict(input.apply(all.X()));  // raw measurements in, 0..2 out
        // --- README own data ends
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), all.classNames());
        assertEquals(240, train.size());
        assertEquals(60, test.size());
        assertEquals(result.network().predict(scaler.apply(all.X())), predicted);
        assertEquals(0.9833333333333333, testAccuracy);
    }

    @Test
    void readme_showsExactlyTheLinesThisTestRuns() throws IOException {
        List<String> test = Files.readAllLines(Path.of("src/test/java/org/nndl4j/data/OwnDataReadmeTest.java"));
        List<String> snippet = test.subList(test.indexOf("        " + BEGIN) + 1, test.indexOf("        " + END));
        String readme = Files.readString(Path.of("README.md"));
        for (String line : snippet) {
            assertTrue(readme.contains("\n" + line.substring(8) + "\n"), "README.md lacks the line: " + line.strip());
        }
    }
}
