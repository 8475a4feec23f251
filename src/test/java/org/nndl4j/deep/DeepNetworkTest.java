package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.nn.Activation;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.testing.Golden;

/** The building blocks against the spec's numpy code run on a small fixed network (deep.golden, small.*). */
class DeepNetworkTest {

    private static final Golden GOLDEN = Golden.load("deep.golden");
    private static final double TOL = 1e-12;

    private static Matrix X() {
        return GOLDEN.matrix("small.X");
    }

    private static Matrix Y() {
        return Matrix.rowVector(GOLDEN.doubles("small.Y"));
    }

    /** The golden network: W1..W3 from the golden file, zero biases (initialize_parameters_deep's). */
    private static DeepParameters parameters() {
        Matrix W1 = GOLDEN.matrix("small.W1");
        Matrix W2 = GOLDEN.matrix("small.W2");
        Matrix W3 = GOLDEN.matrix("small.W3");
        return DeepParameters.of(W1, Matrix.zeros(4, 1), W2, Matrix.zeros(3, 1), W3, Matrix.zeros(1, 1));
    }

    static void assertClose(Matrix expected, Matrix actual, double tol, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double diff = expected.maxAbsDifference(actual);
        assertTrue(diff <= tol, what + ": max |difference| " + diff + " > " + tol + "\nexpected " + expected + "\nactual   " + actual);
    }

    @Test
    void linearForward_smallNetworkLayer1_matchesGoldenZ() {
        LinearOutput out = DeepNetwork.linearForward(X(), parameters().W(1), parameters().b(1));
        assertClose(GOLDEN.matrix("small.linear_forward.Z"), out.Z(), TOL, "Z");
        assertEquals(X(), out.cache().A());
        assertEquals(parameters().W(1), out.cache().W());
    }

    @Test
    void linearActivationForward_reluAndSigmoid_matchGolden() {
        DeepParameters p = parameters();
        LayerOutput relu = DeepNetwork.linearActivationForward(X(), p.W(1), p.b(1), Activation.RELU);
        LayerOutput sigmoid = DeepNetwork.linearActivationForward(X(), p.W(1), p.b(1), Activation.SIGMOID);
        assertClose(GOLDEN.matrix("small.laf_relu.A"), relu.A(), TOL, "relu A");
        assertClose(GOLDEN.matrix("small.laf_sigmoid.A"), sigmoid.A(), TOL, "sigmoid A");
        assertClose(GOLDEN.matrix("small.linear_forward.Z"), relu.cache().Z(), TOL, "cached Z");
    }

    @Test
    void lModelForward_smallNetwork_matchesGoldenALAndCachedActivations() {
        DeepForward forward = DeepNetwork.lModelForward(X(), parameters());
        assertClose(GOLDEN.matrix("small.AL"), forward.AL(), TOL, "AL");
        assertEquals(3, forward.caches().size());
        // caches[l-1] holds layer l's input: layer 2's is A1, layer 3's is A2
        assertClose(GOLDEN.matrix("small.A1"), forward.cache(2).linear().A(), TOL, "A1");
        assertClose(GOLDEN.matrix("small.A2"), forward.cache(3).linear().A(), TOL, "A2");
        assertEquals(X(), forward.cache(1).linear().A());
    }

    @Test
    void computeCost_smallNetwork_matchesGoldenCost() {
        Matrix AL = DeepNetwork.lModelForward(X(), parameters()).AL();
        assertEquals(GOLDEN.scalar("small.cost"), DeepNetwork.computeCost(AL, Y()), 1e-14);
    }

    @Test
    void lModelBackward_smallNetwork_matchesGoldenGrads() {
        DeepForward forward = DeepNetwork.lModelForward(X(), parameters());
        DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), Y(), forward.caches());
        assertEquals(3, grads.numLayers());
        for (int l = 1; l <= 3; l++) {
            assertClose(GOLDEN.matrix("small.grads.dW" + l), grads.dW(l), TOL, "dW" + l);
            assertClose(GOLDEN.matrix("small.grads.db" + l), grads.db(l), TOL, "db" + l);
            // the course's grads["dA" + l] is the gradient with respect to layer l's input
            assertClose(GOLDEN.matrix("small.grads.dA" + l), grads.dA(l), 1e-11, "dA" + l);
        }
    }

    @Test
    void updateParameters_learningRate01_matchesGoldenUpdatedParameters() {
        DeepParameters p = parameters();
        DeepForward forward = DeepNetwork.lModelForward(X(), p);
        DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), Y(), forward.caches());
        DeepParameters updated = DeepNetwork.updateParameters(p, grads, 0.1);
        for (int l = 1; l <= 3; l++) {
            assertClose(GOLDEN.matrix("small.updated.W" + l), updated.W(l), TOL, "W" + l);
            assertClose(GOLDEN.matrix("small.updated.b" + l), updated.b(l), TOL, "b" + l);
        }
        assertEquals(parameters(), p, "updateParameters must not modify its argument");
    }

    @Test
    void predict_smallNetwork_thresholdsGoldenALAtOneHalf() {
        Matrix expected = GOLDEN.matrix("small.AL").greaterThan(0.5);
        assertEquals(expected, DeepNetwork.predict(parameters(), X()));
    }

    @Test
    void initializeParameters_3_2_1_matchesGoldenExactly() {
        DeepParameters p = DeepNetwork.initializeParameters(3, 2, 1);
        assertEquals(GOLDEN.matrix("init2.W1"), p.W(1));
        assertEquals(GOLDEN.matrix("init2.b1"), p.b(1));
        assertEquals(GOLDEN.matrix("init2.W2"), p.W(2));
        assertEquals(GOLDEN.matrix("init2.b2"), p.b(2));
    }

    @Test
    void initializeParametersDeep_stepByStep_matchesGoldenExactly() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(new int[] {5, 4, 3}, CourseInitialization.STEP_BY_STEP);
        assertArrayEquals(new int[] {5, 4, 3}, p.layerDims());
        for (int l = 1; l <= 2; l++) {
            assertEquals(GOLDEN.matrix("initdeep.W" + l), p.W(l));
            assertEquals(GOLDEN.matrix("initdeep.b" + l), p.b(l));
        }
    }

    @Test
    void initializeParametersDeep_application_catNetworkMatchesGoldenExactly() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(new int[] {12288, 20, 7, 5, 1}, CourseInitialization.APPLICATION);
        double[] W1 = p.W(1).toRowMajor();
        double[] head = GOLDEN.doubles("app.init.W1_head");
        for (int i = 0; i < head.length; i++) {
            assertEquals(head[i], W1[i], 0.0, "W1[" + i + "]");
        }
        assertEquals(GOLDEN.scalar("app.init.W1_last"), W1[W1.length - 1], 0.0);
        // W1 itself is bit-exact (head, last); Matrix.sum() of 245760 values may differ from np.sum by an ulp or two
        assertEquals(GOLDEN.scalar("app.init.W1_sum"), p.W(1).sum(), 1e-12);
        for (int l = 2; l <= 4; l++) {
            assertEquals(GOLDEN.matrix("app.init.W" + l), p.W(l), "W" + l);
            assertEquals(Matrix.zeros(p.W(l).rows(), 1), p.b(l));
        }
    }

    // ------------------------------------------------------------------ shape errors name both shapes

    @Test
    void linearForward_misalignedA_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.linearForward(Matrix.zeros(6, 4), Matrix.zeros(4, 5), Matrix.zeros(4, 1)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(6, 4)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("linearForward"), e.getMessage());
    }

    @Test
    void linearForward_wrongBiasShape_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.linearForward(Matrix.zeros(5, 4), Matrix.zeros(4, 5), Matrix.zeros(3, 1)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(3, 1)"), e.getMessage());
    }

    @Test
    void linearActivationForward_misalignedA_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.linearActivationForward(Matrix.zeros(6, 4), Matrix.zeros(4, 5), Matrix.zeros(4, 1), Activation.RELU));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(6, 4)"), e.getMessage());
    }

    @Test
    void lModelForward_wrongFeatureCount_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.lModelForward(Matrix.zeros(6, 4), parameters()));
        assertTrue(e.getMessage().contains("(6, 4)") && e.getMessage().contains("(4, 5)"), e.getMessage());
    }

    @Test
    void lModelForward_moreThanOneOutput_isRejectedNamingTheShape() {
        DeepParameters twoOutputs = DeepParameters.of(Matrix.zeros(3, 5), Matrix.zeros(3, 1), Matrix.zeros(2, 3), Matrix.zeros(2, 1));
        ShapeException e = assertThrows(ShapeException.class, () -> DeepNetwork.lModelForward(X(), twoOutputs));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("W2"), e.getMessage());
    }

    @Test
    void computeCost_shapeMismatch_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.computeCost(Matrix.filled(1, 4, 0.5), Matrix.zeros(1, 3)));
        assertTrue(e.getMessage().contains("(1, 4)") && e.getMessage().contains("(1, 3)"), e.getMessage());
    }

    @Test
    void computeCost_shapeMismatch_namesComputeCostNotTheLossItDelegatesTo() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.computeCost(Matrix.filled(1, 3, 0.5), Matrix.zeros(1, 4)));
        assertTrue(e.getMessage().startsWith("computeCost: shapes (1, 3) and (1, 4)"), e.getMessage());
        IllegalArgumentException nullY = assertThrows(IllegalArgumentException.class,
                () -> DeepNetwork.computeCost(Matrix.filled(1, 3, 0.5), null));
        assertEquals("computeCost: Y is null", nullY.getMessage());
    }

    @Test
    void linearBackward_wrongDZ_namesBothShapes() {
        LinearCache cache = new LinearCache(Matrix.zeros(5, 4), Matrix.zeros(3, 5), Matrix.zeros(3, 1));
        ShapeException e = assertThrows(ShapeException.class, () -> DeepNetwork.linearBackward(Matrix.zeros(3, 7), cache));
        assertTrue(e.getMessage().contains("(3, 7)") && e.getMessage().contains("(3, 5)"), e.getMessage());
    }

    @Test
    void linearActivationBackward_wrongDA_namesBothShapes() {
        LinearCache linear = new LinearCache(Matrix.zeros(5, 4), Matrix.zeros(3, 5), Matrix.zeros(3, 1));
        LayerCache cache = new LayerCache(linear, Matrix.zeros(3, 4));
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.linearActivationBackward(Matrix.zeros(2, 4), cache, Activation.SIGMOID));
        assertTrue(e.getMessage().contains("(2, 4)") && e.getMessage().contains("(3, 4)"), e.getMessage());
    }

    @Test
    void lModelBackward_YShapeDiffersFromAL_namesBothShapes() {
        DeepForward forward = DeepNetwork.lModelForward(X(), parameters());
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepNetwork.lModelBackward(forward.AL(), Matrix.zeros(1, 3), forward.caches()));
        assertTrue(e.getMessage().contains("(1, 4)") && e.getMessage().contains("(1, 3)"), e.getMessage());
    }

    @Test
    void updateParameters_gradientShapeDiffers_namesBothShapes() {
        DeepParameters p = parameters();
        DeepForward forward = DeepNetwork.lModelForward(X(), p);
        DeepGradients grads = DeepNetwork.lModelBackward(forward.AL(), Y(), forward.caches());
        DeepGradients wrong = new DeepGradients(List.of(grads.layer(1),
                new LinearGradients(grads.dA(2), Matrix.zeros(3, 3), grads.db(2)), grads.layer(3)));
        ShapeException e = assertThrows(ShapeException.class, () -> DeepNetwork.updateParameters(p, wrong, 0.1));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(3, 3)") && e.getMessage().contains("dW2"),
                e.getMessage());
    }

    @Test
    void updateParameters_layerCountDiffers_isRejected() {
        DeepParameters p = parameters();
        DeepGradients none = new DeepGradients(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeepNetwork.updateParameters(p, none, 0.1));
        assertTrue(e.getMessage().contains("3 layers") && e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void caches_inconsistentShapes_nameBothShapes() {
        ShapeException linear = assertThrows(ShapeException.class,
                () -> new LinearCache(Matrix.zeros(4, 2), Matrix.zeros(3, 5), Matrix.zeros(3, 1)));
        assertTrue(linear.getMessage().contains("(3, 5)") && linear.getMessage().contains("(4, 2)"), linear.getMessage());
        LinearCache ok = new LinearCache(Matrix.zeros(5, 2), Matrix.zeros(3, 5), Matrix.zeros(3, 1));
        ShapeException layer = assertThrows(ShapeException.class, () -> new LayerCache(ok, Matrix.zeros(3, 3)));
        assertTrue(layer.getMessage().contains("(3, 5)") && layer.getMessage().contains("(3, 3)"), layer.getMessage());
    }
}
