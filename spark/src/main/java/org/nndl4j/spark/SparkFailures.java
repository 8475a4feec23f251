package org.nndl4j.spark;

import org.apache.spark.SparkException;
import org.nndl4j.Nndl4jException;

/** What a failed Spark job becomes on the driver: nndl4j's refusals come back as themselves. */
final class SparkFailures {

    private SparkFailures() {
    }

    /**
     * The exception to throw for a failed job: a {@link BadRowException} or another {@link Nndl4jException} an executor
     * threw (Spark sends it back as the cause of a {@link SparkException}) is re-thrown as such, with Spark's
     * exception as the cause; another failed job as an {@link IllegalStateException}; a runtime exception as it is.
     */
    static RuntimeException unwrap(Exception failure) {
        if (!(failure instanceof SparkException)) {
            return failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("SparkTraining: " + failure, failure);
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BadRowException bad) {
                return new BadRowException(bad);
            }
            if (t instanceof Nndl4jException refused) {
                return new Nndl4jException(refused.getMessage(), failure);
            }
        }
        return new IllegalStateException("SparkTraining: the Spark job failed: " + failure.getMessage(), failure);
    }
}
