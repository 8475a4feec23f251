package org.nndl4j.logistic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.train.Trainable;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.Golden;
import org.nndl4j.testing.GradientCheck;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingDivergedException;
import org.nndl4j.train.TrainingListener;

/** The building blocks on the spec's small examples; the cat data is in {@link LogisticRegressionCatTest}. */
class LogisticRegressionTest {

    private static final Golden GOLDEN = Golden.load("logistic.golden");

    // the spec's small example: w, b, X, Y = [[1.],[2.]], 2., [[1.,2.,-1.],[3.,4.,-3.2]], [[1,0,1]]
    private static final Matrix W = Matrix.columnVector(1, 2);
    private static final double B = 2.0;
    private static final Matrix X = Matrix.of(new double[][] {{1, 2, -1}, {3, 4, -3.2}});
    private static final Matrix Y = Matrix.rowVector(1, 0, 1);

    // ------------------------------------------------------------------ initializeWithZeros

    @Test
    void initializeWithZeros_dim_givesZeroColumnAndZeroBias() {
        LogisticParameters p = LogisticRegression.initializeWithZeros(3);
        assertEquals(Matrix.zeros(3, 1), p.w());
        assertEquals(0.0, p.b());
    }

    @Test
    void initializeWithZeros_nonPositiveDim_isRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.initializeWithZeros(0));
        assertTrue(e.getMessage().contains("initializeWithZeros") && e.getMessage().contains("got 0"), e.getMessage());
    }

    // ------------------------------------------------------------------ propagate

    @Test
    void propagate_smallExample_matchesNumpyGolden() {
        Propagation p = LogisticRegression.propagate(W, B, X, Y);
        assertEquals(GOLDEN.scalar("small.propagate.cost"), p.cost(), 1e-14);
        assertArrayEquals(GOLDEN.doubles("small.propagate.dw"), p.grads().dw().toRowMajor(), 1e-14);
        assertEquals(new org.nndl4j.matrix.Shape(2, 1), p.grads().dw().shape());
        assertEquals(GOLDEN.scalar("small.propagate.db"), p.grads().db(), 1e-15);
    }

    @Test
    void propagate_gradients_matchCentralDifferences() {
        NumpyRandom rng = new NumpyRandom(3);
        Matrix w = rng.randn(4, 1);
        double b = 0.3;
        Matrix x = rng.randn(4, 7);
        Matrix y = Matrix.rowVector(1, 0, 0, 1, 1, 0, 1);
        assertGradientsMatchCentralDifferences(w, b, x, y);
        // (not on the spec's small example: there σ(12) rounds 1 - A to ~6e-6 with cancellation, and the
        // cost's rounding error, divided by 2ε, swamps central differences in any implementation)
        Matrix w2 = rng.randn(6, 1).times(0.5);
        Matrix x2 = rng.randn(6, 11);
        Matrix y2 = Matrix.rowVector(0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0);
        assertGradientsMatchCentralDifferences(w2, -0.2, x2, y2);
    }

    private static void assertGradientsMatchCentralDifferences(Matrix w, double b, Matrix x, Matrix y) {
        LogisticGradients grads = LogisticRegression.propagate(w, b, x, y).grads();
        Matrix numericDw = GradientCheck.numericGradient(w, ww -> LogisticRegression.propagate(ww, b, x, y).cost());
        Matrix numericDb = GradientCheck.numericGradient(Matrix.scalar(b),
                bb -> LogisticRegression.propagate(w, bb.item(), x, y).cost());
        GradientCheck.assertAgree(List.of(grads.dw(), Matrix.scalar(grads.db())), List.of(numericDw, numericDb), "propagate");
    }

    // ------------------------------------------------------------------ optimize

    @Test
    void optimize_smallExample100Iterations_matchesSpecPrintedValues() {
        OptimizeResult r = LogisticRegression.optimize(W, B, X, Y, 100, 0.009);
        // spec: w = [[0.19033591] [0.12259159]], b = 1.92535983008, dw = [[0.67752042] [1.41625495]], db = 0.219194504541
        assertArrayEquals(new double[] {0.19033591, 0.12259159}, r.parameters().w().toRowMajor(), 5e-9);
        assertEquals(1.92535983008, r.parameters().b(), 5e-12);
        assertArrayEquals(new double[] {0.67752042, 1.41625495}, r.grads().dw().toRowMajor(), 5e-9);
        assertEquals(0.219194504541, r.grads().db(), 5e-13);
    }

    @Test
    void optimize_smallExample100Iterations_matchesNumpyGolden() {
        OptimizeResult r = LogisticRegression.optimize(W, B, X, Y, 100, 0.009);
        assertArrayEquals(GOLDEN.doubles("small.optimize.w"), r.parameters().w().toRowMajor(), 1e-14);
        assertEquals(GOLDEN.scalar("small.optimize.b"), r.parameters().b(), 1e-14);
        assertArrayEquals(GOLDEN.doubles("small.optimize.dw"), r.grads().dw().toRowMajor(), 1e-14);
        assertEquals(GOLDEN.scalar("small.optimize.db"), r.grads().db(), 1e-14);
        assertArrayEquals(GOLDEN.doubles("small.optimize.costs"), r.costs().costs(), 1e-14);
        assertEquals(100, r.costs().recordEvery());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void optimize_smallExampleOnEveryEngine_matchesNumpyGolden(Engine engine) {
        OptimizeResult r = LogisticRegression.optimize(W, B, X, Y,
                TrainingConfig.of(100, 0.009).withEngine(engine), TrainingListener.none());
        assertArrayEquals(GOLDEN.doubles("small.optimize.w"), r.parameters().w().toRowMajor(), 1e-13);
        assertEquals(GOLDEN.scalar("small.optimize.b"), r.parameters().b(), 1e-13);
        assertArrayEquals(GOLDEN.doubles("small.optimize.dw"), r.grads().dw().toRowMajor(), 1e-13);
        assertEquals(GOLDEN.scalar("small.optimize.db"), r.grads().db(), 1e-13);
    }

    @Test
    void optimize_wideData_engineAndReferenceAgreeOnCostsParametersAndGradients() {
        // n_x = 300 > m = 20: AUTO picks the Gram engine
        NumpyRandom rng = new NumpyRandom(11);
        Matrix x = rng.rand(300, 20);
        Matrix y = rng.randn(1, 300).dot(x.minus(0.5)).greaterThan(0);
        Matrix w0 = rng.randn(300, 1).times(0.01);
        TrainingConfig config = new TrainingConfig(400, 0.02, 10);
        List<Matrix> seenReference = new ArrayList<>();
        List<Matrix> seenGram = new ArrayList<>();
        OptimizeResult reference = LogisticRegression.optimize(w0, 0.1, x, y, config.withEngine(Engine.REFERENCE),
                progress -> seenReference.add(LogisticParameters.from(progress.network()).w()));
        OptimizeResult gram = LogisticRegression.optimize(w0, 0.1, x, y, config,
                progress -> seenGram.add(LogisticParameters.from(progress.network()).w()));
        OptimizeResult primal = LogisticRegression.optimize(w0, 0.1, x, y, config.withEngine(Engine.PRIMAL),
                TrainingListener.none());
        Trainable auto = LogisticRegression.training(new LogisticParameters(w0, 0.1), x, y, Engine.AUTO);
        assertEquals(Engine.GRAM, auto.engine());
        for (OptimizeResult fast : List.of(gram, primal)) {
            assertArrayEquals(reference.costs().costs(), fast.costs().costs(), 1e-12);
            assertTrue(relative(reference.parameters().w(), fast.parameters().w()) < 1e-10);
            assertEquals(reference.parameters().b(), fast.parameters().b(), 1e-12);
            assertTrue(relative(reference.grads().dw(), fast.grads().dw()) < 1e-10);
            assertEquals(reference.grads().db(), fast.grads().db(), 1e-12);
        }
        // a listener looking at w in the middle of training sees the same w on both paths
        assertEquals(40, seenGram.size());
        for (int k = 0; k < seenGram.size(); k++) {
            assertTrue(relative(seenReference.get(k), seenGram.get(k)) < 1e-10, "recorded w " + k);
        }
    }

    private static double relative(Matrix a, Matrix b) {
        return a.minus(b).norm() / a.norm();
    }

    @Test
    void optimize_listener_isToldEveryRecordedCostWithParameters() {
        List<Integer> iterations = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        List<LogisticParameters> parameters = new ArrayList<>();
        OptimizeResult r = LogisticRegression.optimize(W, B, X, Y, new TrainingConfig(25, 0.009, 10), progress -> {
            iterations.add(progress.iteration());
            costs.add(progress.cost());
            parameters.add(LogisticParameters.from(progress.network()));
        });
        assertEquals(List.of(0, 10, 20), iterations);
        assertArrayEquals(costs.stream().mapToDouble(Double::doubleValue).toArray(), r.costs().costs());
        // the parameters after iteration 0's update are one step from the start
        Propagation first = LogisticRegression.propagate(W, B, X, Y);
        assertEquals(first.cost(), costs.get(0));
        assertEquals(W.minus(first.grads().dw().times(0.009)), parameters.get(0).w());
        assertEquals(B - 0.009 * first.grads().db(), parameters.get(0).b());
    }

    @Test
    void optimize_zeroIterations_returnsStartingParametersAndTheirGradients() {
        OptimizeResult r = LogisticRegression.optimize(W, B, X, Y, 0, 0.009);
        assertEquals(W, r.parameters().w());
        assertEquals(B, r.parameters().b());
        assertEquals(0, r.costs().size());
        assertArrayEquals(GOLDEN.doubles("small.propagate.dw"), r.grads().dw().toRowMajor(), 1e-14);
    }

    @Test
    void optimize_doesNotModifyItsArguments() {
        Matrix w = Matrix.columnVector(1, 2);
        LogisticRegression.optimize(w, B, X, Y, 10, 0.009);
        assertEquals(Matrix.columnVector(1, 2), w);
    }

    // ------------------------------------------------------------------ predict

    @Test
    void predict_specExample_matchesGolden() {
        // spec/course example: w = [[0.1124579],[0.23106775]], b = -0.3, X = [[1.,-1.1,-3.2],[1.2,2.,0.1]] -> [[1. 1. 0.]]
        Matrix w = Matrix.columnVector(0.1124579, 0.23106775);
        Matrix x = Matrix.of(new double[][] {{1, -1.1, -3.2}, {1.2, 2, 0.1}});
        Matrix prediction = LogisticRegression.predict(w, -0.3, x);
        assertEquals(GOLDEN.matrix("small.predict"), prediction);
    }

    @Test
    void predict_activationExactlyHalf_isZeroAsTheCourse() {
        // A = σ(0) = 0.5 is not > 0.5
        Matrix prediction = LogisticRegression.predict(Matrix.columnVector(0), 0.0, Matrix.rowVector(1, 2));
        assertEquals(Matrix.rowVector(0, 0), prediction);
    }

    @Test
    void predict_parametersOverload_equalsCourseSignature() {
        LogisticParameters p = new LogisticParameters(Matrix.columnVector(0.5, -1), 0.1);
        assertEquals(LogisticRegression.predict(p.w(), p.b(), X), LogisticRegression.predict(p, X));
    }

    // ------------------------------------------------------------------ model

    @Test
    void model_smallData_combinesOptimizeAndPredict() {
        Matrix xTest = Matrix.of(new double[][] {{0.5, -2}, {1, -1}});
        Matrix yTest = Matrix.rowVector(1, 0);
        LogisticModelResult d = LogisticRegression.model(X, Y, xTest, yTest, 150, 0.05);
        OptimizeResult o = LogisticRegression.optimize(Matrix.zeros(2, 1), 0.0, X, Y, 150, 0.05);
        assertEquals(o.parameters().w(), d.w());
        assertEquals(o.parameters().b(), d.b());
        assertEquals(o.costs(), d.costs());
        assertEquals(LogisticRegression.predict(d.w(), d.b(), xTest), d.yPredictionTest());
        assertEquals(LogisticRegression.predict(d.w(), d.b(), X), d.yPredictionTrain());
        assertEquals(0.05, d.learningRate());
        assertEquals(150, d.iterations());
        assertEquals(2, d.costs().size());
        // a fraction since issue 14 (was the course's percent 100 - mean(|Ŷ - Y|) * 100)
        double expectedTrain = 1 - d.yPredictionTrain().minus(Y).abs().mean();
        assertEquals(expectedTrain, d.trainAccuracy(), 1e-15);
        assertEquals(new LogisticParameters(d.w(), d.b()), d.parameters());
    }

    @Test
    void model_labeledDataAndListener_reportsEveryRecordedCost() {
        List<Integer> seen = new ArrayList<>();
        LogisticModelResult d = LogisticRegression.model(LabeledData.of(X, Y), LabeledData.of(X, Y),
                new TrainingConfig(30, 0.01, 7), progress -> seen.add(progress.iteration()));
        assertEquals(List.of(0, 7, 14, 21, 28), seen);
        assertEquals(5, d.costs().size());
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void propagate_wrongWShape_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.propagate(Matrix.columnVector(1, 2, 3), B, X, Y));
        assertTrue(e.getMessage().startsWith("propagate: shapes (3, 1) and (2, 3)"), e.getMessage());
    }

    @Test
    void propagate_exampleCountsDiffer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.propagate(W, B, X, Matrix.rowVector(1, 0, 1, 0)));
        assertTrue(e.getMessage().startsWith("propagate: shapes (2, 3) and (1, 4) differ in number of examples"),
                e.getMessage());
    }

    @Test
    void propagate_labelsWithTwoRows_namesTheShape() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.propagate(W, B, X, Matrix.zeros(2, 3)));
        assertTrue(e.getMessage().contains("(1, m)") && e.getMessage().contains("(2, 3)"), e.getMessage());
    }

    @Test
    void optimize_labelOutsideZeroOne_isRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(W, B, X, Matrix.rowVector(1, 0.5, 1), 10, 0.009));
        assertTrue(e.getMessage().startsWith("optimize: labels must be 0 or 1") && e.getMessage().contains("0.5"),
                e.getMessage());
    }

    @Test
    void optimize_wrongWShape_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.optimize(Matrix.zeros(2, 2), B, X, Y, 10, 0.009));
        assertTrue(e.getMessage().startsWith("optimize: shapes (2, 2) and (2, 3)"), e.getMessage());
    }

    @Test
    void optimize_exampleCountsDiffer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.optimize(W, B, X, Matrix.rowVector(1, 0), 10, 0.009));
        assertTrue(e.getMessage().startsWith("optimize: shapes (2, 3) and (1, 2)"), e.getMessage());
    }

    @Test
    void optimize_nonPositiveLearningRate_isRefusedNamingIt() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(W, B, X, Y, 10, 0.0));
        assertTrue(zero.getMessage().contains("learning rate") && zero.getMessage().contains("0.0"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(W, B, X, Y, 10, -0.5));
        assertTrue(negative.getMessage().contains("-0.5"), negative.getMessage());
    }

    @Test
    void optimize_negativeIterations_isRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(W, B, X, Y, -3, 0.009));
        assertTrue(e.getMessage().contains("iterations") && e.getMessage().contains("-3"), e.getMessage());
    }

    @Test
    void optimize_nonFiniteBias_isRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.optimize(W, Double.NaN, X, Y, 10, 0.009));
        assertTrue(e.getMessage().contains("b must be a finite number, got NaN"), e.getMessage());
    }

    @Test
    void optimize_hugeLearningRate_recordsTheInfiniteCostAndKeepsTraining() {
        // one step at α = 1e6 sends w to -2.5e5: σ(wᵀx) underflows to 0 on a y = 1 example, log(0) = -inf. The cost is
        // infinite but the gradient A - Y is not: training goes on (the second course's rule) and records the cost
        Matrix x = Matrix.rowVector(1, 2);
        Matrix y = Matrix.rowVector(1, 0);
        OptimizeResult r = LogisticRegression.optimize(Matrix.zeros(1, 1), 0.0, x, y,
                new TrainingConfig(5, 1e6, 1), TrainingListener.none());
        assertEquals(Math.log(2), r.costs().cost(0), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, r.costs().cost(1));
        assertTrue(Double.isFinite(r.parameters().w().item()) && Double.isFinite(r.parameters().b()));
    }

    @Test
    void optimize_parametersThatOverflow_stopWithIterationAndLearningRate() {
        // α = 1e308 with dw = -2 at w = 0: the first update makes w = 2e308, beyond the largest double: +infinity.
        // That stops training, naming where and at what rate (nothing was recorded before iteration 0)
        Matrix x = Matrix.rowVector(3, 5);
        Matrix y = Matrix.rowVector(1, 1);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> LogisticRegression.optimize(Matrix.zeros(1, 1), 0.0, x, y, new TrainingConfig(1000, 1e308, 1),
                        TrainingListener.none()));
        assertEquals(0, e.iteration());
        assertEquals(1e308, e.learningRate());
        assertTrue(e.getMessage().contains("iteration 0") && e.getMessage().contains("learning rate 1.0E308")
                && e.getMessage().contains("parameters"), e.getMessage());
        assertEquals(0, e.costsSoFar().size());
        assertEquals(Math.log(2), e.cost(), 1e-15);
    }

    @Test
    void predict_wrongWShape_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.predict(Matrix.columnVector(1, 2, 3), B, X));
        assertTrue(e.getMessage().startsWith("predict: shapes (3, 1) and (2, 3)"), e.getMessage());
    }

    @Test
    void model_featureCountsDiffer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.model(X, Y, Matrix.zeros(3, 2), Matrix.rowVector(1, 0), 10, 0.01));
        assertTrue(e.getMessage().startsWith("model: shapes (2, 3) and (3, 2) differ in number of features"),
                e.getMessage());
    }

    @Test
    void model_trainExampleCountsDiffer_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> LogisticRegression.model(X, Matrix.rowVector(1, 0), X, Y, 10, 0.01));
        assertTrue(e.getMessage().startsWith("model (train): shapes (2, 3) and (1, 2)"), e.getMessage());
    }

    @Test
    void model_testLabelsOutsideZeroOne_isRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.model(X, Y, X, Matrix.rowVector(2, 0, 1), 10, 0.01));
        assertTrue(e.getMessage().startsWith("model (test): labels must be 0 or 1") && e.getMessage().contains("2.0"),
                e.getMessage());
    }

    @Test
    void model_nullListener_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.model(LabeledData.of(X, Y), LabeledData.of(X, Y), TrainingConfig.of(1, 0.1), null));
        assertTrue(e.getMessage().contains("listener"), e.getMessage());
    }

    @Test
    void records_wrongShapes_areRefusedNamingTheShape() {
        ShapeException params = assertThrows(ShapeException.class, () -> new LogisticParameters(Matrix.zeros(2, 2), 0));
        assertTrue(params.getMessage().contains("(2, 2)"), params.getMessage());
        ShapeException grads = assertThrows(ShapeException.class, () -> new LogisticGradients(Matrix.zeros(1, 3), 0));
        assertTrue(grads.getMessage().contains("(1, 3)"), grads.getMessage());
    }

    @Test
    void trainable_step_isOneCourseIteration() {
        LogisticTrainable t = new LogisticTrainable(new LogisticParameters(W, B), X, Y);
        Propagation p = LogisticRegression.propagate(W, B, X, Y);
        double cost = t.step(0.009);
        assertEquals(p.cost(), cost);
        assertEquals(p.grads(), LogisticGradients.from(t.lastGradients()));
        assertEquals(W.minus(p.grads().dw().times(0.009)), LogisticParameters.from(t.network()).w());
    }
}
