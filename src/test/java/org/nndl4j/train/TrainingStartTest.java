package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * A training stopped after epoch k and restarted from there (the network, the optimizer's moments and the costs
 * recorded so far) gives the uninterrupted training's iterates, bit for bit: what checkpoints rely on.
 */
class TrainingStartTest {

    private static final Matrix X = new NumpyRandom(3).randn(2, 40);
    private static final Matrix Y = labels();

    private static Matrix labels() {
        double[] y = new double[40];
        for (int j = 0; j < 40; j++) {
            y[j] = X.get(0, j) * X.get(1, j) > 0 ? 1 : 0;
        }
        return Matrix.rowVector(y);
    }

    private static Network initial() {
        return Initialization.HE.initialize(new int[] {2, 5, 3, 1}, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(1));
    }

    private static Trainable trainable(Network network, TrainingConfig config) {
        return Training.trainable(network, X, Y, config, n -> {
            throw new AssertionError("no reference engine here");
        });
    }

    private static TrainingConfig config(Optimizer optimizer, MiniBatches batches) {
        return new TrainingConfig(50, 0.05, 4, Engine.PRIMAL, optimizer, batches,
                LearningRateSchedule.inverseTime(0.3));
    }

    @Test
    void adamOnShuffledBatches_resumedAfterEpoch18_asUninterrupted() {
        assertResumesExactly(config(Optimizer.adam(), MiniBatches.shuffled(16, 7)), 18);
    }

    @Test
    void momentumOnTheFullBatch_resumedAfterEpoch20_asUninterrupted() {
        assertResumesExactly(config(Optimizer.momentum(0.9), MiniBatches.fullBatch()), 20);
    }

    @Test
    void rmsPropResumedAtEpoch1_andGradientDescentAt33_asUninterrupted() {
        assertResumesExactly(config(Optimizer.rmsProp(), MiniBatches.fullBatch()), 1);
        assertResumesExactly(config(Optimizer.gradientDescent(), MiniBatches.fullBatch()), 33);
    }

    private void assertResumesExactly(TrainingConfig config, int k) {
        List<Integer> heard = new ArrayList<>();
        TrainingResult uninterrupted = TrainingLoop.run(trainable(initial(), config), config,
                p -> heard.add(p.iteration()));

        int[] dims = initial().layerDims();
        OptimizerState first = config.optimizer().newState(dims);
        TrainingResult head = TrainingLoop.run(trainable(initial(), config), config.withIterations(k),
                TrainingListener.none(), TrainingStart.beginning(config, first));
        // the moments travel as values (as a checkpoint file holds them) into a fresh state
        OptimizerState second = config.optimizer().newState(dims);
        second.restore(first.moments());
        List<Integer> heardAfter = new ArrayList<>();
        TrainingResult tail = TrainingLoop.run(trainable(head.network(), config), config,
                p -> heardAfter.add(p.iteration()), new TrainingStart(k, second, head.costs()));

        assertArrayEquals(uninterrupted.costs().costs(), tail.costs().costs());
        assertArrayEquals(uninterrupted.costs().learningRates(), tail.costs().learningRates());
        assertEquals(uninterrupted.network(), tail.network());
        assertEquals(config.iterations(), tail.iterations());
        assertEquals(heard.subList(heard.size() - heardAfter.size(), heard.size()), heardAfter);
        assertEquals(heard.get(heard.size() - heardAfter.size()), (k + 3) / 4 * 4, "the first heard after k");
    }

    @Test
    void moments_holdWhatTheOptimizerKeeps() {
        int[] dims = {2, 5, 1};
        OptimizerState.Moments adam = Optimizer.adam().newState(dims).moments();
        assertEquals(0, adam.steps());
        assertEquals(2, adam.vW().size());
        assertEquals(2, adam.sb().size());
        assertEquals(Matrix.zeros(5, 2).shape(), adam.vW().get(0).shape());
        OptimizerState.Moments momentum = Optimizer.momentum(0.9).newState(dims).moments();
        assertEquals(2, momentum.vb().size());
        assertTrue(momentum.sW().isEmpty());
        assertTrue(Optimizer.gradientDescent().newState(dims).moments().vW().isEmpty());
    }

    @Test
    void restore_refusesMomentsThatDoNotFit() {
        OptimizerState adam = Optimizer.adam().newState(new int[] {2, 5, 1});
        OptimizerState.Moments momentum = Optimizer.momentum(0.9).newState(new int[] {2, 5, 1}).moments();
        String missing = assertThrows(Nndl4jException.class, () -> adam.restore(momentum)).getMessage();
        assertTrue(missing.contains("keeps sW for 2 layers, the saved moments hold 0"), missing);
        OptimizerState.Moments other = Optimizer.adam().newState(new int[] {2, 4, 1}).moments();
        ShapeException shape = assertThrows(ShapeException.class, () -> adam.restore(other));
        assertEquals("OptimizerState.restore: expected vW1 of shape (5, 2), got shape (4, 2)", shape.getMessage());
    }

    @Test
    void startsThatDoNotFitTheConfiguration_areRefused() {
        TrainingConfig config = config(Optimizer.adam(), MiniBatches.fullBatch());
        CostHistory two = new CostHistory(4, new double[] {1, 2}, new double[] {0.1, 0.1});
        assertTrue(assertThrows(Nndl4jException.class, () -> new TrainingStart(9, null, two)).getMessage()
                .contains("2 recorded costs before epoch 9, but a record every 4 epochs gives 3"));
        Trainable model = trainable(initial(), config);
        String noState = assertThrows(Nndl4jException.class, () -> TrainingLoop.run(model, config,
                TrainingListener.none(), new TrainingStart(8, null, two))).getMessage();
        assertTrue(noState.contains("needs the optimizer's state after epoch 7"), noState);
        OptimizerState momentum = Optimizer.momentum(0.9).newState(initial().layerDims());
        String other = assertThrows(Nndl4jException.class, () -> TrainingLoop.run(model, config,
                TrainingListener.none(), new TrainingStart(8, momentum, two))).getMessage();
        assertTrue(other.contains("belongs to Momentum"), other);
        String beyond = assertThrows(Nndl4jException.class, () -> TrainingLoop.run(model, config.withIterations(5),
                TrainingListener.none(), new TrainingStart(8, null, two))).getMessage();
        assertTrue(beyond.contains("beyond the 5 iterations"), beyond);
        CostHistory everyTwo = new CostHistory(2, new double[] {1, 2, 3, 4}, new double[] {0.1, 0.1, 0.1, 0.1});
        String every = assertThrows(Nndl4jException.class, () -> TrainingLoop.run(model, config,
                TrainingListener.none(), new TrainingStart(8, null, everyTwo))).getMessage();
        assertTrue(every.contains("recorded every 2 epochs"), every);
    }
}
