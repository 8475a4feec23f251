package org.nndl4j.train;

/**
 * The arithmetic of a training's steps, a choice on {@link TrainingConfig#withPrecision}. Either way the network, its
 * files, the optimizer's state and the update stay float64; only how the gradients are computed changes.
 */
public enum Precision {

    /** Everything in float64 (the default): every engine, the course's figures to the last digit. */
    FLOAT64,

    /**
     * Forward and backward passes in float32 on the PRIMAL engine
     * ({@link org.nndl4j.engine.FloatNetworkEngine}), with float64 master parameters: about twice the speed of the
     * large products and half the memory of the examples, costs within float32 rounding of the float64 run.
     * Full batch and mini-batches, every optimizer, L2; not GRAM or REFERENCE, not dropout.
     */
    FLOAT32
}
