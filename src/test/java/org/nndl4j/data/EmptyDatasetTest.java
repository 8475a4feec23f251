package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset file of 0 images (valid classes) is a DatasetException naming the file, not a raw exception. */
class EmptyDatasetTest {

    /**
     * The bundled training file with its 209 examples made 0: the dimension 209 of {@code train_set_x} (its current
     * and maximum sizes) and of {@code train_set_y} is stored as little-endian 8-byte words in the metadata (checked
     * below), so the file is the same with shapes (0, 64, 64, 3) and (0,).
     */
    private static byte[] emptyTrainingFile() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("datasets/train_catvnoncat.h5"));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int offset : new int[] {832, 864, 1432, 1440}) {
            assertEquals(209L, buffer.getLong(offset), "the dimension at " + offset);
            buffer.putLong(offset, 0L);
            patched++;
        }
        assertEquals(4, patched);
        return bytes;
    }

    @Test
    void load_ofAFileWithNoImages_isADatasetExceptionNamingTheFile(@TempDir Path dir) throws IOException {
        Path train = Files.write(dir.resolve("empty_train.h5"), emptyTrainingFile());
        Path test = Path.of("datasets/test_catvnoncat.h5");
        DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.load(train, test));
        assertEquals(train.toString(), e.source());
        assertTrue(e.getMessage().startsWith(train.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("train_set_x") && e.getMessage().contains("no images (m = 0)"), e.getMessage());
    }

    @Test
    void readSplit_fromBytes_namesTheSource() throws IOException {
        try (Hdf5Reader h5 = Hdf5Reader.fromBytes(emptyTrainingFile(), "empty.h5")) {
            DatasetException e = assertThrows(DatasetException.class, () -> CatDataset.readSplit(h5, "train"));
            assertTrue(e.getMessage().startsWith("empty.h5: dataset 'train_set_x' has shape (0, 64, 64, 3)"), e.getMessage());
        }
    }
}
