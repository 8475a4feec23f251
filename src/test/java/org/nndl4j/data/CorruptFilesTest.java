package org.nndl4j.data;

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
import org.nndl4j.testing.FileCorruption;

/**
 * A few hundred seeded random corruptions of the real cat files (bit flips, truncations, overwritten byte
 * ranges, aimed mostly at the metadata), and a hundred of the flower file (written by jhdf: version-2 object
 * headers with checksums, a different path through the parser). Each must either load with valid shapes and
 * 0/1 labels, or fail with a {@link DatasetException} naming the source — never another exception, an
 * OutOfMemoryError or a hang.
 */
class CorruptFilesTest {

    private static final int CASES = 300;
    private static final int FLOWER_CASES = 100;
    private static final long SEED = 20240601L;
    /** The cat files keep their metadata in the first 2144 bytes and their labels and class names at the end. */
    private static final int HEAD = 2144;
    private static final int TAIL = 2100;

    private record Outcome(int loaded, int refused, long slowestMillis, List<String> failures) {
    }

    @Test
    void randomCorruptions_ofFlowerFile_loadValidOrThrowDatasetExceptionNamingTheSource() throws IOException {
        byte[] flower = Files.readAllBytes(Path.of("datasets/planar_flower.h5"));
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> runFlower(flower),
                "the corruption loop hung");
        assertEquals(List.of(), outcome.failures());
        assertTrue(outcome.slowestMillis() < 5000, "slowest case took " + outcome.slowestMillis() + " ms");
        assertTrue(outcome.refused() > FLOWER_CASES / 4, "only " + outcome.refused() + " cases were refused");
    }

    private static Outcome runFlower(byte[] flower) {
        Random random = new Random(SEED + 1);
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        long slowest = 0;
        for (int i = 0; i < FLOWER_CASES; i++) {
            StringBuilder how = new StringBuilder();
            byte[] bytes = corruption(flower.length).apply(flower.clone(), random, how);
            String source = "flower case " + i + " [" + how + "]";
            long start = System.nanoTime();
            try (Hdf5Reader h5 = Hdf5Reader.fromBytes(bytes, source)) {
                LabeledData data = PlanarDatasets.read(h5);
                if (data.X().cols() != data.Y().cols() || data.classNames().size() != 2) {
                    failures.add(source + ": loaded X " + data.X().shape() + ", Y " + data.Y().shape());
                }
                loaded++;
            } catch (DatasetException e) {
                if (!e.getMessage().startsWith(source + ": ")) {
                    failures.add(source + ": message does not name the source: " + e.getMessage());
                }
                refused++;
            } catch (Throwable t) {
                failures.add(source + ": " + t);
            }
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        }
        return new Outcome(loaded, refused, slowest, failures);
    }

    @Test
    void randomCorruptions_ofCatFiles_loadValidOrThrowDatasetExceptionNamingTheSource() throws IOException {
        byte[] train = Files.readAllBytes(Path.of("datasets/train_catvnoncat.h5"));
        byte[] test = Files.readAllBytes(Path.of("datasets/test_catvnoncat.h5"));
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(train, test),
                "the corruption loop hung");
        assertEquals(List.of(), outcome.failures());
        assertTrue(outcome.slowestMillis() < 5000, "slowest case took " + outcome.slowestMillis() + " ms");
        // the corruptions must actually bite, and some must leave the files loadable (e.g. flips in pixels)
        assertTrue(outcome.refused() > CASES / 4, "only " + outcome.refused() + " of " + CASES + " cases were refused");
        assertTrue(outcome.loaded() > 0, "no corrupted file loaded at all");
    }

    private static Outcome run(byte[] train, byte[] test) {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        long slowest = 0;
        for (int i = 0; i < CASES; i++) {
            // one case in five uses the 2.5 MB training file, the rest the 0.6 MB test file (to keep the loop fast)
            boolean isTrain = i % 5 == 0;
            String split = isTrain ? "train" : "test";
            StringBuilder how = new StringBuilder();
            byte[] bytes = corruption(HEAD).apply((isTrain ? train : test).clone(), random, how);
            String source = "case " + i + " " + split + " [" + how + "]";
            long start = System.nanoTime();
            try (Hdf5Reader h5 = Hdf5Reader.fromBytes(bytes, source)) {
                ImageSet set = CatDataset.readSplit(h5, split);
                String problem = invalid(set);
                if (problem != null) {
                    failures.add(source + ": loaded but " + problem);
                }
                loaded++;
            } catch (DatasetException e) {
                if (!e.getMessage().startsWith(source + ": ")) {
                    failures.add(source + ": message does not name the source: " + e.getMessage());
                }
                refused++;
            } catch (Throwable t) {
                failures.add(source + ": " + t);
            }
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        }
        return new Outcome(loaded, refused, slowest, failures);
    }

    /** Why a loaded split is not valid, or null. */
    private static String invalid(ImageSet set) {
        int[] shape = set.images().shape();
        LabeledData data = set.data();
        if (shape.length != 4 || shape[3] != 3 || shape[1] != shape[2]) {
            return "images have shape " + Arrays.toString(shape);
        }
        if (data.features() != shape[1] * shape[2] * 3 || data.size() != shape[0] || data.Y().rows() != 1) {
            return "X " + data.X().shape() + " and Y " + data.Y().shape() + " do not fit images " + Arrays.toString(shape);
        }
        if (data.classNames().size() != 2) {
            return "class names " + data.classNames();
        }
        return null;
    }

    /** Four in ten corruptions flip up to four bits, two truncate, four overwrite up to 64 bytes. */
    private static FileCorruption corruption(int head) {
        return new FileCorruption(4, 4, 64, (length, random) -> offset(length, head, random));
    }

    /** Mostly in the metadata (the first {@code head} bytes or the tail of the file), sometimes anywhere. */
    private static int offset(int length, int head, Random random) {
        int where = random.nextInt(10);
        if (where < 6) {
            return random.nextInt(Math.min(head, length));
        }
        if (where < 8) {
            return length - 1 - random.nextInt(Math.min(TAIL, length));
        }
        return random.nextInt(length);
    }
}
