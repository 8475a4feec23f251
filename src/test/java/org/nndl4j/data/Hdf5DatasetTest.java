package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.Hdf5Writer;
import org.nndl4j.matrix.Matrix;

/** Features and labels by name from tiny HDF5 files written with {@link Hdf5Writer}. */
class Hdf5DatasetTest {

    @TempDir
    Path dir;

    /** Writes datasets given as name, rows, name, rows, ... */
    private Path h5(String name, Object... datasets) {
        Path file = dir.resolve(name);
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            for (int k = 0; k < datasets.length; k += 2) {
                out.putDataset((String) datasets[k], (double[][]) datasets[k + 1]);
            }
        }
        return file;
    }

    private static final double[][] ROWS = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};  // (m = 4, n_x = 3)

    @Test
    void load_examplesAsRows_transposesToColumns_andBinaryLabelsAreARow() {
        Path file = h5("rows.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {1}, {0}});
        LabeledData d = Hdf5Dataset.load(file, "x", "y", Orientation.EXAMPLES_AS_ROWS);
        assertEquals(Matrix.of(ROWS).transpose(), d.X());
        assertEquals(Matrix.rowVector(0, 1, 1, 0), d.Y());
        assertEquals(List.of("0", "1"), d.classNames());
    }

    @Test
    void load_examplesAsColumns_keepsTheMatrix_andManyClassesAreOneHot() {
        double[][] columns = Matrix.of(ROWS).transpose().toArray();   // (3, 4)
        Path file = h5("cols.h5", "features", columns, "labels", new double[][] {{2, 0, 1, 2}});
        LabeledData d = Hdf5Dataset.load(file, "features", "labels", Orientation.EXAMPLES_AS_COLUMNS);
        assertEquals(Matrix.of(columns), d.X());
        assertEquals(3, d.classes());
        assertEquals(Matrix.rowVector(2, 0, 1, 2), d.labels());
        assertEquals(3, d.Y().rows());
    }

    @Test
    void load_withClassNames_namesTheClassesAndFixesTheirNumber() {
        Path file = h5("named.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {1}, {0}});
        LabeledData d = Hdf5Dataset.load(file, "x", "y", Orientation.EXAMPLES_AS_ROWS, List.of("ant", "bee", "cow"));
        assertEquals(List.of("ant", "bee", "cow"), d.classNames());
        assertTrue(d.isOneHot());
        assertEquals(Matrix.rowVector(0, 1, 1, 0), d.labels());
    }

    @Test
    void read_imagesAsRows_rank4Uint8_andRank1Labels_flattenLikeTheCatLoader() {
        try (Hdf5Reader h5 = Hdf5Reader.openResource(CatDataset.TEST_RESOURCE)) {
            LabeledData d = Hdf5Dataset.read(h5, "test_set_x", "test_set_y", Orientation.EXAMPLES_AS_ROWS,
                    h5.readStrings("list_classes"));
            ImageSet cat = CatDataset.loadBundled().test();
            assertEquals(cat.flatten(), d.X());                    // (12288, 50): x_orig.reshape(m, -1).T
            assertEquals(cat.data().Y(), d.Y());
            assertEquals(cat.data().classNames(), d.classNames());
        }
    }

    @Test
    void read_twoSplitsFromOneOpenFile() {
        Path file = h5("both.h5", "train_x", ROWS, "train_y", new double[][] {{0, 1, 1, 0}},
                "test_x", new double[][] {{0, 0, 1}}, "test_y", new double[][] {{1}});
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            LabeledData train = Hdf5Dataset.read(h5, "train_x", "train_y", Orientation.EXAMPLES_AS_ROWS);
            LabeledData test = Hdf5Dataset.read(h5, "test_x", "test_y", Orientation.EXAMPLES_AS_ROWS);
            assertEquals(4, train.size());
            assertEquals(1, test.size());
            assertEquals(Matrix.columnVector(0, 0, 1), test.X());
        }
    }

    @Test
    void badFiles_areDatasetExceptionsNamingTheFileAndTheProblem() throws IOException {
        Path good = h5("good.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {1}, {0}});
        refused(good, "no dataset 'nope'", () -> Hdf5Dataset.load(good, "nope", "y", Orientation.EXAMPLES_AS_ROWS));
        refused(good, "no dataset 'labels'", () -> Hdf5Dataset.load(good, "x", "labels", Orientation.EXAMPLES_AS_ROWS));
        // the same (4, 3) read as columns has 3 examples
        refused(good, "'x' has 3 examples", () -> Hdf5Dataset.load(good, "x", "y", Orientation.EXAMPLES_AS_COLUMNS));
        refused(good, "not below the 2 class names",
                () -> Hdf5Dataset.load(h5("three.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {2}, {0}}), "x", "y",
                        Orientation.EXAMPLES_AS_ROWS, List.of("a", "b")), "three.h5");

        Path half = h5("half.h5", "x", ROWS, "y", new double[][] {{0}, {0.5}, {1}, {0}});
        refused(half, "label 0.5 of example 1 is not a class index",
                () -> Hdf5Dataset.load(half, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path negative = h5("negative.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {-1}, {0}});
        refused(negative, "label -1.0 of example 2", () -> Hdf5Dataset.load(negative, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path huge = h5("huge.h5", "x", ROWS, "y", new double[][] {{0}, {1}, {1e12}, {0}});
        refused(huge, "is too large", () -> Hdf5Dataset.load(huge, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path square = h5("square.h5", "x", ROWS, "y", new double[][] {{0, 1}, {1, 0}});
        refused(square, "expected labels of shape (m,), (1, m) or (m, 1)",
                () -> Hdf5Dataset.load(square, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path nan = h5("nan.h5", "x", new double[][] {{1, 2, 3}, {4, Double.NaN, 6}}, "y", new double[][] {{0, 1}});
        refused(nan, "value NaN at example (row) 1, feature 1", () -> Hdf5Dataset.load(nan, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path inf = h5("inf.h5", "x", new double[][] {{1, 2}, {4, Double.POSITIVE_INFINITY}}, "y", new double[][] {{0, 1}});
        refused(inf, "value Infinity at [1, 1] (feature 1, example 1)",
                () -> Hdf5Dataset.load(inf, "x", "y", Orientation.EXAMPLES_AS_COLUMNS));

        Path missing = dir.resolve("missing.h5");
        refused(missing, "not found", () -> Hdf5Dataset.load(missing, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        Path text = Files.writeString(dir.resolve("text.h5"), "a,b\n1,2\n");
        refused(text, "", () -> Hdf5Dataset.load(text, "x", "y", Orientation.EXAMPLES_AS_ROWS));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.h5"), Arrays.copyOf(bytes, bytes.length / 2));
        refused(truncated, "", () -> Hdf5Dataset.load(truncated, "x", "y", Orientation.EXAMPLES_AS_ROWS));
    }

    private static void refused(Path file, String problem, Executable load) {
        refused(file, problem, load, file.getFileName().toString());
    }

    private static void refused(Path file, String problem, Executable load, String fileName) {
        DatasetException e = assertThrows(DatasetException.class, load);
        assertTrue(e.getMessage().startsWith(file.getParent().resolve(fileName).toString()), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertFalse(e.problem().isBlank(), e.getMessage());
    }
}
