package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.deep.DeepParameters;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.shallow.ShallowParameters;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/** NaN or infinite inputs to a prediction are refused, naming the column, in every family: never a silent class 0. */
class NonFinitePredictionTest {

    private static Matrix withValue(Matrix X, int row, int col, double value) {
        double[][] a = X.toArray();
        a[row][col] = value;
        return Matrix.of(a);
    }

    private static void assertNamesColumn(int column, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith("predict: X[") && e.getMessage().contains("column (example) " + column),
                e.getMessage());
    }

    @Test
    void everyPredict_refusesNaNAndInfinity_namingTheColumn() {
        Matrix X = new NumpyRandom(4).randn(3, 6);
        DeepParameters deep = CourseInitialization.APPLICATION.initialize(new int[] {3, 4, 1});
        ShallowParameters shallow = ShallowNetwork.initializeParameters(3, 4, 1);
        Network network = Initialization.HE.initialize(new int[] {3, 5, 3}, List.of(Activation.RELU, Activation.SOFTMAX),
                new NumpyRandom(1));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Matrix Xbad = withValue(X, 1, 4, bad);
            assertNamesColumn(4, () -> LogisticRegression.predict(Matrix.zeros(3, 1), 0.0, Xbad));
            assertNamesColumn(4, () -> ShallowNetwork.predict(shallow, Xbad));
            assertNamesColumn(4, () -> DeepNetwork.predict(deep, Xbad));
            assertNamesColumn(4, () -> network.predict(Xbad));
            assertNamesColumn(4, () -> deep.toNetwork().predict(Xbad));
        }
    }

    @Test
    void logisticModel_withANaNTestColumn_isRefused_notAHundredPercent() {
        NumpyRandom random = new NumpyRandom(5);
        Matrix X = random.randn(4, 10);
        Matrix Y = X.sum(0).greaterThan(0);
        Matrix testX = withValue(random.randn(4, 3), 2, 1, Double.NaN);
        Matrix testY = Matrix.rowVector(new double[] {1, 0, 1});
        assertNamesColumn(1, () -> LogisticRegression.model(LabeledData.of(X, Y), LabeledData.of(testX, testY),
                TrainingConfig.of(5, 0.01), TrainingListener.none()));
    }
}
