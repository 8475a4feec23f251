package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.Hdf5Exception;
import org.nndl4j.hdf5.Hdf5Writer;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * The data loaders' adapter over {@link org.nndl4j.hdf5.Hdf5Reader}: numbers as Matrix and NDArray, and every
 * {@link Hdf5Exception} as a {@link DatasetException} with the same source, problem and message.
 */
class DataHdf5ReaderTest {

    @TempDir
    Path dir;

    @Test
    void numbers_becomeMatrixAndNDArrayOfTheSameShape() {
        Path file = dir.resolve("x.h5");
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putDataset("X", new double[][] {{1, 2, 3}, {4, 5, 6}});
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(file)) {
            assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), h5.readMatrix("X"));
            NDArray x = h5.readArray("X", 2);
            assertArrayEquals(new int[] {2, 3}, x.shape());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, x.toFlatArray());
        }
    }

    @Test
    void failures_areDatasetExceptionsWithTheSameSourceProblemAndMessage() {
        Path missing = dir.resolve("missing.h5");
        Hdf5Exception raw = assertThrows(Hdf5Exception.class, () -> org.nndl4j.hdf5.Hdf5Reader.open(missing));
        DatasetException e = assertThrows(DatasetException.class, () -> Hdf5Reader.open(missing));
        assertEquals(raw.getMessage(), e.getMessage());
        assertEquals(missing.toString(), e.source());
        assertEquals(raw.problem(), e.problem());
        assertInstanceOf(Hdf5Exception.class, e.getCause());
        try (Hdf5Reader h5 = Hdf5Reader.openResource(PlanarDatasets.FLOWER_RESOURCE)) {
            e = assertThrows(DatasetException.class, () -> h5.readMatrix("nope"));
            assertTrue(e.getMessage().startsWith("classpath:" + PlanarDatasets.FLOWER_RESOURCE + ": no dataset 'nope'"),
                    e.getMessage());
        }
    }

    @Test
    void datasetException_keepsSourceAndProblemApart() {
        DatasetException e = new DatasetException("a.h5", "broken", new IllegalStateException("x"));
        assertEquals("a.h5: broken", e.getMessage());
        assertEquals("a.h5", e.source());
        assertEquals("broken", e.problem());
        assertTrue(e instanceof IllegalArgumentException);
    }
}
