package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * Your own picture as an input for a trained model, the way the course prepares {@code my_image}: read the
 * file, convert it to RGB, resize it to {@code num_px x num_px} with bilinear interpolation (PIL's
 * {@code Image.resize(..., BILINEAR)}, which {@code scipy.misc.imresize} calls), flatten it in C order (row,
 * column, channel) into one column and divide by 255.
 *
 * <p>Conversion to RGB follows PIL's {@code convert("RGB")}: grey images repeat their grey value in the three
 * channels, an alpha channel is dropped (not blended), palette images use their palette. The resize is
 * Pillow's two-pass (horizontal, then vertical) triangle filter whose support widens when shrinking, with
 * Pillow's 22-bit fixed-point weights and rounding, so 8-bit PNG inputs give exactly Pillow's pixels. JPEG
 * decoders differ slightly between libraries, so a JPEG may differ from Python's by a few levels; 16-bit
 * images go through Java's colour conversion to 8 bits, which need not match PIL's.
 */
public final class ImageInput {

    /** The largest image (width x height) this class decodes; larger headers are refused before decoding. */
    public static final long MAX_PIXELS = 100_000_000L;

    /** The largest {@code numPx} accepted. */
    public static final int MAX_NUM_PX = 4096;

    private static final int PRECISION_BITS = 32 - 8 - 2;

    private ImageInput() {
    }

    /**
     * The picture as one example column: shape {@code (numPx * numPx * 3, 1)}, values in [0, 1].
     * ({@code scipy.misc.imresize(image, size=(num_px, num_px)).reshape((1, num_px * num_px * 3)).T / 255.})
     *
     * @param imageFile a JPEG, PNG, GIF or BMP file
     * @param numPx     the side of the square the model expects (64 for the cat models)
     * @return a new column {@code (numPx * numPx * 3, 1)} in C order (row, column, channel)
     * @throws DatasetException naming the file if it is missing, unreadable, not an image or too large
     */
    public static Matrix readAsColumn(Path imageFile, int numPx) {
        if (numPx <= 0 || numPx > MAX_NUM_PX) {
            throw new Nndl4jException("readAsColumn: numPx must be between 1 and " + MAX_NUM_PX + ", got " + numPx);
        }
        NDArray resized = resizeBilinear(readRgb(imageFile), numPx, numPx);
        return resized.reshape(numPx * numPx * 3, 1).div(255.0);
    }

    /**
     * The picture as RGB values 0..255, shape {@code (height, width, 3)}.
     *
     * @param imageFile a JPEG, PNG, GIF or BMP file
     * @return a new array {@code (height, width, 3)} of values 0..255
     * @throws DatasetException naming the file if it is missing, unreadable, not an image or too large
     */
    public static NDArray readRgb(Path imageFile) {
        Checks.notNull("readRgb", "imageFile", imageFile);
        String source = imageFile.toString();
        if (!Files.exists(imageFile)) {
            throw new DatasetException(source, "file not found (absolute path " + imageFile.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(imageFile)) {
            throw new DatasetException(source, "is a directory, not an image");
        }
        if (!Files.isReadable(imageFile)) {
            throw new DatasetException(source, "file is not readable (check its permissions)");
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(imageFile); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            image = decode(iis, source, imageFile);
        } catch (IOException e) {
            throw new DatasetException(source, "cannot read the file: " + Failures.summarize(e), e);
        }
        return toRgb(image);
    }

    private static BufferedImage decode(ImageInputStream iis, String source, Path file) throws IOException {
        if (iis == null) {
            throw new DatasetException(source, "cannot open the file as an image stream");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
        if (!readers.hasNext()) {
            throw new DatasetException(source, "not an image nndl4j can read (JPEG, PNG, GIF or BMP); the file starts with "
                    + head(file));
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(iis, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new DatasetException(source, "image header says " + width + "x" + height + " pixels; the file is corrupt");
            }
            if (width * height > MAX_PIXELS) {
                throw new DatasetException(source, "image is " + width + "x" + height + " pixels, more than the "
                        + MAX_PIXELS + " nndl4j decodes; refusing to decode it");
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new DatasetException(source, "the " + reader.getFormatName() + " decoder returned no image");
            }
            return image;
        } catch (DatasetException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw new DatasetException(source, "cannot decode the " + formatName(reader) + " image: the file is corrupt "
                    + "or uses a variant Java cannot read (" + Failures.summarize(e) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** PIL's {@code convert("RGB")}: grey replicated, alpha dropped, palette looked up. */
    private static NDArray toRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        double[] rgb = new double[h * w * 3];
        Raster raster = image.getRaster();
        boolean grey8 = image.getColorModel() instanceof ComponentColorModel cm
                && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && cm.getComponentSize(0) == 8;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                if (grey8) {
                    double g = raster.getSample(x, y, 0);
                    rgb[i] = g;
                    rgb[i + 1] = g;
                    rgb[i + 2] = g;
                } else {
                    int argb = image.getRGB(x, y);
                    rgb[i] = (argb >> 16) & 0xFF;
                    rgb[i + 1] = (argb >> 8) & 0xFF;
                    rgb[i + 2] = argb & 0xFF;
                }
            }
        }
        return NDArray.of(rgb, h, w, 3);
    }

    /**
     * Resizes an RGB image {@code (height, width, 3)} of values 0..255 to {@code (outHeight, outWidth, 3)} exactly
     * as Pillow's {@code Image.resize((outWidth, outHeight), Image.BILINEAR)} does on an 8-bit RGB image:
     * a horizontal then a vertical pass of a triangle filter (support 1, widened by the scale when shrinking),
     * 22-bit fixed-point weights, results rounded and clipped to 0..255 after each pass.
     *
     * @param rgb       the image, {@code (height, width, 3)} of values 0..255; not modified
     * @param outHeight the height of the result in pixels
     * @param outWidth  the width of the result in pixels
     * @return a new array {@code (outHeight, outWidth, 3)} of values 0..255
     * @throws IllegalArgumentException if the array is not {@code (h, w, 3)} or a size is not positive
     */
    public static NDArray resizeBilinear(NDArray rgb, int outHeight, int outWidth) {
        Checks.notNull("resizeBilinear", "rgb", rgb);
        int[] shape = rgb.shape();
        if (shape.length != 3 || shape[2] != 3 || shape[0] == 0 || shape[1] == 0) {
            throw new Nndl4jException("resizeBilinear: expected an image of shape (height, width, 3), got "
                    + NDArray.shapeString(shape));
        }
        if (outHeight <= 0 || outWidth <= 0) {
            throw new Nndl4jException("resizeBilinear: output size must be positive, got " + outHeight + "x" + outWidth);
        }
        int inHeight = shape[0];
        int inWidth = shape[1];
        double[] values = rgb.toFlatArray();
        int[] pixels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (int) Math.max(0, Math.min(255, Math.round(values[i])));
        }
        Coefficients horizontal = coefficients(inWidth, outWidth);
        Coefficients vertical = coefficients(inHeight, outHeight);

        // Horizontal pass over the rows the vertical pass will use (Pillow's ybox_first .. ybox_last).
        int firstRow = vertical.min[0];
        int lastRow = vertical.min[outHeight - 1] + vertical.count[outHeight - 1];
        int[] temp = pixels;
        int tempWidth = inWidth;
        int rowOffset = 0;
        if (outWidth != inWidth) {
            int rows = lastRow - firstRow;
            temp = new int[rows * outWidth * 3];
            for (int y = 0; y < rows; y++) {
                for (int xx = 0; xx < outWidth; xx++) {
                    for (int c = 0; c < 3; c++) {
                        int ss = 1 << (PRECISION_BITS - 1);
                        for (int k = 0; k < horizontal.count[xx]; k++) {
                            ss += pixels[((y + firstRow) * inWidth + horizontal.min[xx] + k) * 3 + c]
                                    * horizontal.weights[xx * horizontal.size + k];
                        }
                        temp[(y * outWidth + xx) * 3 + c] = clip8(ss);
                    }
                }
            }
            tempWidth = outWidth;
            rowOffset = firstRow;
        }
        int[] out = temp;
        if (outHeight != inHeight) {
            out = new int[outHeight * tempWidth * 3];
            for (int yy = 0; yy < outHeight; yy++) {
                int ymin = vertical.min[yy] - rowOffset;
                for (int x = 0; x < tempWidth; x++) {
                    for (int c = 0; c < 3; c++) {
                        int ss = 1 << (PRECISION_BITS - 1);
                        for (int k = 0; k < vertical.count[yy]; k++) {
                            ss += temp[((ymin + k) * tempWidth + x) * 3 + c] * vertical.weights[yy * vertical.size + k];
                        }
                        out[(yy * tempWidth + x) * 3 + c] = clip8(ss);
                    }
                }
            }
        }
        double[] result = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            result[i] = out[i];
        }
        return NDArray.of(result, outHeight, outWidth, 3);
    }

    /** Pillow's precompute_coeffs for the bilinear filter, normalised to fixed point (normalize_coeffs_8bpc). */
    private record Coefficients(int size, int[] min, int[] count, int[] weights) {
    }

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = 1.0 * filterScale;
        int size = (int) Math.ceil(support) * 2 + 1;
        int[] min = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * size];
        double[] k = new double[size];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max(0, (int) (center - support + 0.5));
            int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                double w = triangle((x + xmin - center + 0.5) * ss);
                k[x] = w;
                ww += w;
            }
            for (int x = 0; x < size; x++) {
                double w = x < xmax ? (ww != 0.0 ? k[x] / ww : k[x]) : 0.0;
                weights[xx * size + x] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
            }
            min[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coefficients(size, min, count, weights);
    }

    private static double triangle(double x) {
        double a = Math.abs(x);
        return a < 1.0 ? 1.0 - a : 0.0;
    }

    private static int clip8(int value) {
        int v = value >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8);
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                sb.append(String.format(Locale.ROOT, "%02X ", x & 0xFF));
            }
            return b.length == 0 ? "nothing (the file is empty)" : sb.toString().strip();
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
