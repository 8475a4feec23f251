package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nndl4j.data.OneHot;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.GradientCheck;

/** Every hidden activation, under both output layers and their losses, gradient-checked through the whole network. */
class BackpropagationTest {

    private static final Matrix X = new NumpyRandom(11).randn(4, 7);
    private static final Matrix Y_BINARY = Matrix.rowVector(1, 0, 0, 1, 1, 0, 1);
    private static final Matrix Y_ONE_HOT = OneHot.encode(new int[] {0, 2, 1, 2, 0, 1, 1}, 3);

    private static Network net(Activation hidden, Activation output, int outputs) {
        NumpyRandom r = new NumpyRandom(12);
        Matrix W1 = r.randn(5, 4);
        Matrix b1 = r.randn(5, 1).times(0.1);
        Matrix W2 = r.randn(outputs, 5);
        Matrix b2 = r.randn(outputs, 1).times(0.1);
        return Network.of(new Layer(W1, b1, hidden), new Layer(W2, b2, output));
    }

    private static void check(Network network, Matrix Y, String what) {
        Gradients grads = Backpropagation.gradients(network, X, Y);
        List<Matrix> analytic = new ArrayList<>();
        List<Matrix> numeric = new ArrayList<>();
        for (int l = 1; l <= network.numLayers(); l++) {
            int layer = l;
            Layer at = network.layer(l);
            analytic.add(grads.dW(l));
            analytic.add(grads.db(l));
            numeric.add(GradientCheck.numericGradient(at.W(), W -> Backpropagation.cost(
                    network.withLayer(layer, new Layer(W, at.b(), at.activation())), X, Y)));
            numeric.add(GradientCheck.numericGradient(at.b(), b -> Backpropagation.cost(
                    network.withLayer(layer, new Layer(at.W(), b, at.activation())), X, Y)));
        }
        GradientCheck.assertAgree(analytic, numeric, what);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "RELU", "LEAKY_RELU", "LINEAR", "SOFTMAX"})
    void gradients_softmaxOutput_matchCentralDifferences(Activation hidden) {
        check(net(hidden, Activation.SOFTMAX, 3), Y_ONE_HOT, hidden + " -> softmax");
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "RELU", "LEAKY_RELU", "LINEAR", "SOFTMAX"})
    void gradients_sigmoidOutput_matchCentralDifferences(Activation hidden) {
        check(net(hidden, Activation.SIGMOID, 1), Y_BINARY, hidden + " -> sigmoid");
    }

    @Test
    void update_isOneGradientStep() {
        Network n = net(Activation.RELU, Activation.SOFTMAX, 3);
        Gradients g = Backpropagation.gradients(n, X, Y_ONE_HOT);
        Network next = Backpropagation.update(n, g, 0.5);
        assertEquals(n.W(2).minus(g.dW(2).times(0.5)), next.W(2));
        assertEquals(n.b(1).minus(g.db(1).times(0.5)), next.b(1));
        assertTrue(Backpropagation.cost(next, X, Y_ONE_HOT) < Backpropagation.cost(n, X, Y_ONE_HOT));
    }

    @Test
    void mismatchedLossAndLabels_areRefusedSayingWhatFits() {
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
                () -> Backpropagation.gradients(net(Activation.RELU, Activation.SOFTMAX, 3), X, Y_BINARY));
        assertTrue(binary.getMessage().contains("SIGMOID output of one unit"), binary.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Backpropagation.gradients(net(Activation.RELU, Activation.SIGMOID, 3), X, Y_ONE_HOT));
        assertTrue(rows.getMessage().contains("SOFTMAX output") && rows.getMessage().contains("(3, 7)"), rows.getMessage());
        IllegalArgumentException relu = assertThrows(IllegalArgumentException.class,
                () -> Backpropagation.gradients(net(Activation.RELU, Activation.RELU, 1), X, Y_BINARY));
        assertTrue(relu.getMessage().contains("RELU output"), relu.getMessage());
    }
}
