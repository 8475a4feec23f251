package org.nndl4j.train;

/**
 * How a training computes its gradient steps: the choice a {@link TrainingConfig} carries. Every engine computes the
 * same batch gradient descent and gives the same costs and parameters (to rounding, ~1e-12 relative); they differ in
 * speed. Which one runs is decided in one place, {@link Training#trainable}.
 */
public enum Engine {

    /**
     * {@link #GRAM} when the inputs are wider than the batch ({@code n_x > m}), GRAM is exact for the configuration,
     * its {@code m x m} Gram matrix fits in the heap and it is cheaper than PRIMAL for the configured number of
     * iterations; else {@link #PRIMAL}. The rule lives in {@link Training#trainable}.
     */
    AUTO,

    /**
     * The textbook computation ({@code Z1 = W1·X + b1}, {@code dW1 = (1/m) dZ1·Xᵀ}) with a blocked,
     * vectorised multiply, reused buffers and no gradient for the input layer's activations
     * ({@link org.nndl4j.engine.NetworkEngine#primal}).
     */
    PRIMAL,

    /**
     * Exact reformulation for full-batch gradient descent on wide data: the first layer's weights only
     * ever move inside the span of the training examples, so with {@code G = Xᵀ·X} (m x m, computed once)
     * {@code Z1 ← Z1 - (α/m) dZ1·G - α db1} and {@code W1 = W1₀ + C·Xᵀ} with {@code C ← C - (α/m) dZ1};
     * {@code W1} is materialised only when asked for. Per iteration O(n1·m²) instead of O(n1·n_x·m)
     * ({@link org.nndl4j.engine.NetworkEngine#gram}).
     */
    GRAM,

    /**
     * The straightforward building blocks, allocating fresh matrices every step: for the course's model families
     * their own functions (propagate, forwardPropagation, lModelForward...), exactly as the course's code is written;
     * for any other network {@link org.nndl4j.nn.Backpropagation}. Slow; here to show that the fast engines compute
     * the same thing.
     */
    REFERENCE
}
