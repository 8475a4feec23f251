package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.testing.Golden;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;

/**
 * The cat application (spec 1.5) on the bundled data, against the spec's printed numbers and numpy's run of the
 * spec's code (deep.golden, deep_iterations.golden): the full 2500-iteration runs with the default (fast) engine,
 * and the first iterations with {@link Engine#REFERENCE}, the course's building blocks step by step.
 */
class CatModelsTest {

    private static final Golden DEEP = Golden.load("deep.golden");
    private static final Golden FIRST = Golden.load("deep_iterations.golden");
    private static final int[] LAYERS_DIMS = {12288, 20, 7, 5, 1};
    private static final int REFERENCE_ITERATIONS = 5;
    /** numpy's BLAS and Java add the 12288 products of each dot product in different orders. */
    private static final double TOL = 1e-12;
    /** After 2500 iterations those rounding differences have grown, but stay far below the spec's 1e-6. */
    private static final double TOL_2500 = 1e-9;

    private static LabeledData train;
    private static LabeledData test;

    @BeforeAll
    static void load() {
        CatDataset cats = CatDataset.loadBundled();
        train = cats.train().data();
        test = cats.test().data();
    }

    private static void assertCloseRelative(Matrix expected, Matrix actual, double tol, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        double scale = Math.max(1.0, expected.abs().max());
        double diff = expected.maxAbsDifference(actual);
        assertTrue(diff <= tol * scale, what + ": max |difference| " + diff);
    }

    private static Matrix row(double[] values) {
        return Matrix.rowVector(values);
    }

    private static List<Integer> mislabelled(Matrix p, Matrix y) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < y.cols(); j++) {
            if (p.get(0, j) + y.get(0, j) == 1) {
                out.add(j);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ full runs (default engine)

    @Test
    void twoLayerModel_2500Iterations_matchesSpecCostsAndAccuracies() {
        TrainingResult result = DeepModels.twoLayerModel(train, 7, DeepModels.courseConfig(2500));
        double[] costs = result.costs().costs();
        assertEquals(25, costs.length);
        // the spec prints 0.693049735659989, 0.6464320953428849, 0.6325140647912678, ..., 0.048554785628770226
        assertEquals(0.693049735659989, costs[0], 1e-6);
        assertEquals(0.6464320953428849, costs[1], 1e-6);
        assertEquals(0.6325140647912678, costs[2], 1e-6);
        assertEquals(0.048554785628770226, costs[24], 1e-6);
        double[] golden = DEEP.doubles("cat2.costs");
        for (int k = 0; k < 25; k++) {
            assertEquals(golden[k], costs[k], TOL_2500, "cost at iteration " + 100 * k);
        }
        Matrix trainPredictions = result.predict(train.X());
        Matrix testPredictions = result.predict(test.X());
        assertEquals(row(DEEP.doubles("cat2.train_pred")), trainPredictions);
        assertEquals(row(DEEP.doubles("cat2.test_pred")), testPredictions);
        // the spec prints Accuracy: 1.0 and Accuracy: 0.72
        assertEquals(1.0, Metrics.accuracy(trainPredictions, train.Y()));
        assertEquals(0.72, Metrics.accuracy(testPredictions, test.Y()));
        DeepParameters p = DeepParameters.from(result.network());
        assertCloseRelative(DEEP.matrix("cat2.W2"), p.W(2), TOL_2500, "W2");
        assertCloseRelative(DEEP.matrix("cat2.b1"), p.b(1), TOL_2500, "b1");
        assertCloseRelative(DEEP.matrix("cat2.b2"), p.b(2), TOL_2500, "b2");
        assertEquals(DEEP.scalar("cat2.W1_sum"), p.W(1).sum(), TOL_2500 * 100);
    }

    @Test
    void lLayerModel_2500Iterations_matchesSpecCostsAccuraciesAndMislabelledImages() {
        TrainingResult result = DeepModels.lLayerModel(train, LAYERS_DIMS, DeepModels.courseConfig(2500));
        double[] costs = result.costs().costs();
        assertEquals(25, costs.length);
        // the spec prints 0.771749, 0.672053, 0.648263, ..., 0.092878 (%f)
        assertEquals(0.771749, costs[0], 1e-6);
        assertEquals(0.672053, costs[1], 1e-6);
        assertEquals(0.648263, costs[2], 1e-6);
        assertEquals(0.092878, costs[24], 1e-6);
        double[] golden = DEEP.doubles("catL.costs");
        for (int k = 0; k < 25; k++) {
            assertEquals(golden[k], costs[k], TOL_2500, "cost at iteration " + 100 * k);
        }
        Matrix trainPredictions = result.predict(train.X());
        Matrix testPredictions = result.predict(test.X());
        assertEquals(row(DEEP.doubles("catL.train_pred")), trainPredictions);
        assertEquals(row(DEEP.doubles("catL.test_pred")), testPredictions);
        // the spec prints Accuracy: 0.985645933014 and Accuracy: 0.8
        assertEquals(0.985645933014, Metrics.accuracy(trainPredictions, train.Y()), 5e-13);
        assertEquals(0.8, Metrics.accuracy(testPredictions, test.Y()));
        List<Integer> expectedMislabelled = new ArrayList<>();
        for (int i : DEEP.ints("catL.mislabeled")) {
            expectedMislabelled.add(i);
        }
        assertEquals(expectedMislabelled, mislabelled(testPredictions, test.Y()));
        DeepParameters p = DeepParameters.from(result.network());
        assertCloseRelative(DEEP.matrix("catL.W4"), p.W(4), TOL_2500, "W4");
        assertCloseRelative(DEEP.matrix("catL.b4"), p.b(4), TOL_2500, "b4");
        for (int l = 1; l <= 3; l++) {
            assertEquals(DEEP.scalar("catL.W" + l + "_sum"), p.W(l).sum(), TOL_2500 * 100, "sum of W" + l);
            assertEquals(DEEP.scalar("catL.b" + l + "_sum"), p.b(l).sum(), TOL_2500, "sum of b" + l);
        }
    }

    // ------------------------------------------------------------------ first iterations, building blocks

    @Test
    void twoLayerModel_referenceEngine_firstIterationsMatchNumpy() {
        TrainingResult result = DeepModels.twoLayerModel(train, 7,
                new TrainingConfig(REFERENCE_ITERATIONS, 0.0075, 1, Engine.REFERENCE));
        assertEquals(DEEP.doubles("cat2.costs")[0], result.costs().cost(0), TOL);
        assertArrayEquals(FIRST.doubles("cat2.first_costs"), result.costs().costs(), TOL);
        DeepParameters p = DeepParameters.from(result.network());
        assertCloseRelative(FIRST.matrix("cat2.after.W2"), p.W(2), TOL, "W2");
        assertCloseRelative(FIRST.matrix("cat2.after.b1"), p.b(1), TOL, "b1");
        assertCloseRelative(FIRST.matrix("cat2.after.b2"), p.b(2), TOL, "b2");
        assertEquals(FIRST.scalar("cat2.after.W1_sum"), p.W(1).sum(), 1e-10);
    }

    @Test
    void lLayerModel_referenceEngine_firstIterationsMatchNumpy() {
        TrainingResult result = DeepModels.lLayerModel(train, LAYERS_DIMS, CourseInitialization.APPLICATION,
                new TrainingConfig(REFERENCE_ITERATIONS, 0.0075, 1, Engine.REFERENCE), TrainingListener.none());
        assertEquals(DEEP.doubles("catL.costs")[0], result.costs().cost(0), TOL);
        assertArrayEquals(FIRST.doubles("catL.first_costs"), result.costs().costs(), TOL);
        DeepParameters p = DeepParameters.from(result.network());
        for (int l = 2; l <= 4; l++) {
            assertCloseRelative(FIRST.matrix("catL.after.W" + l), p.W(l), TOL, "W" + l);
        }
        for (int l = 1; l <= 4; l++) {
            assertCloseRelative(FIRST.matrix("catL.after.b" + l), p.b(l), TOL, "b" + l);
        }
        assertEquals(FIRST.scalar("catL.after.W1_sum"), p.W(1).sum(), 1e-10);
    }
}
