package org.nndl4j.engine;

import java.util.Arrays;

import org.nndl4j.matrix.Gemm;
import org.nndl4j.nn.Activation;

/**
 * {@link NetworkEngine}'s float64 passes over matrices held as arrays of rows: sums, biases, activations and their
 * derivatives, copies, transposes and zeroing, the large ones split over the training's threads by rows
 * ({@link Gemm#forRows}) with the same bits as on one.
 */
final class RowPasses {

    private RowPasses() {
    }

    /**
     * {@code M[i0 + i] = dA[i] * g'(M[i0 + i])} for each row of dA, in place: M holds A (which is Z as well) and
     * receives dZ. Every element-wise {@link Activation#backward} reads element j of z and a before it writes element
     * j of dZ, so each element of A is read before its dZ takes its place.
     */
    static void derivativeOver(Activation g, double[][] dA, double[][] M, int i0, int m) {
        for (int i = 0; i < dA.length; i++) {
            g.backward(dA[i], M[i0 + i], M[i0 + i], M[i0 + i], m);
        }
    }

    /** db = (1/m) Σ_j dZ, or Σ_j dZ when dZ is scaled already. */
    static void biasGradient(double[][] dZ, int mb, double[] db, boolean scaled) {
        rowSums(dZ, mb, db);
        for (int i = 0; !scaled && i < db.length; i++) {
            db[i] = db[i] / mb;
        }
    }

    /** dA = dA·D / keep: only the units the forward pass kept pass their gradient on. */
    static void dropoutGradient(double[][] dA, double[][] D, double keep, int mb) {
        for (int i = 0; i < dA.length; i++) {
            double[] da = dA[i];
            double[] d = D[i];
            for (int j = 0; j < mb; j++) {
                da[j] = da[j] * d[j];
                da[j] = da[j] / keep;
            }
        }
    }

    /** {@code s + Σ_{j<w} v[j]}, added in order. */
    static double runningSum(double s, double[] v, int w) {
        for (int j = 0; j < w; j++) {
            s += v[j];
        }
        return s;
    }

    /** T[i][j] = M[i][j0 + j] for j < w. */
    static void copyColumns(double[][] M, int j0, int w, double[][] T) {
        for (int i = 0; i < M.length; i++) {
            System.arraycopy(M[i], j0, T[i], 0, w);
        }
    }

    /**
     * {@code sums[i] = Σ_{j<n} M[i][j]}, each row added from left to right: four rows at a time, so that four
     * independent sums fill the adder's pipeline where one would wait on each addition; each row's sum is the same
     * bits as alone.
     */
    static void rowSums(double[][] M, int n, double[] sums) {
        if (Gemm.splitsRows((long) M.length * n)) {
            Gemm.forRows(M.length, (r0, r1) -> rowSums(M, r0, r1, n, sums));
        } else {
            rowSums(M, 0, M.length, n, sums);
        }
    }

    /** {@code sums[i] = Σ_j M[i][j]} for rows {@code [r0, r1)}, each row summed in order (four rows at a time). */
    static void rowSums(double[][] M, int r0, int r1, int n, double[] sums) {
        int i = r0;
        for (; i + 4 <= r1; i += 4) {
            double[] x0 = M[i];
            double[] x1 = M[i + 1];
            double[] x2 = M[i + 2];
            double[] x3 = M[i + 3];
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int j = 0; j < n; j++) {
                s0 += x0[j];
                s1 += x1[j];
                s2 += x2[j];
                s3 += x3[j];
            }
            sums[i] = s0;
            sums[i + 1] = s1;
            sums[i + 2] = s2;
            sums[i + 3] = s3;
        }
        for (; i < r1; i++) {
            double s = 0.0;
            double[] x = M[i];
            for (int j = 0; j < n; j++) {
                s += x[j];
            }
            sums[i] = s;
        }
    }

    /** y = y + a·x. */
    static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    static void zero(double[][] M) {
        if (M.length > 0 && Gemm.splitsRows((long) M.length * M[0].length)) {
            zeroByRows(M);
            return;
        }
        for (double[] row : M) {
            Arrays.fill(row, 0.0);
        }
    }

    // the passes split over threads are methods of their own, and the serial passes stay written where they were: with
    // the split written into the callers, the flower's training (iterations of about 23 µs) ran a third slower
    static void zeroByRows(double[][] M) {
        Gemm.forRows(M.length, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                Arrays.fill(M[i], 0.0);
            }
        });
    }

    /** Z[i][j] += b[i] for the first {@code m} columns. */
    static void addBiasByRows(double[][] Z, double[] b, int m) {
        Gemm.forRows(Z.length, (r0, r1) -> addBias(Z, b, r0, r1, m));
    }

    static void addBias(double[][] Z, double[] b, int r0, int r1, int m) {
        for (int i = r0; i < r1; i++) {
            double[] z = Z[i];
            double bi = b[i];
            for (int j = 0; j < m; j++) {
                z[j] += bi;
            }
        }
    }

    /** Whether g's passes over a layer of {@code rows x m} values are split by rows (element-wise g, large layer). */
    static boolean splitsByRows(Activation g, int rows, int m) {
        return g.isElementWise() && Gemm.splitsRows((long) rows * m);
    }

    /** A = g(Z), by rows over the training's threads ({@link #splitsByRows}). */
    static void activateByRows(Activation g, double[][] Z, double[][] A, int m) {
        Gemm.forRows(Z.length, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                g.forward(Z[i], A[i], m);
            }
        });
    }

    /** dZ = dA * g'(Z), by rows over the training's threads ({@link #splitsByRows}). */
    static void derivativeByRows(Activation g, double[][] dA, double[][] Z, double[][] A, double[][] dZ,
                                         int m) {
        Gemm.forRows(Z.length, (r0, r1) -> {
            for (int i = r0; i < r1; i++) {
                g.backward(dA[i], Z[i], A[i], dZ[i], m);
            }
        });
    }

    static void transposeInto(double[][] M, double[][] T) {
        transposeColumnsInto(M, 0, T.length, T);
    }

    /** T[j][i] = M[i][j0 + j] for j < w: columns j0 .. j0+w-1 of M, transposed. */
    static void transposeColumnsInto(double[][] M, int j0, int w, double[][] T) {
        // eight rows at a time: eight sequential reads, and each row of T gets a whole cache line per visit
        for (int i0 = 0; i0 < M.length; i0 += 8) {
            int i1 = Math.min(M.length, i0 + 8);
            for (int j = 0; j < w; j++) {
                double[] t = T[j];
                for (int i = i0; i < i1; i++) {
                    t[i] = M[i][j0 + j];
                }
            }
        }
    }

    static double[][] copy(double[][] M) {
        double[][] c = new double[M.length][];
        for (int i = 0; i < M.length; i++) {
            c[i] = M[i].clone();
        }
        return c;
    }
}
