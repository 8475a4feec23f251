package org.nndl4j.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.hdf5.VariableLengthStrings.StringAttribute;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * The patch of a jhdf-written file: the placeholder becomes the string attributes with every address kept, and a
 * file not laid out as expected is refused before a byte of it changes.
 */
class RootHeaderPatchTest {

    private static final String PLACEHOLDER = "nndl4j/strings";
    private static final List<StringAttribute> ATTRIBUTES = List.of(
            new StringAttribute("format", List.of("nndl4j-network"), true),
            new StringAttribute("activations", List.of("relu", "sigmoid"), false));

    @TempDir
    Path dir;

    /** A file as jhdf writes it for {@link Hdf5Writer}: a dataset, an int attribute and a placeholder of n bytes. */
    private Path jhdfFile(String placeholder, int placeholderChars) {
        Path file = dir.resolve("f" + System.nanoTime() + ".h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.removeAttribute(Hdf5Writer.JHDF_STAMP);
            out.putDataset("W1", new double[][] {{1, 2}, {3, 4}});
            out.putAttribute("format_version", 2);
            if (placeholder != null) {
                out.putAttribute(placeholder, "x".repeat(placeholderChars));
            }
        }
        return file;
    }

    @Test
    void replace_putsTheAttributesInThePlaceholdersPlace_andMovesNothingElse() throws IOException {
        Path file = jhdfFile(PLACEHOLDER, 200);
        long before = Files.size(file);
        RootHeaderPatch.replace(file, PLACEHOLDER, ATTRIBUTES);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // the heap is appended at the next multiple of 8, and the superblock's end of file moves to its end
        long heapAt = (before + 7) / 8 * 8;
        assertEquals(heapAt + 4096, bytes.length);
        assertEquals(bytes.length, b.getLong(28));
        assertEquals("GCOL", new String(bytes, (int) heapAt, 4, java.nio.charset.StandardCharsets.US_ASCII));
        // jhdf verifies the object header's checksum as it reads it
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(Set.of("format_version", "format", "activations"), hdf.getAttributes().keySet());
            assertEquals("nndl4j-network", hdf.getAttribute("format").getData());
            assertArrayEquals(new String[] {"relu", "sigmoid"}, (String[]) hdf.getAttribute("activations").getData());
            assertEquals(2, hdf.getAttribute("format_version").getData());
            assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, (double[][]) hdf.getDatasetByPath("W1").getData());
        }
    }

    @Test
    void replace_withoutThePlaceholder_isRefusedAndChangesNothing() throws IOException {
        Path file = jhdfFile(null, 0);
        IOException e = assertUnchangedAfterFailure(file, ATTRIBUTES);
        assertEquals("no attribute 'nndl4j/strings' in the root group's object header", e.getMessage());
    }

    @Test
    void replace_placeholderTooSmall_isRefusedAndChangesNothing() throws IOException {
        Path file = jhdfFile(PLACEHOLDER, 1);
        IOException e = assertUnchangedAfterFailure(file, ATTRIBUTES);
        assertTrue(e.getMessage().startsWith("the placeholder attribute has ")
                && e.getMessage().endsWith(" and a NIL message"), e.getMessage());
    }

    @Test
    void replace_inAFileThatIsNotHdf5OrWhoseChecksumsDoNotMatch_isRefusedAndChangesNothing() throws IOException {
        Path text = dir.resolve("text.h5");
        Files.writeString(text, "not an HDF5 file, but long enough to hold a superblock: ............");
        assertEquals("no HDF5 signature at the start of the file", assertUnchangedAfterFailure(text, ATTRIBUTES).getMessage());

        Path superblock = jhdfFile(PLACEHOLDER, 200);
        flipBit(superblock, 20); // the superblock extension address, covered by its checksum
        assertEquals("superblock checksum mismatch", assertUnchangedAfterFailure(superblock, ATTRIBUTES).getMessage());

        Path header = jhdfFile(PLACEHOLDER, 200);
        long root = ByteBuffer.wrap(Files.readAllBytes(header)).order(ByteOrder.LITTLE_ENDIAN).getLong(36);
        flipBit(header, root + 20); // inside the root group's messages
        assertEquals("the root group's object header checksum does not match",
                assertUnchangedAfterFailure(header, ATTRIBUTES).getMessage());
    }

    @Test
    void replace_inATruncatedFile_isRefused() throws IOException {
        Path file = jhdfFile(PLACEHOLDER, 200);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, 30));
        assertEquals("the file ends inside the superblock", assertUnchangedAfterFailure(file, ATTRIBUTES).getMessage());
    }

    private static IOException assertUnchangedAfterFailure(Path file, List<StringAttribute> attributes) throws IOException {
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> RootHeaderPatch.replace(file, PLACEHOLDER, attributes));
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file was changed");
        return e;
    }

    private static void flipBit(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 1;
        Files.write(file, bytes);
    }
}
