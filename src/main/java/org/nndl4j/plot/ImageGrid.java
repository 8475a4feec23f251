package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.NDArray;

/**
 * Pictures of the dataset, like the course's {@code plt.imshow}: one {@code (h, w, 3)} image, an image with a
 * caption under it, and a sheet of images with a title, e.g. the mislabelled test pictures:
 * <pre>{@code
 * List<BufferedImage> cells = new ArrayList<>();
 * for (int i : mislabelled) {
 *     cells.add(ImageGrid.captioned(ImageGrid.rgb(testImages.slice(i), 3),
 *             "Prediction: " + predicted + "\nClass: " + actual));
 * }
 * Png.write(ImageGrid.of(cells, 5, "Mislabelled test images"), out.resolve("mislabelled.png"));
 * }</pre>
 * All methods return new images and modify none of their arguments.
 */
public final class ImageGrid {

    /** Largest number of pixels of an image made here (e.g. by a big scale factor). */
    static final long MAX_PIXELS = 1L << 26;

    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    private static final int CAPTION_PAD = 6;
    private static final int GAP = 14;

    private ImageGrid() {
    }

    /**
     * An {@code (h, w, 3)} RGB image with values 0..255 (e.g. {@code images.slice(i)} of an
     * {@code (m, h, w, 3)} batch), each pixel scaled up to a {@code scale x scale} block (nearest neighbour).
     * Values are rounded and clamped to 0..255; NaN becomes 0.
     *
     * @param image the pixels, shape {@code (h, w, 3)}, channels R, G, B; not modified
     * @param scale the side of the square block each pixel becomes, {@code >= 1}
     * @return a new {@code (w * scale) x (h * scale)} RGB image
     * @throws IllegalArgumentException if the array is not of shape {@code (h, w, 3)} with {@code h, w >= 1}
     *                                  (the message names the shape), or {@code scale < 1}, or the result would be
     *                                  too large
     */
    public static BufferedImage rgb(NDArray image, int scale) {
        if (image == null) {
            throw new Nndl4jException("ImageGrid.rgb: image is null");
        }
        int[] shape = image.shape();
        if (shape.length != 3 || shape[2] != 3 || shape[0] < 1 || shape[1] < 1) {
            throw new Nndl4jException("ImageGrid.rgb: expected an RGB image of shape (h, w, 3), got shape "
                    + NDArray.shapeString(shape));
        }
        int h = shape[0];
        int w = shape[1];
        if (scale < 1 || (long) w * scale * h * scale > MAX_PIXELS) {
            throw new Nndl4jException("ImageGrid.rgb: scale must be >= 1 and give at most " + MAX_PIXELS
                    + " pixels, got scale " + scale + " for an image of shape " + NDArray.shapeString(shape));
        }
        double[] v = image.toFlatArray();
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        int[] block = new int[scale * scale];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int at = (r * w + c) * 3;
                int rgb = (channel(v[at]) << 16) | (channel(v[at + 1]) << 8) | channel(v[at + 2]);
                Arrays.fill(block, rgb);
                out.setRGB(c * scale, r * scale, scale, scale, block, 0, scale);
            }
        }
        return out;
    }

    private static int channel(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return (int) Math.round(Math.max(0, Math.min(255, value)));
    }

    /**
     * {@code image} on a white card with {@code caption} centred under it; a {@code '\n'} in the caption starts
     * a new line. The card is wider than the image when the caption needs it.
     *
     * @param image   the picture; not modified
     * @param caption one or a few short lines; empty for none
     * @return a new RGB image, the picture on top, the caption below
     * @throws IllegalArgumentException if an argument is null
     */
    public static BufferedImage captioned(BufferedImage image, String caption) {
        if (image == null || caption == null) {
            throw new Nndl4jException("ImageGrid.captioned: image and caption must not be null");
        }
        String[] lines = caption.isEmpty() ? new String[0] : caption.split("\n", -1);
        Graphics2D probe = Style.begin(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FontMetrics fm = probe.getFontMetrics(CAPTION_FONT);
        probe.dispose();
        int textWidth = Axes.maxWidth(fm, lines);
        int width = Math.max(image.getWidth(), textWidth + 2 * CAPTION_PAD);
        int height = image.getHeight() + (lines.length == 0 ? 0 : CAPTION_PAD + lines.length * fm.getHeight()
                + CAPTION_PAD);
        Checks.atMost("ImageGrid.captioned", "the number of pixels of the result", (long) width * height, MAX_PIXELS);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Style.begin(out);
        try {
            g.drawImage(image, (width - image.getWidth()) / 2, 0, null);
            g.setFont(CAPTION_FONT);
            g.setColor(Style.INK);
            double baseline = image.getHeight() + CAPTION_PAD + fm.getAscent();
            for (String line : lines) {
                Axes.drawText(g, line, (width - fm.stringWidth(line)) / 2.0, baseline);
                baseline += fm.getHeight();
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The images in rows of {@code columns} (fewer if there are fewer images), each centred in a cell as large
     * as the largest image, with {@code title} centred on top.
     *
     * @param images  the pictures, in reading order; not modified
     * @param columns how many pictures per row, {@code >= 1}
     * @param title   drawn above the grid; may be null or empty for none
     * @return a new RGB image
     * @throws IllegalArgumentException if the list is null or empty, holds null, or {@code columns < 1}
     */
    public static BufferedImage of(List<? extends BufferedImage> images, int columns, String title) {
        if (images == null || images.isEmpty()) {
            throw new Nndl4jException("ImageGrid.of: expected at least one image, got "
                    + (images == null ? "null" : "an empty list"));
        }
        if (columns < 1) {
            throw new Nndl4jException("ImageGrid.of: columns must be >= 1, got " + columns);
        }
        int cellWidth = 0;
        int cellHeight = 0;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image == null) {
                throw new Nndl4jException("ImageGrid.of: image " + i + " of " + images.size() + " is null");
            }
            cellWidth = Math.max(cellWidth, image.getWidth());
            cellHeight = Math.max(cellHeight, image.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        Graphics2D probe = Style.begin(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        FontMetrics fm = probe.getFontMetrics(TITLE_FONT);
        probe.dispose();
        boolean hasTitle = !Axes.isBlank(title);
        int gridWidth = cols * cellWidth + (cols - 1) * GAP;
        int width = GAP + Math.max(gridWidth, hasTitle ? fm.stringWidth(title) : 0) + GAP;
        int top = GAP + (hasTitle ? fm.getHeight() + GAP / 2 : 0);
        long height = top + (long) rows * cellHeight + (long) (rows - 1) * GAP + GAP;
        Checks.atMost("ImageGrid.of", "the number of pixels of the result", width * height, MAX_PIXELS);
        BufferedImage out = new BufferedImage(width, (int) height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Style.begin(out);
        try {
            if (hasTitle) {
                g.setFont(TITLE_FONT);
                g.setColor(Style.INK);
                Axes.drawText(g, title, (width - fm.stringWidth(title)) / 2.0, GAP + fm.getAscent());
            }
            int left = (width - gridWidth) / 2;
            for (int i = 0; i < images.size(); i++) {
                BufferedImage image = images.get(i);
                int x = left + (i % cols) * (cellWidth + GAP) + (cellWidth - image.getWidth()) / 2;
                int y = top + (i / cols) * (cellHeight + GAP) + (cellHeight - image.getHeight()) / 2;
                g.drawImage(image, x, y, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
