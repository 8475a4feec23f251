package org.nndl4j.train;

/**
 * What {@link TrainingListener#stepTaken} is told after a step.
 *
 * @param epoch        the epoch, from 0
 * @param batch        the batch within the epoch, from 0
 * @param lastInEpoch  whether it was the epoch's last batch
 * @param step         the number of steps taken so far ({@code t}), this one included
 * @param batchSize    the number of examples in the batch
 * @param cost         the batch's mean cost, before the step's update
 * @param learningRate the learning rate of the step
 */
public record StepProgress(int epoch, int batch, boolean lastInEpoch, long step, int batchSize, double cost,
                           double learningRate) {
}
