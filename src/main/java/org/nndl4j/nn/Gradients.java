package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.List;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

/**
 * The gradients of a network's cost with respect to its parameters, {@code dW[l]} and {@code db[l]} of the shapes of
 * {@code W[l]} and {@code b[l]}.
 *
 * <p>Numbering: the lists are 0-based, the accessors 1-based: {@code dW(l)} is {@code dW().get(l - 1)}.
 *
 * @param dW {@code dW1..dWL}
 * @param db {@code db1..dbL}
 */
public record Gradients(List<Matrix> dW, List<Matrix> db) {

    /**
     * @param dW {@code dW1..dWL}; copied
     * @param db {@code db1..dbL}; copied
     * @throws IllegalArgumentException if a list is null, empty, holds a null or the two differ in length
     * @throws ShapeException           if some {@code db[l]} is not {@code (rows of dW[l], 1)}
     */
    public Gradients {
        Checks.notNull("Gradients", "dW", dW);
        Checks.notNull("Gradients", "db", db);
        dW = List.copyOf(dW);
        db = List.copyOf(db);
        if (dW.isEmpty() || dW.size() != db.size()) {
            throw new Nndl4jException("Gradients: need one dW and one db per layer, got " + dW.size() + " and "
                    + db.size());
        }
        for (int i = 0; i < dW.size(); i++) {
            if (db.get(i).rows() != dW.get(i).rows() || db.get(i).cols() != 1) {
                throw new ShapeException("Gradients", dW.get(i).shape(), db.get(i).shape(), "(dW" + (i + 1) + ", db" + (i + 1)
                        + ") do not fit: db must be (" + dW.get(i).rows() + ", 1)");
            }
        }
    }

    /**
     * The number of layers.
     *
     * @return the number of layers {@code L}
     */
    public int numLayers() {
        return dW.size();
    }

    /**
     * {@code dW[l]}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code dW[l]}, shape {@code (n[l], n[l-1])}
     */
    public Matrix dW(int l) {
        checkLayer(l);
        return dW.get(l - 1);
    }

    /**
     * {@code db[l]}, 1-based.
     *
     * @param l the layer, {@code 1 <= l <= L}
     * @return {@code db[l]}, shape {@code (n[l], 1)}
     */
    public Matrix db(int l) {
        checkLayer(l);
        return db.get(l - 1);
    }

    private void checkLayer(int l) {
        if (l < 1 || l > dW.size()) {
            throw new IndexOutOfBoundsException("Gradients: layer " + l + " does not exist; layers are 1.." + dW.size());
        }
    }
}
