package org.nndl4j.shallow;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Checks;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Loss;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingLoop;
import org.nndl4j.train.Trainable;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * The building blocks of the one-hidden-layer network of spec 1.3, with the course's names:
 *
 * <pre>
 * Z1 = W1 · X + b1      A1 = tanh(Z1)          (hidden layer, n_h units)
 * Z2 = W2 · A1 + b2     A2 = σ(Z2)             (output, the probability of label 1)
 * J  = -(1/m) Σ [ Y log(A2) + (1 - Y) log(1 - A2) ]
 * </pre>
 *
 * <p>Examples are columns: {@code X} is {@code (n_x, m)}, {@code Y} is {@code (1, m)} with labels 0/1.
 * Every method is a pure function: it returns new values and modifies none of its arguments.
 */
public final class ShallowNetwork {

    /** The hidden layer size {@link #layerSizes} reports, as the course hard-codes it ({@code n_h = 4}). */
    public static final int DEFAULT_HIDDEN_SIZE = 4;

    /** The course's learning rate for this network ({@code update_parameters(..., learning_rate = 1.2)}). */
    public static final double DEFAULT_LEARNING_RATE = 1.2;

    /** The course's number of iterations ({@code nn_model(..., num_iterations = 10000)}). */
    public static final int DEFAULT_ITERATIONS = 10_000;

    /**
     * The course's configuration: {@value #DEFAULT_ITERATIONS} iterations at {@value #DEFAULT_LEARNING_RATE}, the cost
     * recorded every 1000 as {@code nn_model(..., print_cost=True)} prints it.
     *
     * @return the configuration
     */
    public static TrainingConfig courseConfig() {
        return new TrainingConfig(DEFAULT_ITERATIONS, DEFAULT_LEARNING_RATE, 1000);
    }

    /** The seed {@link #initializeParameters} gives the generator, as the course's {@code np.random.seed(2)}. */
    public static final long INIT_SEED = 2;

    /** The scale of the random initial weights ({@code np.random.randn(a, b) * 0.01}). */
    public static final double INIT_SCALE = 0.01;

    private ShallowNetwork() {
    }

    // ------------------------------------------------------------------ structure and initialisation

    /**
     * The layer sizes for inputs {@code X} and labels {@code Y}: {@code n_x} from X's rows, {@code n_y}
     * from Y's rows, and {@code n_h} = {@value #DEFAULT_HIDDEN_SIZE}, as the course's {@code layer_sizes}.
     * Y may have several rows (the course's graded case gives {@code n_y = 2} for a {@code (2, 3)} Y): like the
     * course's function this reads only shapes then; a single row of labels is still checked to be 0/1.
     *
     * @param X inputs, {@code (n_x, m)}
     * @param Y labels, {@code (n_y, m)}
     * @return {@code (n_x, 4, n_y)}
     * @throws ShapeException           if X and Y differ in number of examples
     * @throws IllegalArgumentException if a single row of labels holds a value that is neither 0 nor 1 (the message
     *                                  names it), or {@code m = 0}
     */
    public static LayerSizes layerSizes(Matrix X, Matrix Y) {
        if (Y != null && Y.rows() > 1) {
            Checks.examples("layerSizes", X, Y);
        } else {
            Checks.binaryExamples("layerSizes", X, Y);
        }
        return new LayerSizes(X.rows(), DEFAULT_HIDDEN_SIZE, Y.rows());
    }

    /**
     * Small random weights and zero biases, as the course's {@code initialize_parameters}: a generator
     * seeded with {@value #INIT_SEED} draws {@code W1 = randn(n_h, n_x) * 0.01} and then
     * {@code W2 = randn(n_y, n_h) * 0.01}; {@code b1} and {@code b2} are zeros. The same sizes always
     * give the same parameters.
     *
     * @param nX the number of inputs
     * @param nH the number of hidden units
     * @param nY the number of outputs
     * @return W1 {@code (nH, nX)}, b1 {@code (nH, 1)}, W2 {@code (nY, nH)}, b2 {@code (nY, 1)}
     * @throws IllegalArgumentException if a size is below 1 (the message names it), or the parameters cannot fit in
     *                                  the heap ({@link MemoryBudget#requireParameters})
     */
    public static ShallowParameters initializeParameters(int nX, int nH, int nY) {
        Checks.positive("initializeParameters", "nX (input layer size)", nX);
        Checks.positive("initializeParameters", "nH (hidden layer size)", nH);
        Checks.positive("initializeParameters", "nY (output layer size)", nY);
        MemoryBudget.requireParameters("initializeParameters", new int[] {nX, nH, nY});
        NumpyRandom random = new NumpyRandom(INIT_SEED);
        Matrix W1 = random.randn(nH, nX).times(INIT_SCALE);
        Matrix b1 = Matrix.zeros(nH, 1);
        Matrix W2 = random.randn(nY, nH).times(INIT_SCALE);
        Matrix b2 = Matrix.zeros(nY, 1);
        return new ShallowParameters(W1, b1, W2, b2);
    }

    /**
     * {@link #initializeParameters(int, int, int)} for {@code sizes}.
     *
     * @param sizes the layer sizes
     * @return W1 {@code (nH, nX)}, b1 {@code (nH, 1)}, W2 {@code (nY, nH)}, b2 {@code (nY, 1)}
     */
    public static ShallowParameters initializeParameters(LayerSizes sizes) {
        Checks.notNull("initializeParameters", "sizes", sizes);
        return initializeParameters(sizes.nX(), sizes.nH(), sizes.nY());
    }

    // ------------------------------------------------------------------ one iteration

    /**
     * Forward propagation: the course's {@code forward_propagation}.
     *
     * @param X          inputs, {@code (n_x, m)}
     * @param parameters the network
     * @return {@code A2} {@code (n_y, m)} and the cache {@code Z1, A1} {@code (n_h, m)}, {@code Z2, A2} {@code (n_y, m)}
     * @throws ShapeException if X does not have {@code n_x} rows; the message names W1's and X's shapes
     */
    public static ShallowForward forwardPropagation(Matrix X, ShallowParameters parameters) {
        Checks.notNull("forwardPropagation", "X", X);
        Checks.notNull("forwardPropagation", "parameters", parameters);
        Checks.aligned("forwardPropagation", "W1", parameters.W1(), "X", X);
        // Z1 = W1 · X + b1
        Matrix Z1 = parameters.W1().dot(X).plus(parameters.b1());
        // A1 = tanh(Z1)
        Matrix A1 = Activation.TANH.forward(Z1);
        // Z2 = W2 · A1 + b2
        Matrix Z2 = parameters.W2().dot(A1).plus(parameters.b2());
        // A2 = σ(Z2)
        Matrix A2 = Activation.SIGMOID.forward(Z2);
        return new ShallowForward(A2, new ForwardCache(Z1, A1, Z2, A2));
    }

    /**
     * The cross-entropy cost, as the course's {@code compute_cost}:
     * {@code logprobs = log(A2) * Y + log(1 - A2) * (1 - Y)}, {@code J = -Σ logprobs / m}. The sum is
     * numpy's pairwise {@code np.sum}, so the result is the double the course prints.
     *
     * <p>A probability of exactly 0 or 1 on the wrong label gives an infinite cost, as in numpy; on the right label
     * it costs nothing (numpy's {@code 0 · log(0)} would make the cost NaN).
     *
     * @param A2 predicted probabilities, {@code (1, m)}, each in {@code [0, 1]}
     * @param Y  labels 0/1, {@code (1, m)}
     * @return the cost {@code J}, a number {@code >= 0} (infinite for a certain wrong prediction)
     * @throws ShapeException           if A2 and Y differ in shape or are not one row
     * @throws IllegalArgumentException if there are no examples ({@code m = 0}), or naming the first value outside the
     *                                  cost's domain: a label that is not 0 or 1, a probability outside {@code [0, 1]}
     *                                  or NaN
     */
    public static double computeCost(Matrix A2, Matrix Y) {
        Checks.sameShape("computeCost", "A2", A2, "Y", Y);
        Checks.rows("computeCost", "Y", Y, 1);
        requireExamples(Y);
        Checks.binaryLabels("computeCost", Y);
        Checks.probabilities("computeCost", "A2", A2);
        return costUnchecked(A2, Y);
    }

    private static void requireExamples(Matrix Y) {
        if (Y.cols() == 0) {
            throw new Nndl4jException("computeCost: no examples (m = 0) in Y of shape " + Y.shape());
        }
    }

    /** {@link #computeCost} for a training step, whose labels were checked once and whose A2 it records as it is. */
    static double costUnchecked(Matrix A2, Matrix Y) {
        int m = Y.cols();
        // logprobs = log(A2) * Y + log(1 - A2) * (1 - Y); for a label of exactly 1 (0) the second (first) term is ±0,
        // so each logprob is the one log that counts: the same bits as numpy's, without its 0 · log(0) = NaN when an
        // output saturates on the right label
        // J = -(1/m) Σ logprobs, Σ pairwise as np.sum
        return Loss.BINARY_CROSS_ENTROPY.sum(A2.toArray(), Y.toArray(), m) / m;
    }

    /**
     * Backward propagation: the six vectorised equations of the course's {@code backward_propagation}.
     *
     * @param parameters the network the cache was computed with
     * @param cache      from {@link #forwardPropagation} on {@code X}
     * @param X          inputs, {@code (n_x, m)}
     * @param Y          labels, {@code (n_y, m)}
     * @return the gradients, each of its parameter's shape
     * @throws ShapeException if the shapes of parameters, cache, X and Y do not fit; the message names both
     *                        shapes
     */
    public static ShallowGradients backwardPropagation(ShallowParameters parameters, ForwardCache cache, Matrix X, Matrix Y) {
        String op = "backwardPropagation";
        Checks.notNull(op, "parameters", parameters);
        Checks.notNull(op, "cache", cache);
        Checks.notNull(op, "X", X);
        Checks.notNull(op, "Y", Y);
        Checks.aligned(op, "W1", parameters.W1(), "X", X);
        LayerSizes sizes = parameters.sizes();
        int m = X.cols();
        Checks.fits(op, "X", X, "A1", cache.A1(), new Shape(sizes.nH(), m));
        Checks.fits(op, "X", X, "A2", cache.A2(), new Shape(sizes.nY(), m));
        Checks.sameShape(op, "A2", cache.A2(), "Y", Y);
        Matrix A1 = cache.A1();
        Matrix A2 = cache.A2();
        // dZ2 = A2 - Y
        Matrix dZ2 = A2.minus(Y);
        // dW2 = (1/m) dZ2 · A1ᵀ
        Matrix dW2 = dZ2.dotTranspose(A1).div(m);
        // db2 = (1/m) Σ_i dZ2   (np.sum(dZ2, axis=1, keepdims=True) / m)
        Matrix db2 = dZ2.sum(1).div(m);
        // dZ1 = W2ᵀ · dZ2 * (1 - A1²)   (tanh'(Z1) = 1 - A1²)
        Matrix dZ1 = parameters.W2().transposeDot(dZ2).times(A1.pow(2).rsub(1.0));
        // dW1 = (1/m) dZ1 · Xᵀ
        Matrix dW1 = dZ1.dotTranspose(X).div(m);
        // db1 = (1/m) Σ_i dZ1
        Matrix db1 = dZ1.sum(1).div(m);
        return new ShallowGradients(dW1, db1, dW2, db2);
    }

    /**
     * One gradient-descent update {@code θ = θ - α dθ} of every parameter (the course's
     * {@code update_parameters}).
     *
     * @param parameters   the current parameters
     * @param grads        their gradients, of the same shapes
     * @param learningRate α, finite and {@code > 0}
     * @return the new parameters; {@code parameters} is not modified
     * @throws ShapeException if a gradient does not have its parameter's shape; the message names both
     */
    public static ShallowParameters updateParameters(ShallowParameters parameters, ShallowGradients grads, double learningRate) {
        String op = "updateParameters";
        Checks.notNull(op, "parameters", parameters);
        Checks.notNull(op, "grads", grads);
        Checks.finitePositive(op, "learning rate", learningRate);
        Checks.sameShape(op, "W1", parameters.W1(), "dW1", grads.dW1());
        Checks.sameShape(op, "W2", parameters.W2(), "dW2", grads.dW2());
        // W1 = W1 - α dW1
        Matrix W1 = parameters.W1().minus(grads.dW1().times(learningRate));
        // b1 = b1 - α db1
        Matrix b1 = parameters.b1().minus(grads.db1().times(learningRate));
        // W2 = W2 - α dW2
        Matrix W2 = parameters.W2().minus(grads.dW2().times(learningRate));
        // b2 = b2 - α db2
        Matrix b2 = parameters.b2().minus(grads.db2().times(learningRate));
        return new ShallowParameters(W1, b1, W2, b2);
    }

    /**
     * {@link #updateParameters(ShallowParameters, ShallowGradients, double)} with the course's α = 1.2.
     *
     * @param parameters the current parameters
     * @param grads      their gradients, of the same shapes
     * @return the new parameters; {@code parameters} is not modified
     */
    public static ShallowParameters updateParameters(ShallowParameters parameters, ShallowGradients grads) {
        return updateParameters(parameters, grads, DEFAULT_LEARNING_RATE);
    }

    // ------------------------------------------------------------------ the model

    /**
     * Trains a network with {@code nH} hidden units on {@code X, Y} for {@code iterations} steps of batch
     * gradient descent at the course's learning rate 1.2: the course's {@code nn_model}.
     *
     * @param X          inputs, {@code (n_x, m)}
     * @param Y          labels 0/1, {@code (1, m)}
     * @param nH         hidden layer size, {@code >= 1}
     * @param iterations the number of gradient-descent steps
     * @return the trained parameters
     * @see #nnModel(Matrix, Matrix, int, TrainingConfig, TrainingListener)
     */
    public static ShallowParameters nnModel(Matrix X, Matrix Y, int nH, int iterations) {
        return ShallowParameters.from(
                nnModel(X, Y, nH, TrainingConfig.of(iterations, DEFAULT_LEARNING_RATE), TrainingListener.none()).network());
    }

    /**
     * Trains a network with {@code nH} hidden units on {@code X, Y}: parameters from
     * {@link #initializeParameters} (so the same data and {@code nH} always give the same run), then
     * {@code config.iterations()} steps of forward propagation, cost, backward propagation and update,
     * through the library's one loop {@link TrainingLoop#run}. The listener hears the cost every
     * {@code config.recordEvery()} iterations (the course prints every 1000).
     *
     * <p>The steps are computed by {@code config.engine()}: {@link Engine#REFERENCE} calls
     * {@link #forwardPropagation}, {@link #computeCost}, {@link #backwardPropagation} and
     * {@link #updateParameters} every iteration, exactly as the course's code; {@link Engine#AUTO} (the
     * default), {@link Engine#PRIMAL} and {@link Engine#GRAM} use the library's shared engine
     * ({@link org.nndl4j.engine.NetworkEngine}), which gives the same costs and parameters to rounding
     * (~1e-12 relative) and is several times faster. Where a run is chaotic (the course's 10,000 iterations
     * on the flower, after about iteration 7700) those rounding differences grow, as they do between two
     * numpy builds: the costs then differ in the 4th or 5th digit and the accuracy by an example or two.
     *
     * @param X        inputs, {@code (n_x, m)}
     * @param Y        labels 0/1, {@code (1, m)}
     * @param nH       hidden layer size, {@code >= 1}
     * @param config   iterations, learning rate, recording interval and engine
     * @param listener told the cost every {@code config.recordEvery()} iterations
     * @return the trained network (view it with {@link ShallowParameters#from}) and the recorded costs
     * @throws IllegalArgumentException                  for bad sizes or labels (the message names the value), no
     *                                                   examples, or a training that cannot fit
     *                                                   in the heap ({@link Training#check}), before anything is
     *                                                   allocated
     * @throws ShapeException                            if Y is not {@code (1, m)} for X's m
     * @throws org.nndl4j.train.TrainingDivergedException if the cost becomes NaN or infinite
     */
    public static TrainingResult nnModel(Matrix X, Matrix Y, int nH, TrainingConfig config, TrainingListener listener) {
        Checks.positive("nnModel", "nH (hidden layer size)", nH);
        Checks.notNull("nnModel", "config", config);
        Checks.notNull("nnModel", "listener (use TrainingListener.none())", listener);
        Checks.binaryExamples("nnModel", X, Y);
        Training.check("nnModel", new int[] {X.rows(), nH, 1}, X, Y, config);
        // The course calls np.random.seed(3) here, but initialize_parameters re-seeds with 2 before it draws
        // anything, so seed 3 never reaches a number. There is no global generator to seed in Java; the
        // course's behaviour (initial weights from seed 2) is kept as is.
        LayerSizes sizes = layerSizes(X, Y).withHiddenSize(nH);
        ShallowParameters parameters = initializeParameters(sizes);
        return TrainingLoop.run(training(X, Y, parameters, config), config, listener);
    }

    /**
     * The unit the training loop steps, chosen in the library's one place ({@link Training#trainable}): these building
     * blocks for {@link Engine#REFERENCE}, the shared engine for the others. X and Y must already have been checked.
     */
    static Trainable training(Matrix X, Matrix Y, ShallowParameters initial, Engine engine) {
        return Training.trainable(initial.toNetwork(), X, Y, engine,
                network -> new ShallowTrainable(X, Y, ShallowParameters.from(network)));
    }

    /** {@link #training(Matrix, Matrix, ShallowParameters, Engine)} for any configuration (optimizer, mini-batches). */
    static Trainable training(Matrix X, Matrix Y, ShallowParameters initial, TrainingConfig config) {
        return Training.trainable(initial.toNetwork(), X, Y, config,
                network -> new ShallowTrainable(X, Y, ShallowParameters.from(network)));
    }

    /**
     * Predicted labels: 1 where {@code A2 > 0.5}, else 0 (the course's {@code np.round(A2)}, which is the
     * same since rounding half to even sends 0.5 to 0).
     *
     * @param parameters the trained parameters
     * @param X          inputs, {@code (n_x, k)}
     * @return predictions, {@code (n_y, k)}, 0 or 1
     * @throws IllegalArgumentException naming the column of the first NaN or infinite input, or if the forward pass
     *                                  cannot fit in the heap
     */
    public static Matrix predict(ShallowParameters parameters, Matrix X) {
        Checks.notNull("predict", "parameters", parameters);
        Checks.finiteValues("predict", "X", X);
        MemoryBudget.requireForward("predict", new int[] {parameters.W1().cols(), parameters.W1().rows(),
                parameters.W2().rows()}, X.cols());
        return forwardPropagation(X, parameters).A2().greaterThan(0.5);
    }
}
