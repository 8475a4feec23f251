package org.nndl4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The summed loss and the summed gradients of the examples of partitions {@code first .. first + 2^level - 1}:
 * {@code Σ L(a, y)}, {@code Σ dW}, {@code Σ db} over those examples (not divided by their number), and their count.
 * Arrays hold layer {@code l} at index {@code l}.
 */
final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    final int first;
    final int level;
    long examples;
    double loss;
    /** Written in bulk ({@link Doubles}); final in all but name. */
    transient double[][][] dW;
    transient double[][] db;

    GradientSum(int first, int level, long examples, double loss, double[][][] dW, double[][] db) {
        this.first = first;
        this.level = level;
        this.examples = examples;
        this.loss = loss;
        this.dW = dW;
        this.db = db;
    }

    /** Zero loss and gradients for the layer sizes {@code dims}, standing for partition {@code partition}. */
    static GradientSum zero(int partition, int[] dims) {
        int L = dims.length - 1;
        double[][][] dW = new double[L + 1][][];
        double[][] db = new double[L + 1][];
        for (int l = 1; l <= L; l++) {
            dW[l] = new double[dims[l]][dims[l - 1]];
            db[l] = new double[dims[l]];
        }
        return new GradientSum(partition, 0, 0, 0.0, dW, db);
    }

    /**
     * This sum plus {@code right} (the next block of partitions), in place: every element {@code this + right},
     * always in that order, so that the same two operands give the same bits.
     */
    GradientSum plus(GradientSum right, int newFirst, int newLevel) {
        GradientSum out = new GradientSum(newFirst, newLevel, examples + right.examples, loss + right.loss, dW, db);
        for (int l = 1; l < dW.length; l++) {
            for (int i = 0; i < dW[l].length; i++) {
                double[] a = dW[l][i];
                double[] c = right.dW[l][i];
                for (int j = 0; j < a.length; j++) {
                    a[j] = a[j] + c[j];
                }
            }
            double[] a = db[l];
            double[] c = right.db[l];
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] + c[i];
            }
        }
        return out;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        int[] dims = new int[dW.length];
        for (int l = 1; l < dW.length; l++) {
            dims[l] = dW[l].length;
            dims[l - 1] = dW[l][0].length;
        }
        Doubles.writeLayers(out, dims, dW, db);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int[] dims = (int[]) in.readObject();
        dW = new double[dims.length][][];
        db = new double[dims.length][];
        Doubles.readLayers(in, dims, dW, db);
    }
}
