package org.nndl4j.matrix;

/**
 * {@link MicroKernel} in float32, the register tile of {@link FloatPackedGemm}:
 * {@code C[i0 + r][j0 + c] += alpha · Σ_p a[p·MR + r] · b[p·NR + c]} over zero-padded packed panels, one fused
 * multiply-add per {@code p} in order from {@code +0.0f}, then {@code c = fma(sum, alpha, c)}: every element of C is
 * computed the same way wherever it sits in a tile, so the split of C over threads cannot change a bit.
 */
interface FloatMicroKernel {

    /** @return the rows of the tile, {@code MR} */
    int rows();

    /** @return the columns of the tile, {@code NR} */
    int cols();

    /**
     * Adds {@code alpha} times the product of one packed A panel and one packed B panel to a tile of C.
     *
     * @param kc    the length of the shared dimension in the panels
     * @param a     packed A, the panel starting at {@code aOff}
     * @param aOff  where the A panel starts
     * @param b     packed B, the panel starting at {@code bOff}
     * @param bOff  where the B panel starts
     * @param alpha the scale of the product
     * @param C     the output rows; modified
     * @param i0    the first row of the tile
     * @param rows  the rows of the tile inside C, {@code 1..MR}
     * @param j0    the first column of the tile
     * @param cols  the columns of the tile inside C, {@code 1..NR}
     * @param sums  the calling thread's scratch tile, at least {@code MR x NR} values, for this call alone (a
     *              thread-local looked up in the kernel cost a recompilation when another thread first called it)
     */
    void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float alpha, float[][] C,
                  int i0, int rows, int j0, int cols, float[] sums);
}
