package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.matrix.Gemm;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * The float64 engine's step finds whether the parameters stay finite as it moves them, and its first layer's dW on
 * the packed X is written over the last step's.
 */
class NetworkEngineFiniteTest {

    private static Network network(int[] dims, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])),
                    r.randn(dims[l], 1).times(0.1), l == dims.length - 1 ? Activation.SIGMOID : Activation.RELU));
        }
        return Network.of(layers);
    }

    private static boolean allFinite(Network net) {
        for (int l = 1; l <= net.numLayers(); l++) {
            if (!EngineArrays.finite(net.W(l).toArray()) || !EngineArrays.finite(net.b(l).toRowMajor())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code parametersFinite} is the step's own finding after a step, and reads the parameters after an update: false
     * after a step or an update that leaves one infinite or NaN, true again after an update that mends them.
     */
    @Test
    void parametersFinite_followsEveryStepAndUpdate() {
        Matrix X = new NumpyRandom(27).rand(4, 30);
        Matrix Y = X.row(0).greaterThan(0.5);
        Network net = network(new int[] {4, 3, 1}, 29);
        NetworkEngine e = NetworkEngine.primal(net, X, Y);
        assertTrue(e.parametersFinite());
        e.step(0.1);
        assertTrue(e.parametersFinite(), "a finite step");
        // after a finite step, an update that leaves a NaN is seen
        e.update((l, W, b, dW, db) -> {
            if (l == 2) {
                b[0] = Double.NaN;
            }
        });
        assertTrue(!e.parametersFinite(), "NaN bias after a finite step");
        e.update((l, W, b, dW, db) -> b[0] = 0.25);
        assertTrue(e.parametersFinite(), "mended");
        // steps of the largest rate: the weights grow past the largest double within a few
        boolean diverged = false;
        for (int k = 0; k < 6 && !diverged; k++) {
            e.step(Double.MAX_VALUE);
            boolean finite = allFinite(e.network());
            assertEquals(finite, e.parametersFinite(), "step " + k);
            diverged = !finite;
        }
        assertTrue(diverged, "steps of the largest rate left every weight finite");
    }

    /**
     * With X packed once (20 units, 300 x 209: the cat network's shape, smaller), each step's dW1 is that step's alone:
     * the bits a fresh engine computes at the same parameters, not the sum with the step before.
     */
    @Test
    void firstLayerGradient_onThePackedX_isEachStepsOwn() {
        Matrix X = new NumpyRandom(5).rand(300, 209);
        Matrix Y = X.row(0).plus(X.row(1)).greaterThan(1.0);
        Network net = network(new int[] {300, 20, 7, 1}, 6);
        assertTrue(Gemm.kernel().equals("vector"), "the packed path needs the Vector API kernel");
        NetworkEngine walked = NetworkEngine.primal(net, X, Y);
        walked.step(0.05);
        walked.step(0.05);
        NetworkEngine fresh = NetworkEngine.primal(walked.network(), X, Y);
        walked.step(0.05);
        fresh.step(0.05);
        double[][] expected = fresh.lastGradients().dW(1).toArray();
        double[][] actual = walked.lastGradients().dW(1).toArray();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0.0, "row " + i);
        }
    }
}
