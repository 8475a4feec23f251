package org.nndl4j.plot;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The PNG encoding of the pictures the plots draw ({@link BufferedImage#TYPE_INT_RGB}): 8-bit RGB, every row
 * filtered by "Sub" (each byte minus the same channel of the pixel to its left), one zlib stream. ImageIO's writer
 * gives the same pixels, but its classes and its compiled encoding loop cost a program that writes three pictures
 * about a third of a second on one core; this is a few dozen lines over {@link Deflater} and {@link CRC32}.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG's colour type 2: truecolour, three samples per pixel. */
    private static final int TRUECOLOUR = 2;
    /** PNG's filter type 1: each byte minus the byte {@code bpp} to its left. */
    private static final int SUB = 1;

    private PngEncoder() {
    }

    /** Whether {@link #write} encodes {@code image}: a {@link BufferedImage} of packed RGB ints. */
    static boolean accepts(RenderedImage image) {
        return image instanceof BufferedImage b && b.getType() == BufferedImage.TYPE_INT_RGB;
    }

    /**
     * Writes {@code image} as a PNG.
     *
     * @param image a {@link BufferedImage#TYPE_INT_RGB} picture
     * @param out   where the file's bytes go; not closed
     * @throws IOException if writing fails
     */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per sample
        h.writeByte(TRUECOLOUR);
        h.writeByte(0); // compression: deflate
        h.writeByte(0); // filtering: adaptive (one filter type per row)
        h.writeByte(0); // no interlace
        chunk(data, "IHDR", header.toByteArray(), header.size());

        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(pixels, deflater, 1 << 16)) {
            int[] rgb = new int[width];
            byte[] line = new byte[1 + 3 * width];
            line[0] = SUB;
            for (int y = 0; y < height; y++) {
                // the row's packed 0xRRGGBB values, whatever the raster's layout
                image.getRaster().getDataElements(0, y, width, 1, rgb);
                filterSub(rgb, width, line);
                z.write(line);
            }
        } finally {
            deflater.end();
        }
        chunk(data, "IDAT", pixels.toByteArray(), pixels.size());
        chunk(data, "IEND", new byte[0], 0);
        data.flush();
    }

    /**
     * Row {@code rgb} filtered by "Sub" into {@code line} after its filter byte. A method of its own, so the JIT
     * compiles this loop alone, quickly, instead of the whole of {@link #write} with the raster and the deflater.
     */
    private static void filterSub(int[] rgb, int width, byte[] line) {
        int left = 0;
        for (int x = 0, at = 1; x < width; x++, at += 3) {
            int p = rgb[x];
            line[at] = (byte) ((p >>> 16) - (left >>> 16));
            line[at + 1] = (byte) ((p >>> 8) - (left >>> 8));
            line[at + 2] = (byte) (p - left);
            left = p;
        }
    }

    /** One chunk: length, type, data and the CRC-32 of type and data. */
    private static void chunk(DataOutputStream out, String type, byte[] bytes, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(bytes, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(bytes, 0, length);
        out.writeInt((int) crc.getValue());
    }
}
