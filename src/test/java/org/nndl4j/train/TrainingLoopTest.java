package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;

class TrainingLoopTest {

    /** Minimises (θ - 3)²; its cost before each step is known in closed form. */
    private static final class Parabola implements Trainable {
        double theta;
        int steps;

        @Override
        public double step(double learningRate) {
            steps++;
            double cost = (theta - 3) * (theta - 3);
            // dθ = 2 (θ - 3)
            theta -= learningRate * 2 * (theta - 3);
            return cost;
        }

        /** θ as a one-weight linear network. */
        @Override
        public Network network() {
            return Network.of(new Layer(Matrix.scalar(theta), Matrix.scalar(0), Activation.LINEAR));
        }

        @Override
        public Gradients lastGradients() {
            return null;
        }

        @Override
        public Engine engine() {
            return Engine.REFERENCE;
        }
    }

    @Test
    void run_recordsEveryNthCostAndTellsTheListener() {
        Parabola p = new Parabola();
        List<Integer> seen = new ArrayList<>();
        List<Double> thetas = new ArrayList<>();
        TrainingResult r = TrainingLoop.run(p, new TrainingConfig(25, 0.1, 10), progress -> {
            seen.add(progress.iteration());
            thetas.add(progress.network().W(1).item());
        });
        assertEquals(25, p.steps);
        assertEquals(List.of(0, 10, 20), seen);
        assertEquals(3, r.costs().size());
        assertEquals(9.0, r.costs().cost(0));
        // θ_k = 3 - 3 * 0.8^k, cost_k = 9 * 0.64^k
        assertEquals(9 * Math.pow(0.64, 10), r.costs().cost(1), 1e-12);
        assertEquals(20, r.costs().iteration(2));
        assertEquals(3 - 3 * Math.pow(0.8, 25), r.network().W(1).item(), 1e-12);
        // the listener sees the parameters after that iteration's update
        assertEquals(3 - 3 * Math.pow(0.8, 11), thetas.get(1), 1e-12);
    }

    @Test
    void run_zeroIterations_returnsUntouchedModel() {
        Parabola p = new Parabola();
        TrainingResult r = TrainingLoop.run(p, TrainingConfig.of(0, 0.1));
        assertEquals(0, p.steps);
        assertEquals(0, r.costs().size());
        assertEquals(0.0, r.network().W(1).item());
        assertTrue(Double.isNaN(r.costs().last()));
    }

    @Test
    void run_divergingCost_stopsAndNamesIterationAndLearningRate() {
        Parabola p = new Parabola();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> TrainingLoop.run(p, new TrainingConfig(100_000, 1e10, 1)));
        assertTrue(e.iteration() < 100, "stopped at " + e.iteration());
        assertEquals(e.iteration() + 1, p.steps);
        assertEquals(1e10, e.learningRate());
        assertTrue(e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 1.0E10"), e.getMessage());
        assertEquals(e.iteration(), e.costsSoFar().size());
        assertEquals(9.0, e.costsSoFar().cost(0));
    }

    @Test
    void config_badValues_areRefusedWithTheValue() {
        assertEquals("learning rate must be a finite number > 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(10, -0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(10, 0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(10, Double.POSITIVE_INFINITY));
        assertEquals("iterations must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(-1, 0.1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(1, 0.1).withRecordEvery(0));
        // one rule for null arguments: an IllegalArgumentException naming the operation, never a raw NullPointerException
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingLoop.run(new Parabola(), null))
                .getMessage().startsWith("TrainingLoop.run: "));
    }

    @Test
    void costHistory_isAnImmutableValue() {
        double[] costs = {3, 2, 1};
        CostHistory h = new CostHistory(100, costs);
        costs[0] = 42;
        h.costs()[1] = 42;
        assertArrayEquals(new double[] {3, 2, 1}, h.costs());
        assertEquals(new CostHistory(100, new double[] {3, 2, 1}), h);
        assertEquals(1.0, h.last());
    }
}
