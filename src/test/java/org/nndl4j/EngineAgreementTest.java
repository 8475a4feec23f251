package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.CatDataset;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.DeepParameters;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.logistic.LogisticParameters;
import org.nndl4j.logistic.LogisticRegression;
import org.nndl4j.logistic.OptimizeResult;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.shallow.ShallowNetwork;
import org.nndl4j.shallow.ShallowParameters;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * Issue 7's promise: the exact Gram path and the lean primal path are two ways of computing the same
 * training. On the cat data, for each model family, every cost of several hundred iterations agrees to
 * 1e-10 and the final parameters to 1e-10 relative; a listener that looks at W1 in the middle of
 * training sees the same W1 either way. (Learning rates are ones at which the cost decreases steadily:
 * where it oscillates, as the tanh network on this data does at 0.05, any two summation orders, numpy's
 * included, part ways after a few dozen iterations.)
 */
class EngineAgreementTest {

    private static final LabeledData CAT = CatDataset.loadBundled().train().data();
    private static final int ITERATIONS = 300;
    private static final int PEEK_AT = 150;

    private static double relative(Matrix a, Matrix b) {
        return a.minus(b).norm() / Math.max(a.norm(), 1e-300);
    }

    private static TrainingConfig config(double learningRate, Engine engine) {
        return new TrainingConfig(ITERATIONS, learningRate, 1, engine);
    }

    private static void assertSameCosts(double[] primal, double[] gram) {
        assertEquals(ITERATIONS, primal.length);
        assertEquals(primal.length, gram.length);
        for (int i = 0; i < primal.length; i++) {
            assertEquals(primal[i], gram[i], 1e-10, "cost at iteration " + i);
        }
    }

    /** Runs {@code train} on both engines with a listener that keeps W1 at iteration {@value #PEEK_AT}. */
    private static <R> List<R> bothEngines(BiFunction<Engine, List<Matrix>, R> train, List<Matrix> peeks) {
        List<R> results = new ArrayList<>();
        for (Engine engine : new Engine[] {Engine.PRIMAL, Engine.GRAM}) {
            results.add(train.apply(engine, peeks));
        }
        assertEquals(2, peeks.size(), "the listener saw W1 once per engine");
        assertTrue(relative(peeks.get(0), peeks.get(1)) < 1e-10, "W1 in the middle of training: relative difference " + relative(peeks.get(0), peeks.get(1)));
        return results;
    }

    @Test
    void logisticRegression_primalAndGramAgree() {
        List<Matrix> peeks = new ArrayList<>();
        List<OptimizeResult> r = bothEngines((engine, seen) -> LogisticRegression.optimize(
                Matrix.zeros(CAT.features(), 1), 0.0, CAT.X(), CAT.Y(), config(0.005, engine),
                (TrainingListener) p -> {
                    if (p.iteration() == PEEK_AT) {
                        seen.add(LogisticParameters.from(p.network()).w());
                    }
                }), peeks);
        assertSameCosts(r.get(0).costs().costs(), r.get(1).costs().costs());
        assertTrue(relative(r.get(0).parameters().w(), r.get(1).parameters().w()) < 1e-10);
        assertEquals(r.get(0).parameters().b(), r.get(1).parameters().b(), 1e-10 * Math.abs(r.get(0).parameters().b()));
    }

    @Test
    void shallowNetwork_primalAndGramAgree() {
        List<Matrix> peeks = new ArrayList<>();
        List<TrainingResult> r = bothEngines((engine, seen) -> ShallowNetwork.nnModel(
                CAT.X(), CAT.Y(), 4, config(0.005, engine),
                (TrainingListener) p -> {
                    if (p.iteration() == PEEK_AT) {
                        seen.add(ShallowParameters.from(p.network()).W1());
                    }
                }), peeks);
        assertSameCosts(r.get(0).costs().costs(), r.get(1).costs().costs());
        ShallowParameters p = ShallowParameters.from(r.get(0).network());
        ShallowParameters g = ShallowParameters.from(r.get(1).network());
        assertTrue(relative(p.W1(), g.W1()) < 1e-10);
        assertTrue(relative(p.b1(), g.b1()) < 1e-10);
        assertTrue(relative(p.W2(), g.W2()) < 1e-10);
        assertTrue(relative(p.b2(), g.b2()) < 1e-10);
    }

    @Test
    void deepNetworks_primalAndGramAgree() {
        for (int[] dims : new int[][] {{12288, 7, 1}, {12288, 20, 7, 5, 1}}) {
            List<Matrix> peeks = new ArrayList<>();
            List<TrainingResult> r = bothEngines((engine, seen) -> DeepModels.lLayerModel(CAT, dims,
                    CourseInitialization.APPLICATION, config(0.0075, engine),
                    (TrainingListener) p -> {
                        if (p.iteration() == PEEK_AT) {
                            seen.add(p.network().W(1));
                        }
                    }), peeks);
            assertSameCosts(r.get(0).costs().costs(), r.get(1).costs().costs());
            for (int l = 1; l < dims.length; l++) {
                assertTrue(relative(r.get(0).network().W(l), r.get(1).network().W(l)) < 1e-10, "W" + l);
                assertTrue(relative(r.get(0).network().b(l), r.get(1).network().b(l)) < 1e-10, "b" + l);
            }
        }
    }
}
