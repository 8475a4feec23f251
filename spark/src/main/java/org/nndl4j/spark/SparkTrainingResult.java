package org.nndl4j.spark;

import org.nndl4j.Nndl4jException;
import org.nndl4j.train.TrainingResult;

/**
 * The outcome of a distributed training: the core library's {@link TrainingResult} (the trained network, every
 * recorded cost, the iterations and the wall time) and what Spark saw.
 *
 * @param training    the trained network and its history, as single-machine training returns them
 * @param examples    the number of examples trained on, {@code m}
 * @param skipped     the number of bad rows left out ({@link BadRows#SKIP}; 0 with {@link BadRows#REFUSE})
 * @param partitions  the number of Spark partitions the examples were in
 * @param startEpoch  the iteration this run started at: 0, or the one after the checkpoint it resumed from
 */
public record SparkTrainingResult(TrainingResult training, long examples, long skipped, int partitions,
                                  int startEpoch) {

    /**
     * @param training   the training's result
     * @param examples   {@code m >= 1}
     * @param skipped    {@code >= 0}
     * @param partitions {@code >= 1}
     * @param startEpoch {@code >= 0}
     * @throws Nndl4jException if a value is out of range or {@code training} is null
     */
    public SparkTrainingResult {
        if (training == null || examples < 1 || skipped < 0 || partitions < 1 || startEpoch < 0) {
            throw new Nndl4jException("SparkTrainingResult: need a result, m >= 1, skipped >= 0, partitions >= 1 "
                    + "and startEpoch >= 0; got m = " + examples + ", skipped = " + skipped + ", partitions = "
                    + partitions + ", startEpoch = " + startEpoch);
        }
    }
}
