package org.nndl4j.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;

/**
 * What {@link NetworkEngine} derives from the training inputs X and only reads: X as an array of rows,
 * and the Gram matrix {@code G = Xᵀ·X}. Asked for only by the Gram engine and for a small X (at most
 * {@code MemoryBudget.HELD_VALUES} values): a larger X is read in panels and never copied whole. Training several models on the same data (the cat example
 * trains two; a learning-rate sweep trains several) derives them once. {@code Matrix} is immutable, so
 * an X's identity stands for its contents (looking up by identity costs nothing; hashing 2.5 million
 * values would not). Entries are dropped at the next lookup after their X has been collected.
 */
final class InputCache {

    /** The derived forms of one X, held while X is alive; {@code gram} is computed on first request. */
    private static final class Entry extends WeakReference<Matrix> {
        final double[][] rows;
        double[][] gram;

        Entry(Matrix x) {
            super(x);
            this.rows = x.toArray();
        }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private InputCache() {
    }

    /** X as rows; callers must not modify them. */
    static double[][] rows(Matrix x) {
        return entry(x).rows;
    }

    /** {@code G = Xᵀ·X}, {@code (m, m)}; callers must not modify it. */
    static double[][] gram(Matrix x) {
        Entry e = entry(x);
        synchronized (e) {
            if (e.gram == null) {
                // in the textbook's order, so the GRAM trainings print the same digits with or without the Vector API
                e.gram = Gemm.inTextbookOrder(() -> Gemm.gram(e.rows));
            }
            return e.gram;
        }
    }

    private static synchronized Entry entry(Matrix x) {
        ENTRIES.removeIf(e -> e.get() == null);
        for (Entry e : ENTRIES) {
            if (e.get() == x) {
                return e;
            }
        }
        Entry e = new Entry(x);
        ENTRIES.add(e);
        return e;
    }
}
