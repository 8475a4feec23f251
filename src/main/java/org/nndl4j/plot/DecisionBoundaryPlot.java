package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;

/**
 * The course's {@code plot_decision_boundary}: the plane of two-feature data coloured by what a predictor
 * says (class 0 light red, class 1 light blue), with the data points on top in the colours of their labels
 * (matplotlib's {@code Spectral} colormap: 0 red {@code #9e0142}, 1 blue {@code #5e4fa2}).
 * <pre>{@code
 * DecisionBoundaryPlot.writePng(x -> model.predict(x), X, Y, "Logistic Regression", Path.of("boundary.png"));
 * }</pre>
 * As in the course, the axes span {@code [min(x1) - 1, max(x1) + 1]} and {@code [min(x2) - 1, max(x2) + 1]}.
 * Instead of the course's grid with step 0.01, the predictor is evaluated once on a grid of one point per
 * 2 x 2 pixels of the plot area (about 56 000 points for a 640 x 480 figure), and the region edges are
 * interpolated between grid points, so the boundary is smooth whatever the data range.
 */
public final class DecisionBoundaryPlot {

    /** Grid spacing in pixels: the predictor sees one point per CELL x CELL pixels. */
    static final int CELL = 2;

    /** Colours of the class-0 and class-1 regions: light tints of the point colours. */
    static final Color REGION_0 = new Color(Style.mix(Color.WHITE, Style.SPECTRAL_0, 0.30));
    static final Color REGION_1 = new Color(Style.mix(Color.WHITE, Style.SPECTRAL_1, 0.34));
    /** Colour of grid points where the predictor returned NaN. */
    static final Color REGION_UNDEFINED = new Color(0xd9d9d9);

    private static final String OPERATION = "DecisionBoundaryPlot";
    private static final int MIN_WIDTH = 160;
    private static final int MIN_HEIGHT = 120;

    private DecisionBoundaryPlot() {
    }

    /**
     * Draws the decision regions of {@code predictor} under the points {@code X} with labels {@code Y}.
     *
     * @param predictor maps a {@code (2, k)} matrix of points (one per column, rows x1 and x2) to a {@code (1, k)}
     *                  matrix of predictions, 0 or 1; values {@code >= 0.5} count as class 1 (so probabilities
     *                  work too), NaN is drawn grey. Called exactly once.
     * @param X         the points, one per column, shape {@code (2, m)} with {@code m >= 1}; not modified
     * @param Y         their labels, 0 or 1, shape {@code (1, m)}; not modified
     * @param title     drawn above the plot; may be null or empty
     * @param width     image width in pixels
     * @param height    image height in pixels
     * @return a new {@code width x height} RGB image
     * @throws IllegalArgumentException if an argument is null, X does not have 2 rows (the message names X's shape),
     *                                  there are no points, a coordinate is not finite, a label is not 0 or 1, or
     *                                  the size is below 160 x 120 or above 16384 pixels a side
     * @throws ShapeException           if Y is not {@code (1, m)} for X's {@code m}, or the predictor's output is
     *                                  not {@code (1, k)}; the message names both shapes
     */
    public static BufferedImage render(UnaryOperator<Matrix> predictor, Matrix X, Matrix Y, String title, int width,
            int height) {
        Checks.notNull(OPERATION, "predictor", predictor);
        checkPoints(X, Y);
        Style.requireFigureSize(OPERATION, width, height, MIN_WIDTH, MIN_HEIGHT);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Style.begin(image);
        try {
            Axes axes = layout(g, X, title, width, height);
            drawRegions(g, axes, predictor);
            drawPoints(g, axes, X, Y);
            axes.drawDecorations(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the plot at 640 x 480 pixels and writes it as a PNG ({@link Png#write}).
     *
     * @param predictor as for {@link #render}
     * @param X         as for {@link #render}
     * @param Y         as for {@link #render}
     * @param title     as for {@link #render}
     * @param file      the PNG file; replaced if it exists, parent directories are created
     * @return {@code file}
     * @throws IOException if the file cannot be written
     */
    public static Path writePng(UnaryOperator<Matrix> predictor, Matrix X, Matrix Y, String title, Path file)
            throws IOException {
        return Png.write(render(predictor, X, Y, title, 640, 480), file);
    }

    /** The axes of the plot of points {@code X} (labels {@code Y}) in a {@code width x height} figure; for tests. */
    static Axes layout(Matrix X, Matrix Y, String title, int width, int height) {
        checkPoints(X, Y);
        Style.requireFigureSize(OPERATION, width, height, MIN_WIDTH, MIN_HEIGHT);
        Graphics2D g = Style.begin(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            return layout(g, X, title, width, height);
        } finally {
            g.dispose();
        }
    }

    private static Axes layout(Graphics2D g, Matrix X, String title, int width, int height) {
        // x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1 (likewise for x2)
        double x1Min = X.row(0).min() - 1;
        double x1Max = X.row(0).max() + 1;
        double x2Min = X.row(1).min() - 1;
        double x2Max = X.row(1).max() + 1;
        return Axes.layout(OPERATION, g, Style.forSize(width, height), width, height, x1Min, x1Max, x2Min, x2Max,
                title, "x1", "x2");
    }

    /** X {@code (2, m)} of finite coordinates, {@code m >= 1}, and 0/1 labels Y {@code (1, m)}. */
    private static void checkPoints(Matrix X, Matrix Y) {
        Checks.notNull(OPERATION, "X", X);
        if (X.rows() != 2) {
            throw new Nndl4jException(OPERATION + ": expected data with 2 features, X of shape (2, m), "
                    + "got X of shape " + X.shape());
        }
        Checks.binaryExamples(OPERATION, X, Y);
        for (int j = 0; j < X.cols(); j++) {
            for (int i = 0; i < 2; i++) {
                Checks.finite(OPERATION, "point coordinate X[" + i + ", " + j + "]", X.get(i, j));
            }
        }
    }

    /**
     * Evaluates the predictor on grid nodes {@code CELL} pixels apart covering the plot area and paints each
     * pixel by bilinear interpolation of the nodes' classes, sharpened to an edge about one pixel wide.
     */
    private static void drawRegions(Graphics2D g, Axes axes, UnaryOperator<Matrix> predictor) {
        Rectangle area = axes.area;
        int nx = (area.width + CELL - 1) / CELL + 1;
        int ny = (area.height + CELL - 1) / CELL + 1;
        int k = nx * ny;
        double[] points = new double[2 * k];
        for (int j = 0; j < ny; j++) {
            double x2 = axes.dataY(area.y + j * CELL);
            for (int i = 0; i < nx; i++) {
                points[j * nx + i] = axes.dataX(area.x + i * CELL);
                points[k + j * nx + i] = x2;
            }
        }
        Matrix grid = Matrix.fromRowMajor(2, k, points);
        double[] classes = classes(predictor.apply(grid), grid.shape());

        BufferedImage regions = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        int undefined = REGION_UNDEFINED.getRGB() & 0xFFFFFF;
        for (int b = 0; b < area.height; b++) {
            double gy = (b + 0.5) / CELL;
            int j0 = (int) gy;
            double fy = gy - j0;
            for (int a = 0; a < area.width; a++) {
                double gx = (a + 0.5) / CELL;
                int i0 = (int) gx;
                double fx = gx - i0;
                double t00 = classes[j0 * nx + i0];
                double t10 = classes[j0 * nx + i0 + 1];
                double t01 = classes[(j0 + 1) * nx + i0];
                double t11 = classes[(j0 + 1) * nx + i0 + 1];
                double t = (1 - fy) * ((1 - fx) * t00 + fx * t10) + fy * ((1 - fx) * t01 + fx * t11);
                if (Double.isNaN(t)) {
                    // a NaN among the four nodes: the nearest node decides
                    t = classes[(fy < 0.5 ? j0 : j0 + 1) * nx + (fx < 0.5 ? i0 : i0 + 1)];
                }
                int rgb;
                if (Double.isNaN(t)) {
                    rgb = undefined;
                } else {
                    // interpolated t changes by 1/CELL per pixel across an edge; stretch it to a one-pixel ramp
                    double sharp = Math.max(0, Math.min(1, (t - 0.5) * CELL + 0.5));
                    rgb = Style.mix(REGION_0, REGION_1, sharp);
                }
                regions.setRGB(a, b, rgb);
            }
        }
        g.drawImage(regions, area.x, area.y, null);
    }

    /** The predictor's output as 0, 1 or NaN per grid point, after checking its shape. */
    private static double[] classes(Matrix prediction, Shape input) {
        if (prediction == null) {
            throw new Nndl4jException(OPERATION + ": the predictor returned null for points of shape " + input);
        }
        if (prediction.rows() != 1 || prediction.cols() != input.cols()) {
            throw new ShapeException(OPERATION, input, prediction.shape(), "do not fit: the predictor must map the "
                    + "(2, k) matrix of points to a (1, k) matrix of predictions, expected (1, " + input.cols() + ")");
        }
        double[] values = prediction.toRowMajor();
        for (int c = 0; c < values.length; c++) {
            if (!Double.isNaN(values[c])) {
                values[c] = values[c] >= 0.5 ? 1 : 0;
            }
        }
        return values;
    }

    private static void drawPoints(Graphics2D g, Axes axes, Matrix X, Matrix Y) {
        Style style = axes.style;
        double d = 7.5 * style.markerScale;
        g.setStroke(new BasicStroke((float) Math.max(0.6, 0.8 * style.markerScale)));
        Color outline = new Color(0x20, 0x20, 0x20, 200);
        for (int j = 0; j < X.cols(); j++) {
            double px = axes.px(X.get(0, j));
            double py = axes.py(X.get(1, j));
            Ellipse2D dot = new Ellipse2D.Double(px - d / 2, py - d / 2, d, d);
            g.setColor(Y.get(0, j) == 1 ? Style.SPECTRAL_1 : Style.SPECTRAL_0);
            g.fill(dot);
            g.setColor(outline);
            g.draw(dot);
        }
    }
}
