package org.nndl4j.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * Seconds per PRIMAL gradient-descent iteration on the two workloads (random data of their shapes), median
 * of the runs, at 1 and 2 threads. Not a test: run it by hand; with {@code -Dnndl4j.gemm.kernel=rows} or without
 * {@code --add-modules jdk.incubator.vector} it times the plain-Java kernel.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/deps.txt
 * java -Xmx6g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/deps.txt) \
 *     org.nndl4j.engine.PrimalStepBenchmark [runs] [tall|cat]
 * </pre>
 */
public final class PrimalStepBenchmark {

    private PrimalStepBenchmark() {
    }

    /**
     * Prints one line per workload and thread count.
     *
     * @param args the number of timed iterations (default 5), then optionally one workload
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String only = args.length > 1 ? args[1] : "";
        System.out.println("kernel: " + Gemm.kernel());
        if (!only.equals("tall")) {
            time("cat L-layer [12288,20,7,5,1], m = 209", new int[] {12288, 20, 7, 5, 1}, 209, runs * 20);
        }
        if (!only.equals("cat")) {
            time("tall [784,128,64,1], m = 60000", new int[] {784, 128, 64, 1}, 60000, runs);
        }
    }

    private static void time(String name, int[] dims, int m, int runs) {
        Random r = new Random(1);
        double[][] X = new double[dims[0]][m];
        for (double[] row : X) {
            for (int j = 0; j < m; j++) {
                row[j] = r.nextDouble();
            }
        }
        double[][] Y = new double[1][m];
        for (int j = 0; j < m; j++) {
            Y[0][j] = r.nextInt(2);
        }
        Network network = Initialization.HE.initialize(dims, Activation.RELU, Activation.SIGMOID, new NumpyRandom(1));
        NetworkEngine engine = NetworkEngine.primal(network, Matrix.of(X), Matrix.of(Y));
        for (int threads = 1; threads <= 2; threads++) {
            double[] seconds = new double[runs];
            double cost = Gemm.withThreads(threads, () -> {
                double c = 0;
                for (int i = -2; i < runs; i++) {
                    long t0 = System.nanoTime();
                    c = engine.step(0.001);
                    if (i >= 0) {
                        seconds[i] = (System.nanoTime() - t0) / 1e9;
                    }
                }
                return c;
            });
            Arrays.sort(seconds);
            System.out.println(String.format(Locale.ROOT, "%-40s %s, %d thread(s): %.4f s/iteration (median; best %.4f), cost %.6f",
                    name, Gemm.kernel(), threads, seconds[runs / 2], seconds[0], cost));
        }
    }
}
