package org.nndl4j.logistic;

import org.nndl4j.Nndl4jException;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.train.CostHistory;
import org.nndl4j.train.TrainingResult;

/**
 * What {@link LogisticRegression#model} returns: the course's dictionary {@code d}, typed, as a view of the library's
 * one {@link TrainingResult} plus the predictions and the two accuracies the course prints.
 *
 * @param training         the training (network {@code W1 = wᵀ}, costs, engine, iterations, wall time)
 * @param yPredictionTest  0/1 predictions on the test set, shape {@code (1, m_test)}
 * @param yPredictionTrain 0/1 predictions on the training set, shape {@code (1, m_train)}
 * @param learningRate     the learning rate α used
 * @param trainAccuracy    the fraction of training examples predicted right, in [0, 1] (as {@code Metrics.accuracy});
 *                         the course prints it in percent ({@code Metrics.accuracyPercent})
 * @param testAccuracy     the fraction of test examples predicted right, in [0, 1]
 */
public record LogisticModelResult(TrainingResult training, Matrix yPredictionTest, Matrix yPredictionTrain,
                                  double learningRate, double trainAccuracy, double testAccuracy) {

    /**
     * @param training         the training
     * @param yPredictionTest  0/1 predictions on the test set, {@code (1, m_test)}
     * @param yPredictionTrain 0/1 predictions on the training set, {@code (1, m_train)}
     * @param learningRate     the learning rate α used
     * @param trainAccuracy    the training accuracy in percent
     * @param testAccuracy     the test accuracy in percent
     * @throws IllegalArgumentException if a component is null
     * @throws ShapeException           if a prediction is not one row
     */
    public LogisticModelResult {
        if (training == null || yPredictionTest == null || yPredictionTrain == null) {
            throw new Nndl4jException("LogisticModelResult: training and predictions must not be null");
        }
        if (yPredictionTest.rows() != 1) {
            throw new ShapeException("LogisticModelResult", "yPredictionTest of shape (1, m_test)", yPredictionTest.shape());
        }
        if (yPredictionTrain.rows() != 1) {
            throw new ShapeException("LogisticModelResult", "yPredictionTrain of shape (1, m_train)", yPredictionTrain.shape());
        }
    }

    /** @return the cost every {@code recordEvery} iterations (course: every 100) */
    public CostHistory costs() {
        return training.costs();
    }

    /** @return the learned {@code w} and {@code b}, e.g. for {@link LogisticRegression#predict} */
    public LogisticParameters parameters() {
        return LogisticParameters.from(training.network());
    }

    /** @return the learned weights, shape {@code (n_x, 1)} */
    public Matrix w() {
        return parameters().w();
    }

    /** @return the learned bias */
    public double b() {
        return parameters().b();
    }

    /** @return the number of gradient-descent iterations */
    public int iterations() {
        return training.iterations();
    }
}
