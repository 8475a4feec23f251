package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.testing.Golden;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * The cat / non-cat dataset: what loads (against the spec and numpy's golden values) and what must not
 * (every bad file gives a DatasetException naming the file). The random corruption loop is in
 * {@link CorruptFilesTest}.
 */
class CatDatasetTest {

    private static final Golden LOGISTIC = Golden.load("logistic.golden");
    private static final Path TRAIN = Path.of("datasets/train_catvnoncat.h5");
    private static final Path TEST = Path.of("datasets/test_catvnoncat.h5");

    private static CatDataset cats;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        cats = CatDataset.loadBundled();
    }

    // ------------------------------------------------------------------ what the spec prints

    @Test
    void loadBundled_sizes_matchSpecSummary() {
        // Number of training examples: m_train = 209, testing m_test = 50, num_px = 64
        assertEquals((int) LOGISTIC.scalar("data.m_train"), cats.train().size());
        assertEquals((int) LOGISTIC.scalar("data.m_test"), cats.test().size());
        assertEquals((int) LOGISTIC.scalar("data.num_px"), cats.numPx());
        assertArrayEquals(LOGISTIC.ints("data.train_x_orig_shape"), cats.train().images().shape());
        assertArrayEquals(LOGISTIC.ints("data.test_x_orig_shape"), cats.test().images().shape());
    }

    @Test
    void loadBundled_flattenedShapes_matchSpec() {
        // train_set_x_flatten shape: (12288, 209), train_set_y shape: (1, 209), test: (12288, 50), (1, 50)
        assertEquals(new Shape(12288, 209), cats.train().data().X().shape());
        assertEquals(new Shape(1, 209), cats.train().data().Y().shape());
        assertEquals(new Shape(12288, 50), cats.test().data().X().shape());
        assertEquals(new Shape(1, 50), cats.test().data().Y().shape());
        assertEquals(new Shape(12288, 209), cats.train().flatten().shape());
    }

    @Test
    void loadBundled_sanityCheckAfterReshaping_is17_31_56_22_33() {
        Matrix flatten = cats.train().flatten();
        double[] head = new double[5];
        for (int i = 0; i < 5; i++) {
            head[i] = flatten.get(i, 0);
        }
        assertArrayEquals(LOGISTIC.doubles("data.train_x_flatten_head"), head);
        assertArrayEquals(new double[] {17, 31, 56, 22, 33}, head); // the spec's printed line
    }

    @Test
    void loadBundled_X_isFlattenedPixelsOver255() {
        Matrix X = cats.train().data().X();
        Matrix flatten = cats.train().flatten();
        for (int[] ij : new int[][] {{0, 0}, {4, 0}, {12287, 208}, {5000, 100}}) {
            assertEquals(flatten.get(ij[0], ij[1]) / 255.0, X.get(ij[0], ij[1]));
        }
        // column j is image j read in C order (row, column, channel)
        assertEquals(cats.train().images().get(7, 1, 2, 1), flatten.get((1 * 64 + 2) * 3 + 1, 7));
    }

    @Test
    void loadBundled_pixelSums_matchNumpy() {
        assertEquals(LOGISTIC.scalar("data.train_x_col0_sum"), cats.train().flatten().column(0).sum());
        assertEquals(LOGISTIC.scalar("data.train_x_total_sum"), sum(cats.train().images().toFlatArray()));
        assertEquals(LOGISTIC.scalar("data.test_x_total_sum"), sum(cats.test().images().toFlatArray()));
    }

    @Test
    void loadBundled_labelsAndClasses_matchNumpy() {
        assertArrayEquals(LOGISTIC.doubles("data.train_y"), cats.train().data().Y().toRowMajor());
        assertArrayEquals(LOGISTIC.doubles("data.test_y"), cats.test().data().Y().toRowMajor());
        assertEquals(List.of(LOGISTIC.strings("data.classes")), cats.train().data().classNames());
        assertEquals(List.of("non-cat", "cat"), cats.test().data().classNames());
        // the spec's example picture: index = 25 -> "y = [1], it's a 'cat' picture."
        assertEquals(1, cats.train().label(25));
        assertEquals("cat", cats.train().className(25));
    }

    @Test
    void loadBundled_twice_returnsTheSameSharedValue() {
        assertSame(cats, CatDataset.loadBundled());
    }

    @Test
    void load_committedFiles_equalBundledCopies() {
        CatDataset fromDisk = CatDataset.load(TRAIN, TEST);
        assertEquals(cats.train().images(), fromDisk.train().images());
        assertEquals(cats.test().data().X(), fromDisk.test().data().X());
        assertEquals(cats.test().data().Y(), fromDisk.test().data().Y());
    }

    @Test
    void imageSet_mismatchedImagesAndData_throwNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(cats.test().images(), cats.train().data()));
        assertTrue(e.getMessage().contains("(50, 64, 64, 3)") && e.getMessage().contains("(12288, 209)"), e.getMessage());
    }

    @Test
    void catDataset_splitsOfDifferentImageSizes_throwNamingBothSizes() throws IOException {
        Path test = h5("test.h5", h5 -> {
            h5.putDataset("test_set_x", images(1, 2, 3));
            h5.putDataset("test_set_y", new int[] {1});
            h5.putDataset("list_classes", classes());
        });
        ImageSet small;
        try (Hdf5Reader h5 = Hdf5Reader.open(test)) {
            small = CatDataset.readSplit(h5, "test");
        }
        ImageSet tiny = small;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CatDataset(cats.train(), tiny));
        assertEquals("CatDataset: training images are 64x64 but test images are 2x2", e.getMessage());
    }

    // ------------------------------------------------------------------ bad files

    @Test
    void load_missingFile_namesIt() {
        Path missing = dir.resolve("nope.h5");
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(missing, TEST));
        assertProblem(e, missing, "file not found");
        e = assertThrows(DatasetException.class, () -> CatDataset.load(TRAIN, missing));
        assertProblem(e, missing, "file not found");
    }

    @Test
    void load_directory_namesIt() {
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(dir, TEST));
        assertProblem(e, dir, "is a directory");
    }

    @Test
    void load_notHdf5_saysSoAndShowsFirstBytes() throws IOException {
        Path text = Files.writeString(dir.resolve("train.h5"), "this is not HDF5\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(text, TEST));
        assertProblem(e, text, "not an HDF5 file");
        assertTrue(e.getMessage().contains("74 68 69 73"), e.getMessage()); // "this"
    }

    @Test
    void load_emptyFile_saysEmpty() throws IOException {
        Path empty = Files.write(dir.resolve("train.h5"), new byte[0]);
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(empty, TEST)), empty, "file is empty");
    }

    @Test
    void load_truncatedInTheData_saysTruncated() throws IOException {
        Path file = corrupt(TRAIN, bytes -> Arrays.copyOf(bytes, 1_000_000));
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST));
        assertProblem(e, file, "truncated");
    }

    @Test
    void load_truncatedInTheHeader_saysTruncated() throws IOException {
        Path file = corrupt(TRAIN, bytes -> Arrays.copyOf(bytes, 1500));
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST));
        assertProblem(e, file, "truncated");
    }

    @Test
    void load_bitFlippedSignature_saysNotHdf5() throws IOException {
        Path file = corrupt(TEST, bytes -> flip(bytes, 1, 3));
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(TRAIN, file)), file, "not an HDF5 file");
    }

    @Test
    void load_bitFlippedMetadata_throwsDatasetExceptionNamingFile() throws IOException {
        // one bit flipped in: the superblock version (8), the root group's B-tree "TREE" (136), local heap "HEAP"
        // (680) and symbol table node "SNOD" (1072), the version of the object headers of train_set_x (800),
        // train_set_y (1400) and list_classes (1672), and train_set_x's first dimension (832)
        for (int offset : new int[] {8, 136, 680, 800, 832, 1072, 1400, 1672}) {
            Path file = corrupt(TRAIN, bytes -> flip(bytes, offset, 6));
            DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST),
                    "bit 6 flipped at byte " + offset);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }

    @Test
    void load_hugeDimensionsInHeader_refusedBeforeAllocating() throws IOException {
        // train_set_x's dataspace holds (209, 64, 64, 3) at byte 832 and its maximum dimensions at 864;
        // train_set_y's (209,) is at 1432 and 1440. Both claim m examples, so the counts still agree.
        for (long m : new long[] {1L << 30, 100_000}) {
            Path file = corrupt(TRAIN, bytes -> {
                for (int offset : new int[] {832, 864, 1432, 1440}) {
                    setLong(bytes, offset, m);
                }
                return bytes;
            });
            DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            // refused from the metadata: more bytes than the file has (labels are read first)
            assertTrue(e.getMessage().contains("beyond the end of the file"), e.getMessage());
            try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
                e = assertThrows(DatasetException.class, () -> h5.readArray("train_set_x", 4));
                assertTrue(e.getMessage().contains(m == 1L << 30 ? "more elements than one array can hold"
                        : "needs 1228800000 bytes at offset 2144, beyond the end of the file"), e.getMessage());
            }
        }
    }

    @Test
    void load_missingDatasets_listsTheNamesPresent() throws IOException {
        Path file = h5("missing.h5", h5 -> {
            h5.putDataset("train_set_x", images(3, 2, 3));
            h5.putDataset("labels", new int[] {0, 1, 1});
        });
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST));
        assertProblem(e, file, "no dataset 'train_set_y'; datasets present: [labels, train_set_x]");
    }

    @Test
    void load_wrongRank_namesShapeAndExpectedRank() throws IOException {
        Path file = catFile("rank.h5", new int[][] {{1, 2}, {3, 4}}, new int[] {0, 1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "dataset 'train_set_x' has shape (2, 2) (rank 2); expected images of shape (m, num_px, num_px, 3)");
    }

    @Test
    void load_floatPixels_wrongTypeNamed() throws IOException {
        Path file = catFile("type.h5", new double[][][][] {{{{0.5, 0.5, 0.5}}}}, new int[] {1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "dataset 'train_set_x' holds float values; expected integer pixel values 0..255");
    }

    @Test
    void load_stringLabels_wrongTypeNamed() throws IOException {
        Path file = catFile("ytype.h5", images(2, 2, 3), new String[] {"cat", "dog"}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "dataset 'train_set_y' holds string values; expected numeric labels 0/1");
    }

    @Test
    void load_fourChannels_wrongSizeNamed() throws IOException {
        Path file = catFile("channels.h5", images(2, 2, 4), new int[] {0, 1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "expected 3 colour channels (RGB) in the last dimension, got 4");
    }

    @Test
    void load_nonSquareImages_wrongSizeNamed() throws IOException {
        Path file = catFile("square.h5", new int[2][2][3][3], new int[] {0, 1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "has shape (2, 2, 3, 3); expected square images");
    }

    @Test
    void load_labelTwo_namesValueAndIndex() throws IOException {
        Path file = catFile("labels.h5", images(3, 2, 3), new int[] {0, 1, 2}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "dataset 'train_set_y': label 2.0 at index 2 is not 0 or 1");
    }

    @Test
    void load_negativeLabel_namesValueAndIndex() throws IOException {
        Path file = catFile("neg.h5", images(2, 2, 3), new double[] {-1, 0}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "label -1.0 at index 0 is not 0 or 1");
    }

    @Test
    void load_exampleCountMismatch_namesBothCounts() throws IOException {
        Path file = catFile("count.h5", images(3, 2, 3), new int[] {0, 1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "'train_set_x' has 3 examples but 'train_set_y' has 2 labels");
    }

    @Test
    void load_pixelAbove255_namesValue() throws IOException {
        int[][][][] x = images(1, 2, 3);
        x[0][1][1][2] = 300;
        Path file = catFile("pixel.h5", x, new int[] {1}, classes());
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "pixel value 300.0 at [0, 1, 1, 2] is outside 0..255");
    }

    @Test
    void load_threeClassNames_rejected() throws IOException {
        Path file = catFile("classes.h5", images(1, 2, 3), new int[] {1}, new String[] {"a", "b", "c"});
        assertProblem(assertThrows(DatasetException.class, () -> CatDataset.load(file, TEST)), file,
                "expected 2 class names");
    }

    @Test
    void load_smallValidFiles_loadWithLabelsAsRowAndValuesScaled() throws IOException {
        int[][][][] x = images(2, 2, 3);
        x[1][0][1][2] = 255;
        Path train = catFile("train.h5", x, new int[][] {{0, 1}}, classes());
        Path test = h5("test.h5", h5 -> {
            h5.putDataset("test_set_x", images(1, 2, 3));
            h5.putDataset("test_set_y", new long[] {1});
            h5.putDataset("list_classes", classes());
        });
        CatDataset small = CatDataset.load(train, test);
        assertEquals(new Shape(12, 2), small.train().data().X().shape());
        assertEquals(1.0, small.train().data().X().get((0 * 2 + 1) * 3 + 2, 1));
        assertArrayEquals(new double[] {0, 1}, small.train().data().Y().toRowMajor());
        assertEquals(1, small.test().size());
    }

    @Test
    void load_testImagesOfOtherSize_namesBothFiles() throws IOException {
        Path test = h5("test.h5", h5 -> {
            h5.putDataset("test_set_x", images(1, 2, 3));
            h5.putDataset("test_set_y", new int[] {1});
            h5.putDataset("list_classes", classes());
        });
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(TRAIN, test));
        assertProblem(e, test, "test images are 2x2 but the training images");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertProblem(DatasetException e, Path file, String expected) {
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "message should start with the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(file.toString(), e.source());
    }

    interface Writer {
        void write(WritableHdfFile h5);
    }

    private Path h5(String name, Writer writer) {
        Path file = dir.resolve(name);
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            writer.write(h5);
        }
        return file;
    }

    private Path catFile(String name, Object x, Object y, String[] classes) {
        return h5(name, h5 -> {
            h5.putDataset("train_set_x", x);
            h5.putDataset("train_set_y", y);
            h5.putDataset("list_classes", classes);
        });
    }

    private static String[] classes() {
        return new String[] {"non-cat", "cat"};
    }

    /** m images of px x px pixels with {@code channels} channels, values i + j + k (small). */
    private static int[][][][] images(int m, int px, int channels) {
        int[][][][] x = new int[m][px][px][channels];
        for (int n = 0; n < m; n++) {
            for (int i = 0; i < px; i++) {
                for (int j = 0; j < px; j++) {
                    for (int c = 0; c < channels; c++) {
                        x[n][i][j][c] = n + i + j + c;
                    }
                }
            }
        }
        return x;
    }

    interface Corruption {
        byte[] apply(byte[] bytes);
    }

    private Path corrupt(Path original, Corruption corruption) throws IOException {
        Path file = Files.createTempFile(dir, "corrupt", ".h5");
        Files.write(file, corruption.apply(Files.readAllBytes(original)));
        return file;
    }

    private static byte[] flip(byte[] bytes, int offset, int bit) {
        bytes[offset] ^= (byte) (1 << bit);
        return bytes;
    }

    private static void setLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
