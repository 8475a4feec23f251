package org.nndl4j.matrix;

/**
 * {@link RowKernel} in float32: the plain-Java kernel of the small float products, which C2 auto-vectorises (16
 * floats a register with AVX-512). The shared dimension {@code p} runs in order; blocks of rows of B and of columns
 * keep the working set in cache.
 */
final class FloatRowKernel {

    /** This thread's block of a transposed B, {@code K_BLOCK} rows as wide as the widest C so far. */
    private static final ThreadLocal<float[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[0][]);

    /** Rows of B (the shared dimension) per block. */
    private static final int K_BLOCK = 128;
    /** Columns per block: 128 rows x 1024 columns of B is 512 KB, which stays in L2. */
    private static final int N_BLOCK = 1024;

    private FloatRowKernel() {
    }

    /**
     * {@code C[i] += alpha · Σ_p a(i, p) · B[p]} for rows {@code [i0, i1)} of C, where {@code a(i, p)} is
     * {@code A[i][p]}, or {@code A[p][i]} when {@code transposedA}.
     */
    static void rows(float alpha, float[][] A, boolean transposedA, float[][] B, float[][] C,
                     int i0, int i1, int n, int k) {
        for (int j0 = 0; j0 < n; j0 += N_BLOCK) {
            int j1 = Math.min(n, j0 + N_BLOCK);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int p1 = Math.min(k, p0 + K_BLOCK);
                for (int i = i0; i < i1; i++) {
                    float[] c = C[i];
                    int p = p0;
                    for (; p + 3 < p1; p += 4) {
                        float a0 = alpha * (transposedA ? A[p][i] : A[i][p]);
                        float a1 = alpha * (transposedA ? A[p + 1][i] : A[i][p + 1]);
                        float a2 = alpha * (transposedA ? A[p + 2][i] : A[i][p + 2]);
                        float a3 = alpha * (transposedA ? A[p + 3][i] : A[i][p + 3]);
                        if (a0 == 0.0f && a1 == 0.0f && a2 == 0.0f && a3 == 0.0f) {
                            continue; // ReLU gradients are often zero; 0·b adds nothing for finite b
                        }
                        float[] b0 = B[p];
                        float[] b1 = B[p + 1];
                        float[] b2 = B[p + 2];
                        float[] b3 = B[p + 3];
                        for (int j = j0; j < j1; j++) {
                            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
                        }
                    }
                    for (; p < p1; p++) {
                        float a0 = alpha * (transposedA ? A[p][i] : A[i][p]);
                        float[] b0 = B[p];
                        for (int j = j0; j < j1; j++) {
                            c[j] += a0 * b0[j];
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code C[i][q] += alpha · Σ_p A[i][p]·B[q][p]} for columns {@code [q0, q1)} of C: blocks of {@code K_BLOCK}
     * rows of Bᵀ transposed into this thread's scratch ({@code K_BLOCK x q1}), then the row kernel's loop on them, so
     * the inner loop runs along C's rows as C2 vectorises it.
     */
    static void rowsTransB(float alpha, float[][] A, float[][] B, float[][] C, int q0, int q1, int m, int k) {
        float[][] T = TRANSPOSED.get();
        if (T.length < K_BLOCK || T[0].length < q1) {
            // indexed by C's own columns, so that C's and T's rows line up in the inner loop (which C2 then vectorises)
            T = new float[K_BLOCK][Math.max(q1, T.length == 0 ? 0 : T[0].length)];
            TRANSPOSED.set(T);
        }
        for (int j0 = q0; j0 < q1; j0 += N_BLOCK) {
            int j1 = Math.min(q1, j0 + N_BLOCK);
            for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
                int kb = Math.min(K_BLOCK, k - p0);
                // T[p][j] = B[j][p0 + p]
                for (int j = j0; j < j1; j++) {
                    float[] b = B[j];
                    for (int p = 0; p < kb; p++) {
                        T[p][j] = b[p0 + p];
                    }
                }
                for (int i = 0; i < m; i++) {
                    float[] a = A[i];
                    float[] c = C[i];
                    int p = 0;
                    for (; p + 3 < kb; p += 4) {
                        float a0 = alpha * a[p0 + p];
                        float a1 = alpha * a[p0 + p + 1];
                        float a2 = alpha * a[p0 + p + 2];
                        float a3 = alpha * a[p0 + p + 3];
                        if (a0 == 0.0f && a1 == 0.0f && a2 == 0.0f && a3 == 0.0f) {
                            continue;
                        }
                        float[] b0 = T[p];
                        float[] b1 = T[p + 1];
                        float[] b2 = T[p + 2];
                        float[] b3 = T[p + 3];
                        for (int j = j0; j < j1; j++) {
                            c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
                        }
                    }
                    for (; p < kb; p++) {
                        float a0 = alpha * a[p0 + p];
                        float[] b0 = T[p];
                        for (int j = j0; j < j1; j++) {
                            c[j] += a0 * b0[j];
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code C[i][q] += alpha · Σ_p A[i][p]·B[q][p]} for columns {@code [q0, q1)} of C, as dot products of rows, each
     * in four interleaved partial sums (so the additions can overlap), then added up.
     */
    static void dots(float alpha, float[][] A, float[][] B, float[][] C, int q0, int q1, int m, int k) {
        for (int q = q0; q < q1; q++) {
            float[] b = B[q];
            for (int i = 0; i < m; i++) {
                float[] a = A[i];
                float s0 = 0.0f;
                float s1 = 0.0f;
                float s2 = 0.0f;
                float s3 = 0.0f;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[p] * b[p];
                    s1 += a[p + 1] * b[p + 1];
                    s2 += a[p + 2] * b[p + 2];
                    s3 += a[p + 3] * b[p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[p] * b[p];
                }
                C[i][q] += alpha * ((s0 + s1) + (s2 + s3));
            }
        }
    }
}
