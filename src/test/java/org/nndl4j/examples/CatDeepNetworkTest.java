package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.nn.Network;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Activation;
import org.nndl4j.matrix.Matrix;

class CatDeepNetworkTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CatDeepNetwork.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void lLayerOnly_oneIteration_printsTheSpecsFirstCostWritesFilesAndTheLoadedModelAgrees() {
        Path model = dir.resolve("cat.h5");
        Run trained = run("--skip-two-layer", "--iterations", "1", "--out", dir.toString(), "--save", model.toString());
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.out().contains("Cost after iteration 0: 0.771749\n"), trained.out());
        assertTrue(Files.isRegularFile(dir.resolve("cat-l-layer-costs.png")));
        assertTrue(Files.isRegularFile(dir.resolve("cat-mislabelled.png")));
        assertTrue(Files.isRegularFile(model));
        assertEquals(2, trained.lines("Accuracy: ").size(), trained.out());

        Run loaded = run("--skip-two-layer", "--load", model.toString(), "--out", dir.resolve("again").toString());
        assertEquals(0, loaded.exit(), loaded.err());
        assertEquals(trained.lines("Accuracy: "), loaded.lines("Accuracy: "));
        assertEquals(trained.lines("Mislabelled"), loaded.lines("Mislabelled"));
    }

    @Test
    void badArguments_failWithOneErrorLineAndUsage() {
        for (String[] args : new String[][] {{"--bogus"}, {"--iterations", "many"}, {"--iterations", "0"}, {"--out"}, {"--engine", "warp"},
                {"--save", "a.h5", "--load", "b.h5"}, {"--load", dir.resolve("missing.h5").toString()},
                {"--image", dir.resolve("missing.jpg").toString()}}) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            List<String> lines = r.err().lines().toList();
            // issue 14: the usage now lists every flag with its default, so it spans several lines
            assertEquals(1 + CatDeepNetwork.USAGE.lines().count(), lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("CatDeepNetwork: "), r.err());
            assertTrue(lines.get(1).startsWith("usage: "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void loadOfACorruptModel_failsWithAMessageNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.h5"), "not a model");
        Run r = run("--skip-two-layer", "--load", bad.toString(), "--out", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(bad.toString()), r.err());
    }

    @Test
    void loadOfAModelForOtherInputs_failsNamingTheFileAndTheSizes() {
        Path model = dir.resolve("small.h5");
        Network.of(new Layer(Matrix.zeros(1, 3), Matrix.zeros(1, 1), Activation.SIGMOID)).save(model);
        Run r = run("--skip-two-layer", "--load", model.toString(), "--out", dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(model.toString()) && r.err().contains("3 inputs") && r.err().contains("12288"), r.err());
    }

    @Test
    void mislabelled_areThePositionsWherePredictionAndLabelDiffer() {
        assertEquals(List.of(1, 3), CatDeepNetwork.mislabelled(Matrix.rowVector(1, 0, 1, 1), Matrix.rowVector(1, 1, 1, 0)));
    }
}
