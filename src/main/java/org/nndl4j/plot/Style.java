package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Fonts, colours and sizes of a figure, scaled to its pixel size: a 640 x 480 figure has scale 1 (tick labels
 * of 11 px), an 800 x 600 figure scale 1.25; smaller figures keep scale 0.9 so their text stays readable.
 * Package-private; every renderer makes its own.
 */
final class Style {

    /** matplotlib's default colour cycle ({@code tab10}). */
    static final Color[] SERIES_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    /** matplotlib's {@code Spectral} colormap at 0 (class 0) and at 1 (class 1). */
    static final Color SPECTRAL_0 = new Color(0x9e0142);
    static final Color SPECTRAL_1 = new Color(0x5e4fa2);

    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xe6e6e6);
    static final Color LEGEND_EDGE = new Color(0xcccccc);

    final double scale;
    /** Like {@link #scale} but going down to 0.65, for marker sizes: small figures get smaller dots. */
    final double markerScale;
    final Font tickFont;
    final Font labelFont;
    final Font titleFont;
    final int pad;
    final int tickLength;
    final int tickGap;

    private Style(double scale, double markerScale) {
        this.scale = scale;
        this.markerScale = markerScale;
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        this.tickFont = base.deriveFont((float) (11 * scale));
        this.labelFont = base.deriveFont((float) (12.5 * scale));
        this.titleFont = base.deriveFont((float) (14.5 * scale));
        this.pad = (int) Math.round(12 * scale);
        this.tickLength = (int) Math.max(3, Math.round(5 * scale));
        this.tickGap = (int) Math.max(2, Math.round(4 * scale));
    }

    /** The style of a figure of {@code width x height} pixels. */
    static Style forSize(int width, int height) {
        double s = Math.min(width / 640.0, height / 480.0);
        // never below 0.9: small figures keep readable text (10 px tick labels)
        return new Style(Math.max(0.9, Math.min(3.0, s)), Math.max(0.65, Math.min(3.0, s)));
    }

    /** A thin line for frames and ticks. */
    BasicStroke thin() {
        return new BasicStroke((float) Math.max(1.0, 1.0 * scale));
    }

    /** The stroke of a data series (matplotlib's 1.5 pt at 100 dpi). */
    BasicStroke seriesStroke() {
        return new BasicStroke((float) (2.0 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A graphics context on {@code image} with antialiasing for shapes and text, filled with the background. */
    static Graphics2D begin(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** {@code a} mixed with {@code b}: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
    static int mix(Color a, Color b, double t) {
        int r = (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t);
        int gr = (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t);
        int bl = (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t);
        return (r << 16) | (gr << 8) | bl;
    }

    /** Checks the size of a rendered figure. */
    static void requireFigureSize(String operation, int width, int height, int minWidth, int minHeight) {
        if (width < minWidth || height < minHeight || width > MAX_SIDE || height > MAX_SIDE) {
            throw new Nndl4jException(operation + ": image size must be between " + minWidth + " x "
                    + minHeight + " and " + MAX_SIDE + " x " + MAX_SIDE + " pixels, got " + width + " x " + height);
        }
    }

    /** Largest width or height of a figure this package draws. */
    static final int MAX_SIDE = 16384;
}
