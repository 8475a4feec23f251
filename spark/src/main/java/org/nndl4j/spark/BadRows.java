package org.nndl4j.spark;

/**
 * What distributed training does with a row it cannot train on: a feature vector of the wrong length, a NaN or
 * infinite feature, a missing value, or a label outside the network's classes. Never trained on silently.
 */
public enum BadRows {
    /** Stop before training with a {@link BadRowException} naming the first bad row found and what is wrong. */
    REFUSE,
    /** Leave such rows out and count them ({@link ExampleBlocks#skipped()}, {@link SparkTrainingResult#skipped()}). */
    SKIP
}
