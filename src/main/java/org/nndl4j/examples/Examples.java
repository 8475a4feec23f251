package org.nndl4j.examples;

import java.util.Locale;

import org.nndl4j.train.TrainingResult;

/** Lines the example programs share. */
final class Examples {

    private Examples() {
    }

    /** E.g. {@code (15000 iterations in 0.42 s, engine PRIMAL)}. */
    static String timing(TrainingResult result) {
        return String.format(Locale.ROOT, "(%d iterations in %.2f s, engine %s)", result.iterations(),
                result.wallTime().toNanos() / 1e9, result.engine());
    }
}
