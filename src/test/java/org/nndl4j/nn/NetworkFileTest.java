package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;

class NetworkFileTest {

    @TempDir
    Path dir;

    /** A [5, 4, 3, 1] network with random weights and biases. */
    static Network network() {
        NumpyRandom random = new NumpyRandom(7);
        Matrix W1 = random.randn(4, 5);
        Matrix W2 = random.randn(3, 4);
        Matrix W3 = random.randn(1, 3);
        return Network.of(new Layer(W1, random.randn(4, 1), Activation.RELU),
                new Layer(W2, random.randn(3, 1), Activation.TANH), new Layer(W3, random.randn(1, 1), Activation.SIGMOID));
    }

    @Test
    void saveThenLoad_givesAnIdenticalNetwork() {
        Path file = dir.resolve("model.h5");
        network().save(file);
        Network loaded = Network.load(file);
        assertArrayEquals(new int[] {5, 4, 3, 1}, loaded.layerDims());
        assertEquals(network().activations(), loaded.activations());
        for (int i = 0; i < 3; i++) {
            // exact equality, bit for bit
            assertEquals(network().W(i + 1), loaded.W(i + 1), "W" + (i + 1));
            assertEquals(network().b(i + 1), loaded.b(i + 1), "b" + (i + 1));
        }
        assertEquals(network(), loaded);
    }

    @Test
    void save_writesTheCourseNamesAsTwoDimensionalFloat64Datasets() {
        Path file = dir.resolve("model.h5");
        network().save(file);
        try (HdfFile hdf = new HdfFile(file)) {
            for (String name : new String[] {"W1", "b1", "W2", "b2", "W3", "b3"}) {
                assertEquals(2, hdf.getDatasetByPath(name).getDimensions().length, name);
                assertEquals(double.class, hdf.getDatasetByPath(name).getJavaType(), name);
            }
            assertArrayEquals(new int[] {3, 4}, hdf.getDatasetByPath("W2").getDimensions());
            assertArrayEquals(new int[] {3, 1}, hdf.getDatasetByPath("b2").getDimensions());
            assertEquals(NetworkFile.FORMAT, hdf.getAttribute("format").getData());
            // issue 14: one string per layer (format version 2), no longer one comma-joined string
            assertArrayEquals(new String[] {"relu", "tanh", "sigmoid"}, (String[]) hdf.getAttribute("activations").getData());
        }
    }

    @Test
    void save_failureBeforeTheMove_leavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.h5");
        network().save(file);
        byte[] before = Files.readAllBytes(file);
        Network other = Network.of(new Layer(Matrix.rowVector(1, 2), Matrix.scalar(3), Activation.SIGMOID));
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> NetworkFile.save(other, file, () -> {
                    throw new IllegalStateException("disk full (simulated)");
                }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("disk full"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(dir));
        assertEquals(network(), Network.load(file));
    }

    @Test
    void save_targetIsANonEmptyDirectory_failsNamingItAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.h5"));
        Files.writeString(target.resolve("keep.txt"), "keep");
        ModelFileException e = assertThrows(ModelFileException.class, () -> network().save(target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(List.of(target), filesIn(dir));
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void save_intoMissingDirectory_failsNamingTheFile() {
        Path file = dir.resolve("no/such/dir/model.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> network().save(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void save_overAnExistingFile_replacesIt() {
        Path file = dir.resolve("model.h5");
        network().save(file);
        Network small = Network.of(new Layer(Matrix.rowVector(1, 2), Matrix.scalar(3), Activation.SIGMOID));
        small.save(file);
        assertEquals(small, Network.load(file));
    }

    @Test
    void load_missingFile_namesTheFile() {
        Path file = dir.resolve("nothing.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void load_fileThatIsNotHdf5_namesTheFile() throws IOException {
        Path file = dir.resolve("model.h5");
        Files.writeString(file, "this is not an HDF5 file, just some text that is long enough to look like a header");
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void load_truncatedFile_namesTheFile() throws IOException {
        Path good = dir.resolve("good.h5");
        network().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("truncated.h5");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void load_missingW3_namesTheFileAndTheDataset() {
        Path file = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 4, 3, 1}, "relu", "relu", "sigmoid");
            out.putDataset("W1", new double[4][5]);
            out.putDataset("b1", new double[4][1]);
            out.putDataset("W2", new double[3][4]);
            out.putDataset("b2", new double[3][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("missing dataset W3"), e.getMessage());
    }

    @Test
    void load_shapesThatDoNotChain_nameTheFileAndBothShapes() {
        Path file = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 4, 1}, "relu", "sigmoid");
            out.putDataset("W1", new double[4][5]);
            out.putDataset("b1", new double[4][1]);
            out.putDataset("W2", new double[1][3]);
            out.putDataset("b2", new double[1][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("W2")
                && e.getMessage().contains("(1, 3)") && e.getMessage().contains("(1, 4)"), e.getMessage());
    }

    @Test
    void load_layerDimsDisagreeingWithTheArrays_namesTheFileAndTheDisagreement() {
        Path file = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 6, 1}, "relu", "sigmoid");
            out.putDataset("W1", new double[4][5]);
            out.putDataset("b1", new double[4][1]);
            out.putDataset("W2", new double[1][4]);
            out.putDataset("b2", new double[1][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("[5, 6, 1]")
                && e.getMessage().contains("(4, 5)") && e.getMessage().contains("(6, 5)"), e.getMessage());
    }

    @Test
    void load_moreLayersThanLayerDimsSay_isRejected() {
        Path file = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 1}, "sigmoid");
            out.putDataset("W1", new double[1][5]);
            out.putDataset("b1", new double[1][1]);
            out.putDataset("W2", new double[1][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains("W2") && e.getMessage().contains("1 layers"), e.getMessage());
    }

    @Test
    void load_unknownActivationOrWrongCount_isRejectedNamingIt() {
        Path unknown = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 1}, "swish");
            out.putDataset("W1", new double[1][5]);
            out.putDataset("b1", new double[1][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(unknown));
        assertTrue(e.getMessage().contains("swish"), e.getMessage());
        Path count = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 1}, "relu", "sigmoid");
            out.putDataset("W1", new double[1][5]);
            out.putDataset("b1", new double[1][1]);
        });
        ModelFileException c = assertThrows(ModelFileException.class, () -> Network.load(count));
        assertTrue(c.getMessage().contains("2 entries") && c.getMessage().contains("1 layers"), c.getMessage());
    }

    @Test
    void load_hdf5FileThatIsNotAModel_saysSo() {
        Path file = writeRaw(out -> out.putDataset("train_set_x", new double[2][2]));
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("format"), e.getMessage());
    }

    @Test
    void load_newerFormatVersion_isRejected() {
        Path file = writeRaw(out -> {
            out.putAttribute("format", NetworkFile.FORMAT);
            out.putAttribute("format_version", 99);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void network_inconsistentShapes_areRejectedNamingBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Network.of(
                new Layer(Matrix.zeros(4, 5), Matrix.zeros(4, 1), Activation.RELU),
                new Layer(Matrix.zeros(1, 3), Matrix.zeros(1, 1), Activation.SIGMOID)));
        assertTrue(e.getMessage().contains("W2") && e.getMessage().contains("(1, 4)") && e.getMessage().contains("(1, 3)"),
                e.getMessage());
        // a layer without its activation (or any other part) cannot be built
        assertThrows(IllegalArgumentException.class, () -> new Layer(Matrix.zeros(1, 4), Matrix.zeros(1, 1), null));
        assertThrows(IllegalArgumentException.class, () -> Network.of(
                new Layer(Matrix.zeros(4, 5), Matrix.zeros(4, 1), Activation.RELU), null));
    }

    @Test
    void load_aFileInTheLayoutOfEarlierVersions_givesItsNetwork() {
        // what nndl4j 0.1's ModelFiles wrote: the same datasets and attributes, activations as one string
        Network expected = network();
        Path file = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 4, 3, 1}, "relu", "tanh", "sigmoid");
            for (int l = 1; l <= 3; l++) {
                out.putDataset("W" + l, expected.W(l).toArray());
                out.putDataset("b" + l, expected.b(l).toArray());
            }
        });
        assertEquals(expected, Network.load(file));
    }

    // ------------------------------------------------------------------ helpers

    private static void standardAttributes(WritableHdfFile out, int[] dims, String... activations) {
        out.putAttribute("format", NetworkFile.FORMAT);
        out.putAttribute("format_version", NetworkFile.FORMAT_VERSION);
        out.putAttribute("layer_dims", dims);
        out.putAttribute("activations", String.join(",", activations));
    }

    private Path writeRaw(Consumer<WritableHdfFile> content) {
        Path file = dir.resolve("raw-" + System.nanoTime() + ".h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            content.accept(out);
        }
        return file;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
