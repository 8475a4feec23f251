package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

class PlanarDatasetsTest {

    /** numpy's sin/cos (SIMD) and Java's StrictMath differ in the last bits; 1e-12 is far below any visible change. */
    private static final double NUMPY_TOLERANCE = 1e-12;

    private static final Golden PLANAR = Golden.load("planar.golden");

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ flower

    @Test
    void generateFlower_matchesNumpyLoadPlanarDataset() {
        LabeledData flower = PlanarDatasets.generateFlower();
        Matrix expectedX = PLANAR.matrix("flower.X");
        assertEquals(new Shape(2, 400), flower.X().shape());
        assertEquals(new Shape(1, 400), flower.Y().shape());
        assertTrue(flower.X().maxAbsDifference(expectedX) < NUMPY_TOLERANCE,
                "max |X - numpy X| = " + flower.X().maxAbsDifference(expectedX));
        assertEquals(PLANAR.matrix("flower.Y"), flower.Y());
        assertEquals(List.of("red", "blue"), flower.classNames());
    }

    @Test
    void generateFlower_firstAndLastPoints_matchNumpy() {
        Matrix X = PlanarDatasets.generateFlower().X();
        Matrix expected = PLANAR.matrix("flower.X");
        for (int j : new int[] {0, 1, 199, 200, 398, 399}) {
            assertEquals(expected.get(0, j), X.get(0, j), NUMPY_TOLERANCE, "x1 of point " + j);
            assertEquals(expected.get(1, j), X.get(1, j), NUMPY_TOLERANCE, "x2 of point " + j);
        }
        // labels: the first 200 points are red (0), the last 200 blue (1)
        assertEquals(0.0, PlanarDatasets.generateFlower().Y().get(0, 199));
        assertEquals(1.0, PlanarDatasets.generateFlower().Y().get(0, 200));
    }

    @Test
    void flower_bundledFile_equalsRegeneratedDataExactly() {
        // The committed datasets/planar_flower.h5 was written by WritePlanarFlower from generateFlower();
        // both use StrictMath, so they agree bit for bit. If this fails, regenerate the file (see WritePlanarFlower).
        LabeledData bundled = PlanarDatasets.flower();
        LabeledData generated = PlanarDatasets.generateFlower();
        assertEquals(generated.X(), bundled.X());
        assertEquals(generated.Y(), bundled.Y());
        assertEquals(generated.classNames(), bundled.classNames());
    }

    @Test
    void flower_loadedTwice_isTheSameSharedValue() {
        assertSame(PlanarDatasets.flower(), PlanarDatasets.flower());
    }

    @Test
    void flower_committedFileOnDisk_loadsThroughPathLoader() {
        LabeledData onDisk = PlanarDatasets.load(Path.of("datasets/planar_flower.h5"));
        assertEquals(PlanarDatasets.flower().X(), onDisk.X());
    }

    @Test
    void writePlanarFlower_thenLoad_roundTrips() throws IOException {
        Path file = dir.resolve("flower.h5");
        WritePlanarFlower.write(PlanarDatasets.generateFlower(), file);
        LabeledData loaded = PlanarDatasets.load(file);
        assertEquals(PlanarDatasets.generateFlower().X(), loaded.X());
        assertEquals(PlanarDatasets.generateFlower().Y(), loaded.Y());
    }

    // ------------------------------------------------------------------ linspace

    @Test
    void linspace_withEndpoint_lastValueIsStopExactly() {
        double[] y = SklearnDatasets.linspace(3.12, 6.24, 200, true);
        assertEquals(3.12, y[0]);
        assertEquals(6.24, y[199]);
        assertEquals(1 * ((6.24 - 3.12) / 199) + 3.12, y[1]);
    }

    @Test
    void linspace_withoutEndpoint_stepsByRangeOverNum() {
        double[] y = SklearnDatasets.linspace(0, 2 * Math.PI, 4, false);
        assertArrayEquals(new double[] {0, Math.PI / 2, Math.PI, 3 * (2 * Math.PI / 4)}, y);
    }

    // ------------------------------------------------------------------ extra datasets

    @Test
    void noisyCircles_seed11_matchesSklearn() {
        assertMatchesSklearn("circles", PlanarDatasets.noisyCircles(11));
    }

    @Test
    void noisyMoons_seed12_matchesSklearn() {
        assertMatchesSklearn("moons", PlanarDatasets.noisyMoons(12));
    }

    @Test
    void blobs_seed5_matchesSklearnWithLabelsModulo2() {
        LabeledData blobs = PlanarDatasets.blobs(5);
        assertMatchesX("blobs", blobs);
        int[] clusters = PLANAR.ints("extra.blobs.y");
        for (int j = 0; j < clusters.length; j++) {
            assertEquals(clusters[j] % 2, (int) blobs.Y().get(0, j), "label of example " + j);
        }
    }

    @Test
    void gaussianQuantiles_seed13_matchesSklearn() {
        assertMatchesSklearn("gaussian_quantiles", PlanarDatasets.gaussianQuantiles(13));
    }

    @Test
    void noStructure_seed14_matchesNumpyRand() {
        LabeledData data = PlanarDatasets.noStructure(14);
        assertMatchesX("nostructure", data);
        Matrix draw = PLANAR.matrix("extra.nostructure.y");
        for (int j = 0; j < 200; j++) {
            assertEquals(draw.get(j, 0) >= 0.5 ? 1.0 : 0.0, data.Y().get(0, j), "label of example " + j);
        }
    }

    @ParameterizedTest
    @EnumSource(ExtraDataset.class)
    void extraDataset_generate_has200ColumnExamplesAndBothClasses(ExtraDataset which) {
        LabeledData data = which.generate();
        assertEquals(new Shape(2, 200), data.X().shape());
        assertEquals(new Shape(1, 200), data.Y().shape());
        double ones = data.Y().sum();
        assertTrue(ones > 0 && ones < 200, which + " has " + ones + " examples of class 1");
        assertEquals(data.X(), which.generate(which.defaultSeed()).X(), "same seed, same data");
        assertTrue(data.X().maxAbsDifference(which.generate(which.defaultSeed() + 1).X()) > 0, "another seed, other data");
    }

    @Test
    void extraDataset_courseNames_areTheNotebooksKeys() {
        assertEquals("noisy_circles", ExtraDataset.NOISY_CIRCLES.courseName());
        assertEquals("gaussian_quantiles", ExtraDataset.GAUSSIAN_QUANTILES.courseName());
    }

    @Test
    void generators_sharedRng_advanceItSoConsecutiveDrawsDiffer() {
        NumpyRandom rng = new NumpyRandom(3);
        LabeledData first = PlanarDatasets.noisyMoons(50, 0.1, rng);
        LabeledData second = PlanarDatasets.noisyMoons(50, 0.1, rng);
        assertTrue(first.X().maxAbsDifference(second.X()) > 0);
    }

    @Test
    void generators_badParameters_throwNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanarDatasets.noisyCircles(200, 1.5, 0.1, new NumpyRandom(1)));
        assertTrue(e.getMessage().contains("factor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.blobs(0, 6, new NumpyRandom(1)));
        assertTrue(e.getMessage().contains("makeBlobs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PlanarDatasets.gaussianQuantiles(200, -1, new NumpyRandom(1)));
        assertTrue(e.getMessage().contains("cov"), e.getMessage());
    }

    // ------------------------------------------------------------------ loading bad planar files

    @Test
    void load_labelsOutsideZeroOne_throwNamingFileAndValue() throws IOException {
        Path file = write(new double[][] {{1, 2, 3}, {4, 5, 6}}, new int[][] {{0, 2, 1}});
        DatasetException e = assertThrows(DatasetException.class, () -> PlanarDatasets.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("label 2.0 at index 1"), e.getMessage());
    }

    @Test
    void load_countMismatch_throwNamingBothCounts() throws IOException {
        Path file = write(new double[][] {{1, 2, 3}, {4, 5, 6}}, new int[][] {{0, 1}});
        DatasetException e = assertThrows(DatasetException.class, () -> PlanarDatasets.load(file));
        assertTrue(e.getMessage().contains("'X' has 3 examples but 'Y' has 2 labels"), e.getMessage());
    }

    @Test
    void load_missingY_listsTheDatasetsPresent() throws IOException {
        Path file = dir.resolve("noy.h5");
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("X", new double[][] {{1, 2}});
            h5.putDataset("labels", new int[] {0, 1});
        }
        DatasetException e = assertThrows(DatasetException.class, () -> PlanarDatasets.load(file));
        assertTrue(e.getMessage().contains("no dataset 'Y'; datasets present: [X, labels]"), e.getMessage());
    }

    @Test
    void load_stringX_throwsExpectedNumbers() throws IOException {
        Path file = dir.resolve("strx.h5");
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("X", new String[] {"a", "b"});
            h5.putDataset("Y", new int[] {0, 1});
        }
        DatasetException e = assertThrows(DatasetException.class, () -> PlanarDatasets.load(file));
        assertTrue(e.getMessage().contains("dataset 'X' is (2,) string; expected numbers of shape (n_x, m)"), e.getMessage());
    }

    private Path write(double[][] X, int[][] Y) throws IOException {
        Path file = Files.createTempFile(dir, "planar", ".h5");
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("X", X);
            h5.putDataset("Y", Y);
        }
        return file;
    }

    private static void assertMatchesSklearn(String key, LabeledData data) {
        assertMatchesX(key, data);
        int[] y = PLANAR.ints("extra." + key + ".y");
        for (int j = 0; j < y.length; j++) {
            assertEquals(y[j], (int) data.Y().get(0, j), key + ": label of example " + j);
        }
    }

    private static void assertMatchesX(String key, LabeledData data) {
        // the golden X is sklearn's (200, 2), one example per row; ours is (2, 200)
        Matrix expected = PLANAR.matrix("extra." + key + ".X").transpose();
        assertEquals(expected.shape(), data.X().shape());
        double diff = data.X().maxAbsDifference(expected);
        assertTrue(diff < NUMPY_TOLERANCE, key + ": max |X - sklearn X| = " + diff);
    }
}
