package org.nndl4j.io;

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
import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;

class ModelFilesTest {

    @TempDir
    Path dir;

    /** A [5, 4, 3, 1] network with random weights and biases. */
    static StoredNetwork network() {
        NumpyRandom random = new NumpyRandom(7);
        int[] dims = {5, 4, 3, 1};
        return new StoredNetwork(dims, List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID),
                List.of(random.randn(4, 5), random.randn(3, 4), random.randn(1, 3)),
                List.of(random.randn(4, 1), random.randn(3, 1), random.randn(1, 1)));
    }

    @Test
    void saveThenLoad_givesAnIdenticalNetwork() {
        Path file = dir.resolve("model.h5");
        ModelFiles.save(network(), file);
        StoredNetwork loaded = ModelFiles.load(file);
        assertArrayEquals(new int[] {5, 4, 3, 1}, loaded.layerDims());
        assertEquals(network().activations(), loaded.activations());
        for (int i = 0; i < 3; i++) {
            // exact equality, bit for bit
            assertEquals(network().weights().get(i), loaded.weights().get(i), "W" + (i + 1));
            assertEquals(network().biases().get(i), loaded.biases().get(i), "b" + (i + 1));
        }
        assertEquals(network(), loaded);
    }

    @Test
    void save_writesTheCourseNamesAsTwoDimensionalFloat64Datasets() {
        Path file = dir.resolve("model.h5");
        ModelFiles.save(network(), file);
        try (HdfFile hdf = new HdfFile(file)) {
            for (String name : new String[] {"W1", "b1", "W2", "b2", "W3", "b3"}) {
                assertEquals(2, hdf.getDatasetByPath(name).getDimensions().length, name);
                assertEquals(double.class, hdf.getDatasetByPath(name).getJavaType(), name);
            }
            assertArrayEquals(new int[] {3, 4}, hdf.getDatasetByPath("W2").getDimensions());
            assertArrayEquals(new int[] {3, 1}, hdf.getDatasetByPath("b2").getDimensions());
            assertEquals(ModelFiles.FORMAT, hdf.getAttribute("format").getData());
            assertEquals("relu,tanh,sigmoid", hdf.getAttribute("activations").getData());
        }
    }

    @Test
    void save_failureBeforeTheMove_leavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.h5");
        ModelFiles.save(network(), file);
        byte[] before = Files.readAllBytes(file);
        StoredNetwork other = new StoredNetwork(new int[] {2, 1}, List.of(Activation.SIGMOID),
                List.of(Matrix.rowVector(1, 2)), List.of(Matrix.scalar(3)));
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFiles.save(other, file, () -> {
                    throw new IllegalStateException("disk full (simulated)");
                }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("disk full"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(dir));
        assertEquals(network(), ModelFiles.load(file));
    }

    @Test
    void save_targetIsANonEmptyDirectory_failsNamingItAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.h5"));
        Files.writeString(target.resolve("keep.txt"), "keep");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.save(network(), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertEquals(List.of(target), filesIn(dir));
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void save_intoMissingDirectory_failsNamingTheFile() {
        Path file = dir.resolve("no/such/dir/model.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.save(network(), file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void save_overAnExistingFile_replacesIt() {
        Path file = dir.resolve("model.h5");
        ModelFiles.save(network(), file);
        StoredNetwork small = new StoredNetwork(new int[] {2, 1}, List.of(Activation.SIGMOID),
                List.of(Matrix.rowVector(1, 2)), List.of(Matrix.scalar(3)));
        ModelFiles.save(small, file);
        assertEquals(small, ModelFiles.load(file));
    }

    @Test
    void load_missingFile_namesTheFile() {
        Path file = dir.resolve("nothing.h5");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void load_fileThatIsNotHdf5_namesTheFile() throws IOException {
        Path file = dir.resolve("model.h5");
        Files.writeString(file, "this is not an HDF5 file, just some text that is long enough to look like a header");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void load_truncatedFile_namesTheFile() throws IOException {
        Path good = dir.resolve("good.h5");
        ModelFiles.save(network(), good);
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("truncated.h5");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
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
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
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
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
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
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
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
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("W2") && e.getMessage().contains("1 layers"), e.getMessage());
    }

    @Test
    void load_unknownActivationOrWrongCount_isRejectedNamingIt() {
        Path unknown = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 1}, "softmax");
            out.putDataset("W1", new double[1][5]);
            out.putDataset("b1", new double[1][1]);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(unknown));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
        Path count = writeRaw(out -> {
            standardAttributes(out, new int[] {5, 1}, "relu", "sigmoid");
            out.putDataset("W1", new double[1][5]);
            out.putDataset("b1", new double[1][1]);
        });
        ModelFileException c = assertThrows(ModelFileException.class, () -> ModelFiles.load(count));
        assertTrue(c.getMessage().contains("2 entries") && c.getMessage().contains("1 layers"), c.getMessage());
    }

    @Test
    void load_hdf5FileThatIsNotAModel_saysSo() {
        Path file = writeRaw(out -> out.putDataset("train_set_x", new double[2][2]));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("format"), e.getMessage());
    }

    @Test
    void load_newerFormatVersion_isRejected() {
        Path file = writeRaw(out -> {
            out.putAttribute("format", ModelFiles.FORMAT);
            out.putAttribute("format_version", 99);
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void storedNetwork_inconsistentShapes_areRejectedNamingBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> new StoredNetwork(new int[] {5, 4, 1},
                List.of(Activation.RELU, Activation.SIGMOID), List.of(Matrix.zeros(4, 5), Matrix.zeros(1, 3)),
                List.of(Matrix.zeros(4, 1), Matrix.zeros(1, 1))));
        assertTrue(e.getMessage().contains("W2") && e.getMessage().contains("(1, 4)") && e.getMessage().contains("(1, 3)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StoredNetwork(new int[] {5, 4, 1},
                List.of(Activation.RELU), List.of(Matrix.zeros(4, 5), Matrix.zeros(1, 4)), List.of(Matrix.zeros(4, 1), Matrix.zeros(1, 1))));
    }

    // ------------------------------------------------------------------ helpers

    private static void standardAttributes(WritableHdfFile out, int[] dims, String... activations) {
        out.putAttribute("format", ModelFiles.FORMAT);
        out.putAttribute("format_version", ModelFiles.FORMAT_VERSION);
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
