package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * A running average per parameter, the course's {@code v} (velocity) or {@code s} (squared gradients) dictionary as a
 * typed value: one matrix of {@code W[l]}'s shape and one of {@code b[l]}'s per layer.
 *
 * <p>Numbering: the lists are 0-based, the accessors 1-based ({@code dW(l)} is the course's {@code v["dW" + l]}).
 *
 * @param dW the averages for {@code W1..WL}
 * @param db the averages for {@code b1..bL}
 */
public record Moments(List<Matrix> dW, List<Matrix> db) {

    /**
     * @param dW the averages for {@code W1..WL}; copied
     * @param db the averages for {@code b1..bL}; copied
     * @throws IllegalArgumentException if a list is null or they differ in length
     */
    public Moments {
        Checks.notNull("Moments", "dW", dW);
        Checks.notNull("Moments", "db", db);
        dW = List.copyOf(dW);
        db = List.copyOf(db);
        if (dW.size() != db.size()) {
            throw new Nndl4jException("Moments: " + dW.size() + " dW but " + db.size() + " db");
        }
    }

    /**
     * Zeros of the parameters' shapes (the course's {@code initialize_velocity} / {@code initialize_adam}).
     *
     * @param parameters the network
     * @return zero averages
     */
    public static Moments zerosLike(DeepParameters parameters) {
        Checks.notNull("Moments.zerosLike", "parameters", parameters);
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= parameters.numLayers(); l++) {
            w.add(Matrix.zeros(parameters.W(l).rows(), parameters.W(l).cols()));
            b.add(Matrix.zeros(parameters.b(l).rows(), 1));
        }
        return new Moments(w, b);
    }

    /** @return the number of layers */
    public int numLayers() {
        return dW.size();
    }

    /**
     * @param l the layer, 1-based
     * @return the course's {@code v["dW" + l]}
     */
    public Matrix dW(int l) {
        return dW.get(index(l));
    }

    /**
     * @param l the layer, 1-based
     * @return the course's {@code v["db" + l]}
     */
    public Matrix db(int l) {
        return db.get(index(l));
    }

    private int index(int l) {
        if (l < 1 || l > dW.size()) {
            throw new IndexOutOfBoundsException("Moments: layer " + l + " does not exist; layers are 1.." + dW.size());
        }
        // course layer l is list index l - 1
        return l - 1;
    }
}
