package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

import org.nndl4j.matrix.Checks;

/**
 * The library's one rule for "will this fit?": before a network's parameters are drawn, before a trainer builds its
 * buffers and before a prediction runs, the bytes they need are estimated from the layer sizes
 * {@code [n[0], ..., n[L]]} and the number of examples {@code m}, and compared with what the heap can give,
 * {@link Runtime#maxMemory()} less the heap in use ({@link Checks#fitsInMemory}). Too large a request is refused at
 * once, with a message naming the layer sizes, the
 * estimate and the limit, instead of computing for a while and dying of an {@link OutOfMemoryError}.
 *
 * <p>Every estimate is computed in floating point, so no size, however large, overflows; it counts 8 bytes a value
 * and, for the engines' arrays of rows, the rows' own headers. The same estimates decide whether
 * {@code Engine.AUTO} may choose the Gram engine ({@code org.nndl4j.train.Training#trainable}).
 */
public final class MemoryBudget {

    /** Bytes of one row's array header and reference, counted for every row of the engines' arrays of rows. */
    private static final double ROW_OVERHEAD = 24.0;

    /**
     * The engines copy an operand whole only up to this many values (32 MB): the examples X as rows and Xᵀ when X is
     * at most this large; a larger X is read from the caller's matrix a panel of examples at a time, and a transposed
     * activation is formed a panel at a time when a pass has more examples than a panel and the whole would hold more
     * than {@link #WHOLE_TRANSPOSE_VALUES}. So training never holds a second copy of a large X. (Mini-batches of a
     * large X are gathered a quarter of the examples at a time, into a quarter of X's size, when the heap has twice
     * that to spare; otherwise one by one. That is not counted here: it is a choice for speed, dropped when it does not
     * fit.)
     */
    public static final int HELD_VALUES = 1 << 22;

    /**
     * A transposed activation of at most this many values (4 MB) is formed whole, whatever the number of examples:
     * one product over all of a few thousand examples runs on the packed kernel where a panel's would not.
     */
    public static final int WHOLE_TRANSPOSE_VALUES = HELD_VALUES / 8;

    /** The most examples of one such panel (the panels' buffers are a few times {@code n[l] x PANEL_COLUMNS}). */
    public static final int PANEL_COLUMNS = 512;

    private MemoryBudget() {
    }

    /**
     * The number of parameters of a network of these sizes, {@code Σ_l n[l]·(n[l-1] + 1)}, as a double (exact up to
     * 2^53, never overflowing).
     *
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @return the number of weights and biases
     */
    public static double parameterCount(int[] layerDims) {
        requireSizes("parameterCount", layerDims);
        double count = 0.0;
        for (int l = 1; l < layerDims.length; l++) {
            count += (double) layerDims[l] * ((double) layerDims[l - 1] + 1.0);
        }
        return count;
    }

    /**
     * The bytes drawing a network's parameters needs: the parameters, and for the largest layer the random draw, its
     * matrix and its scaled copy while they are made.
     *
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @return the estimate in bytes ({@link Long#MAX_VALUE} if beyond counting)
     */
    public static long parameterBytes(int[] layerDims) {
        double largest = 0.0;
        for (int l = 1; l < layerDims.length; l++) {
            largest = Math.max(largest, (double) layerDims[l] * layerDims[l - 1]);
        }
        return bytes(8.0 * (parameterCount(layerDims) + 3.0 * largest));
    }

    /**
     * Refuses to create the parameters of a network of these sizes if they cannot fit in the heap.
     *
     * @param operation named first in the message
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @throws IllegalArgumentException naming the layer sizes, the estimate and {@link Runtime#maxMemory()}
     */
    public static void requireParameters(String operation, int[] layerDims) {
        Checks.fitsInMemory(operation, "the parameters of layer sizes " + Arrays.toString(layerDims),
                parameterBytes(layerDims));
    }

    /**
     * The bytes training a network of these sizes on {@code m} examples needs beyond the examples themselves: the
     * parameters (the initial network, the engine's copy, the gradients, the trained network), the optimizer's state,
     * the labels, per layer {@code Z}, {@code A} and {@code dZ} ({@code dA} is computed into {@code dZ}), the engine's
     * copy of X as rows and its transpose when X has at most {@link #HELD_VALUES} values (else the panels'
     * buffers), and each previous layer's transposed {@code A} (or its panels' buffers when {@code m} exceeds
     * {@link #PANEL_COLUMNS} and the whole would exceed {@link #WHOLE_TRANSPOSE_VALUES}); for the Gram engine, which always holds X as rows, also {@code G = Xᵀ·X}
     * ({@code m x m}), {@code C} ({@code n[1] x m}) and the initial {@code W1}.
     *
     * @param layerDims   {@code [n[0], ..., n[L]]}
     * @param m           the number of examples
     * @param stateCopies how many values per parameter the optimizer keeps (0 for gradient descent, 1 for momentum
     *                    and RMSprop, 2 for Adam)
     * @param gram        whether the Gram engine computes the steps
     * @return the estimate in bytes ({@link Long#MAX_VALUE} if beyond counting)
     */
    public static long trainingBytes(int[] layerDims, int m, int stateCopies, boolean gram) {
        requireExamples("trainingBytes", m);
        double M = m;
        double parameters = parameterCount(layerDims);
        double n0 = layerDims[0];
        double nL = layerDims[layerDims.length - 1];
        // the parameters four times (initial network, engine copy, gradients, trained network), the optimizer state
        double values = (4.0 + Math.max(0, stateCopies)) * parameters;
        // Y as rows; X as rows and Xᵀ when small (always for GRAM), else two widths of panels of X, Xᵀ and W1·X
        double widest = 0.0;
        for (int l = 0; l < layerDims.length - 1; l++) {
            widest = Math.max(widest, layerDims[l]);
        }
        // as the engine: a panel's transposed operand holds at most HELD_VALUES values (at least 4 examples)
        double panel = Math.min(M, Math.min(PANEL_COLUMNS, Math.max(4, Math.floor(HELD_VALUES / widest / 4) * 4)));
        values += rows(nL, M);
        values += gram || n0 * M <= HELD_VALUES ? rows(n0, M) + rows(M, n0)
                : 2.0 * (rows(n0, panel) + rows(panel, n0) + rows(layerDims[1], panel));
        for (int l = 1; l < layerDims.length; l++) {
            double n = layerDims[l];
            double nPrev = layerDims[l - 1];
            // Z, A, dZ of layer l; Aᵀ of layer l - 1 (for l > 1), whole or as two widths of panels with dZ's panels
            values += 3.0 * rows(n, M);
            if (l > 1) {
                values += M <= PANEL_COLUMNS || M * nPrev <= WHOLE_TRANSPOSE_VALUES ? rows(M, nPrev)
                        : 2.0 * (rows(panel, nPrev) + rows(n, panel));
            }
        }
        if (gram) {
            double n1 = layerDims[1];
            // G = Xᵀ·X, C, W1 at the start
            values += rows(M, M) + rows(n1, M) + rows(n1, n0);
        }
        return bytes(8.0 * values);
    }

    /**
     * Refuses to train a network of these sizes on {@code m} examples if its buffers cannot fit in the heap
     * ({@link #trainingBytes}).
     *
     * @param operation   named first in the message
     * @param layerDims   {@code [n[0], ..., n[L]]}
     * @param m           the number of examples
     * @param stateCopies values per parameter the optimizer keeps
     * @param gram        whether the Gram engine computes the steps
     * @throws IllegalArgumentException naming the layer sizes, m, the estimate and {@link Runtime#maxMemory()}
     */
    public static void requireTraining(String operation, int[] layerDims, int m, int stateCopies, boolean gram) {
        Checks.fitsInMemory(operation, "training layer sizes " + Arrays.toString(layerDims) + " on m = " + m
                + " examples" + (gram ? " with the Gram engine (G is m x m)" : ""),
                trainingBytes(layerDims, m, stateCopies, gram));
    }

    /**
     * The bytes a forward pass (a prediction) of a network of these sizes on {@code m} examples needs: for the
     * widest step, the previous activations and the new layer's {@code W·A}, {@code + b} and {@code g(Z)}.
     *
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @param m         the number of examples
     * @return the estimate in bytes ({@link Long#MAX_VALUE} if beyond counting)
     */
    public static long forwardBytes(int[] layerDims, int m) {
        requireSizes("forwardBytes", layerDims);
        double widest = 0.0;
        for (int l = 1; l < layerDims.length; l++) {
            widest = Math.max(widest, ((double) layerDims[l - 1] + 3.0 * layerDims[l]) * Math.max(m, 0));
        }
        return bytes(8.0 * (widest + Math.max(m, 0)));
    }

    /**
     * Refuses a forward pass of a network of these sizes on {@code m} examples if it cannot fit in the heap.
     *
     * @param operation named first in the message
     * @param layerDims {@code [n[0], ..., n[L]]}
     * @param m         the number of examples
     * @throws IllegalArgumentException naming the layer sizes, m, the estimate and {@link Runtime#maxMemory()}
     */
    public static void requireForward(String operation, int[] layerDims, int m) {
        Checks.fitsInMemory(operation, "a forward pass of layer sizes " + Arrays.toString(layerDims) + " on m = " + m
                + " examples", forwardBytes(layerDims, m));
    }

    /** Values of a {@code rows x cols} array of rows, counting each row's header as values. */
    private static double rows(double rows, double cols) {
        return rows * (cols + ROW_OVERHEAD / 8.0);
    }

    private static long bytes(double estimate) {
        return estimate >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(estimate);
    }

    private static void requireSizes(String operation, int[] layerDims) {
        Checks.notNull(operation, "layerDims", layerDims);
        if (layerDims.length < 2) {
            throw new Nndl4jException(operation + ": layerDims needs the input size and at least one layer "
                    + "size, got " + Arrays.toString(layerDims));
        }
        for (int i = 0; i < layerDims.length; i++) {
            if (layerDims[i] < 1) {
                throw new Nndl4jException(operation + ": layer sizes must be >= 1, got layerDims[" + i
                        + "] = " + layerDims[i] + " in " + Arrays.toString(layerDims));
            }
        }
    }

    private static void requireExamples(String operation, int m) {
        if (m < 1) {
            throw new Nndl4jException(operation + ": no examples (m = " + m + ")");
        }
    }
}
