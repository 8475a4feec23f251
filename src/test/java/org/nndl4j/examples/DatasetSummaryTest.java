package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.PlanarDatasets;

class DatasetSummaryTest {

    @Test
    void printCats_bundledData_printsTheSpecsLines() {
        String out = capture(() -> DatasetSummary.printCats(CatDataset.loadBundled()));
        // spec 1.2.2, "Output for m_train, m_test and num_px" and the flattened shapes
        assertEquals(String.join("\n",
                "Number of training examples: m_train = 209",
                "Number of testing examples: m_test = 50",
                "Height/Width of each image: num_px = 64",
                "Each image is of size: (64, 64, 3)",
                "train_set_x shape: (209, 64, 64, 3)",
                "train_set_y shape: (1, 209)",
                "test_set_x shape: (50, 64, 64, 3)",
                "test_set_y shape: (1, 50)",
                "train_set_x_flatten shape: (12288, 209)",
                "train_set_y shape: (1, 209)",
                "test_set_x_flatten shape: (12288, 50)",
                "test_set_y shape: (1, 50)",
                "sanity check after reshaping: [17 31 56 22 33]", ""), out);
    }

    @Test
    void printFlower_bundledData_printsTheSpecsLines() {
        String out = capture(() -> DatasetSummary.printFlower(PlanarDatasets.flower()));
        assertEquals(String.join("\n",
                "The shape of X is: (2, 400)",
                "The shape of Y is: (1, 400)",
                "I have m = 400 training examples.", ""), out);
    }

    @Test
    void printExtraDatasets_printsOneLinePerDataset() {
        String[] lines = capture(DatasetSummary::printExtraDatasets).split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("noisy_circles:") && lines[0].contains("X (2, 200), Y (1, 200)"), lines[0]);
        assertTrue(lines[4].startsWith("no_structure:"), lines[4]);
    }

    private static String capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
