package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTest {

    @TempDir
    Path dir;

    private static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private List<String> names(Path directory) throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_image_isReadBackWithSameSizeAndPixels() throws IOException {
        BufferedImage image = filled(7, 5, 0x123456);
        image.setRGB(6, 4, 0xabcdef);
        Path file = dir.resolve("a.png");

        Path returned = Png.write(image, file);

        assertSame(file, returned);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(7, back.getWidth());
        assertEquals(5, back.getHeight());
        assertEquals(0x123456, back.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xabcdef, back.getRGB(6, 4) & 0xFFFFFF);
        assertEquals(List.of("a.png"), names(dir));
    }

    @Test
    void write_existingFile_isReplaced() throws IOException {
        Path file = dir.resolve("a.png");
        Png.write(filled(10, 10, 0xff0000), file);

        Png.write(filled(3, 4, 0x00ff00), file);

        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(3, back.getWidth());
        assertEquals(4, back.getHeight());
        assertEquals(0x00ff00, back.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(List.of("a.png"), names(dir));
    }

    @Test
    void write_missingParentDirectories_areCreated() throws IOException {
        Path file = dir.resolve("x/y/z.png");

        Png.write(filled(2, 2, 0), file);

        assertTrue(Files.isRegularFile(file));
        assertEquals(List.of("z.png"), names(file.getParent()));
    }

    @Test
    void write_targetIsDirectory_throwsIOExceptionNamingItAndLeavesNoTempFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken.png"));
        Files.writeString(target.resolve("inside.txt"), "keep");

        IOException e = assertThrows(IOException.class, () -> Png.write(filled(2, 2, 0), target));

        assertTrue(e.getMessage().contains("taken.png"), e.getMessage());
        assertEquals(List.of("taken.png"), names(dir));
        assertEquals(List.of("inside.txt"), names(target));
    }

    @Test
    void write_imageNoPngWriterAccepts_throwsIOExceptionLeavesOldFileAndNoTempFile() throws IOException {
        Path file = dir.resolve("a.png");
        Png.write(filled(4, 4, 0x0000ff), file);
        byte[] before = Files.readAllBytes(file);
        // 32-bit float samples: PNG has no such pixel format, so ImageIO finds no writer
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        BufferedImage floats = new BufferedImage(model, model.createCompatibleWritableRaster(3, 3), false, null);

        IOException e = assertThrows(IOException.class, () -> Png.write(floats, file));

        assertTrue(e.getMessage().contains("a.png"), e.getMessage());
        assertEquals(List.of("a.png"), names(dir));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void write_parentIsARegularFile_throwsIOException() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");

        assertThrows(IOException.class, () -> Png.write(filled(2, 2, 0), blocker.resolve("a.png")));

        assertEquals(List.of("blocker"), names(dir));
    }

    @Test
    void write_nullArguments_throwIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> Png.write(null, dir.resolve("a.png")));
        assertThrows(IllegalArgumentException.class, () -> Png.write(filled(1, 1, 0), null));
    }

    @Test
    void write_packedRgb_isEncodedHere_everyPixelReadsBack_andTheChunksCarryTheirCrcs() throws IOException {
        java.util.Random random = new java.util.Random(3);
        for (int[] size : new int[][] {{1, 1}, {2, 3}, {7, 5}, {300, 17}, {640, 480}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    // flat runs and noise, as a chart has
                    image.setRGB(x, y, x % 11 < 5 ? 0xffffff : random.nextInt(1 << 24));
                }
            }
            Path file = Png.write(image, dir.resolve("p" + size[0] + "x" + size[1] + ".png"));
            BufferedImage back = ImageIO.read(file.toFile());
            assertEquals(size[0], back.getWidth());
            assertEquals(size[1], back.getHeight());
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertEquals(image.getRGB(x, y), back.getRGB(x, y), "pixel " + x + ", " + y);
                }
            }
            assertEquals(List.of("IHDR", "IDAT", "IEND"), checkedChunks(Files.readAllBytes(file)));
        }
    }

    /** The chunk types of a PNG file, after checking its signature and each chunk's CRC-32. */
    private static List<String> checkedChunks(byte[] png) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        assertEquals(0x89504e470d0a1a0aL, b.getLong());
        List<String> types = new java.util.ArrayList<>();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(typeAndData);
            assertEquals((int) crc.getValue(), b.getInt());
            types.add(new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return types;
    }

    @Test
    void write_givesTheFileThePermissionsOfAnyNewFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path picture = Png.write(filled(3, 2, 0x102030), dir.resolve("picture.png"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(picture));
    }
}
