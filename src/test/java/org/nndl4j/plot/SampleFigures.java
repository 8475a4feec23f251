package org.nndl4j.plot;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.random.NumpyRandom;

/**
 * Draws one figure of each kind into a directory. Run by {@link PlotTest} in a separate headless JVM (and by hand,
 * to look at the pictures): {@code SampleFigures DIR} prints {@code headless=<true|false>} and the paths written.
 */
public final class SampleFigures {

    private SampleFigures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleFigures DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        System.out.println("headless=" + GraphicsEnvironment.isHeadless());
        for (Path p : writeAll(dir)) {
            System.out.println(p);
        }
    }

    static List<Path> writeAll(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        double[] costs = learningCurve(0.005, 20);
        written.add(new LineChart("Learning rate =0.005", "iterations (per hundreds)", "cost")
                .addSeries(null, costs)
                .writePng(dir.resolve("learning-curve.png")));

        LineChart rates = new LineChart("Learning rate comparison", "iterations (hundreds)", "cost");
        for (double lr : new double[] {0.01, 0.001, 0.0001}) {
            rates.addSeries(java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString(), learningCurve(lr, 15));
        }
        written.add(rates.writePng(dir.resolve("learning-rates.png")));

        LabeledData flower = flower();
        written.add(DecisionBoundaryPlot.writePng(SampleFigures::petals, flower.X(), flower.Y(),
                "Decision Boundary for hidden layer size 4", dir.resolve("decision-boundary.png")));

        List<BufferedImage> cells = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cells.add(ImageGrid.captioned(ImageGrid.rgb(syntheticPicture(i), 2),
                    "Prediction: " + (i % 2 == 0 ? "cat" : "non-cat") + "\nClass: " + (i % 2 == 0 ? "non-cat" : "cat")));
        }
        written.add(Png.write(ImageGrid.of(cells, 3, "Mislabeled images"), dir.resolve("image-grid.png")));
        return written;
    }

    /** A cost curve that falls like the course's, faster for larger learning rates. */
    static double[] learningCurve(double learningRate, int points) {
        double[] costs = new double[points];
        double speed = Math.log10(learningRate * 1e5);
        for (int i = 0; i < points; i++) {
            costs[i] = 0.05 + 0.64 / (1 + speed * 0.35 * i);
        }
        return costs;
    }

    /** The course's planar "flower" data set (load_planar_dataset), with numpy's seed 1. */
    static LabeledData flower() {
        NumpyRandom rng = new NumpyRandom(1);
        int m = 400;
        int n = m / 2;
        double a = 4;
        double[] x1 = new double[m];
        double[] x2 = new double[m];
        double[] y = new double[m];
        for (int j = 0; j < 2; j++) {
            double[] noiseT = rng.randn(n);
            double[] noiseR = rng.randn(n);
            for (int i = 0; i < n; i++) {
                // t = np.linspace(j*3.12, (j+1)*3.12, N) + np.random.randn(N)*0.2
                double t = j * 3.12 + 3.12 * i / (n - 1) + noiseT[i] * 0.2;
                // r = a*np.sin(4*t) + np.random.randn(N)*0.2
                double r = a * Math.sin(4 * t) + noiseR[i] * 0.2;
                x1[j * n + i] = r * Math.sin(t);
                x2[j * n + i] = r * Math.cos(t);
                y[j * n + i] = j;
            }
        }
        return LabeledData.of(Matrix.of(new double[][] {x1, x2}), Matrix.rowVector(y));
    }

    /** A hand-made stand-in for a trained network on the flower: class by the angle's quadrant. */
    static Matrix petals(Matrix X) {
        double[] out = new double[X.cols()];
        for (int c = 0; c < out.length; c++) {
            double x1 = X.get(0, c);
            double x2 = X.get(1, c);
            out[c] = x1 * x2 > 0.3 * Math.sin(x1) ? 0 : 1;
        }
        return Matrix.rowVector(out);
    }

    /** A 32 x 32 RGB gradient picture that differs with {@code i}. */
    static NDArray syntheticPicture(int i) {
        int h = 32;
        int w = 32;
        double[] v = new double[h * w * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int at = (r * w + c) * 3;
                v[at] = 255.0 * r / (h - 1);
                v[at + 1] = 255.0 * c / (w - 1);
                v[at + 2] = (40 * i + 3 * (r + c)) % 256;
            }
        }
        return NDArray.of(v, h, w, 3);
    }
}
