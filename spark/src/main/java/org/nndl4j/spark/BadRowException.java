package org.nndl4j.spark;

import org.nndl4j.Nndl4jException;

/**
 * A row distributed training refuses ({@link BadRows#REFUSE}): its position (the Spark partition and the row's index
 * within it, counting every row of the partition from 0) and what is wrong with it.
 */
public class BadRowException extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    /** The bad row's Spark partition. */
    private final int partition;
    /** The bad row's index within its partition, from 0. */
    private final long index;

    /**
     * @param operation the operation, named first in the message
     * @param partition the row's partition
     * @param index     the row's index within its partition, from 0
     * @param problem   what is wrong with it
     */
    public BadRowException(String operation, int partition, long index, String problem) {
        super(operation + ": partition " + partition + ", row " + index + ": " + problem);
        this.partition = partition;
        this.index = index;
    }

    /**
     * The same refusal, re-thrown on the driver (the executor's exception arrives wrapped by Spark).
     *
     * @param executorSide the exception an executor threw
     */
    BadRowException(BadRowException executorSide) {
        super(executorSide.getMessage(), executorSide);
        this.partition = executorSide.partition;
        this.index = executorSide.index;
    }

    /** @return the bad row's Spark partition */
    public int partition() {
        return partition;
    }

    /** @return the bad row's index within its partition, from 0 */
    public long index() {
        return index;
    }
}
