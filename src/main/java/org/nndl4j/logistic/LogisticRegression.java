package org.nndl4j.logistic;

import org.nndl4j.matrix.Checks;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.nn.Loss;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.Shape;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingLoop;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.Trainable;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingResult;

/**
 * The building blocks of spec 1.2, under the course's names: {@link #initializeWithZeros},
 * {@link #propagate}, {@link #optimize}, {@link #predict} and {@link #model}.
 *
 * <p>Shapes: {@code X} is {@code (n_x, m)} (one example per column), {@code Y} is {@code (1, m)} with
 * labels 0 or 1, {@code w} is {@code (n_x, 1)} and {@code b} a scalar. No method modifies its
 * arguments. Bad inputs are refused with an {@link IllegalArgumentException} (a {@link ShapeException}
 * for shapes) naming the operation and the offending values.
 */
public final class LogisticRegression {

    /** The course's learning rate for the cat classifier ({@code model(..., learning_rate = 0.005)}). */
    public static final double DEFAULT_LEARNING_RATE = 0.005;

    /** The course's iteration count for the cat classifier ({@code num_iterations = 2000}). */
    public static final int DEFAULT_ITERATIONS = 2000;

    private LogisticRegression() {
    }

    /**
     * The course's configuration: {@value #DEFAULT_ITERATIONS} iterations at {@value #DEFAULT_LEARNING_RATE}, the cost
     * recorded every 100.
     *
     * @return the configuration
     */
    public static TrainingConfig courseConfig() {
        return TrainingConfig.of(DEFAULT_ITERATIONS, DEFAULT_LEARNING_RATE);
    }

    /**
     * {@code w} a {@code (dim, 1)} vector of zeros and {@code b = 0}.
     *
     * @param dim the number of features {@code n_x}
     * @return {@code w} of zeros {@code (dim, 1)} and {@code b = 0}
     * @throws IllegalArgumentException if {@code dim < 1}, or {@code w} cannot fit in the heap
     *                                  ({@link MemoryBudget#requireParameters})
     */
    public static LogisticParameters initializeWithZeros(int dim) {
        Checks.positive("initializeWithZeros", "dim", dim);
        MemoryBudget.requireParameters("initializeWithZeros", new int[] {dim, 1});
        return new LogisticParameters(Matrix.zeros(dim, 1), 0.0);
    }

    /**
     * Forward and backward propagation: the cost of {@code (w, b)} on {@code (X, Y)} and its gradients.
     *
     * @param w weights {@code (n_x, 1)}
     * @param b bias
     * @param X data {@code (n_x, m)}
     * @param Y labels {@code (1, m)}, each 0 or 1
     * @return the cost {@code J} and the gradients {@code dw}, {@code db}
     */
    public static Propagation propagate(Matrix w, double b, Matrix X, Matrix Y) {
        Checks.binaryExamples("propagate", X, Y);
        Checks.fits("propagate", "X", X, "w", w, new Shape(X.rows(), 1));
        Checks.finite("propagate", "b", b);
        return propagateUnchecked(w, b, X, Y);
    }

    /** {@link #propagate} for inputs already validated (the training loop checks them once). */
    static Propagation propagateUnchecked(Matrix w, double b, Matrix X, Matrix Y) {
        int m = X.cols();

        // FORWARD PROPAGATION (FROM X TO COST)
        // A = σ(wᵀX + b), shape (1, m); wᵀX without materialising wᵀ
        Matrix A = Activation.SIGMOID.forward(w.transposeDot(X).plus(b));
        // J = -(1/m) (Y · log(A)ᵀ + log(1 - A) · (1 - Y)ᵀ)
        double cost = Loss.BINARY_CROSS_ENTROPY.cost(A, Y);

        // BACKWARD PROPAGATION (TO FIND GRAD)
        Matrix AMinusY = A.minus(Y);
        // dw = (1/m) X (A - Y)ᵀ
        Matrix dw = X.dotTranspose(AMinusY).div(m);
        // db = (1/m) Σ (a⁽ⁱ⁾ - y⁽ⁱ⁾)
        double db = AMinusY.sum() / m;

        return new Propagation(cost, new LogisticGradients(dw, db));
    }

    /**
     * Learns {@code w} and {@code b} by batch gradient descent ({@code θ = θ - α dθ}), through the
     * library's one training loop, {@link TrainingLoop#run}.
     *
     * <p>The steps are computed by {@code config.engine()}: {@link Engine#REFERENCE} calls
     * {@link #propagate} every iteration, exactly as the course's code; {@link Engine#AUTO} (the default),
     * {@link Engine#PRIMAL} and {@link Engine#GRAM} use the library's shared engine, which gives the same
     * costs and parameters to rounding (~1e-12 relative), many times faster on wide data.
     *
     * <p>The returned gradients are those of the last iteration, computed before its update (as in the
     * course). With zero iterations the parameters are returned unchanged and the gradients are those
     * at the initial parameters.
     *
     * @param w        weights {@code (n_x, 1)} to start from; not modified
     * @param b        bias to start from
     * @param X        data {@code (n_x, m)}
     * @param Y        labels {@code (1, m)}, each 0 or 1
     * @param config   iterations, learning rate, recording interval and engine
     * @param listener told the cost at every recorded iteration (the course prints it)
     * @return the trained parameters, the recorded costs and the last gradients
     * @throws org.nndl4j.train.TrainingDivergedException if the cost becomes NaN or infinite; it names
     *         the iteration and the learning rate
     */
    public static OptimizeResult optimize(Matrix w, double b, Matrix X, Matrix Y,
                                          TrainingConfig config, TrainingListener listener) {
        Checks.binaryExamples("optimize", X, Y);
        Checks.fits("optimize", "X", X, "w", w, new Shape(X.rows(), 1));
        Checks.finite("optimize", "b", b);
        Checks.notNull("optimize", "config", config);
        Checks.notNull("optimize", "listener (use TrainingListener.none())", listener);
        Training.check("optimize", new int[] {X.rows(), 1}, X, Y, config);
        Trainable trainable = training(new LogisticParameters(w, b), X, Y, config);
        TrainingResult result = TrainingLoop.run(trainable, config, listener);
        LogisticGradients grads = trainable.lastGradients() != null
                ? LogisticGradients.from(trainable.lastGradients())
                : propagateUnchecked(w, b, X, Y).grads();
        return new OptimizeResult(result, grads);
    }

    /**
     * The unit the training loop steps, chosen in the library's one place ({@link Training#trainable}): the course's
     * {@code propagate} loop for {@link Engine#REFERENCE}, the shared engine for the others.
     */
    static Trainable training(LogisticParameters initial, Matrix X, Matrix Y, Engine engine) {
        return Training.trainable(initial.toNetwork(), X, Y, engine,
                network -> new LogisticTrainable(LogisticParameters.from(network), X, Y));
    }

    /** {@link #training(LogisticParameters, Matrix, Matrix, Engine)} for any configuration (optimizer, mini-batches). */
    static Trainable training(LogisticParameters initial, Matrix X, Matrix Y, TrainingConfig config) {
        return Training.trainable(initial.toNetwork(), X, Y, config,
                network -> new LogisticTrainable(LogisticParameters.from(network), X, Y));
    }

    /**
     * {@link #optimize(Matrix, double, Matrix, Matrix, TrainingConfig, TrainingListener)} with the
     * course's arguments: the cost is recorded every 100 iterations, nobody is told, the engine is
     * {@link Engine#AUTO}.
     *
     * @param w            weights {@code (n_x, 1)} to start from; not modified
     * @param b            bias to start from
     * @param X            data {@code (n_x, m)}
     * @param Y            labels {@code (1, m)}, each 0 or 1
     * @param iterations   the number of gradient-descent steps
     * @param learningRate α
     * @return the trained parameters, the recorded costs and the last gradients
     * @throws IllegalArgumentException if {@code iterations < 0} or {@code learningRate} is not a finite number {@code > 0}
     */
    public static OptimizeResult optimize(Matrix w, double b, Matrix X, Matrix Y, int iterations, double learningRate) {
        return optimize(w, b, X, Y, TrainingConfig.of(iterations, learningRate), TrainingListener.none());
    }

    /**
     * Predicts 0 or 1 for every example: {@code Ŷ = 1} where {@code σ(wᵀX + b) > 0.5}, else 0.
     *
     * @param w weights {@code (n_x, 1)}
     * @param b bias
     * @param X data {@code (n_x, m)}
     * @return {@code Y_prediction}, shape {@code (1, m)}
     * @throws IllegalArgumentException naming the column of the first NaN or infinite input (or weight), or if the
     *                                  forward pass cannot fit in the heap
     */
    public static Matrix predict(Matrix w, double b, Matrix X) {
        Checks.notNull("predict", "X", X);
        Checks.fits("predict", "X", X, "w", w, new Shape(X.rows(), 1));
        Checks.finite("predict", "b", b);
        Checks.finiteValues("predict", "X", X);
        Checks.finiteValues("predict", "w", w);
        MemoryBudget.requireForward("predict", new int[] {X.rows(), 1}, X.cols());
        // A = σ(wᵀX + b)
        Matrix A = Activation.SIGMOID.forward(w.transposeDot(X).plus(b));
        // Y_prediction = 1 where A > 0.5, else 0
        return A.greaterThan(0.5);
    }

    /**
     * {@link #predict(Matrix, double, Matrix)} with learned parameters.
     *
     * @param parameters the learned {@code w} and {@code b}
     * @param X          data {@code (n_x, m)}
     * @return {@code Y_prediction}, shape {@code (1, m)}
     */
    public static Matrix predict(LogisticParameters parameters, Matrix X) {
        Checks.notNull("predict", "parameters", parameters);
        return predict(parameters.w(), parameters.b(), X);
    }

    /**
     * The whole model: initialise with zeros, optimise on {@code train}, predict both sets and measure
     * the accuracies the course prints.
     *
     * @param train    the training set, {@code X} of shape {@code (n_x, m_train)}
     * @param test     the test set, {@code X} of shape {@code (n_x, m_test)}
     * @param config   iterations, learning rate, recording interval and engine
     * @param listener told the cost at every recorded iteration
     * @return the training, the predictions on both sets and their accuracies
     * @throws ShapeException if the two sets have different numbers of features
     */
    public static LogisticModelResult model(LabeledData train, LabeledData test,
                                            TrainingConfig config, TrainingListener listener) {
        Checks.notNull("model", "train", train);
        Checks.notNull("model", "test", test);
        if (train.features() != test.features()) {
            throw new ShapeException("model", train.X().shape(), test.X().shape(),
                    "differ in number of features: train X has " + train.features()
                            + " rows, test X has " + test.features());
        }
        // initialize parameters with zeros
        LogisticParameters initial = initializeWithZeros(train.features());
        // gradient descent
        OptimizeResult optimized = optimize(initial.w(), initial.b(), train.X(), train.Y(), config, listener);
        Matrix w = optimized.parameters().w();
        double b = optimized.parameters().b();
        // predict test/train set examples
        Matrix yPredictionTest = predict(w, b, test.X());
        Matrix yPredictionTrain = predict(w, b, train.X());
        // accuracies as fractions, one unit in the whole API (the course prints 100 - mean(|Ŷ - Y|) * 100)
        double trainAccuracy = Metrics.accuracy(yPredictionTrain, train.Y());
        double testAccuracy = Metrics.accuracy(yPredictionTest, test.Y());
        return new LogisticModelResult(optimized.training(), yPredictionTest, yPredictionTrain, config.learningRate(),
                trainAccuracy, testAccuracy);
    }

    /**
     * {@link #model(LabeledData, LabeledData, TrainingConfig, TrainingListener)} with the course's
     * arguments (cost recorded every 100 iterations, nobody told, engine {@link Engine#AUTO}).
     *
     * @param trainX       training data {@code (n_x, m_train)}
     * @param trainY       training labels {@code (1, m_train)}, each 0 or 1
     * @param testX        test data {@code (n_x, m_test)}
     * @param testY        test labels {@code (1, m_test)}, each 0 or 1
     * @param iterations   the number of gradient-descent steps
     * @param learningRate α
     * @return the training, the predictions on both sets and their accuracies
     */
    public static LogisticModelResult model(Matrix trainX, Matrix trainY, Matrix testX, Matrix testY,
                                            int iterations, double learningRate) {
        Checks.binaryExamples("model (train)", trainX, trainY);
        Checks.binaryExamples("model (test)", testX, testY);
        return model(LabeledData.of(trainX, trainY), LabeledData.of(testX, testY),
                TrainingConfig.of(iterations, learningRate), TrainingListener.none());
    }
}
