package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Loss;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Engine;
import org.nndl4j.train.Training;

class NetworkEngineTest {

    /** Wide random data (n_x > m), labels from a random hyperplane. */
    private static LabeledData wideData(int nX, int m, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        Matrix X = r.rand(nX, m);
        Matrix direction = r.randn(1, nX);
        Matrix scores = direction.dot(X.minus(0.5));
        return LabeledData.of(X, scores.greaterThan(0));
    }

    private record Net(List<Matrix> W, List<Matrix> b, List<Activation> g) {
        Network network() {
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < W.size(); l++) {
                layers.add(new Layer(W.get(l), b.get(l), g.get(l)));
            }
            return Network.of(layers);
        }
    }

    private static Net net(int[] dims, Activation hidden, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Activation> g = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            W.add(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])));
            b.add(r.randn(dims[l], 1).times(0.1));
            g.add(l == dims.length - 1 ? Activation.SIGMOID : hidden);
        }
        return new Net(W, b, g);
    }

    /** The course's equations written out with the Matrix API, as an independent reference. */
    private static double referenceStep(Net net, LabeledData data, double alpha) {
        int L = net.W().size();
        int m = data.size();
        List<Matrix> A = new ArrayList<>(List.of(data.X()));
        List<Matrix> Z = new ArrayList<>(List.of(data.X()));
        for (int l = 1; l <= L; l++) {
            Matrix z = net.W().get(l - 1).dot(A.get(l - 1)).plus(net.b().get(l - 1));
            Z.add(z);
            A.add(net.g().get(l - 1).forward(z));
        }
        Loss loss = Loss.forOutput(net.g().get(L - 1));
        double cost = loss.cost(A.get(L), data.Y());
        Matrix dA = loss.outputGradient(A.get(L), data.Y());
        List<Matrix> dWs = new ArrayList<>();
        List<Matrix> dbs = new ArrayList<>();
        for (int l = L; l >= 1; l--) {
            Matrix dZ = net.g().get(l - 1).backward(dA, Z.get(l));
            dWs.add(0, dZ.dotTranspose(A.get(l - 1)).div(m));
            dbs.add(0, dZ.sum(1).div(m));
            dA = net.W().get(l - 1).transposeDot(dZ);
        }
        for (int l = 0; l < L; l++) {
            net.W().set(l, net.W().get(l).minus(dWs.get(l).times(alpha)));
            net.b().set(l, net.b().get(l).minus(dbs.get(l).times(alpha)));
        }
        return cost;
    }

    private static double relative(Matrix a, Matrix b) {
        return a.minus(b).norm() / Math.max(a.norm(), 1e-300);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class)
    void primalAndGram_agreeWithTheCourseEquations(Activation hidden) {
        LabeledData data = wideData(300, 40, 1);
        int[] dims = {300, 6, 3, 1};
        Net reference = net(dims, hidden, 2);
        Net start = net(dims, hidden, 2);
        NetworkEngine primal = NetworkEngine.primal(start.network(), data.X(), data.Y());
        NetworkEngine gram = NetworkEngine.gram(start.network(), data.X(), data.Y());
        assertTrue(gram.usesGram());
        double alpha = 0.05;
        for (int i = 0; i < 300; i++) {
            double expected = referenceStep(reference, data, alpha);
            double p = primal.step(alpha);
            double q = gram.step(alpha);
            assertEquals(expected, p, 1e-12 * Math.abs(expected), "primal cost at iteration " + i);
            assertEquals(p, q, 1e-10, "gram cost at iteration " + i);
            if (i == 150) {
                // looking at W1 in the middle of training (a listener, a save) changes nothing
                assertTrue(relative(primal.weights(1), gram.weights(1)) < 1e-10);
            }
        }
        for (int l = 1; l <= 3; l++) {
            assertTrue(relative(reference.W().get(l - 1), primal.weights(l)) < 1e-11, "primal W" + l);
            assertTrue(relative(primal.weights(l), gram.weights(l)) < 1e-10, "gram W" + l);
            assertTrue(relative(primal.bias(l), gram.bias(l)) < 1e-10, "gram b" + l);
        }
    }

    @Test
    void logisticRegression_isTheOneLayerCase() {
        LabeledData data = wideData(500, 30, 3);
        Net start = new Net(new ArrayList<>(List.of(Matrix.zeros(1, 500))), new ArrayList<>(List.of(Matrix.zeros(1, 1))),
                List.of(Activation.SIGMOID));
        NetworkEngine primal = NetworkEngine.primal(start.network(), data.X(), data.Y());
        NetworkEngine gram = NetworkEngine.gram(start.network(), data.X(), data.Y());
        assertEquals(Engine.GRAM, Training.trainable(start.network(), data.X(), data.Y(), Engine.AUTO, n -> null).engine());
        for (int i = 0; i < 400; i++) {
            double expected = referenceStep(start, data, 0.01);
            assertEquals(expected, primal.step(0.01), 1e-12);
            assertEquals(expected, gram.step(0.01), 1e-11);
        }
        assertTrue(relative(start.W().get(0), gram.weights(1)) < 1e-10);
        assertEquals(start.b().get(0).item(), gram.bias(1).item(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"PRIMAL", "GRAM"})
    void gradients_ofTheLastStep_areTheCourseGradientsBeforeTheUpdate(Engine engine) {
        LabeledData data = wideData(60, 12, 8);
        Net start = net(new int[] {60, 4, 1}, Activation.TANH, 9);
        NetworkEngine trainer = engine == Engine.GRAM ? NetworkEngine.gram(start.network(), data.X(), data.Y())
                : NetworkEngine.primal(start.network(), data.X(), data.Y());
        assertEquals(null, trainer.lastGradients());
        for (int i = 0; i < 5; i++) {
            trainer.step(0.1);
        }
        // the course's gradients at the parameters before the 6th step
        Net before = new Net(new ArrayList<>(List.of(trainer.weights(1), trainer.weights(2))),
                new ArrayList<>(List.of(trainer.bias(1), trainer.bias(2))), start.g());
        Net after = new Net(new ArrayList<>(before.W()), new ArrayList<>(before.b()), start.g());
        referenceStep(after, data, 1.0);
        trainer.step(1.0);
        for (int l = 1; l <= 2; l++) {
            // with α = 1, dW = W_before - W_after
            Matrix dW = before.W().get(l - 1).minus(after.W().get(l - 1));
            Matrix db = before.b().get(l - 1).minus(after.b().get(l - 1));
            assertTrue(relative(dW, trainer.lastGradients().dW(l)) < 1e-10, engine + " dW" + l);
            assertTrue(relative(db, trainer.lastGradients().db(l)) < 1e-10, engine + " db" + l);
        }
    }

    @Test
    void auto_picksPrimalForTallData() {
        LabeledData data = wideData(2, 50, 4);
        Net start = net(new int[] {2, 4, 1}, Activation.TANH, 5);
        assertEquals(Engine.PRIMAL, Training.trainable(start.network(), data.X(), data.Y(), Engine.AUTO, n -> null).engine());
    }

    @Test
    void badNetworks_areRefusedWithShapes() {
        LabeledData data = wideData(5, 8, 6);
        Net good = net(new int[] {5, 3, 1}, Activation.RELU, 7);
        Net narrow = new Net(List.of(Matrix.zeros(3, 4), good.W().get(1)), good.b(), good.g());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkEngine.primal(narrow.network(), data.X(), data.Y()));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(5, 8)")
                && e.getMessage().contains("X must have 4 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Net(good.W(), List.of(Matrix.zeros(3, 2), good.b().get(1)), good.g()).network());
        IllegalArgumentException relu = assertThrows(IllegalArgumentException.class, () -> NetworkEngine.primal(
                new Net(good.W(), good.b(), List.of(Activation.RELU, Activation.RELU)).network(), data.X(), data.Y()));
        assertTrue(relu.getMessage().contains("SIGMOID") && relu.getMessage().contains("SOFTMAX"), relu.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> NetworkEngine.primal(good.network(), data.X(), data.Y()).weights(3));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> NetworkEngine.primal(good.network(), Matrix.zeros(5, 0), Matrix.zeros(1, 0)));
        assertTrue(empty.getMessage().contains("m = 0"), empty.getMessage());
    }

    /** Wide data (n_x > m) of {@code classes} classes, one-hot, labels from random hyperplanes. */
    private static LabeledData wideClasses(int nX, int m, int classes, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        Matrix X = r.rand(nX, m);
        Matrix scores = r.randn(classes, nX).dot(X.minus(0.5));
        int[] labels = new int[m];
        for (int j = 0; j < m; j++) {
            for (int c = 1; c < classes; c++) {
                if (scores.get(c, j) > scores.get(labels[j], j)) {
                    labels[j] = c;
                }
            }
        }
        return LabeledData.ofClasses(X, labels, List.of("a", "b", "c", "d").subList(0, classes));
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "TANH", "LEAKY_RELU", "SIGMOID"})
    void softmaxNetworks_primalAndGramAgreeWithEachOtherAndTheReference(Activation hidden) {
        LabeledData data = wideClasses(200, 30, 4, 21);
        int[] dims = {200, 7, 5, 4};
        NumpyRandom r = new NumpyRandom(22);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])), r.randn(dims[l], 1).times(0.1),
                    l == dims.length - 1 ? Activation.SOFTMAX : hidden));
        }
        Network start = Network.of(layers);
        Net reference = new Net(new ArrayList<>(start.layers().stream().map(Layer::W).toList()),
                new ArrayList<>(start.layers().stream().map(Layer::b).toList()), start.activations());
        NetworkEngine primal = NetworkEngine.primal(start, data.X(), data.Y());
        NetworkEngine gram = NetworkEngine.gram(start, data.X(), data.Y());
        // a rate at which the cost decreases steadily for every hidden activation (at 0.1 the tanh network
        // oscillates, and any two summation orders part ways after a few dozen iterations)
        double alpha = 0.05;
        double first = 0;
        for (int i = 0; i < 300; i++) {
            double expected = referenceStep(reference, data, alpha);
            double p = primal.step(alpha);
            double q = gram.step(alpha);
            if (i == 0) {
                first = p;
            }
            assertEquals(expected, p, 1e-12 * Math.abs(expected), "primal cost at iteration " + i);
            assertEquals(p, q, 1e-10, "gram cost at iteration " + i);
        }
        Network p = primal.network();
        Network g = gram.network();
        for (int l = 1; l <= 3; l++) {
            assertTrue(relative(reference.W().get(l - 1), p.W(l)) < 1e-11, "primal W" + l);
            assertTrue(relative(p.W(l), g.W(l)) < 1e-10, "gram W" + l);
            assertTrue(relative(p.b(l), g.b(l)) < 1e-10, "gram b" + l);
        }
        assertEquals(p.predict(data.X()), g.predict(data.X()));
        assertTrue(primal.step(alpha) < first, "the training lowered the cost");
    }
}
