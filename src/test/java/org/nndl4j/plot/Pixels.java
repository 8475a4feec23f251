package org.nndl4j.plot;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Pixel helpers for the plot tests. */
final class Pixels {

    private Pixels() {
    }

    static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    /** Whether every channel of {@code c} is within {@code tolerance} of {@code expected}. */
    static boolean near(Color c, Color expected, int tolerance) {
        return Math.abs(c.getRed() - expected.getRed()) <= tolerance
                && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance;
    }

    static boolean reddish(Color c) {
        return c.getRed() > c.getBlue() + 10;
    }

    static boolean bluish(Color c) {
        return c.getBlue() > c.getRed() + 10;
    }

    /** Number of pixels inside {@code box} (clipped to the image) within {@code tolerance} of {@code color}. */
    static int count(BufferedImage image, Rectangle box, Color color, int tolerance) {
        Rectangle r = box.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (near(new Color(image.getRGB(x, y)), color, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The bounding box of the pixels within {@code tolerance} of {@code color}, or null if there are none. */
    static Rectangle boundsOf(BufferedImage image, Color color, int tolerance) {
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(new Color(image.getRGB(x, y)), color, tolerance)) {
                    Rectangle p = new Rectangle(x, y, 1, 1);
                    bounds = bounds == null ? p : bounds.union(p);
                }
            }
        }
        return bounds;
    }
}
