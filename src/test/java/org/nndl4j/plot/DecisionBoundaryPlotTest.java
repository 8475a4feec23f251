package org.nndl4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class DecisionBoundaryPlotTest {

    /** matplotlib's Spectral colormap at 0 and 1. */
    private static final Color SPECTRAL_0 = new Color(0x9e0142);
    private static final Color SPECTRAL_1 = new Color(0x5e4fa2);

    /** Two points: (-2, -1.5) of class 0 and (2, 1.5) of class 1, so the axes span [-3, 3] x [-2.5, 2.5]. */
    private static final Matrix X2 = Matrix.of(new double[][] {{-2, 2}, {-1.5, 1.5}});
    private static final Matrix Y2 = Matrix.rowVector(0, 1);

    /** 1 where x1 > 0, else 0. */
    private static Matrix rightIsOne(Matrix X) {
        return X.row(0).greaterThan(0);
    }

    @Test
    void render_requestedSize_returnsImageOfThatSize() {
        BufferedImage image = DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Y2, "t", 500, 400);

        assertEquals(500, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void render_axes_spanTheDataPlusOneOnEachSide() {
        Axes axes = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480);

        assertEquals(-3, axes.xMin, 1e-12);
        assertEquals(3, axes.xMax, 1e-12);
        assertEquals(-2.5, axes.yMin, 1e-12);
        assertEquals(2.5, axes.yMax, 1e-12);
    }

    @Test
    void render_predictorOneForPositiveX1_paintsRightHalfBluishAndLeftHalfReddish() {
        BufferedImage image = DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Y2, "t", 640, 480);
        Rectangle area = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480).area;

        // x1 = 0 is the middle of [-3, 3]: the boundary runs down the centre of the plot area
        for (double fy : new double[] {0.05, 0.5, 0.95}) {
            double y = area.y + fy * area.height;
            for (double fx : new double[] {0.03, 0.25, 0.47}) {
                Color left = Pixels.at(image, area.x + fx * area.width, y);
                assertTrue(Pixels.reddish(left), "left half at (" + fx + ", " + fy + "): " + left);
            }
            for (double fx : new double[] {0.53, 0.75, 0.97}) {
                Color right = Pixels.at(image, area.x + fx * area.width, y);
                assertTrue(Pixels.bluish(right), "right half at (" + fx + ", " + fy + "): " + right);
            }
        }
        // light tints, so that the points stand out
        Color region = Pixels.at(image, area.x + 0.25 * area.width, area.y + 0.1 * area.height);
        assertTrue(region.getRed() + region.getGreen() + region.getBlue() > 3 * 180, "light region " + region);
    }

    @Test
    void render_points_appearAtTheirPositionsInTheirLabelColours() {
        BufferedImage image = DecisionBoundaryPlot.render(x -> Matrix.filled(1, x.cols(), 0), X2, Y2, "t", 640, 480);
        Rectangle area = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480).area;

        // (-2, -1.5) in [-3, 3] x [-2.5, 2.5]: 1/6 of the width from the left, 4/5 of the height from the top
        Color class0 = Pixels.at(image, area.x + area.width / 6.0, area.y + area.height * 0.8);
        assertTrue(Pixels.near(class0, SPECTRAL_0, 12), "class-0 point " + class0);
        // (2, 1.5): 5/6 of the width, 1/5 of the height
        Color class1 = Pixels.at(image, area.x + area.width * 5 / 6.0, area.y + area.height * 0.2);
        assertTrue(Pixels.near(class1, SPECTRAL_1, 12), "class-1 point " + class1);
        // nothing of either colour elsewhere in the region, e.g. at the centre
        Color centre = Pixels.at(image, area.getCenterX(), area.getCenterY());
        assertTrue(!Pixels.near(centre, SPECTRAL_0, 40) && !Pixels.near(centre, SPECTRAL_1, 40), "centre " + centre);
    }

    @Test
    void render_predictor_isCalledOnceWithAGridOfPointsCoveringThePlot() {
        List<Matrix> calls = new ArrayList<>();
        UnaryOperator<Matrix> recording = X -> {
            calls.add(X);
            return rightIsOne(X);
        };

        DecisionBoundaryPlot.render(recording, X2, Y2, "t", 640, 480);

        assertEquals(1, calls.size());
        Matrix grid = calls.get(0);
        Rectangle area = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480).area;
        assertEquals(2, grid.rows());
        // about one point per 2 x 2 pixels
        double perPoint = (double) area.width * area.height / grid.cols();
        assertTrue(perPoint > 3.5 && perPoint <= 4.0, "pixels per grid point " + perPoint);
        assertEquals(-3, grid.row(0).min(), 1e-9);
        assertTrue(grid.row(0).max() >= 3 - 1e-9);
        assertTrue(grid.row(1).min() <= -2.5 + 1e-9);
        assertEquals(2.5, grid.row(1).max(), 1e-9);
    }

    @Test
    void render_probabilities_areThresholdedAtOneHalf() {
        // 0.3 left of x1 = 0, 0.7 right of it
        UnaryOperator<Matrix> probabilities = X -> rightIsOne(X).times(0.4).plus(0.3);
        BufferedImage image = DecisionBoundaryPlot.render(probabilities, X2, Y2, "t", 640, 480);
        Rectangle area = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480).area;

        assertEquals(DecisionBoundaryPlot.REGION_0, Pixels.at(image, area.x + 0.3 * area.width, area.getCenterY()));
        assertEquals(DecisionBoundaryPlot.REGION_1, Pixels.at(image, area.x + 0.7 * area.width, area.getCenterY()));
    }

    @Test
    void render_nanPredictions_arePaintedGrey() {
        BufferedImage image = DecisionBoundaryPlot.render(X -> Matrix.filled(1, X.cols(), Double.NaN), X2, Y2, "t",
                640, 480);
        Rectangle area = DecisionBoundaryPlot.layout(X2, Y2, "t", 640, 480).area;

        assertEquals(DecisionBoundaryPlot.REGION_UNDEFINED, Pixels.at(image, area.getCenterX(), area.getCenterY()));
    }

    @Test
    void render_dataWithThreeFeatures_throwsNamingTheShape() {
        Matrix three = Matrix.zeros(3, 4);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, three, Matrix.zeros(1, 4), "t", 640, 480));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("2 features"), e.getMessage());
    }

    @Test
    void render_dataWithoutExamples_throwsIllegalArgumentException() {
        Matrix none = Matrix.zeros(2, 0);

        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, none, Matrix.zeros(1, 0), "t", 640, 480));
    }

    @Test
    void render_labelsNotOneRowOfZerosAndOnes_throwNamingTheShapeOrTheValue() {
        ShapeException rows = assertThrows(ShapeException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Matrix.zeros(2, 2), "t", 640, 480));
        assertTrue(rows.getMessage().startsWith("DecisionBoundaryPlot: expected Y of shape (1, m), got shape (2, 2)"),
                rows.getMessage());
        ShapeException count = assertThrows(ShapeException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Matrix.rowVector(0, 1, 1), "t",
                        640, 480));
        assertTrue(count.getMessage().startsWith("DecisionBoundaryPlot: shapes (2, 2) and (1, 3)"), count.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Matrix.rowVector(0, 2), "t",
                        640, 480));
        assertTrue(label.getMessage().contains("Y[0, 1] = 2.0"), label.getMessage());
    }

    @Test
    void render_nonFinitePoint_throwsNamingThePosition() {
        Matrix bad = Matrix.of(new double[][] {{0, 1}, {0, Double.NaN}});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, bad, Matrix.rowVector(0, 1), "t", 640, 480));
        assertTrue(e.getMessage().contains("X[1, 1]"), e.getMessage());
    }

    @Test
    void render_predictorReturnsTransposedOutput_throwsShapeExceptionNamingBothShapes() {
        int[] k = new int[1];
        UnaryOperator<Matrix> transposed = X -> {
            k[0] = X.cols();
            return rightIsOne(X).transpose();
        };

        ShapeException e = assertThrows(ShapeException.class,
                () -> DecisionBoundaryPlot.render(transposed, X2, Y2, "t", 640, 480));
        assertTrue(e.getMessage().contains("(2, " + k[0] + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + k[0] + ", 1)"), e.getMessage());
    }

    @Test
    void render_predictorReturnsTooFewColumns_throwsShapeException() {
        assertThrows(ShapeException.class,
                () -> DecisionBoundaryPlot.render(X -> Matrix.zeros(1, 3), X2, Y2, "t", 640, 480));
    }

    @Test
    void render_nullArguments_throwIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryPlot.render(null, X2, Y2, "t", 640, 480));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, null, Y2, "t", 640, 480));
        assertEquals("DecisionBoundaryPlot: X is null", x.getMessage());
        IllegalArgumentException y = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, null, "t", 640, 480));
        assertEquals("DecisionBoundaryPlot: Y is null", y.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(X -> null, X2, Y2, "t", 640, 480));
    }

    @Test
    void render_tooSmall_throwsNamingTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.render(DecisionBoundaryPlotTest::rightIsOne, X2, Y2, "t", 20, 20000));
        assertTrue(e.getMessage().contains("20 x 20000"), e.getMessage());
    }

    @Test
    void writePng_writes640x480Png(@TempDir Path dir) throws IOException {
        Path file = DecisionBoundaryPlot.writePng(DecisionBoundaryPlotTest::rightIsOne, X2, Y2, "Logistic Regression",
                dir.resolve("boundary.png"));

        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(640, back.getWidth());
        assertEquals(480, back.getHeight());
    }
}
