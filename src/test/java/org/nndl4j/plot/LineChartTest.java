package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineChartTest {

    private static final Color BLUE = new Color(0x1f77b4);
    private static final Color ORANGE = new Color(0xff7f0e);
    private static final Color GREEN = new Color(0x2ca02c);
    private static final int TOLERANCE = 30;

    private static LineChart decreasing() {
        return new LineChart("cost", "iterations (per hundreds)", "cost")
                .addSeries(null, new double[] {0, 1, 2, 3, 4}, new double[] {0.7, 0.4, 0.25, 0.15, 0.1});
    }

    @ParameterizedTest
    @CsvSource({"800, 600", "160, 120", "1200, 300", "300, 900"})
    void render_anySupportedSize_returnsImageOfThatSize(int width, int height) {
        BufferedImage image = decreasing().render(width, height);

        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    @Test
    void render_decreasingSeries_lineGoesFromUpperLeftToLowerRight() {
        LineChart chart = decreasing();
        BufferedImage image = chart.render(800, 600);
        Rectangle area = chart.layout(800, 600).axes().area;

        Rectangle line = Pixels.boundsOf(image, BLUE, TOLERANCE);
        assertNotNull(line, "no pixel of the series colour");
        assertTrue(area.contains(line), "line " + line + " outside the plot area " + area);
        // leftmost and rightmost columns of the line: the first point is high (small y), the last low
        int leftY = topmostIn(image, line.x);
        int rightY = topmostIn(image, line.x + line.width - 1);
        assertTrue(leftY < area.y + area.height * 0.15, "left end at y=" + leftY + " in " + area);
        assertTrue(rightY > area.y + area.height * 0.8, "right end at y=" + rightY + " in " + area);
        // the 5 % margins: the line spans about 10/11 of the plot width
        assertEquals(area.width / 1.1, line.width, 0.02 * area.width);
    }

    private static int topmostIn(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (Pixels.near(new Color(image.getRGB(x, y)), BLUE, TOLERANCE)) {
                return y;
            }
        }
        throw new AssertionError("no series pixel in column " + x);
    }

    @Test
    void render_singleUnlabelledSeries_hasNoLegend() {
        assertNull(decreasing().layout(800, 600).legend());
    }

    @Test
    void render_singleLabelledSeries_hasLegend() {
        LineChart chart = new LineChart("t", "x", "y").addSeries("train", new double[] {3, 2, 1});

        assertNotNull(chart.layout(800, 600).legend());
    }

    @Test
    void render_threeSeries_drawsLegendWithEachColourWhereTheLinesAreNot() {
        LineChart chart = new LineChart("Learning rates", "iterations", "cost")
                .addSeries("0.01", new double[] {0.7, 0.3, 0.15, 0.1, 0.08})
                .addSeries("0.001", new double[] {0.7, 0.5, 0.35, 0.25, 0.2})
                .addSeries("0.0001", new double[] {0.7, 0.65, 0.6, 0.57, 0.55});
        BufferedImage image = chart.render(800, 600);
        LineChart.Layout layout = chart.layout(800, 600);

        Rectangle legend = layout.legend().getBounds();
        Rectangle area = layout.axes().area;
        assertTrue(area.contains(legend), "legend " + legend + " inside " + area);
        // decreasing curves leave the upper right corner free
        assertTrue(legend.getCenterX() > area.getCenterX() && legend.getCenterY() < area.getCenterY(),
                "legend " + legend + " not in the upper right of " + area);
        assertTrue(Pixels.count(image, legend, BLUE, 10) > 10, "blue sample in the legend");
        assertTrue(Pixels.count(image, legend, ORANGE, 10) > 10, "orange sample in the legend");
        assertTrue(Pixels.count(image, legend, GREEN, 10) > 10, "green sample in the legend");
        assertTrue(Pixels.count(image, legend, Color.DARK_GRAY, 90) > 20, "legend text");
    }

    @Test
    void render_singlePoint_drawsADotInTheMiddle() {
        LineChart chart = new LineChart("one", "x", "y").addSeries("only", new double[] {3}, new double[] {5});
        BufferedImage image = chart.render(400, 300);
        Rectangle area = chart.layout(400, 300).axes().area;

        assertTrue(Pixels.near(Pixels.at(image, area.getCenterX(), area.getCenterY()), BLUE, TOLERANCE));
    }

    @Test
    void render_constantSeries_drawsAHorizontalLineThroughTheMiddle() {
        LineChart chart = new LineChart("flat", "x", "y").addSeries(null, new double[] {2, 2, 2, 2});
        BufferedImage image = chart.render(400, 300);
        Axes axes = chart.layout(400, 300).axes();

        assertTrue(axes.yMin < 2 && axes.yMax > 2, "y range [" + axes.yMin + ", " + axes.yMax + "]");
        for (double fraction : new double[] {0.2, 0.5, 0.8}) {
            int x = (int) (axes.area.x + fraction * axes.area.width);
            // the thin line may straddle two pixel rows
            Rectangle around = new Rectangle(x, (int) axes.area.getCenterY() - 1, 1, 3);
            assertTrue(Pixels.count(image, around, BLUE, TOLERANCE) >= 1, "at x=" + x);
        }
    }

    @Test
    void render_nonFiniteValues_areSkippedAndBreakTheLine() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        LineChart chart = new LineChart("gaps", "x", "y").addSeries(null,
                new double[] {0, 1, 2, 3, 4, 5, 6}, new double[] {1, nan, 3, inf, 5, 6, -inf});
        BufferedImage image = chart.render(400, 300);
        Axes axes = chart.layout(400, 300).axes();

        // the axes cover the finite points x in [0, 5], y in [1, 6] plus 5 % margins
        assertEquals(-0.25, axes.xMin, 1e-12);
        assertEquals(5.25, axes.xMax, 1e-12);
        assertEquals(0.75, axes.yMin, 1e-12);
        assertEquals(6.25, axes.yMax, 1e-12);
        // isolated points are dots; no line joins (0, 1) and (2, 3) across the NaN
        assertTrue(Pixels.near(Pixels.at(image, axes.px(0), axes.py(1)), BLUE, TOLERANCE));
        assertTrue(Pixels.near(Pixels.at(image, axes.px(2), axes.py(3)), BLUE, TOLERANCE));
        assertFalse(Pixels.near(Pixels.at(image, axes.px(1), axes.py(2)), BLUE, 100));
        // the segment from (4, 5) to (5, 6) is drawn
        assertTrue(Pixels.near(Pixels.at(image, axes.px(4.5), axes.py(5.5)), BLUE, TOLERANCE));
    }

    @Test
    void render_onlyNonFiniteValues_drawsEmptyAxes() {
        LineChart chart = new LineChart("diverged", "x", "y").addSeries("nan", new double[] {Double.NaN, Double.NaN});
        BufferedImage image = chart.render(400, 300);

        Rectangle area = chart.layout(400, 300).axes().area;
        assertEquals(0, Pixels.count(image, area, BLUE, 10));
    }

    @Test
    void render_longTextsAndWideTickLabels_stayInsideTheImage() {
        String longText = "a very long text that is much wider than such a small figure could ever show in full";
        LineChart chart = new LineChart(longText, longText, longText)
                .addSeries(longText, new double[] {-123456.5, 98765.25, 5e5});
        for (int[] size : new int[][] {{160, 120}, {300, 200}, {800, 600}}) {
            BufferedImage image = chart.render(size[0], size[1]);
            // a 2-pixel border of background all around: nothing is clipped at the edges
            int w = size[0];
            int h = size[1];
            for (Rectangle edge : new Rectangle[] {
                new Rectangle(0, 0, w, 2), new Rectangle(0, h - 2, w, 2), new Rectangle(0, 0, 2, h), new Rectangle(w - 2, 0, 2, h)}) {
                assertEquals(edge.width * edge.height, Pixels.count(image, edge, Color.WHITE, 0),
                        "edge " + edge + " of " + w + " x " + h);
            }
        }
    }

    @Test
    void render_emptyChart_throwsIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart("t", "x", "y").render(800, 600));
        assertTrue(e.getMessage().contains("no series"), e.getMessage());
    }

    @Test
    void render_tooSmall_throwsNamingTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decreasing().render(100, 50));
        assertTrue(e.getMessage().contains("100 x 50"), e.getMessage());
    }

    @Test
    void addSeries_lengthsDiffer_throwsNamingBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart("t", "x", "y").addSeries("s", new double[3], new double[4]));
        assertTrue(e.getMessage().contains("x.length = 3") && e.getMessage().contains("y.length = 4"), e.getMessage());
    }

    @Test
    void addSeries_nullArray_throwsIllegalArgumentException() {
        LineChart chart = new LineChart("t", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> chart.addSeries("s", null, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> chart.addSeries("s", null));
    }

    @Test
    void addSeries_arrayChangedAfterwards_doesNotChangeTheChart() {
        double[] y = {1, 2, 3};
        LineChart chart = new LineChart("t", "x", "y").addSeries("s", y);
        y[2] = 1000;

        assertEquals(3 + 0.1, chart.layout(400, 300).axes().yMax, 1e-12);
    }

    @Test
    void addSeries_returnsTheSameChart() {
        LineChart chart = new LineChart("t", "x", "y");
        assertSame(chart, chart.addSeries("s", new double[] {1}));
        assertEquals(1, chart.seriesCount());
    }

    @Test
    void writePng_writes800x600Png(@TempDir Path dir) throws IOException {
        Path file = decreasing().writePng(dir.resolve("curve.png"));

        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(800, back.getWidth());
        assertEquals(600, back.getHeight());
    }
}
