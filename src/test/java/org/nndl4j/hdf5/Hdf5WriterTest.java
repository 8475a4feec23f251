package org.nndl4j.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.VariableLength;

/** The writer: what it writes reads back through {@link Hdf5Reader} (and jhdf), and its failures name the file. */
class Hdf5WriterTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip_datasetsAndAttributes_readBackAsWritten() {
        Path file = dir.resolve("model.h5");
        double[][] w = {{0.1, -0.2, 3}, {4, 5.5, -6}};
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putAttribute("format", "nndl4j-network")
                    .putAttribute("format_version", 1)
                    .putAttribute("layer_dims", new int[] {3, 2, 1})
                    .putAttribute("activations", new String[] {"relu", "sigmoid"})
                    .putDataset("W1", w)
                    .putDataset("b1", new double[][] {{0.5}, {-0.5}});
            w[0][0] = 99; // copied on the way in
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertEquals(Set.of("W1", "b1"), h5.datasetNames());
            assertEquals(new DatasetInfo("W1", new int[] {2, 3}, ElementType.FLOAT, 8), h5.describe("W1"));
            assertArrayEquals(new double[][] {{0.1, -0.2, 3}, {4, 5.5, -6}}, h5.readMatrix("W1"));
            assertArrayEquals(new double[][] {{0.5}, {-0.5}}, h5.readMatrix("b1"));
            assertEquals("nndl4j-network", h5.attribute("format"));
            assertArrayEquals(new int[] {1}, h5.intsAttribute("format_version"));
            assertArrayEquals(new int[] {3, 2, 1}, h5.intsAttribute("layer_dims"));
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertArrayEquals(new String[] {"relu", "sigmoid"}, (String[]) hdf.getAttribute("activations").getData());
            assertEquals(1, hdf.getAttribute("format_version").getData());
        }
    }

    @Test
    void stringAttributes_areVariableLengthUtf8Strings_asH5pyReadsThemAsStr() {
        Path file = dir.resolve("strings.h5");
        String cat = "chat \u00e9 \u732b"; // é and the CJK cat: 2- and 3-byte UTF-8
        String longText = "0123456789".repeat(1000); // 10 000 bytes: the heap grows past its 4096-byte minimum
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putAttribute("format", "nndl4j-network")
                    .putAttribute("activations", new String[] {"relu", "", cat})
                    .putAttribute("long", longText)
                    .putAttribute("format_version", 2)
                    .putDataset("W1", new double[][] {{1, 2}});
        }
        try (HdfFile hdf = new HdfFile(file)) {
            for (String name : new String[] {"format", "activations", "long"}) {
                Attribute a = hdf.getAttribute(name);
                // HDF5's variable-length string: class 9 of type string, UTF-8, heap ids of 16 bytes, base type
                // one unsigned byte, as the HDF5 library (and so h5py) writes it
                VariableLength type = assertInstanceOf(VariableLength.class, a.getDataType(), name);
                assertTrue(type.isVariableLengthString(), name);
                assertEquals(StandardCharsets.UTF_8, type.getEncoding(), name);
                assertEquals(16, type.getSize(), name);
                FixedPoint base = assertInstanceOf(FixedPoint.class, type.getParent(), name);
                assertEquals(1, base.getSize(), name);
            }
            assertTrue(hdf.getAttribute("format").isScalar());
            assertEquals("nndl4j-network", hdf.getAttribute("format").getData());
            assertArrayEquals(new int[] {3}, hdf.getAttribute("activations").getDimensions());
            assertArrayEquals(new String[] {"relu", "", cat}, (String[]) hdf.getAttribute("activations").getData());
            assertEquals(longText, hdf.getAttribute("long").getData());
            assertEquals(new DatasetInfo("activations", new int[] {3}, ElementType.STRING, 16),
                    Hdf5Metadata.describe(file.toString(), "attribute", "activations", hdf.getAttribute("activations")));
            // the placeholder that reserved their room is gone, and so is jhdf's stamp
            assertEquals(Set.of("format", "activations", "long", "format_version"), hdf.getAttributes().keySet());
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) { // also checks the superblock's end of file against the size
            assertEquals("nndl4j-network", h5.attribute("format"));
            assertEquals(List.of("relu", "", cat), h5.stringsAttribute("activations"));
            assertArrayEquals(new double[][] {{1, 2}}, h5.readMatrix("W1"));
        }
    }

    @Test
    void stringAttributes_tooLargeForTheHeader_areRefusedWhenPut_namingTheFile() {
        Path file = dir.resolve("big.h5");
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putAttribute("few", new String[] {"a", "b"});
            // 16 bytes of heap id per string: 4000 strings are 64 000 bytes of header
            String[] many = new String[4000];
            java.util.Arrays.fill(many, "x");
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> out.putAttribute("many", many));
            assertEquals(file.toString(), e.source());
            assertTrue(e.problem().startsWith("cannot write attribute 'many': the string attributes would take ")
                    && e.problem().endsWith("more than the 60000 this writer keeps room for"), e.problem());
            out.putAttribute("many", new String[] {"fits"}); // the refused one took no name and no room
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertEquals(List.of("fits"), h5.stringsAttribute("many"));
            assertEquals(List.of("a", "b"), h5.stringsAttribute("few"));
        }
    }

    @Test
    void create_inMissingDirectory_failsNamingTheFile() {
        Path file = dir.resolve("no/such/dir/model.h5");
        Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> Hdf5Writer.create(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ": cannot create the file for writing: "), e.getMessage());
    }

    @Test
    void badInput_raggedRowsRepeatedNamesEmptyValues_failNamingTheFileAndTheProblem() {
        Path file = dir.resolve("bad.h5");
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            Hdf5Exception e = assertThrows(Hdf5Exception.class, () -> out.putDataset("W", new double[][] {{1, 2}, {3}}));
            assertEquals(file + ": cannot write dataset 'W': row 1 has 1 values, expected 2 like row 0", e.getMessage());
            e = assertThrows(Hdf5Exception.class, () -> out.putDataset("W", new double[0][]));
            assertEquals("cannot write dataset 'W': expected at least one row and one column, got no rows", e.problem());
            out.putDataset("W", new double[][] {{1}});
            e = assertThrows(Hdf5Exception.class, () -> out.putDataset("W", new double[][] {{2}}));
            assertEquals("cannot write dataset 'W': the file already has one of that name", e.problem());
            e = assertThrows(Hdf5Exception.class, () -> out.putAttribute("dims", new int[0]));
            assertEquals("cannot write attribute 'dims': expected at least one value, got none", e.problem());
            e = assertThrows(Hdf5Exception.class, () -> out.putAttribute("a/b", "x"));
            assertTrue(e.problem().contains("has no '/'"), e.problem());
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertArrayEquals(new double[][] {{1}}, h5.readMatrix("W"));
        }
    }

    @Test
    void closed_writerRefusesFurtherPuts() {
        Hdf5Writer out = Hdf5Writer.create(dir.resolve("closed.h5"));
        out.close();
        out.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.putAttribute("a", 1));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
