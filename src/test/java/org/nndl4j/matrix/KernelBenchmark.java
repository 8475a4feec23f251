package org.nndl4j.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times the parts of a large packed product apart, on the tall workload's X (784 x 60,000): the tile kernel alone,
 * on one packed A panel (in L1) and one packed block of B ({@value PackedGemm#KC} x {@value PackedGemm#NC}, in L2),
 * and one pass of each packing of X, straight (for Z1 = W1·X) and transposed (for dW1 = dZ1·Xᵀ). Not a test: run it
 * by hand, with the flag and on one core,
 *
 * <pre>
 * mvn -q -o test-compile
 * taskset -c 0 java -Xmx3g --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages \
 *     -cp target/classes:target/test-classes org.nndl4j.matrix.KernelBenchmark [runs]
 * </pre>
 *
 * The kernel's rate against {@link GemmBenchmark}'s for the whole product, and the packings' times against the
 * product's, say how much of a product is arithmetic and how much is reading X.
 */
public final class KernelBenchmark {

    private KernelBenchmark() {
    }

    /**
     * Prints the kernel's GFLOP/s and the packings' milliseconds, each the median of the runs after two untimed ones.
     *
     * @param args the number of timed runs (default 5)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MicroKernel kernel = Gemm.vectorKernel();
        if (kernel == null) {
            System.out.println("no Vector API kernel in this JVM: start it with --add-modules jdk.incubator.vector");
            return;
        }
        Random random = new Random(1);
        int mr = kernel.rows();
        int nr = kernel.cols();
        int kc = PackedGemm.KC;
        int nc = PackedGemm.NC;
        double[] a = new double[mr * kc];
        double[] b = new double[kc * nc];
        Arrays.setAll(a, i -> random.nextDouble());
        Arrays.setAll(b, i -> random.nextDouble());
        double[][] C = new double[mr][nc];
        double[] sums = new double[mr * nr];
        int calls = 2000;
        double seconds = median(runs, () -> {
            for (int r = 0; r < calls; r++) {
                for (int jr = 0; jr < nc; jr += nr) {
                    kernel.multiply(kc, a, 0, b, jr * kc, 1.0, C, 0, mr, jr, nr, false, sums);
                }
            }
        });
        System.out.printf(Locale.ROOT, "tile kernel %d x %d alone, A panel %d x %d, B block %d x %d: %.1f GFLOP/s%n",
                mr, nr, mr, kc, kc, nc, 2.0 * mr * nc * kc * calls / seconds / 1e9);

        int n0 = 784;
        int m = 60000;
        double[] X = new double[n0 * m];
        Arrays.setAll(X, i -> random.nextDouble());
        double[] panel = new double[kc * nc];
        // Z1 = W1·X: B = X, KC rows of features by NC examples a block
        PackedGemm.Operands straight = new PackedGemm.Operands(1.0, null, false, null, X, m, 0, false, null, n0);
        double pack = median(runs, () -> {
            for (int jc = 0; jc < m; jc += nc) {
                for (int pc = 0; pc < n0; pc += kc) {
                    PackedGemm.packB(straight, pc, Math.min(kc, n0 - pc), jc, Math.min(nc, m - jc), nr, panel, 0);
                }
            }
        });
        // dW1 = dZ1·Xᵀ: B = Xᵀ, KC rows of examples by NC features a block
        PackedGemm.Operands transposed = new PackedGemm.Operands(1.0, null, false, null, X, m, 0, true, null, m);
        double packT = median(runs, () -> {
            for (int jc = 0; jc < n0; jc += nc) {
                for (int pc = 0; pc < m; pc += kc) {
                    PackedGemm.packB(transposed, pc, Math.min(kc, m - pc), jc, Math.min(nc, n0 - jc), nr, panel, 0);
                }
            }
        });
        double gigabytes = 8.0 * n0 * m / 1e9;
        System.out.printf(Locale.ROOT, "packing X (%d x %d) for Z1 = W1·X: %.1f ms a pass, %.1f GB/s%n",
                n0, m, pack * 1e3, gigabytes / pack);
        System.out.printf(Locale.ROOT, "packing Xᵀ for dW1 = dZ1·Xᵀ: %.1f ms a pass, %.1f GB/s%n",
                packT * 1e3, gigabytes / packT);
    }

    /** The median wall time of {@code runs} runs of {@code work}, after two untimed ones. */
    private static double median(int runs, Runnable work) {
        double[] seconds = new double[runs];
        for (int r = -2; r < runs; r++) {
            long t0 = System.nanoTime();
            work.run();
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }
}
