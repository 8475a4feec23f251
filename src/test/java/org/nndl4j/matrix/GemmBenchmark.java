package org.nndl4j.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times the products of the benchmark workloads in GFLOP/s, the plain-Java kernel against the Vector API kernel, at
 * 1 and 2 threads (median of the runs). Not a test: run it by hand, with the flag,
 *
 * <pre>
 * mvn -q -o test-compile
 * java -Xmx3g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes \
 *     org.nndl4j.matrix.GemmBenchmark [runs] [part of a product's name]
 * </pre>
 *
 * and {@code gemm_numpy.py} (in the test resources) for numpy's figures on the same shapes.
 */
public final class GemmBenchmark {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private GemmBenchmark() {
    }

    /** Only the products whose name contains this. */
    private static String only = "";

    private interface Product {
        void run();
    }

    /**
     * Prints one line per product, kernel and thread count.
     *
     * @param args the number of timed runs per figure (default 5), then optionally a part of the products' names
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        only = args.length > 1 ? args[1] : "";
        System.out.println("vector kernel available: " + (Gemm.vectorKernel() != null));
        // tall [784, 128, 64, 1], m = 60,000
        double[][] X = random(784, 60000, 1);
        double[][] XT = Gemm.transpose(X);
        double[][] W1 = random(128, 784, 2);
        double[][] Z1 = new double[128][60000];
        double[][] dZ1 = random(128, 60000, 3);
        double[][] dW1 = new double[128][784];
        double[][] W2 = random(64, 128, 4);
        double[][] dZ2 = random(64, 60000, 5);
        double[][] Z2 = new double[64][60000];
        time("tall  Z1 = W1·X       (128x784)(784x60000)", 128L * 784 * 60000, runs,
                () -> Gemm.multAdd(1.0, W1, X, Z1));
        time("tall  dW1 = dZ1·Xᵀ    multTransB(dZ1, X)", 128L * 784 * 60000, runs,
                () -> Gemm.multTransB(1.0 / 60000, dZ1, X, dW1));
        // as the engine reads a large X: in place from the caller's Matrix, no copy of its columns
        Matrix Xm = Matrix.of(X);
        time("tall  Z1 = W1·X       multAddColumns(W1, X)", 128L * 784 * 60000, runs,
                () -> Gemm.multAddColumns(1.0, W1, Xm, 0, 60000, Z1));
        double[][] panel = random(128, 512, 9);
        double[][] lastPanel = random(128, 60000 % 512, 10);
        time("tall  dW1 = dZ1·Xᵀ    multAddTransBColumns, panels of 512", 128L * 784 * 60000, runs, () -> {
            for (int j0 = 0; j0 < 60000; j0 += 512) {
                int w = Math.min(512, 60000 - j0);
                Gemm.multAddTransBColumns(1.0 / 60000, w == 512 ? panel : lastPanel, Xm, j0, j0 + w, dW1);
            }
        });
        time("tall  dW1 = dZ1·(Xᵀ)  multAdd(dZ1, XT)", 128L * 784 * 60000, runs,
                () -> Gemm.multAdd(1.0 / 60000, dZ1, XT, dW1));
        time("tall  Z2 = W2·A1      (64x128)(128x60000)", 64L * 128 * 60000, runs,
                () -> Gemm.multAdd(1.0, W2, Z1, Z2));
        time("tall  dA1 = W2ᵀ·dZ2   (128x64)(64x60000)", 64L * 128 * 60000, runs,
                () -> Gemm.multAddTransA(1.0, W2, dZ2, Z1));
        // cat L-layer [12288, 20, 7, 5, 1], m = 209
        double[][] Xc = random(12288, 209, 6);
        double[][] XcT = Gemm.transpose(Xc);
        double[][] Wc = random(20, 12288, 7);
        double[][] Zc = new double[20][209];
        double[][] dZc = random(20, 209, 8);
        double[][] dWc = new double[20][12288];
        time("cat   Z1 = W1·X       (20x12288)(12288x209)", 20L * 12288 * 209, runs,
                () -> Gemm.multAdd(1.0, Wc, Xc, Zc));
        time("cat   dW1 = dZ1·Xᵀ    multTransB(dZ1, X)", 20L * 12288 * 209, runs,
                () -> Gemm.multTransB(1.0 / 209, dZc, Xc, dWc));
        time("cat   dW1 = dZ1·(Xᵀ)  multAdd(dZ1, XT)", 20L * 12288 * 209, runs,
                () -> Gemm.multAdd(1.0 / 209, dZc, XcT, dWc));
    }

    private static void time(String name, long multiplyAdds, int runs, Product product) {
        if (!name.contains(only)) {
            return;
        }
        boolean vector = Gemm.vectorKernel() != null;
        for (boolean useVector : vector ? new boolean[] {false, true} : new boolean[] {false}) {
            Gemm.useVectorKernel(useVector);
            for (int threads = 1; threads <= 2; threads++) {
                Gemm.setThreads(threads);
                // repeat small products so one timing lasts at least ~20 ms
                int repeat = (int) Math.max(1, 2_000_000_000L / multiplyAdds);
                double[] seconds = new double[runs];
                double[] cpuSeconds = new double[runs];
                for (int r = -2; r < runs; r++) {
                    long c0 = PROCESS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < repeat; i++) {
                        product.run();
                    }
                    double s = (System.nanoTime() - t0) / 1e9 / repeat;
                    if (r >= 0) {
                        // the first two runs warm the JIT up
                        seconds[r] = s;
                        cpuSeconds[r] = (PROCESS.getProcessCpuTime() - c0) / 1e9 / repeat;
                    }
                }
                Arrays.sort(seconds);
                Arrays.sort(cpuSeconds);
                double median = seconds[runs / 2];
                double flop = 2.0 * multiplyAdds;
                // wall-clock rate, and the rate per second of CPU time (what one core does while it runs, however
                // busy the machine is; for 2 threads, per core)
                System.out.println(String.format(Locale.ROOT,
                        "%-45s %-6s %d thread(s): %8.2f ms  %6.1f GFLOP/s wall (best %.1f)  %6.1f GFLOP/s per CPU-s",
                        name, Gemm.kernel(), threads, median * 1e3, flop / median / 1e9, flop / seconds[0] / 1e9,
                        flop / cpuSeconds[runs / 2] / 1e9));
            }
        }
    }

    private static double[][] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] M = new double[rows][cols];
        for (double[] row : M) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return M;
    }
}
