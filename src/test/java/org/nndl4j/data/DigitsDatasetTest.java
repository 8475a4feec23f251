package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;

class DigitsDatasetTest {

    @Test
    void bundled_isSplit1437And360_withTenOneHotClasses() {
        DigitsDataset d = DigitsDataset.loadBundled();
        assertEquals(64, d.train().features());
        assertEquals(1437, d.train().size());
        assertEquals(360, d.test().size());
        assertEquals(10, d.train().classes());
        assertEquals(10, d.train().Y().rows());
        assertTrue(d.train().X().min() >= 0 && d.train().X().max() <= 1, "pixels are data / 16");
        // every digit appears in both splits
        int[] counts = new int[10];
        Matrix labels = d.test().labels();
        for (int j = 0; j < labels.cols(); j++) {
            counts[(int) labels.get(0, j)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertTrue(counts[c] > 25, "test images of " + c + ": " + counts[c]);
        }
        assertSame(d, DigitsDataset.loadBundled(), "read once");
        assertEquals(8, DigitsDataset.image(d.test(), 0).rows());
    }

    @Test
    void load_notAnHdf5File_namesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("digits.h5"), "not HDF5");
        DatasetException e = assertThrows(DatasetException.class, () -> DigitsDataset.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
