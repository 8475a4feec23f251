package org.nndl4j.matrix;

import java.util.Objects;

import org.ejml.data.DMatrixRMaj;

/**
 * A small matrix-multiply kernel for the training hot loops, on EJML's row-major {@link DMatrixRMaj}.
 *
 * <p>EJML stays the matrix core; this exists because its general multiply is several times slower
 * than OpenBLAS on the course's shapes (a 20 x 12288 weight matrix times 12288 x 209 images). The
 * kernel is written so that HotSpot's C2 compiler vectorises its inner loop (AVX2/AVX-512) with no
 * JVM flags: every update is {@code c[j] += a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]} over a
 * contiguous row {@code j}, four rows of {@code B} at a time, with the shared dimension blocked so
 * that the rows of {@code B} in use stay in cache. The sum over the shared dimension runs in order,
 * like EJML's and the textbook's, so results agree with EJML's to rounding.
 *
 * <p>All methods write only their output {@code C}, which must not be one of the inputs. Shapes are
 * checked; a mismatch throws a {@link ShapeException} naming both shapes.
 */
public final class Gemm {

    /** Rows of B (the shared dimension) processed per block: 256 rows of 209 doubles ≈ 430 KB, in L2. */
    private static final int K_BLOCK = 256;

    private Gemm() {
    }

    /** {@code C = A · B}. Modifies only {@code C}, which is reshaped to {@code (A.rows, B.cols)}. */
    public static void mult(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        check("mult", A.numCols, B.numRows, A, B, C);
        C.reshape(A.numRows, B.numCols);
        java.util.Arrays.fill(C.data, 0, C.getNumElements(), 0.0);
        kernel(A.numRows, B.numCols, A.numCols, 1.0, A.data, A.numCols, 1, B.data, B.numCols, C.data);
    }

    /** {@code C = C + alpha · A · B}. Modifies only {@code C}, which must be {@code (A.rows, B.cols)}. */
    public static void multAdd(double alpha, DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        check("multAdd", A.numCols, B.numRows, A, B, C);
        requireOutput("multAdd", C, A.numRows, B.numCols);
        kernel(A.numRows, B.numCols, A.numCols, alpha, A.data, A.numCols, 1, B.data, B.numCols, C.data);
    }

    /** {@code C = Aᵀ · B} without forming {@code Aᵀ}. Modifies only {@code C}, reshaped to {@code (A.cols, B.cols)}. */
    public static void multTransA(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        check("multTransA", A.numRows, B.numRows, A, B, C);
        C.reshape(A.numCols, B.numCols);
        java.util.Arrays.fill(C.data, 0, C.getNumElements(), 0.0);
        kernel(A.numCols, B.numCols, A.numRows, 1.0, A.data, 1, A.numCols, B.data, B.numCols, C.data);
    }

    /** {@code C = C + alpha · Aᵀ · B} without forming {@code Aᵀ}. Modifies only {@code C}. */
    public static void multAddTransA(double alpha, DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        check("multAddTransA", A.numRows, B.numRows, A, B, C);
        requireOutput("multAddTransA", C, A.numCols, B.numCols);
        kernel(A.numCols, B.numCols, A.numRows, alpha, A.data, 1, A.numCols, B.data, B.numCols, C.data);
    }

    /**
     * {@code C[i][j] += alpha · Σ_p a(i, p) · B[p][j]} for {@code i < m, j < n, p < k}, where
     * {@code a(i, p) = a[i·aRow + p·aCol]} (so A may be read transposed) and B, C are row-major with
     * {@code n} and {@code bRowStride} columns.
     */
    private static void kernel(int m, int n, int k, double alpha, double[] a, int aRow, int aCol,
                               double[] b, int bRowStride, double[] c) {
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int p1 = Math.min(k, p0 + K_BLOCK);
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                int ai = i * aRow;
                int p = p0;
                for (; p + 3 < p1; p += 4) {
                    double a0 = alpha * a[ai + p * aCol];
                    double a1 = alpha * a[ai + (p + 1) * aCol];
                    double a2 = alpha * a[ai + (p + 2) * aCol];
                    double a3 = alpha * a[ai + (p + 3) * aCol];
                    if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                        continue; // ReLU gradients are often zero: skip the row block
                    }
                    int b0 = p * bRowStride;
                    int b1 = b0 + bRowStride;
                    int b2 = b1 + bRowStride;
                    int b3 = b2 + bRowStride;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = c[ci + j] + a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                    }
                }
                for (; p < p1; p++) {
                    double a0 = alpha * a[ai + p * aCol];
                    int b0 = p * bRowStride;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += a0 * b[b0 + j];
                    }
                }
            }
        }
    }

    private static void check(String op, int inner, int innerB, DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj C) {
        Objects.requireNonNull(A, op + ": A is null");
        Objects.requireNonNull(B, op + ": B is null");
        Objects.requireNonNull(C, op + ": C is null");
        if (inner != innerB) {
            throw new ShapeException(op, new Shape(A.numRows, A.numCols), new Shape(B.numRows, B.numCols),
                    "not aligned: " + inner + " != " + innerB);
        }
        if (C == A || C == B) {
            throw new IllegalArgumentException(op + ": the output C must not be one of the inputs");
        }
    }

    private static void requireOutput(String op, DMatrixRMaj C, int rows, int cols) {
        if (C.numRows != rows || C.numCols != cols) {
            throw new ShapeException(op, "output C of shape " + new Shape(rows, cols), new Shape(C.numRows, C.numCols));
        }
    }
}
