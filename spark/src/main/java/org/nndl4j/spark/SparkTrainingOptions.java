package org.nndl4j.spark;

import java.nio.file.Path;

import org.nndl4j.Nndl4jException;

/**
 * How distributed training treats bad rows, checkpoints and the aggregation of the gradients; what to train
 * (iterations, learning rate, optimizer, schedule) is the core library's {@link org.nndl4j.train.TrainingConfig}.
 *
 * @param badRows          what to do with a row that cannot be trained on ({@link BadRows#REFUSE} by default)
 * @param checkpoints      the driver-side directory the checkpoints go to, or {@code null} for none (the default)
 * @param checkpointEvery  a checkpoint every this many iterations ({@code >= 1}) when {@code checkpoints} is set,
 *                         else 0
 * @param resume           whether to resume from the latest checkpoint in {@code checkpoints} if there is one (a
 *                         training with no checkpoint there starts from the beginning)
 * @param aggregationDepth the depth of Spark's {@code treeAggregate} of the partitions' gradients, {@code >= 1}
 *                         (2 by default, as Spark's)
 */
public record SparkTrainingOptions(BadRows badRows, Path checkpoints, int checkpointEvery, boolean resume,
                                   int aggregationDepth) {

    /**
     * @param badRows          the bad-row policy
     * @param checkpoints      the checkpoint directory, or {@code null}
     * @param checkpointEvery  the checkpoint interval ({@code >= 1} with a directory, 0 without)
     * @param resume           resume from the latest checkpoint (needs a directory)
     * @param aggregationDepth the {@code treeAggregate} depth, {@code >= 1}
     * @throws Nndl4jException naming the value that does not fit
     */
    public SparkTrainingOptions {
        if (badRows == null) {
            throw new Nndl4jException("SparkTrainingOptions: badRows is null (BadRows.REFUSE or BadRows.SKIP)");
        }
        if (checkpoints == null ? checkpointEvery != 0 : checkpointEvery < 1) {
            throw new Nndl4jException("SparkTrainingOptions: checkpointEvery must be >= 1 with a checkpoint "
                    + "directory and 0 without one, got " + checkpointEvery
                    + (checkpoints == null ? " without one" : " with " + checkpoints));
        }
        if (resume && checkpoints == null) {
            throw new Nndl4jException("SparkTrainingOptions: resume needs a checkpoint directory (withCheckpoints)");
        }
        if (aggregationDepth < 1) {
            throw new Nndl4jException("SparkTrainingOptions: aggregationDepth must be >= 1, got " + aggregationDepth);
        }
    }

    /**
     * Refuse bad rows, no checkpoints, aggregation depth 2.
     *
     * @return the default options
     */
    public static SparkTrainingOptions defaults() {
        return new SparkTrainingOptions(BadRows.REFUSE, null, 0, false, 2);
    }

    /**
     * These options with another bad-row policy.
     *
     * @param policy {@link BadRows#REFUSE} or {@link BadRows#SKIP}
     * @return new options
     */
    public SparkTrainingOptions withBadRows(BadRows policy) {
        return new SparkTrainingOptions(policy, checkpoints, checkpointEvery, resume, aggregationDepth);
    }

    /**
     * These options with a checkpoint of the network and the optimizer's state every {@code every} iterations (and
     * at the end) in {@code directory}, on the driver's file system. Only the latest checkpoint is kept.
     *
     * @param directory the directory (made if missing)
     * @param every     the interval, {@code >= 1}
     * @return new options
     */
    public SparkTrainingOptions withCheckpoints(Path directory, int every) {
        if (directory == null) {
            throw new Nndl4jException("SparkTrainingOptions.withCheckpoints: directory is null");
        }
        return new SparkTrainingOptions(badRows, directory, every, resume, aggregationDepth);
    }

    /**
     * These options resuming from the latest checkpoint of the checkpoint directory, when there is one: the training
     * continues from the iteration after it, with the optimizer's state and the recorded costs it saved, and gives
     * the iterates of an uninterrupted training.
     *
     * @return new options
     * @throws Nndl4jException if no checkpoint directory is set
     */
    public SparkTrainingOptions resuming() {
        return new SparkTrainingOptions(badRows, checkpoints, checkpointEvery, true, aggregationDepth);
    }

    /**
     * These options with another {@code treeAggregate} depth.
     *
     * @param depth {@code >= 1}
     * @return new options
     */
    public SparkTrainingOptions withAggregationDepth(int depth) {
        return new SparkTrainingOptions(badRows, checkpoints, checkpointEvery, resume, depth);
    }

    /** @return whether checkpoints are written */
    public boolean checkpointing() {
        return checkpoints != null;
    }
}
