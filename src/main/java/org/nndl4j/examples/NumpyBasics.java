package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.nndl4j.basics.BasicFunctions;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NumpyFormat;
import org.nndl4j.matrix.NDArray;
import org.nndl4j.random.NumpyRandom;

/**
 * Spec 1.1, "Python Basics with numpy", in Java: every example the course prints, then its
 * vectorisation demo (classic loops against whole-array operations) on vectors large enough that the
 * timings mean something.
 *
 * <p>Run: {@code mvn -q compile exec:java -Dexec.mainClass=org.nndl4j.examples.NumpyBasics}
 * ({@code --size N} sets the length of the vectors in the timing demo; default 1,000,000).
 */
public final class NumpyBasics {

    private NumpyBasics() {
    }

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: NumpyBasics [--size N]",
            "  --size N    length of the vectors in the timing demo, at least 16 (default 1000000)",
            "  -h, --help  print this help");

    /**
     * Prints every example, then the timing demo.
     *
     * @param args optional {@code --size N}, the length of the vectors in the timing demo
     */
    public static void main(String[] args) {
        CommandLine.main("NumpyBasics", USAGE, args, NumpyBasics::parse, (size, out) -> {
            basicFunctions();
            vectorisationExample();
            vectorisationTimings(size);
        });
    }

    /** The vector length of the timing demo, or null for help. */
    static Integer parse(String[] args) {
        CommandLine.Flags flags = CommandLine.flags(args, java.util.Set.of("--size"), java.util.Set.of());
        if (flags == null) {
            return null;
        }
        int size = flags.positive("--size", 1_000_000);
        if (size < 16) {
            throw new Nndl4jException("--size must be an integer >= 16, got " + size);
        }
        return size;
    }

    private static void basicFunctions() {
        System.out.println("basic_sigmoid(3) = " + BasicFunctions.sigmoid(3.0));
        Matrix x = Matrix.rowVector(1, 2, 3);
        System.out.println("np.exp(x) = " + NumpyFormat.vector(x.exp()));
        System.out.println("x + 3 = " + NumpyFormat.vector(x.plus(3)));
        System.out.println("sigmoid(x) = " + NumpyFormat.vector(BasicFunctions.sigmoid(x)));
        System.out.println("sigmoid_derivative(x) = " + NumpyFormat.vector(BasicFunctions.sigmoidDerivative(x)));

        NDArray image = NDArray.of(new double[] {
            0.67826139, 0.29380381, 0.90714982, 0.52835647, 0.4215251, 0.45017551,
            0.92814219, 0.96677647, 0.85304703, 0.52351845, 0.19981397, 0.27417313,
            0.60659855, 0.00533165, 0.10820313, 0.49978937, 0.34144279, 0.94630077}, 3, 3, 2);
        System.out.println("image2vector(image) = " + NumpyFormat.matrix(BasicFunctions.image2vector(image)));

        Matrix rows = Matrix.of(new double[][] {{0, 3, 4}, {1, 6, 4}});
        System.out.println("normalizeRows(x) = " + NumpyFormat.matrix(BasicFunctions.normalizeRows(rows)));
        Matrix scores = Matrix.of(new double[][] {{9, 2, 5, 0, 0}, {7, 5, 0, 0, 0}});
        System.out.println("softmax(x) = " + NumpyFormat.matrix(BasicFunctions.softmax(scores)));

        Matrix yhat = Matrix.rowVector(.9, 0.2, 0.1, .4, .9);
        Matrix y = Matrix.rowVector(1, 0, 0, 1, 1);
        System.out.println("L1 = " + BasicFunctions.l1(yhat, y));
        System.out.println("L2 = " + BasicFunctions.l2(yhat, y));
        System.out.println();
    }

    /** The course's 15-element example: the same results both ways. */
    private static void vectorisationExample() {
        double[] x1 = {9, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0};
        double[] x2 = {9, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0};
        Matrix W = new NumpyRandom(0).rand(3, x1.length);
        Matrix a = Matrix.rowVector(x1);
        Matrix b = Matrix.rowVector(x2);
        // np.dot of two int lists is one int: the course prints dot = 278
        System.out.println("dot = " + dotString(a.dotTranspose(b).item()));
        System.out.println("outer = " + NumpyFormat.matrix(a.transposeDot(b)));
        System.out.println("elementwise multiplication = " + NumpyFormat.vector(a.times(b)));
        System.out.println("gdot = " + NumpyFormat.vector(W.dotTranspose(a)) + "   (W = np.random.rand(3, 15) after seed 0)");
        System.out.println();
    }

    /** A dot product as Python prints it: a whole number without a decimal point, else Python's repr. */
    static String dotString(double dot) {
        return dot == Math.rint(dot) && Math.abs(dot) < 1e15 ? Long.toString((long) dot) : PythonFormat.repr(dot);
    }

    private static void vectorisationTimings(int n) {
        NumpyRandom random = new NumpyRandom(1);
        double[] x1 = random.rand(n);
        double[] x2 = random.rand(n);
        int outerSide = Math.min(2000, n);
        double[] o1 = java.util.Arrays.copyOf(x1, outerSide);
        double[] o2 = java.util.Arrays.copyOf(x2, outerSide);
        double[] w = random.rand(3 * n);
        Matrix a = Matrix.rowVector(x1);
        Matrix b = Matrix.rowVector(x2);
        Matrix oa = Matrix.rowVector(o1);
        Matrix ob = Matrix.rowVector(o2);
        Matrix W = Matrix.fromRowMajor(3, n, w);

        System.out.printf(Locale.ROOT, "Timings on vectors of %,d elements (outer product: %d x %d); median of %d runs after %d warm-up runs%n",
                n, outerSide, outerSide, RUNS, WARM_UP);
        System.out.printf(Locale.ROOT, "%-28s %14s %14s%n", "", "classic loop", "vectorised");
        row("dot product", () -> {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += x1[i] * x2[i];
            }
            return dot;
        }, () -> a.dotTranspose(b).item());
        row("outer product", () -> {
            double[] outer = new double[outerSide * outerSide];
            for (int i = 0; i < outerSide; i++) {
                for (int j = 0; j < outerSide; j++) {
                    outer[i * outerSide + j] = o1[i] * o2[j];
                }
            }
            return outer[outerSide + 1];
        }, () -> oa.transposeDot(ob).get(1, 1));
        row("elementwise multiplication", () -> {
            double[] mul = new double[n];
            for (int i = 0; i < n; i++) {
                mul[i] = x1[i] * x2[i];
            }
            return mul[n - 1];
        }, () -> a.times(b).get(0, n - 1));
        row("general dot (3 x n)·(n)", () -> {
            double[] gdot = new double[3];
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < n; j++) {
                    gdot[r] += w[r * n + j] * x1[j];
                }
            }
            return gdot[2];
        }, () -> W.dotTranspose(a).get(2, 0));
        System.out.println();
        System.out.printf(Locale.ROOT, "Here the vectorised form was faster in %d of 4 rows (median times, this machine).%n",
                faster[0]);
        System.out.println("In Python the classic loops run in the interpreter and are about 100x slower than numpy.");
        System.out.println("On the JVM the loop is compiled to machine code too, so the gap is far smaller than in");
        System.out.println("Python and can go either way; the vectorised form is the one to write because it is");
        System.out.println("shorter and says what it computes, and it wins where a blocked kernel helps (the products).");
    }

    private static void row(String name, DoubleSupplier classic, DoubleSupplier vectorised) {
        double[] c = time(classic);
        double[] v = time(vectorised);
        if (Math.abs(c[1] - v[1]) > 1e-6 * Math.max(1, Math.abs(c[1]))) {
            throw new IllegalStateException(name + ": loop and vectorised results differ: " + c[1] + " vs " + v[1]);
        }
        System.out.printf(Locale.ROOT, "%-28s %11.3f ms %11.3f ms%n", name, c[0], v[0]);
        if (v[0] < c[0]) {
            faster[0]++;
        }
    }

    /** Runs not timed, so the JIT compiles both forms before they are measured. */
    static final int WARM_UP = 15;
    /** Timed runs; their median is shown. */
    static final int RUNS = 21;
    /** The rows in which the vectorised form was faster. */
    private static final int[] faster = {0};

    /** The median of {@link #RUNS} runs in milliseconds after {@link #WARM_UP} untimed ones, and the result. */
    private static double[] time(DoubleSupplier work) {
        double result = 0;
        for (int run = 0; run < WARM_UP; run++) {
            result += work.getAsDouble();
        }
        double[] ms = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            result = work.getAsDouble();
            ms[run] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], result};
    }
}
