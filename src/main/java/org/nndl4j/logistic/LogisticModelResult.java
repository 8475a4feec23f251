package org.nndl4j.logistic;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.train.CostHistory;

/**
 * What {@link LogisticRegression#model} returns: the course's dictionary {@code d}, typed, plus the
 * two accuracies the course prints.
 *
 * @param costs            the cost every {@code recordEvery} iterations (course: every 100)
 * @param yPredictionTest  0/1 predictions on the test set, shape {@code (1, m_test)}
 * @param yPredictionTrain 0/1 predictions on the training set, shape {@code (1, m_train)}
 * @param w                learned weights, shape {@code (n_x, 1)}
 * @param b                learned bias
 * @param learningRate     the learning rate α used
 * @param iterations       the number of gradient-descent iterations
 * @param trainAccuracy    {@code 100 - mean(|Ŷ_train - Y_train|) * 100}, in percent
 * @param testAccuracy     {@code 100 - mean(|Ŷ_test - Y_test|) * 100}, in percent
 */
public record LogisticModelResult(CostHistory costs, Matrix yPredictionTest, Matrix yPredictionTrain,
                                  Matrix w, double b, double learningRate, int iterations,
                                  double trainAccuracy, double testAccuracy) {

    public LogisticModelResult {
        if (costs == null || yPredictionTest == null || yPredictionTrain == null || w == null) {
            throw new IllegalArgumentException("LogisticModelResult: costs, predictions and w must not be null");
        }
        if (yPredictionTest.rows() != 1) {
            throw new ShapeException("LogisticModelResult", "yPredictionTest of shape (1, m_test)", yPredictionTest.shape());
        }
        if (yPredictionTrain.rows() != 1) {
            throw new ShapeException("LogisticModelResult", "yPredictionTrain of shape (1, m_train)", yPredictionTrain.shape());
        }
        if (w.cols() != 1) {
            throw new ShapeException("LogisticModelResult", "w of shape (n_x, 1)", w.shape());
        }
    }

    /** The learned {@code w} and {@code b} as parameters, e.g. for {@link LogisticRegression#predict}. */
    public LogisticParameters parameters() {
        return new LogisticParameters(w, b);
    }
}
