package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;

/** The seeded split, against numpy's {@code RandomState(42).permutation(10)} = [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]. */
class TrainTestSplitTest {

    /** Ten examples whose single feature is their index, labels 0..2 cycling. */
    private static LabeledData tenExamples() {
        double[] x = new double[10];
        int[] labels = new int[10];
        for (int j = 0; j < 10; j++) {
            x[j] = j;
            labels[j] = j % 3;
        }
        return LabeledData.ofClasses(Matrix.rowVector(x), labels, List.of("a", "b", "c"));
    }

    @Test
    void of_seed42_quarter_isSklearnsTrainTestSplit() {
        // train_test_split(X, y, test_size=0.25, random_state=42): n_test = ceil(2.5) = 3
        TrainTestSplit split = TrainTestSplit.of(tenExamples(), 0.25, 42);
        assertEquals(Matrix.rowVector(8, 1, 5), split.test().X());
        assertEquals(Matrix.rowVector(0, 7, 2, 9, 4, 3, 6), split.train().X());
        assertEquals(Matrix.rowVector(2, 1, 2), split.test().labels());
        assertEquals(Matrix.rowVector(0, 1, 2, 0, 1, 0, 0), split.train().labels());
        assertEquals(List.of("a", "b", "c"), split.train().classNames());
    }

    @Test
    void of_sameSeed_sameSplit_otherSeed_otherSplit() {
        assertEquals(TrainTestSplit.of(tenExamples(), 0.3, 7), TrainTestSplit.of(tenExamples(), 0.3, new NumpyRandom(7)));
        assertNotEquals(TrainTestSplit.of(tenExamples(), 0.3, 7).test().X(), TrainTestSplit.of(tenExamples(), 0.3, 8).test().X());
    }

    @Test
    void of_badFractions_areRefused() {
        LabeledData d = tenExamples();
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(d, 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(d, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(d, Double.NaN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.of(d, 0.95, 1));
        assertEquals("TrainTestSplit.of: a test fraction of 0.95 of 10 examples leaves no training examples (10 test)", e.getMessage());
    }

    @Test
    void standardization_fitsOnTrainingOnly_andConstantFeaturesAreOnlyCentred() {
        // numpy: x.mean(1) = [3.5, 3.0], x.std(1) = [2.29128785, 0.0]
        Matrix train = Matrix.of(new double[][] {{1, 2, 4, 7}, {3, 3, 3, 3}});
        Standardization s = Standardization.fit(train);
        assertArrayEquals(new double[] {3.5, 3.0}, s.mean());
        assertArrayEquals(new double[] {2.29128785, 0.0}, s.std(), 1e-8);
        assertArrayEquals(new double[] {1 / 2.29128785, 1.0}, s.inverseStd(), 1e-8);
        Matrix standardised = s.apply(train);
        assertEquals(0.0, standardised.row(0).sum(), 1e-12);
        assertEquals(1.0, standardised.row(0).pow(2).mean(), 1e-12);
        assertEquals(Matrix.zeros(1, 4), standardised.row(1));
        // the test part uses the training numbers, not its own
        Matrix test = Matrix.of(new double[][] {{3.5 + 2.29128785}, {5}});
        assertEquals(1.0, s.apply(test).get(0, 0), 1e-8);
        assertEquals(2.0, s.apply(test).get(1, 0));
    }

    @Test
    void standardization_arraysAreCopies_andShapesAreChecked() {
        double[] mean = {1, 2};
        Standardization s = new Standardization(mean, new double[] {1, 1});
        mean[0] = 99;
        s.mean()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.mean());
        assertThrows(IllegalArgumentException.class, () -> s.apply(Matrix.zeros(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Standardization(new double[] {0}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Standardization.fit(Matrix.rowVector(1, Double.NaN)));
    }

    @Test
    void standardization_ofLabeledData_keepsLabelsAndClasses() {
        TrainTestSplit split = TrainTestSplit.of(tenExamples(), 0.25, 42);
        Standardization s = Standardization.fit(split.train());
        LabeledData test = s.apply(split.test());
        assertEquals(split.test().Y(), test.Y());
        assertEquals(split.test().classNames(), test.classNames());
        assertArrayEquals(new double[] {31.0 / 7}, s.mean(), 1e-12);
    }
}
