package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.testing.FileCorruption;

/**
 * Seeded random corruptions of a saved model file, aimed at what {@link Network#save} writes beyond jhdf: the root
 * group's header with its variable-length string attributes and the global heap holding their strings, besides
 * the superblock and the datasets' headers. Each must load as a network or fail with a {@link ModelFileException}
 * naming the file, never another exception, an OutOfMemoryError or a hang.
 */
class NetworkFileCorruptionTest {

    private static final int CASES = 300;
    private static final long SEED = 20261130L;
    /** The heap's header and the strings' objects lie in its first bytes; the rest is free space. */
    private static final int HEAP_USED = 160;

    @TempDir
    Path dir;

    private record Outcome(int loaded, int refused, long slowestMillis, List<String> failures) {
    }

    @Test
    void randomCorruptions_ofASavedModel_loadOrThrowModelFileExceptionNamingTheFile() throws IOException {
        Network network = Network.of(
                new Layer(Matrix.of(new double[][] {{0.1, -0.2, 0.3, 0.4}, {0.5, 0.6, -0.7, 0.8}}),
                        Matrix.of(new double[][] {{0.1}, {-0.1}}), Activation.RELU),
                new Layer(Matrix.of(new double[][] {{1.0, -1.0}}), Matrix.of(new double[][] {{0.2}}), Activation.SIGMOID))
                .withInput(InputTransform.uniform(4, 0, 1 / 255.), 2, 2);
        Path original = dir.resolve("model.h5");
        network.save(original);
        assertEquals(network, Network.load(original));
        byte[] model = Files.readAllBytes(original);
        // the global heap is the last 4096 bytes (its minimum size), appended after everything jhdf wrote
        assertEquals("GCOL", new String(model, model.length - 4096, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(model),
                "the corruption loop hung");
        assertEquals(List.of(), outcome.failures());
        assertTrue(outcome.slowestMillis() < 5000, "slowest case took " + outcome.slowestMillis() + " ms");
        assertTrue(outcome.refused() > CASES / 4, "only " + outcome.refused() + " of " + CASES + " cases were refused");
        assertTrue(outcome.loaded() > 0, "no corrupted file loaded at all");
    }

    private Outcome run(byte[] model) throws IOException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        long slowest = 0;
        int metadataEnd = model.length - 4096 + HEAP_USED;
        for (int i = 0; i < CASES; i++) {
            StringBuilder how = new StringBuilder();
            byte[] bytes = new FileCorruption(5, 3, 16, (length, r) -> offset(length, metadataEnd, r))
                    .apply(model.clone(), random, how);
            Path file = dir.resolve("case-" + i + ".h5");
            Files.write(file, bytes);
            String source = "case " + i + " [" + how + "]";
            long start = System.nanoTime();
            try {
                Network n = Network.load(file);
                if (n.layerDims().length != 3 || n.activations().size() != 2) {
                    failures.add(source + ": loaded layer dims " + Arrays.toString(n.layerDims()));
                }
                loaded++;
            } catch (ModelFileException e) {
                if (!e.getMessage().startsWith("model file " + file + ": ")) {
                    failures.add(source + ": message does not name the file: " + e.getMessage());
                }
                refused++;
            } catch (Throwable t) {
                failures.add(source + ": " + t);
            }
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            Files.delete(file);
        }
        return new Outcome(loaded, refused, slowest, failures);
    }

    /** Half in the heap's used part, most of the rest before it, sometimes anywhere. */
    private static int offset(int length, int metadataEnd, Random random) {
        int where = random.nextInt(10);
        int heapAt = length - 4096;
        if (where < 5 && metadataEnd <= length) {
            return heapAt + random.nextInt(HEAP_USED);
        }
        if (where < 9) {
            return random.nextInt(Math.min(heapAt, length));
        }
        return random.nextInt(length);
    }
}
