package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.NDArray;

class ImageGridTest {

    /** A 2 x 3 picture: row 0 red, green, blue; row 1 black, white, grey (128, 64, 32). */
    private static NDArray sixPixels() {
        return NDArray.of(new double[] {
            255, 0, 0, 0, 255, 0, 0, 0, 255,
            0, 0, 0, 255, 255, 255, 128, 64, 32,
        }, 2, 3, 3);
    }

    private static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        return image;
    }

    @Test
    void rgb_scaleFour_makesEachPixelAFourByFourBlock() {
        BufferedImage image = ImageGrid.rgb(sixPixels(), 4);

        assertEquals(12, image.getWidth());
        assertEquals(8, image.getHeight());
        int[][] expected = {{0xff0000, 0x00ff00, 0x0000ff}, {0x000000, 0xffffff, 0x804020}};
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                assertEquals(expected[y / 4][x / 4], image.getRGB(x, y) & 0xFFFFFF, "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void rgb_valuesOutsideTheRange_areClampedAndRounded() {
        NDArray odd = NDArray.of(new double[] {-20, 300, 127.6, Double.NaN, 1e9, 0.4}, 1, 2, 3);

        BufferedImage image = ImageGrid.rgb(odd, 1);

        assertEquals(0x00ff80, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x00ff00, image.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void rgb_sliceOfABatch_showsThatImage() {
        double[] batch = new double[2 * 2 * 2 * 3];
        Arrays.fill(batch, 12, 24, 200); // image 1 is all (200, 200, 200)
        BufferedImage image = ImageGrid.rgb(NDArray.of(batch, 2, 2, 2, 3).slice(1), 1);

        assertEquals(0xc8c8c8, image.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void rgb_wrongShapes_throwNamingTheShape() {
        for (int[] shape : new int[][] {{4, 4}, {4, 4, 4}, {2, 4, 4, 3}, {0, 3, 3}}) {
            NDArray array = NDArray.of(new double[Arrays.stream(shape).reduce(1, (a, b) -> a * b)], shape);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.rgb(array, 1));
            assertTrue(e.getMessage().contains(NDArray.shapeString(shape)), e.getMessage());
        }
    }

    @Test
    void rgb_scaleBelowOneOrHuge_throwsIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.rgb(sixPixels(), 0));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.rgb(sixPixels(), 100_000));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.rgb(null, 1));
    }

    @Test
    void captioned_twoLines_putsTheTextUnderTheUnchangedImage() {
        BufferedImage picture = solid(120, 80, Color.ORANGE);

        BufferedImage card = ImageGrid.captioned(picture, "Prediction: cat\nClass: non-cat");

        assertEquals(120, card.getWidth());
        assertTrue(card.getHeight() > 80 + 2 * 12, "room for two lines: height " + card.getHeight());
        assertEquals(Color.ORANGE.getRGB(), card.getRGB(0, 0));
        assertEquals(Color.ORANGE.getRGB(), card.getRGB(119, 79));
        Rectangle below = new Rectangle(0, 80, 120, card.getHeight() - 80);
        assertTrue(Pixels.count(card, below, Color.BLACK, 90) > 30, "dark text under the image");
        // two lines: dark pixels in both halves of the caption
        Rectangle upper = new Rectangle(0, 80, 120, (card.getHeight() - 80) / 2);
        Rectangle lower = new Rectangle(0, 80 + upper.height, 120, card.getHeight() - 80 - upper.height);
        assertTrue(Pixels.count(card, upper, Color.BLACK, 90) > 10 && Pixels.count(card, lower, Color.BLACK, 90) > 10);
    }

    @Test
    void captioned_captionWiderThanImage_widensTheCardAndCentresTheImage() {
        BufferedImage card = ImageGrid.captioned(solid(20, 20, Color.RED), "a caption much wider than twenty pixels");

        assertTrue(card.getWidth() > 100, "width " + card.getWidth());
        Rectangle red = Pixels.boundsOf(card, Color.RED, 0);
        assertEquals(new Rectangle((card.getWidth() - 20) / 2, 0, 20, 20), red);
    }

    @Test
    void captioned_nullArguments_throwIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.captioned(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.captioned(solid(2, 2, Color.RED), null));
    }

    @Test
    void of_fiveImagesInTwoColumns_laysThemOutRowByRow() {
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.MAGENTA, Color.CYAN};
        List<BufferedImage> images = new ArrayList<>();
        for (Color c : colors) {
            images.add(solid(30, 20, c));
        }

        BufferedImage sheet = ImageGrid.of(images, 2, "Five");

        Rectangle[] at = new Rectangle[colors.length];
        for (int i = 0; i < colors.length; i++) {
            at[i] = Pixels.boundsOf(sheet, colors[i], 0);
            assertNotNull(at[i], "image " + i);
            assertEquals(30, at[i].width);
            assertEquals(20, at[i].height);
        }
        // rows: {0, 1}, {2, 3}, {4}
        assertEquals(at[0].y, at[1].y);
        assertEquals(at[2].y, at[3].y);
        assertTrue(at[0].y < at[2].y && at[2].y < at[4].y);
        assertEquals(at[0].x, at[2].x);
        assertEquals(at[0].x, at[4].x);
        assertTrue(at[0].x + 30 < at[1].x, "gap between columns");
        // the title above the first row
        assertTrue(Pixels.count(sheet, new Rectangle(0, 0, sheet.getWidth(), at[0].y), Color.BLACK, 90) > 20);
    }

    @Test
    void of_imagesOfDifferentSizes_centresEachInItsCell() {
        BufferedImage sheet = ImageGrid.of(List.of(solid(40, 40, Color.RED), solid(10, 10, Color.BLUE)), 2, null);

        Rectangle red = Pixels.boundsOf(sheet, Color.RED, 0);
        Rectangle blue = Pixels.boundsOf(sheet, Color.BLUE, 0);
        assertEquals(red.getCenterY(), blue.getCenterY(), 0.5);
        // no title: the first row starts near the top
        assertTrue(red.y < 20, "top " + red.y);
    }

    @Test
    void of_moreColumnsThanImages_usesOneRowOfTheImages() {
        BufferedImage sheet = ImageGrid.of(List.of(solid(10, 10, Color.RED)), 8, "");

        assertTrue(sheet.getWidth() < 60, "width " + sheet.getWidth());
    }

    @Test
    void of_badArguments_throwIllegalArgumentException() {
        BufferedImage one = solid(2, 2, Color.RED);
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(List.of(), 2, "t"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(null, 2, "t"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(List.of(one), 0, "t"));
        List<BufferedImage> withNull = new ArrayList<>();
        withNull.add(one);
        withNull.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(withNull, 2, "t"));
        assertTrue(e.getMessage().contains("image 1"), e.getMessage());
    }
}
