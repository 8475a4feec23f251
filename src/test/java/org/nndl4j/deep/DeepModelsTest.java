package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.nn.Activation;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingDivergedException;
import org.nndl4j.train.TrainingListener;

/** The models on small data: they are the course's loops, run by the library's one training loop. */
class DeepModelsTest {

    /** Two noisy blobs, 6 features, 40 examples. */
    private static LabeledData blobs() {
        NumpyRandom random = new NumpyRandom(2);
        Matrix X = random.randn(6, 40);
        double[] y = new double[40];
        for (int j = 0; j < 40; j++) {
            y[j] = j % 2;
        }
        Matrix Y = Matrix.rowVector(y);
        // shift the positive examples
        X = X.plus(Y.times(1.5));
        return LabeledData.of(X, Y);
    }

    /** The course's two_layer_model loop body, written out with the building blocks. */
    private static List<Double> courseTwoLayerLoop(LabeledData data, int nH, int iterations, double learningRate) {
        DeepParameters p = DeepNetwork.initializeParameters(data.features(), nH, 1);
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            LayerOutput one = DeepNetwork.linearActivationForward(data.X(), p.W(1), p.b(1), Activation.RELU);
            LayerOutput two = DeepNetwork.linearActivationForward(one.A(), p.W(2), p.b(2), Activation.SIGMOID);
            costs.add(DeepNetwork.computeCost(two.A(), data.Y()));
            Matrix Y = data.Y();
            Matrix A2 = two.A();
            // dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
            Matrix dA2 = Y.div(A2).minus(Y.rsub(1).div(A2.rsub(1))).negate();
            LinearGradients g2 = DeepNetwork.linearActivationBackward(dA2, two.cache(), Activation.SIGMOID);
            LinearGradients g1 = DeepNetwork.linearActivationBackward(g2.dAPrev(), one.cache(), Activation.RELU);
            p = DeepNetwork.updateParameters(p, new DeepGradients(List.of(g1, g2)), learningRate);
        }
        return costs;
    }

    @Test
    void twoLayerModel_referenceEngine_equalsTheCourseLoopExactly() {
        LabeledData data = blobs();
        TrainingResult result = DeepModels.twoLayerModel(data, 4, new TrainingConfig(30, 0.1, 1, Engine.REFERENCE));
        List<Double> expected = courseTwoLayerLoop(data, 4, 30, 0.1);
        assertEquals(30, result.costs().size());
        for (int i = 0; i < 30; i++) {
            assertEquals(expected.get(i), result.costs().cost(i), 0.0, "iteration " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"AUTO", "PRIMAL", "GRAM"})
    void lLayerModel_fastEngines_matchTheReferenceEngine(Engine engine) {
        // wide data (n_x > m), where GRAM is exact but computes differently
        NumpyRandom random = new NumpyRandom(9);
        Matrix X = random.rand(50, 20);
        LabeledData data = LabeledData.of(X, X.row(0).plus(X.row(1)).greaterThan(1.0));
        int[] dims = {50, 6, 4, 1};
        TrainingConfig config = new TrainingConfig(40, 0.05, 1, Engine.REFERENCE);
        TrainingResult reference = DeepModels.lLayerModel(data, dims, CourseInitialization.APPLICATION, config, TrainingListener.none());
        TrainingResult fast = DeepModels.lLayerModel(data, dims, CourseInitialization.APPLICATION, config.withEngine(engine),
                TrainingListener.none());
        for (int i = 0; i < 40; i++) {
            assertEquals(reference.costs().cost(i), fast.costs().cost(i), 1e-12, "cost at iteration " + i);
        }
        for (int l = 1; l <= 3; l++) {
            assertTrue(DeepParameters.from(reference.network()).W(l).maxAbsDifference(DeepParameters.from(fast.network()).W(l)) < 1e-12, "W" + l);
            assertTrue(DeepParameters.from(reference.network()).b(l).maxAbsDifference(DeepParameters.from(fast.network()).b(l)) < 1e-12, "b" + l);
        }
    }

    @Test
    void lLayerModel_learnsBlobs_costFallsAndTrainingAccuracyRises() {
        LabeledData data = blobs();
        TrainingResult result = DeepModels.lLayerModel(data, new int[] {6, 5, 3, 1}, new TrainingConfig(300, 0.1, 100));
        assertEquals(3, result.costs().size());
        assertTrue(result.costs().cost(2) < result.costs().cost(0), result.costs().toString());
        assertTrue(result.accuracy(data) >= 0.8, "accuracy " + result.accuracy(data));
        assertArrayEquals(new int[] {6, 5, 3, 1}, DeepParameters.from(result.network()).layerDims());
    }

    @Test
    void lLayerModel_listenerSeesEveryRecordedIterationWithParameters() {
        List<Integer> seen = new ArrayList<>();
        TrainingListener listener = progress -> {
            seen.add(progress.iteration());
            assertEquals(3, progress.network().numLayers());
        };
        DeepModels.lLayerModel(blobs(), new int[] {6, 4, 2, 1}, CourseInitialization.STEP_BY_STEP, new TrainingConfig(10, 0.05, 3), listener);
        assertEquals(List.of(0, 3, 6, 9), seen);
    }

    @Test
    void lLayerModel_firstCost_isTheCostOfTheInitialParameters() {
        LabeledData data = blobs();
        int[] dims = {6, 4, 1};
        TrainingResult result = DeepModels.lLayerModel(data, dims, new TrainingConfig(1, 0.01, 1));
        DeepParameters initial = CourseInitialization.APPLICATION.initialize(dims);
        assertEquals(DeepNetwork.computeCost(DeepNetwork.lModelForward(data.X(), initial).AL(), data.Y()), result.costs().cost(0), 0.0);
    }

    @Test
    void lLayerModel_hugeLearningRate_stopsWithDivergenceNamingTheIteration() {
        LabeledData data = LabeledData.of(new NumpyRandom(3).randn(6, 40).times(100), blobs().Y());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> DeepModels.lLayerModel(data, new int[] {6, 5, 1}, new TrainingConfig(2000, 1e6, 100)));
        assertTrue(e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
    }

    @Test
    void lLayerModel_layerDimsThatDoNotFitTheData_areRejected() {
        LabeledData data = blobs();
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> DeepModels.lLayerModel(data, new int[] {7, 3, 1}, DeepModels.courseConfig(1)));
        assertTrue(input.getMessage().contains("7") && input.getMessage().contains("6 features"), input.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class,
                () -> DeepModels.lLayerModel(data, new int[] {6, 3, 2}, DeepModels.courseConfig(1)));
        assertTrue(output.getMessage().contains("[6, 3, 2]"), output.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeepModels.lLayerModel(data, new int[] {6}, DeepModels.courseConfig(1)));
        assertThrows(IllegalArgumentException.class, () -> DeepModels.twoLayerModel(data, 0, DeepModels.courseConfig(1)));
    }

    @Test
    void courseConfig_usesTheCourseLearningRateAndRecordsEvery100() {
        TrainingConfig config = DeepModels.courseConfig(2500);
        assertEquals(new TrainingConfig(2500, 0.0075, 100), config);
    }
}
