package org.nndl4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parameters, gradients and blocks through Java serialization in bulk: one array of bytes per layer instead of
 * {@code ObjectOutputStream}'s double after double, which took most of an iteration's time on the cat networks
 * (the broadcast parameters and each partition's gradients, 2 MB each for the L-layer network).
 * Arrays hold layer {@code l} at index {@code l} (index 0 unused); a layer's matrix is written row after row.
 */
final class Doubles {

    private Doubles() {
    }

    /** Writes the layer sizes {@code dims}, then every {@code W[l]} and {@code b[l]} in bulk. */
    static void writeLayers(ObjectOutputStream out, int[] dims, double[][][] W, double[][] b) throws IOException {
        out.writeObject(dims);
        for (int l = 1; l < dims.length; l++) {
            int rows = dims[l];
            int cols = dims[l - 1];
            ByteBuffer bytes = ByteBuffer.allocate(8 * (rows * cols + rows)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rows; i++) {
                bytes.asDoubleBuffer().position(i * cols).put(W[l][i]);
            }
            bytes.asDoubleBuffer().position(rows * cols).put(b[l]);
            out.writeInt(bytes.capacity());
            out.write(bytes.array());
        }
    }

    /** Reads what {@link #writeLayers} wrote into {@code W} and {@code b} (arrays of {@code dims.length}). */
    static void readLayers(ObjectInputStream in, int[] dims, double[][][] W, double[][] b) throws IOException {
        for (int l = 1; l < dims.length; l++) {
            int rows = dims[l];
            int cols = dims[l - 1];
            int n = in.readInt();
            if (n != 8 * (rows * cols + rows)) {
                throw new IOException("layer " + l + ": " + n + " bytes, expected " + 8 * (rows * cols + rows));
            }
            byte[] raw = new byte[n];
            in.readFully(raw);
            ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            W[l] = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                bytes.asDoubleBuffer().position(i * cols).get(W[l][i]);
            }
            b[l] = new double[rows];
            bytes.asDoubleBuffer().position(rows * cols).get(b[l]);
        }
    }

    /** Writes {@code values} in bulk: its length, then its bytes. */
    static void writeArray(ObjectOutputStream out, double[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        out.writeInt(values.length);
        out.write(bytes.array());
    }

    /** Reads what {@link #writeArray} wrote. */
    static double[] readArray(ObjectInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > Integer.MAX_VALUE / 8) {
            throw new IOException("an array of " + n + " doubles");
        }
        byte[] raw = new byte[8 * n];
        in.readFully(raw);
        double[] values = new double[n];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        return values;
    }
}
