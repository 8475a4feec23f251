package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;

class NetworkTest {

    @TempDir
    Path dir;

    /** A random network of the given sizes and activations, layer 1 first. */
    static Network random(long seed, int[] dims, Activation... activations) {
        NumpyRandom r = new NumpyRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]), r.randn(dims[l], 1), activations[l - 1]));
        }
        return Network.of(layers);
    }

    private static Network softmaxNet() {
        return random(3, new int[] {4, 5, 3}, Activation.RELU, Activation.SOFTMAX);
    }

    @Test
    void describesItself() {
        Network n = softmaxNet();
        assertArrayEquals(new int[] {4, 5, 3}, n.layerDims());
        assertEquals(2, n.numLayers());
        assertEquals(5 * 4 + 5 + 3 * 5 + 3, n.parameterCount());
        assertEquals(Loss.CATEGORICAL_CROSS_ENTROPY, n.loss());
        assertEquals(List.of(Activation.RELU, Activation.SOFTMAX), n.activations());
        assertEquals("Network[4 -> 5 relu -> 3 softmax]", n.toString());
        assertEquals(4, n.inputSize());
        assertEquals(3, n.outputSize());
    }

    @Test
    void forward_isTheLayersInOrder() {
        Network n = softmaxNet();
        Matrix X = new NumpyRandom(4).randn(4, 6);
        Matrix A1 = Activation.RELU.forward(n.W(1).dot(X).plus(n.b(1)));
        Matrix A2 = Activation.SOFTMAX.forward(n.W(2).dot(A1).plus(n.b(2)));
        assertEquals(A2, n.forward(X));
    }

    @Test
    void predict_softmaxIsTheArgmaxOfEachColumn_sigmoidThresholdsAtOneHalf() {
        Network n = softmaxNet();
        Matrix X = new NumpyRandom(5).randn(4, 50);
        Matrix A = n.forward(X);
        Matrix labels = n.predict(X);
        assertEquals(1, labels.rows());
        for (int j = 0; j < 50; j++) {
            int best = (int) labels.get(0, j);
            for (int i = 0; i < 3; i++) {
                assertTrue(A.get(i, j) <= A.get(best, j));
            }
        }
        Network sigmoid = Network.of(new Layer(Matrix.rowVector(1, 0), Matrix.scalar(0), Activation.SIGMOID));
        // σ(0) = 0.5 is not > 0.5: class 0, as the course's predict
        assertEquals(Matrix.rowVector(0, 0, 1), sigmoid.predict(Matrix.of(new double[][] {{-1, 0, 1}, {0, 0, 0}})));
    }

    @Test
    void predict_outputWithoutClasses_isRefusedSayingWhatFits() {
        Network linear = random(1, new int[] {3, 2}, Activation.LINEAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linear.predict(Matrix.zeros(3, 1)));
        assertTrue(e.getMessage().contains("LINEAR") && e.getMessage().contains("SOFTMAX"), e.getMessage());
    }

    @Test
    void forward_wrongInputRows_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> softmaxNet().forward(Matrix.zeros(5, 2)));
        assertTrue(e.getMessage().contains("(5, 4)") && e.getMessage().contains("(5, 2)"), e.getMessage());
    }

    @Test
    void construction_layersThatDoNotChain_nameBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Network.of(
                new Layer(Matrix.zeros(5, 4), Matrix.zeros(5, 1), Activation.RELU),
                new Layer(Matrix.zeros(3, 6), Matrix.zeros(3, 1), Activation.SOFTMAX)));
        assertTrue(e.getMessage().contains("(5, 4)") && e.getMessage().contains("(3, 6)")
                && e.getMessage().contains("(3, 5)"), e.getMessage());
        ShapeException bias = assertThrows(ShapeException.class,
                () -> new Layer(Matrix.zeros(5, 4), Matrix.zeros(4, 1), Activation.RELU));
        assertTrue(bias.getMessage().contains("(5, 4)") && bias.getMessage().contains("(4, 1)"), bias.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Network.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Network.of((List<Layer>) null));
    }

    @Test
    void equality_isByValue() {
        assertEquals(softmaxNet(), softmaxNet());
        assertEquals(softmaxNet().hashCode(), softmaxNet().hashCode());
        Network other = softmaxNet().withLayer(1, new Layer(softmaxNet().W(1), softmaxNet().b(1), Activation.TANH));
        assertNotEquals(softmaxNet(), other);
        assertEquals(Activation.TANH, other.activation(1));
        assertEquals(Activation.RELU, softmaxNet().activation(1), "withLayer leaves the original as it was");
    }

    @Test
    void layers_areImmutable() {
        Network n = softmaxNet();
        assertThrows(UnsupportedOperationException.class, () -> n.layers().add(n.layer(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> n.layer(3));
    }

    @Test
    void saveThenLoad_everyActivation_isEqualByValueAndPredictsTheSame() {
        Network n = random(9, new int[] {6, 5, 4, 4, 3, 3}, Activation.LEAKY_RELU, Activation.TANH, Activation.LINEAR,
                Activation.SIGMOID, Activation.SOFTMAX);
        Path file = dir.resolve("softmax.h5");
        n.save(file);
        Network loaded = Network.load(file);
        assertEquals(n, loaded);
        Matrix X = new NumpyRandom(10).randn(6, 40);
        assertEquals(n.predict(X), loaded.predict(X));
        assertEquals(n.forward(X), loaded.forward(X));
    }
}
