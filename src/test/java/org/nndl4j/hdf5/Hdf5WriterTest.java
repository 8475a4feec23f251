package org.nndl4j.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.HdfFile;

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
