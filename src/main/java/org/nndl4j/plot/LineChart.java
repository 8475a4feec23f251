package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of one or more series, the course's learning curves:
 * <pre>{@code
 * new LineChart("Learning rate = 0.005", "iterations (per hundreds)", "cost")
 *         .addSeries("cost", costs)
 *         .writePng(Path.of("target/nndl4j-output/learning-curve.png"));
 * }</pre>
 * Each series gets the next colour of matplotlib's default cycle. The axes span the finite data with a 5 %
 * margin and carry ticks at nice numbers (1, 2 or 5 times a power of ten). A legend appears when there is more
 * than one series or any series has a label; it goes to the corner (or edge) the lines cross least.
 *
 * <p>Points with a NaN or infinite coordinate are skipped: the line breaks there, as in matplotlib, and a point
 * without neighbours is drawn as a dot. A chart is a mutable builder; {@link #render} does not change it.
 */
public final class LineChart {

    private static final int MIN_WIDTH = 160;
    private static final int MIN_HEIGHT = 120;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    private record Series(String label, double[] x, double[] y, Color color) {
    }

    /**
     * The placement of the axes and of the legend (null when there is none) in a figure of a given size, and the
     * legend's labels, shortened to fit.
     */
    record Layout(Axes axes, Rectangle2D legend, List<String> legendLabels) {
    }

    /**
     * An empty chart.
     *
     * @param title  drawn above the plot; may be null or empty for none
     * @param xLabel label of the horizontal axis; may be null or empty
     * @param yLabel label of the vertical axis; may be null or empty
     */
    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Adds a series of points {@code (x[i], y[i])}, joined by lines in the order given. The arrays are copied.
     *
     * @param label shown in the legend; may be null or empty (the legend then says "series N")
     * @param x     horizontal coordinates
     * @param y     vertical coordinates, as many as {@code x}
     * @return this chart
     * @throws IllegalArgumentException if an array is null or {@code x.length != y.length}
     */
    public LineChart addSeries(String label, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new Nndl4jException("LineChart.addSeries: x and y must not be null (series '" + label + "')");
        }
        if (x.length != y.length) {
            throw new Nndl4jException("LineChart.addSeries: x and y must have the same length, got x.length = "
                    + x.length + " and y.length = " + y.length + " (series '" + label + "')");
        }
        Color color = Style.SERIES_COLORS[series.size() % Style.SERIES_COLORS.length];
        series.add(new Series(label, x.clone(), y.clone(), color));
        return this;
    }

    /**
     * Adds a series with {@code x = 0, 1, ..., y.length - 1}, like {@code plt.plot(costs)}.
     *
     * @param label shown in the legend; may be null or empty
     * @param y     vertical coordinates, e.g. the recorded costs
     * @return this chart
     * @throws IllegalArgumentException if {@code y} is null
     */
    public LineChart addSeries(String label, double[] y) {
        if (y == null) {
            throw new Nndl4jException("LineChart.addSeries: y must not be null (series '" + label + "')");
        }
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return addSeries(label, x, y);
    }

    /**
     * Number of series added so far.
     *
     * @return the count
     */
    public int seriesCount() {
        return series.size();
    }

    /**
     * Draws the chart.
     *
     * @param width  image width in pixels
     * @param height image height in pixels
     * @return a new {@code width x height} RGB image
     * @throws IllegalArgumentException if the chart has no series, or the size is below 160 x 120 or above
     *                                  16384 pixels a side
     */
    public BufferedImage render(int width, int height) {
        BufferedImage image = new BufferedImage(checkedWidth(width, height), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Style.begin(image);
        try {
            Layout layout = layout(g, width, height);
            Axes axes = layout.axes();
            axes.drawGrid(g);
            g.clip(axes.area);
            for (Series s : series) {
                drawSeries(g, axes, s);
            }
            g.setClip(null);
            axes.drawDecorations(g);
            if (layout.legend() != null) {
                drawLegend(g, axes.style, layout);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the chart at 800 x 600 pixels and writes it as a PNG ({@link Png#write}).
     *
     * @param file the PNG file; replaced if it exists, parent directories are created
     * @return {@code file}
     * @throws IllegalArgumentException if the chart has no series
     * @throws IOException              if the file cannot be written
     */
    public Path writePng(Path file) throws IOException {
        return Png.write(render(800, 600), file);
    }

    /** Where the axes and the legend go in a {@code width x height} figure; for tests. */
    Layout layout(int width, int height) {
        checkedWidth(width, height);
        Graphics2D g = Style.begin(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            return layout(g, width, height);
        } finally {
            g.dispose();
        }
    }

    private int checkedWidth(int width, int height) {
        if (series.isEmpty()) {
            throw new Nndl4jException("LineChart.render: the chart has no series; add one with addSeries");
        }
        Style.requireFigureSize("LineChart.render", width, height, MIN_WIDTH, MIN_HEIGHT);
        return width;
    }

    private Layout layout(Graphics2D g, int width, int height) {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (finite(s, i)) {
                    xLo = Math.min(xLo, s.x()[i]);
                    xHi = Math.max(xHi, s.x()[i]);
                    yLo = Math.min(yLo, s.y()[i]);
                    yHi = Math.max(yHi, s.y()[i]);
                }
            }
        }
        double[] xRange = padded(xLo, xHi);
        double[] yRange = padded(yLo, yHi);
        Style style = Style.forSize(width, height);
        Axes axes = Axes.layout("LineChart.render", g, style, width, height, xRange[0], xRange[1], yRange[0],
                yRange[1], title, xLabel, yLabel);
        if (!showsLegend()) {
            return new Layout(axes, null, List.of());
        }
        List<String> labels = legendLabels(g, axes);
        return new Layout(axes, placeLegend(g, axes, labels), labels);
    }

    /** The data range with matplotlib's 5 % margins; a single value gets a range around it, no data [0, 1]. */
    private static double[] padded(double lo, double hi) {
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            double delta = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= delta;
            hi += delta;
        }
        double margin = 0.05 * (hi - lo);
        double pLo = lo - margin;
        double pHi = hi + margin;
        if (!Double.isFinite(pHi - pLo)) {
            // |values| near Double.MAX_VALUE: no margin rather than an infinite range
            return new double[] {lo, hi};
        }
        return new double[] {pLo, pHi};
    }

    private static boolean finite(Series s, int i) {
        return Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]);
    }

    private static void drawSeries(Graphics2D g, Axes axes, Series s) {
        g.setColor(s.color());
        g.setStroke(axes.style.seriesStroke());
        double dot = axes.style.seriesStroke().getLineWidth() * 2.5;
        Path2D.Double path = new Path2D.Double();
        int n = s.x().length;
        for (int i = 0; i < n; i++) {
            if (!finite(s, i)) {
                continue;
            }
            double px = axes.px(s.x()[i]);
            double py = axes.py(s.y()[i]);
            boolean hasPrevious = i > 0 && finite(s, i - 1);
            boolean hasNext = i + 1 < n && finite(s, i + 1);
            if (hasPrevious) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
            }
            if (!hasPrevious && !hasNext) {
                g.fill(new Ellipse2D.Double(px - dot / 2, py - dot / 2, dot, dot));
            }
        }
        g.draw(path);
    }

    private boolean showsLegend() {
        if (series.size() > 1) {
            return true;
        }
        return series.stream().anyMatch(s -> !Axes.isBlank(s.label()));
    }

    /** The series' labels ("series N" for a blank one), cut short where the legend would be wider than the plot. */
    private List<String> legendLabels(Graphics2D g, Axes axes) {
        Style style = axes.style;
        double room = axes.area.width - 2 * legendInset(style) - 3 * legendPadding(style) - sampleLength(style);
        FontMetrics fm = g.getFontMetrics(style.tickFont);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            String label = series.get(i).label();
            labels.add(Axes.ellipsize(fm, Axes.isBlank(label) ? "series " + (i + 1) : label, room));
        }
        return labels;
    }

    // ------------------------------------------------------------------ legend

    private static double sampleLength(Style style) {
        return 26 * style.scale;
    }

    /** Space between the legend's frame and its contents. */
    private static double legendPadding(Style style) {
        return 7 * style.scale;
    }

    /** Space between the plot's frame and the legend's. */
    private static double legendInset(Style style) {
        return 8 * style.scale;
    }

    private Rectangle2D placeLegend(Graphics2D g, Axes axes, List<String> labels) {
        Style style = axes.style;
        FontMetrics fm = g.getFontMetrics(style.tickFont);
        double inner = legendPadding(style);
        int widest = Axes.maxWidth(fm, labels.toArray(new String[0]));
        double w = inner + sampleLength(style) + inner + widest + inner;
        double h = inner + series.size() * fm.getHeight() + inner * 0.6;
        double inset = legendInset(style);
        Rectangle2D a = axes.area;
        double left = a.getX() + inset;
        double right = a.getMaxX() - inset - w;
        double top = a.getY() + inset;
        double bottom = a.getMaxY() - inset - h;
        double centerX = a.getCenterX() - w / 2;
        double centerY = a.getCenterY() - h / 2;
        // matplotlib's 'best': candidates in its order, the first one with the fewest data vertices and segments inside
        double[][] candidates = {
            {right, top}, {left, top}, {left, bottom}, {right, bottom}, {right, centerY}, {left, centerY},
            {centerX, bottom}, {centerX, top}, {centerX, centerY},
        };
        Rectangle2D best = null;
        long bestScore = Long.MAX_VALUE;
        for (double[] c : candidates) {
            Rectangle2D box = new Rectangle2D.Double(c[0], c[1], w, h);
            long score = overlap(axes, box);
            if (score < bestScore) {
                best = box;
                bestScore = score;
            }
        }
        return best;
    }

    private long overlap(Axes axes, Rectangle2D box) {
        long score = 0;
        for (Series s : series) {
            double prevX = Double.NaN;
            double prevY = Double.NaN;
            for (int i = 0; i < s.x().length; i++) {
                if (!finite(s, i)) {
                    prevX = Double.NaN;
                    continue;
                }
                double px = axes.px(s.x()[i]);
                double py = axes.py(s.y()[i]);
                if (box.contains(px, py)) {
                    score++;
                }
                if (!Double.isNaN(prevX) && box.intersectsLine(prevX, prevY, px, py)) {
                    score++;
                }
                prevX = px;
                prevY = py;
            }
        }
        return score;
    }

    private void drawLegend(Graphics2D g, Style style, Layout layout) {
        Rectangle2D box = layout.legend();
        double arc = 6 * style.scale;
        RoundRectangle2D frame = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(),
                arc, arc);
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(frame);
        g.setColor(Style.LEGEND_EDGE);
        g.setStroke(style.thin());
        g.draw(frame);
        g.setFont(style.tickFont);
        FontMetrics fm = g.getFontMetrics();
        double inner = legendPadding(style);
        double y = box.getY() + inner;
        for (int i = 0; i < series.size(); i++) {
            double mid = y + fm.getHeight() / 2.0;
            double x = box.getX() + inner;
            g.setColor(series.get(i).color());
            g.setStroke(style.seriesStroke());
            g.draw(new Line2D.Double(x, mid, x + sampleLength(style), mid));
            g.setColor(Style.INK);
            Axes.drawText(g, layout.legendLabels().get(i), x + sampleLength(style) + inner,
                    mid + (fm.getAscent() - fm.getDescent()) / 2.0);
            y += fm.getHeight();
        }
    }
}
