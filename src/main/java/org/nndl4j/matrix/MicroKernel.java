package org.nndl4j.matrix;

/**
 * The register tile of {@link PackedGemm}: {@code C[i0 + r][j0 + c] += alpha · Σ_p a[p·MR + r] · b[p·NR + c]} for
 * {@code r < rows <= MR}, {@code c < cols <= NR}, over packed panels of A ({@code MR} values per {@code p}) and B
 * ({@code NR} values per {@code p}), zero-padded past {@code rows} and {@code cols}. Every element of C is computed
 * the same way wherever it sits in a tile (one fused multiply-add per {@code p} in order, then
 * {@code c + alpha·sum} rounded once), so the split of C over threads cannot change a bit.
 */
interface MicroKernel {

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
     * @param overwrite whether to write {@code fma(sum, alpha, +0.0)} without reading C: the bits of a tile of C
     *              zeroed beforehand (the first block of the shared dimension of {@code C = alpha·A·B})
     * @param sums  the calling thread's scratch tile, at least {@code MR x NR} values, for this call alone (a
     *              thread-local looked up in the kernel cost a recompilation when another thread first called it)
     */
    void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double alpha, double[][] C,
                  int i0, int rows, int j0, int cols, boolean overwrite, double[] sums);
}
