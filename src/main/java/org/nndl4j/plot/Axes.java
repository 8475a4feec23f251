package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;

/**
 * A pair of axes: the plot area (in whole pixels) inside a figure, the data ranges it shows, the ticks, and the
 * drawing of frame, ticks, axis labels and title around it. Package-private layout shared by the charts.
 *
 * <p>Layout: the title sits on top, the y label (rotated) on the left, the x label below; the margins are measured
 * from the fonts, so no label is clipped.
 */
final class Axes {

    final Style style;
    final Rectangle area;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;
    final Ticks xTicks;
    final Ticks yTicks;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int figureWidth;

    private Axes(Style style, int figureWidth, Rectangle area, double xMin, double xMax, double yMin, double yMax, Ticks xTicks,
            Ticks yTicks, String title, String xLabel, String yLabel) {
        this.style = style;
        this.figureWidth = figureWidth;
        this.area = area;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.xTicks = xTicks;
        this.yTicks = yTicks;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Lays out axes showing {@code [xMin, xMax] x [yMin, yMax]} in a {@code width x height} figure.
     *
     * @param g used only to measure text
     * @throws IllegalArgumentException if the labels leave no room for a plot area
     */
    static Axes layout(String operation, Graphics2D g, Style style, int width, int height, double xMin, double xMax,
            double yMin, double yMax, String title, String xLabel, String yLabel) {
        FontMetrics tick = g.getFontMetrics(style.tickFont);
        FontMetrics label = g.getFontMetrics(style.labelFont);
        FontMetrics head = g.getFontMetrics(style.titleFont);
        int top = style.pad + (isBlank(title) ? style.pad / 2 : head.getHeight() + style.pad / 2);
        int bottom = style.pad + style.tickLength + style.tickGap + tick.getHeight()
                + (isBlank(xLabel) ? 0 : label.getHeight() + style.tickGap);
        int plotHeight = height - top - bottom;
        requireRoom(operation, width, height, plotHeight);
        Ticks yTicks = Ticks.of(yMin, yMax, Math.max(3, Math.min(10, plotHeight / (int) (3.2 * tick.getHeight()))));

        int left = style.pad + style.tickLength + style.tickGap + maxWidth(tick, yTicks.labels())
                + (isBlank(yLabel) ? 0 : label.getHeight() + style.tickGap);
        // the last x tick label may stick out right of the plot area by half its width
        int right = style.pad + tick.stringWidth(longestLabel(xMin, xMax)) / 2;
        int plotWidth = width - left - right;
        requireRoom(operation, width, height, plotWidth);
        Ticks xTicks = fittingXTicks(tick, xMin, xMax, plotWidth);
        Rectangle area = new Rectangle(left, top, plotWidth, plotHeight);
        return new Axes(style, width, area, xMin, xMax, yMin, yMax, xTicks, yTicks, title, xLabel, yLabel);
    }

    /** The most x ticks (at most 10) whose labels do not run into each other. */
    private static Ticks fittingXTicks(FontMetrics tick, double xMin, double xMax, int plotWidth) {
        for (int n = Math.min(10, Math.max(3, plotWidth / 60)); ; n--) {
            Ticks t = Ticks.of(xMin, xMax, n);
            double spacing = t.step() / (xMax - xMin) * plotWidth;
            if (n <= 3 || maxWidth(tick, t.labels()) + tick.getHeight() < spacing) {
                return t;
            }
        }
    }

    private static String longestLabel(double xMin, double xMax) {
        Ticks t = Ticks.of(xMin, xMax, 5);
        String a = t.labels()[0];
        String b = t.labels()[t.size() - 1];
        return a.length() > b.length() ? a : b;
    }

    private static void requireRoom(String operation, int width, int height, int extent) {
        if (extent < 24) {
            throw new Nndl4jException(operation + ": image " + width + " x " + height
                    + " is too small for the axes and their labels");
        }
    }

    /** The horizontal pixel coordinate of data value {@code x}. */
    double px(double x) {
        return area.x + (x - xMin) / (xMax - xMin) * area.width;
    }

    /** The vertical pixel coordinate of data value {@code y} (y grows upwards). */
    double py(double y) {
        return area.y + (yMax - y) / (yMax - yMin) * area.height;
    }

    /** The data x at horizontal pixel coordinate {@code px}. */
    double dataX(double px) {
        return xMin + (px - area.x) / area.width * (xMax - xMin);
    }

    /** The data y at vertical pixel coordinate {@code py}. */
    double dataY(double py) {
        return yMax - (py - area.y) / area.height * (yMax - yMin);
    }

    /** Faint horizontal and vertical lines at the ticks, under the data. */
    void drawGrid(Graphics2D g) {
        g.setColor(Style.GRID);
        g.setStroke(style.thin());
        for (double v : xTicks.values()) {
            g.draw(new Line2D.Double(px(v), area.y, px(v), area.getMaxY()));
        }
        for (double v : yTicks.values()) {
            g.draw(new Line2D.Double(area.x, py(v), area.getMaxX(), py(v)));
        }
    }

    /** Frame, ticks, tick labels, axis labels and title. */
    void drawDecorations(Graphics2D g) {
        g.setColor(Style.INK);
        g.setStroke(style.thin());
        g.draw(new Rectangle(area.x, area.y, area.width, area.height));

        g.setFont(style.tickFont);
        FontMetrics tick = g.getFontMetrics();
        double below = area.getMaxY();
        for (int i = 0; i < xTicks.size(); i++) {
            double x = px(xTicks.values()[i]);
            g.draw(new Line2D.Double(x, below, x, below + style.tickLength));
            String s = xTicks.labels()[i];
            drawText(g, s, x - tick.stringWidth(s) / 2.0, below + style.tickLength + style.tickGap + tick.getAscent());
        }
        for (int i = 0; i < yTicks.size(); i++) {
            double y = py(yTicks.values()[i]);
            g.draw(new Line2D.Double(area.x - style.tickLength, y, area.x, y));
            String s = yTicks.labels()[i];
            double baseline = y + (tick.getAscent() - tick.getDescent()) / 2.0;
            drawText(g, s, area.x - style.tickLength - style.tickGap - tick.stringWidth(s), baseline);
        }

        if (!isBlank(xLabel)) {
            Fitted text = fit(g, style.labelFont, xLabel, figureWidth - 2.0 * style.pad);
            g.setFont(text.font());
            FontMetrics label = g.getFontMetrics();
            double baseline = below + style.tickLength + style.tickGap + tick.getHeight() + style.tickGap
                    + label.getAscent();
            double w = label.stringWidth(text.text());
            double x = Math.max(style.pad, Math.min(figureWidth - style.pad - w, area.getCenterX() - w / 2));
            drawText(g, text.text(), x, baseline);
        }
        if (!isBlank(yLabel)) {
            Fitted text = fit(g, style.labelFont, yLabel, area.height + style.pad);
            g.setFont(text.font());
            FontMetrics label = g.getFontMetrics();
            int widest = maxWidth(tick, yTicks.labels());
            double baseline = area.x - style.tickLength - style.tickGap - widest - style.tickGap - label.getDescent();
            AffineTransform saved = g.getTransform();
            g.translate(baseline, area.getCenterY());
            g.rotate(-Math.PI / 2);
            drawText(g, text.text(), -label.stringWidth(text.text()) / 2.0, 0);
            g.setTransform(saved);
        }
        if (!isBlank(title)) {
            Fitted text = fit(g, style.titleFont, title, figureWidth - 2.0 * style.pad);
            g.setFont(text.font());
            FontMetrics head = g.getFontMetrics();
            double w = head.stringWidth(text.text());
            double x = Math.max(style.pad, Math.min(figureWidth - style.pad - w, area.getCenterX() - w / 2));
            drawText(g, text.text(), x, area.y - style.pad / 2.0 - head.getDescent());
        }
    }

    static void drawText(Graphics2D g, String s, double x, double baseline) {
        g.drawString(s, (float) x, (float) baseline);
    }

    static int maxWidth(FontMetrics metrics, String[] labels) {
        int w = 0;
        for (String s : labels) {
            w = Math.max(w, metrics.stringWidth(s));
        }
        return w;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** A text and the font to draw it in, after {@link #fit}. */
    record Fitted(Font font, String text) {
    }

    /**
     * {@code s} in {@code font}, made up to 20 % smaller and then, if still too wide, cut short with an ellipsis,
     * so that it is at most {@code maxWidth} pixels wide.
     */
    static Fitted fit(Graphics2D g, Font font, String s, double maxWidth) {
        int w = g.getFontMetrics(font).stringWidth(s);
        if (w <= maxWidth) {
            return new Fitted(font, s);
        }
        Font smaller = font.deriveFont((float) Math.max(0.8 * font.getSize2D(), font.getSize2D() * maxWidth / w));
        return new Fitted(smaller, ellipsize(g.getFontMetrics(smaller), s, maxWidth));
    }

    /** The longest start of {@code s} that, followed by an ellipsis, is at most {@code maxWidth} wide. */
    static String ellipsize(FontMetrics metrics, String s, double maxWidth) {
        if (metrics.stringWidth(s) <= maxWidth) {
            return s;
        }
        String ellipsis = "\u2026";
        int n = s.length();
        while (n > 0 && metrics.stringWidth(s.substring(0, n).stripTrailing() + ellipsis) > maxWidth) {
            n--;
        }
        return s.substring(0, n).stripTrailing() + ellipsis;
    }
}
