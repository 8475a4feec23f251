package org.nndl4j.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The general reader: files written by jhdf (as nndl4j's model files are) and by h5py/the C library
 * ({@code h5py_fixture.h5}, made by {@code make_hdf5_fixture.py}, whose formulas the tests recompute), and
 * its refusals, each an {@link Hdf5Exception} naming the file.
 */
class Hdf5ReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/data/h5py_fixture.h5");
    /** The bundled flower (org.nndl4j.data.PlanarDatasets.FLOWER_RESOURCE). */
    private static final String FLOWER_RESOURCE = "org/nndl4j/datasets/planar_flower.h5";

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ files written by jhdf

    private Path jhdfFile() {
        Path file = dir.resolve("model.h5");
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("X", new double[][] {{1, 2, 3}, {4, 5, 6}});
            h5.putDataset("Yi", new int[][] {{0, 1, 1}});
            h5.putDataset("bytes", new byte[] {-3, 0, 7});
            h5.putDataset("shorts", new short[] {-300, 12});
            h5.putDataset("longs", new long[] {1L << 40, -1});
            h5.putDataset("floats", new float[][][] {{{0.5f, 1.5f}}, {{2.5f, -3.5f}}});
            h5.putDataset("names", new String[] {"red", "blue"});
            h5.putDataset("cost", 0.6931471805599453);
            WritableGroup layers = h5.putGroup("layers");
            layers.putDataset("W1", new double[][] {{0.1, 0.2}, {0.3, 0.4}});
            layers.putAttribute("activation", "relu");
            h5.putAttribute("format", "nndl4j-model");
            h5.putAttribute("layer_dims", new int[] {12288, 20, 7, 5, 1});
            h5.putAttribute("learning_rate", 0.0075);
            h5.putAttribute("iterations", 2500);
        }
        return file;
    }

    @Test
    void readMatrix_jhdfFile_returnsRowsAndColumnsAsStored() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, h5.readMatrix("X"));
            assertArrayEquals(new double[][] {{0, 1, 1}}, h5.readMatrix("Yi"));
            assertArrayEquals(new double[][] {{0.1, 0.2}, {0.3, 0.4}}, h5.readMatrix("layers/W1"));
            assertArrayEquals(h5.readMatrix("layers/W1"), h5.readMatrix("/layers/W1"));
            assertEquals(Hdf5Array.of(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}), h5.readArray("X", 2));
        }
    }

    @Test
    void readVectorAndArray_integerAndFloatTypes_becomeExactDoubles() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertArrayEquals(new double[] {-3, 0, 7}, h5.readVector("bytes"));
            assertArrayEquals(new double[] {-300, 12}, h5.readVector("shorts"));
            assertArrayEquals(new double[] {1L << 40, -1}, h5.readVector("longs"));
            Hdf5Array floats = h5.readArray("floats", 3);
            assertArrayEquals(new int[] {2, 1, 2}, floats.dimensions());
            assertArrayEquals(new double[] {0.5, 1.5, 2.5, -3.5}, floats.values());
            assertArrayEquals(new int[] {2, 1, 2}, h5.readArray("floats").dimensions());
            assertEquals(0.6931471805599453, h5.readScalar("cost"));
        }
    }

    @Test
    void readStringsAndAttributes_jhdfFile_roundTrip() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertEquals(List.of("red", "blue"), h5.readStrings("names"));
            assertEquals("nndl4j-model", h5.attribute("format"));
            assertArrayEquals(new int[] {12288, 20, 7, 5, 1}, h5.intsAttribute("layer_dims"));
            assertArrayEquals(new double[] {0.0075}, h5.doublesAttribute("learning_rate"));
            assertArrayEquals(new int[] {2500}, h5.intsAttribute("iterations"));
            assertArrayEquals(new double[] {2500}, h5.doublesAttribute("iterations"));
            assertEquals("relu", h5.attribute("layers", "activation"));
            assertTrue(h5.attributeNames().containsAll(Set.of("format", "layer_dims", "learning_rate", "iterations")));
            assertTrue(h5.hasAttribute("format"));
            assertFalse(h5.hasAttribute("nope"));
            assertEquals(Set.of("activation"), h5.attributeNames("layers"));
        }
    }

    @Test
    void datasetNamesAndDescribe_listPathsAndMetadataWithoutReading() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertEquals(Set.of("X", "Yi", "bytes", "shorts", "longs", "floats", "names", "cost", "layers/W1"),
                    h5.datasetNames());
            assertEquals(new DatasetInfo("X", new int[] {2, 3}, ElementType.FLOAT, 8), h5.describe("X"));
            assertEquals(new DatasetInfo("bytes", new int[] {3}, ElementType.INTEGER, 1), h5.describe("bytes"));
            assertEquals(0, h5.describe("cost").rank());
            assertEquals(ElementType.STRING, h5.describe("names").elementType());
            assertArrayEquals(new int[] {2, 1, 2}, h5.dimensions("floats"));
            assertTrue(h5.hasDataset("layers/W1"));
            assertFalse(h5.hasDataset("layers"));
            assertFalse(h5.hasDataset("W2"));
            assertEquals("X (2, 3) float64", h5.describe("X").toString());
        }
    }

    @Test
    void openResourceAndStream_readTheSameAsAPath() throws IOException {
        try (Hdf5Reader fromClasspath = Hdf5Reader.openResource(FLOWER_RESOURCE);
             Hdf5Reader withSlash = Hdf5Reader.openResource("/" + FLOWER_RESOURCE);
             InputStream in = Files.newInputStream(Path.of("datasets/planar_flower.h5"));
             Hdf5Reader fromStream = Hdf5Reader.openStream(in, "flower stream")) {
            assertEquals("classpath:" + FLOWER_RESOURCE, fromClasspath.source());
            assertArrayEquals(fromClasspath.readMatrix("X"), withSlash.readMatrix("X"));
            assertArrayEquals(fromClasspath.readMatrix("X"), fromStream.readMatrix("X"));
            assertEquals(Files.size(Path.of("datasets/planar_flower.h5")), fromStream.fileSize());
        }
    }

    // ------------------------------------------------------------------ a file written by h5py (the C library)

    @Test
    void h5pyFixture_chunkedGzipAndShuffle_readAsWritten() {
        try (Hdf5Reader h5 = Hdf5Reader.open(FIXTURE)) {
            double[][] W = h5.readMatrix("W");
            assertEquals(21, W.length);
            assertEquals(37, W[0].length);
            for (int i = 0; i < 21; i++) {
                for (int j = 0; j < 37; j++) {
                    assertEquals(i * 37 + j + 0.25, W[i][j]);
                }
            }
            double[] v = h5.readVector("v");
            for (int k = 0; k < 100; k++) {
                assertEquals(k - 50, v[k]);
            }
            assertArrayEquals(h5.readMatrix("W"), h5.readMatrix("W"));
        }
    }

    @Test
    void h5pyFixture_otherTypesAndLayouts_readAsWritten() {
        try (Hdf5Reader h5 = Hdf5Reader.open(FIXTURE)) {
            double[][] u8 = h5.readMatrix("u8");
            assertEquals(244.0, u8[0][0]);
            assertEquals(255.0, u8[2][3]); // unsigned, not -1
            assertArrayEquals(new double[][] {{0.5, 1.5, 2.5}, {3.5, 4.5, 5.5}}, h5.readMatrix("f32"));
            assertArrayEquals(new double[] {0x1p63 + 2048, 7}, h5.readVector("u64"));
            assertEquals(2.5, h5.readScalar("scalar"));
            assertArrayEquals(new double[] {1.5, 2.5, 3.5}, h5.readVector("compact"));
            assertEquals(List.of("alpha", "b\u00e9ta"), h5.readStrings("names"));
            assertEquals(List.of("non-cat", "cat"), h5.readStrings("fixed"));
            assertArrayEquals(new double[][] {{1, -1}, {0.5, 2}}, h5.readMatrix("layers/1/W"));
            assertEquals("1.0", h5.attribute("version"));
            assertArrayEquals(new int[] {12288, 20, 7, 5, 1}, h5.intsAttribute("dims"));
            assertArrayEquals(new int[] {2}, h5.intsAttribute("layers", "count"));
        }
    }

    @Test
    void h5pyFixture_links_areNotFollowedOrListed() {
        try (Hdf5Reader h5 = Hdf5Reader.open(FIXTURE)) {
            assertFalse(h5.datasetNames().contains("soft"));
            assertFalse(h5.datasetNames().contains("external"));
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h5.readMatrix("soft"));
            assertProblem(e, FIXTURE, "'soft' goes through the link 'soft'; nndl4j does not follow links");
            e = assertThrows(Hdf5Exception.class, () -> h5.readVector("external"));
            assertProblem(e, FIXTURE, "does not follow links");
        }
    }

    @Test
    void h5pyFixture_hugeDimensionsOfChunkedDataset_refusedBeforeAllocating() throws IOException {
        // W's dataspace holds (21, 37) at byte 832 and its maximum dimensions at 848
        byte[] bytes = Files.readAllBytes(FIXTURE);
        for (int offset : new int[] {832, 848}) {
            setLong(bytes, offset, 1L << 28);
        }
        try (Hdf5Reader h5 = Hdf5Reader.fromBytes(bytes, "huge.h5")) {
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h5.readMatrix("W"));
            assertEquals("huge.h5: dataset 'W' claims shape (268435456, 37), more elements than one array can hold "
                    + "(2147483639); refusing to read it", e.getMessage());
        }
        bytes = Files.readAllBytes(FIXTURE);
        setLong(bytes, 832, 1L << 20);
        setLong(bytes, 848, 1L << 20);
        try (Hdf5Reader h5 = Hdf5Reader.fromBytes(bytes, "big.h5")) {
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h5.readMatrix("W"));
            assertTrue(e.getMessage().startsWith("big.h5: dataset 'W' of shape (1048576, 37) claims 310378496 bytes, "
                    + "more than a 21483-byte file can hold even compressed"), e.getMessage());
        }
    }

    @Test
    void h5pyFixture_hugeChunkDimensions_refusedBeforeAllocating() throws IOException {
        // the layout message of W holds its chunk shape (5, 10) and element size 8 as 32-bit integers at byte 971
        byte[] bytes = Files.readAllBytes(FIXTURE);
        bytes[971 + 3] = 0x40; // 5 -> 2^30 + 5
        try (Hdf5Reader h5 = Hdf5Reader.fromBytes(bytes, "chunks.h5")) {
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> h5.readMatrix("W"));
            assertEquals("chunks.h5: dataset 'W' has chunks of shape (1073741829, 10), impossible in a 21483-byte file; "
                    + "the file is corrupt", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void readMatrix_wrongRank_namesShapeAndExpectedRank() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readMatrix("bytes")), h5,
                    "dataset 'bytes' has shape (3,) (rank 1); expected rank 2");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readVector("X")), h5,
                    "dataset 'X' has shape (2, 3) (rank 2); expected rank 1");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readArray("X", 4)), h5,
                    "dataset 'X' has shape (2, 3) (rank 2); expected rank 4");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readScalar("X")), h5,
                    "dataset 'X' has shape (2, 3); expected a scalar");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readStrings("floats")), h5,
                    "dataset 'floats' has shape (2, 1, 2) (rank 3); expected rank 1");
        }
    }

    @Test
    void readNumbers_ofStringsOrCompound_namesTheType() {
        try (Hdf5Reader h5 = Hdf5Reader.open(FIXTURE)) {
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readVector("names")), h5,
                    "dataset 'names' holds strings; expected numbers (integer or floating point)");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readVector("pairs")), h5,
                    "dataset 'pairs' holds values of a type nndl4j does not read");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readStrings("v")), h5,
                    "dataset 'v' holds 16-bit integers; expected strings");
        }
    }

    @Test
    void missingDatasetOrGroup_listsTheDatasetsPresent() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            String present = "datasets present: [X, Yi, bytes, cost, floats, layers/W1, longs, names, shorts]";
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readMatrix("W2")), h5,
                    "no dataset 'W2'; " + present);
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readMatrix("layers")), h5,
                    "'layers' is a group, not a dataset; " + present);
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.readMatrix("X/deeper")), h5,
                    "no dataset 'X/deeper'");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.attribute("nope", "a")), h5,
                    "no group or dataset 'nope'");
        }
    }

    @Test
    void attributes_missingOrOfWrongType_nameTheAttribute() {
        try (Hdf5Reader h5 = Hdf5Reader.open(jhdfFile())) {
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.attribute("version")), h5,
                    "no attribute 'version' of the root group; attributes present: [");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.attribute("layer_dims")), h5,
                    "attribute 'layer_dims' of the root group holds 32-bit integers; expected a string");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.intsAttribute("learning_rate")), h5,
                    "attribute 'learning_rate' of the root group holds 64-bit floats; expected integers");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.doublesAttribute("format")), h5,
                    "attribute 'format' of the root group holds strings; expected numbers");
            assertProblem(assertThrows(Hdf5Exception.class, () -> h5.attribute("layers", "act")), h5,
                    "no attribute 'act' of 'layers'; attributes present: [activation]");
        }
    }

    @Test
    void open_missingFileDirectoryEmptyAndNotHdf5_nameTheFile() throws IOException {
        Path missing = dir.resolve("missing.h5");
        assertProblem(assertThrows(Hdf5Exception.class, () -> Hdf5Reader.open(missing)), missing, "file not found");
        assertProblem(assertThrows(Hdf5Exception.class, () -> Hdf5Reader.open(dir)), dir, "is a directory");
        Path empty = Files.write(dir.resolve("empty.h5"), new byte[0]);
        assertProblem(assertThrows(Hdf5Exception.class, () -> Hdf5Reader.open(empty)), empty, "file is empty");
        Path png = Files.write(dir.resolve("picture.h5"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        assertProblem(assertThrows(Hdf5Exception.class, () -> Hdf5Reader.open(png)), png,
                "not an HDF5 file: no HDF5 signature (\\x89HDF\\r\\n\\x1a\\n); the file starts with 89 50 4E 47 0D 0A 1A 0A");
    }

    @Test
    void open_unreadableFile_namesIt() throws IOException {
        Path file = jhdfFile();
        assertTrue(file.toFile().setReadable(false, false));
        try {
            if (Files.isReadable(file)) {
                // running as root: permissions are not enforced, so the file simply opens
                try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
                    assertEquals(2, h5.readMatrix("X").length);
                }
            } else {
                assertProblem(assertThrows(Hdf5Exception.class, () -> Hdf5Reader.open(file)), file, "not readable");
            }
        } finally {
            file.toFile().setReadable(true, false);
        }
    }

    @Test
    void openResource_missing_namesTheResource() {
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> Hdf5Reader.openResource("org/nndl4j/none.h5"));
        assertEquals("classpath:org/nndl4j/none.h5: resource not found on the classpath", e.getMessage());
    }

    @Test
    void openStream_failingStream_namesTheSource() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> Hdf5Reader.openStream(broken, "net.h5"));
        assertEquals("net.h5: cannot read the stream: IOException: disk on fire", e.getMessage());
    }

    @Test
    void fromBytes_headerOnly_saysTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(jhdfFile());
        byte[] head = java.util.Arrays.copyOf(bytes, 100);
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> Hdf5Reader.fromBytes(head, "head.h5"));
        assertTrue(e.getMessage().startsWith("head.h5: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fromBytes_signatureAfterUserBlock_isFound() throws IOException {
        byte[] bytes = Files.readAllBytes(jhdfFile());
        byte[] shifted = new byte[512 + bytes.length];
        System.arraycopy(bytes, 0, shifted, 512, bytes.length);
        // the signature is found at 512, but the file's addresses do not account for a user block
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> {
            try (Hdf5Reader h5 = Hdf5Reader.fromBytes(shifted, "shifted.h5")) {
                h5.readMatrix("X");
            }
        });
        assertTrue(e.getMessage().startsWith("shifted.h5: "), e.getMessage());
        assertFalse(e.getMessage().contains("not an HDF5 file"), e.getMessage());
    }

    @Test
    void closed_readerRefusesFurtherReads() {
        Hdf5Reader h5 = Hdf5Reader.open(jhdfFile());
        h5.close();
        h5.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h5.readMatrix("X"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void hdf5Exception_keepsSourceAndProblemApart() {
        Hdf5Exception e = new Hdf5Exception("a.h5", "broken", new IllegalStateException("x"));
        assertEquals("a.h5: broken", e.getMessage());
        assertEquals("a.h5", e.source());
        assertEquals("broken", e.problem());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void openStream_inMemoryBytes_roundTrip() throws IOException {
        byte[] bytes = Files.readAllBytes(jhdfFile());
        try (Hdf5Reader h5 = Hdf5Reader.openStream(new ByteArrayInputStream(bytes), "mem")) {
            assertEquals("mem", h5.source());
            assertEquals(bytes.length, h5.fileSize());
            assertEquals(2500, h5.intsAttribute("iterations")[0]);
        }
    }

    private static void assertProblem(Hdf5Exception e, Hdf5Reader h5, String expected) {
        assertTrue(e.getMessage().startsWith(h5.source() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static void assertProblem(Hdf5Exception e, Path file, String expected) {
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static void setLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
