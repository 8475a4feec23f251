package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.matrix.Shape;
import org.nndl4j.testing.Golden;

/**
 * Pictures read, converted to RGB and resized as PIL does it ({@code image_input.golden}, made by
 * {@code make_image_fixtures.py} from the pictures in {@code src/test/resources/data/images/}).
 */
class ImageInputTest {

    private static final Golden PIL = Golden.load("image_input.golden");
    private static final Path IMAGES = Path.of("src/test/resources/data/images");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rgb_37x23.png", "rgb_10x12.png", "grey_20x30.png", "rgba_25x25.png", "palette_30x18.png"})
    void readRgb_png_matchesPilConvertRgbExactly(String name) {
        NDArray rgb = ImageInput.readRgb(IMAGES.resolve(name));
        assertArrayEquals(PIL.ints(name + ".rgb.shape"), rgb.shape());
        assertArrayEquals(PIL.doubles(name + ".rgb"), rgb.toFlatArray(), name);
    }

    @ParameterizedTest
    @CsvSource({"rgb_37x23.png, 16", "rgb_37x23.png, 32", "rgb_37x23.png, 64", "rgb_10x12.png, 16", "rgb_10x12.png, 64",
            "grey_20x30.png, 16", "rgba_25x25.png, 16", "palette_30x18.png, 16"})
    void readAsColumn_png_matchesPilBilinearResizeOver255(String name, int numPx) {
        Matrix column = ImageInput.readAsColumn(IMAGES.resolve(name), numPx);
        assertEquals(new Shape(numPx * numPx * 3, 1), column.shape());
        double[] expected = PIL.doubles(name + ".n" + numPx);
        double[] actual = column.toRowMajor();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] / 255.0, actual[i], "value " + i + " of " + name + " at " + numPx + "x" + numPx);
        }
    }

    @Test
    void resizeBilinear_sameSize_returnsTheSamePixels() {
        NDArray rgb = ImageInput.readRgb(IMAGES.resolve("rgb_37x23.png"));
        assertEquals(rgb, ImageInput.resizeBilinear(rgb, 23, 37));
    }

    @Test
    void readAsColumn_isCOrderRowColumnChannel() {
        NDArray resized = ImageInput.resizeBilinear(ImageInput.readRgb(IMAGES.resolve("rgb_37x23.png")), 16, 16);
        Matrix column = ImageInput.readAsColumn(IMAGES.resolve("rgb_37x23.png"), 16);
        assertEquals(resized.get(3, 5, 2) / 255.0, column.get((3 * 16 + 5) * 3 + 2, 0));
        assertEquals(resized.get(15, 0, 1) / 255.0, column.get((15 * 16) * 3 + 1, 0));
    }

    @Test
    void readRgb_jpeg_withinAFewLevelsOfPil() {
        // JPEG decoders (Java's and libjpeg-turbo in PIL) may round the inverse DCT and upsampling differently
        String name = "photo_64x48.jpg";
        NDArray rgb = ImageInput.readRgb(IMAGES.resolve(name));
        assertArrayEquals(PIL.ints(name + ".rgb.shape"), rgb.shape());
        assertClose(PIL.doubles(name + ".rgb"), rgb.toFlatArray(), 4, name);
        Matrix column = ImageInput.readAsColumn(IMAGES.resolve(name), 16);
        assertClose(PIL.doubles(name + ".n16"), column.times(255.0).toRowMajor(), 4, name + " at 16x16");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void readAsColumn_missingFile_namesIt() {
        Path missing = dir.resolve("my_image.jpg");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(missing, 64));
        assertProblem(e, missing, "file not found");
    }

    @Test
    void readAsColumn_directory_namesIt() {
        assertProblem(assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(dir, 64)), dir, "is a directory");
    }

    @Test
    void readAsColumn_textFile_saysNotAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("cat.jpg"), "meow meow");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(text, 64));
        assertProblem(e, text, "not an image nndl4j can read (JPEG, PNG, GIF or BMP); the file starts with 6D 65 6F 77");
    }

    @Test
    void readAsColumn_emptyFile_saysNotAnImage() throws IOException {
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertProblem(assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(empty, 64)), empty, "not an image");
    }

    @Test
    void readAsColumn_truncatedPng_saysCannotDecode() throws IOException {
        byte[] png = Files.readAllBytes(IMAGES.resolve("rgb_37x23.png"));
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertProblem(assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(cut, 64)), cut,
                "cannot decode the PNG image");
    }

    @Test
    void readAsColumn_truncatedJpeg_throwsDatasetExceptionOrDecodesWhatIsThere() throws IOException {
        // Java's JPEG decoder fills a truncated scan with grey instead of failing; either way no raw exception
        byte[] jpeg = Files.readAllBytes(IMAGES.resolve("photo_64x48.jpg"));
        for (int length : new int[] {10, 200, jpeg.length / 2}) {
            Path cut = Files.write(dir.resolve("cut" + length + ".jpg"), Arrays.copyOf(jpeg, length));
            try {
                assertEquals(new Shape(16 * 16 * 3, 1), ImageInput.readAsColumn(cut, 16).shape());
            } catch (DatasetException e) {
                assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
            }
        }
    }

    @Test
    void readAsColumn_headerClaimingHugeImage_refusedBeforeDecoding() throws IOException {
        byte[] png = Files.readAllBytes(IMAGES.resolve("rgb_37x23.png"));
        // IHDR: length (4) "IHDR" (4) width (4) height (4) ... CRC over type + data at 29
        setInt(png, 16, 100_000);
        setInt(png, 20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        setInt(png, 29, (int) crc.getValue());
        Path huge = Files.write(dir.resolve("huge.png"), png);
        assertProblem(assertThrows(DatasetException.class, () -> ImageInput.readAsColumn(huge, 64)), huge,
                "image is 100000x100000 pixels, more than the 100000000 nndl4j decodes; refusing to decode it");
    }

    @Test
    void readAsColumn_badNumPx_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageInput.readAsColumn(IMAGES.resolve("rgb_37x23.png"), 0));
        assertTrue(e.getMessage().contains("numPx must be between 1 and 4096, got 0"), e.getMessage());
    }

    @Test
    void resizeBilinear_notAnRgbImage_namesTheShape() {
        NDArray grey = NDArray.of(new double[6], 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageInput.resizeBilinear(grey, 4, 4));
        assertTrue(e.getMessage().contains("expected an image of shape (height, width, 3), got (2, 3)"), e.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, double levels, String what) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= levels, what + ": differs from PIL by up to " + worst + " levels");
    }

    private static void assertProblem(DatasetException e, Path file, String expected) {
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static void setInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * (3 - i)));
        }
    }
}
