package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.train.TrainingConfig;

/**
 * The one memory rule: the out-of-memory reproductions are refused at once, before anything is allocated,
 * with a message naming the layer sizes, the estimate and {@code Runtime.maxMemory()}. (The same reproductions under
 * a 128 MB heap, including {@code [5, 20000, 20000, 1]}, run in {@code org.nndl4j.RefusalSweepTest}.)
 */
class MemoryBudgetTest {

    private static final long MAX = Runtime.getRuntime().maxMemory();
    private static final LabeledData ONE_ROW = oneRow();

    private static LabeledData oneRow() {
        Matrix X = new NumpyRandom(1).randn(1, 6);
        return LabeledData.of(X, X.greaterThan(0));
    }

    private static void assertRefusedAtOnce(String operation, String sizes, Executable call) {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(IllegalArgumentException.class, call));
        String message = e.getMessage();
        assertTrue(message.startsWith(operation + ":"), message);
        assertTrue(message.contains(sizes), message);
        assertTrue(message.contains("bytes") && message.contains("Runtime.maxMemory() = ")
                && message.contains("(" + MAX + " bytes)"), message);
    }

    @Test
    void lLayerModel_aBillionHiddenUnits_isRefusedBeforeDrawingAWeight() {
        int[] dims = {1, 1_000_000_000, 1};
        assumeTrue(MemoryBudget.trainingBytes(dims, 6, 0, false) > MAX);
        assertRefusedAtOnce("lLayerModel", "[1, 1000000000, 1]",
                () -> DeepModels.lLayerModel(ONE_ROW, dims, TrainingConfig.of(10, 0.05)));
    }

    @Test
    void theCatShapeWithABillionHiddenUnits_isRefusedByTheSameRule() {
        Matrix X = new NumpyRandom(3).rand(12288, 2);
        LabeledData data = LabeledData.of(X, Matrix.rowVector(new double[] {0, 1}));
        assertRefusedAtOnce("lLayerModel", "[12288, 1000000000, 1]",
                () -> DeepModels.lLayerModel(data, new int[] {12288, 1_000_000_000, 1}, TrainingConfig.of(10, 0.05)));
    }

    @Test
    void twoLayerModel_andNnModel_withNhOfABillion_onOneRow_areRefused() {
        assumeTrue(MemoryBudget.trainingBytes(new int[] {1, 1_000_000_000, 1}, 6, 0, false) > MAX);
        assertRefusedAtOnce("twoLayerModel", "[1, 1000000000, 1]",
                () -> DeepModels.twoLayerModel(ONE_ROW, 1_000_000_000, TrainingConfig.of(10, 0.05)));
        assertRefusedAtOnce("nnModel", "[1, 1000000000, 1]",
                () -> ShallowNetwork.nnModel(ONE_ROW.X(), ONE_ROW.Y(), 1_000_000_000, 10));
    }

    @Test
    void initializers_ofTooManyParameters_areRefused() {
        assumeTrue(MemoryBudget.parameterBytes(new int[] {1_000_000_000, 1}) > MAX);
        assertRefusedAtOnce("initializeWithZeros", "[1000000000, 1]",
                () -> LogisticRegression.initializeWithZeros(1_000_000_000));
        assertRefusedAtOnce("initializeParameters", "[1, 1000000000, 1]",
                () -> ShallowNetwork.initializeParameters(1, 1_000_000_000, 1));
        assertRefusedAtOnce("initializeParametersDeep", "[1, 1000000000, 1]",
                () -> DeepNetwork.initializeParametersDeep(new int[] {1, 1_000_000_000, 1}, CourseInitialization.APPLICATION));
        assertRefusedAtOnce("initialize", "[1, 1000000000, 1]", () -> Initialization.HE.initialize(
                new int[] {1, 1_000_000_000, 1}, Activation.RELU, Activation.SIGMOID, new NumpyRandom(1)));
        assertRefusedAtOnce("initializeParameters", "[1, 1000000000, 1]",
                () -> CourseInitialization.initializeParametersHe(new int[] {1, 1_000_000_000, 1}));
    }

    @Test
    void twentyThousandSquared_isRefusedWhereItDoesNotFit() {
        int[] dims = {5, 20000, 20000, 1};
        Matrix X = new NumpyRandom(2).randn(5, 4);
        LabeledData data = LabeledData.of(X, X.sum(0).greaterThan(0));
        if (MemoryBudget.parameterBytes(dims) > MAX) {
            assertRefusedAtOnce("lLayerModel", "[5, 20000, 20000, 1]",
                    () -> DeepModels.lLayerModel(data, dims, TrainingConfig.of(10, 0.05)));
        } else {
            assertTrue(MemoryBudget.parameterBytes(dims) > 3_200_000_000L, "4e8 weights are at least 3.2 GB");
        }
    }

    @Test
    void estimates_countEveryParameter_andNeverOverflow() {
        assertEquals(4 * 3 + 4 + 4 + 1, MemoryBudget.parameterCount(new int[] {3, 4, 1}), 0.0);
        int big = Integer.MAX_VALUE;
        long bytes = MemoryBudget.trainingBytes(new int[] {big, big, big, big}, big, 2, true);
        assertTrue(bytes > 0 && bytes <= Long.MAX_VALUE, "saturates: " + bytes);
        assertTrue(MemoryBudget.parameterBytes(new int[] {big, big}) > 8L * big * big / 2, "no int overflow");
        assertTrue(MemoryBudget.forwardBytes(new int[] {big, 1}, big) > 8L * big, "no int overflow");
        // the Gram engine's m x m matrix is counted
        assertTrue(MemoryBudget.trainingBytes(new int[] {10, 1}, 100_000, 0, true)
                > MemoryBudget.trainingBytes(new int[] {10, 1}, 100_000, 0, false) + 8L * 100_000 * 100_000);
    }

    @Test
    void ordinarySizes_pass() {
        for (int[] dims : List.of(new int[] {12288, 20, 7, 5, 1}, new int[] {12288, 7, 1}, new int[] {2, 4, 1})) {
            assertTrue(MemoryBudget.trainingBytes(dims, 209, 2, true) < 100_000_000L);
            MemoryBudget.requireTraining("test", dims, 209, 2, true);
            MemoryBudget.requireParameters("test", dims);
        }
    }

    @Test
    void badSizes_areRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.trainingBytes(new int[] {3, 0, 1}, 5, 0, false));
        assertTrue(e.getMessage().contains("layerDims[1] = 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.trainingBytes(new int[] {3, 1}, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parameterCount(null));
    }
}
