package org.nndl4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * {@code NetworkEngine.primal(network, X, Y, largestBatch)}: the memory check counts one batch of that many examples,
 * and the engine computes exactly as the plain one.
 */
class NetworkEngineLargestBatchTest {

    private static Network network(int[] dims, long seed) {
        NumpyRandom r = new NumpyRandom(seed);
        Layer[] layers = new Layer[dims.length - 1];
        for (int l = 1; l < dims.length; l++) {
            layers[l - 1] = new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])),
                    r.randn(dims[l], 1).times(0.1), l == dims.length - 1 ? Activation.SIGMOID : Activation.RELU);
        }
        return Network.of(List.of(layers));
    }

    @Test
    void batchGradientsAreTheSameBitsAsThePlainEngines() {
        int m = 301;
        NumpyRandom r = new NumpyRandom(3);
        Matrix X = r.rand(7, m);
        Matrix Y = r.rand(1, m).greaterThan(0.5);
        Network n = network(new int[] {7, 5, 3, 1}, 4);
        NetworkEngine plain = NetworkEngine.primal(n, X, Y);
        NetworkEngine batched = NetworkEngine.primal(n, X, Y, 64);
        for (int from = 0; from < m; from += 64) {
            int to = Math.min(m, from + 64);
            assertEquals(plain.batchGradients(null, from, to), batched.batchGradients(null, from, to), 0.0);
            for (int l = 1; l <= 3; l++) {
                assertArrayEquals(plain.lastGradients().dW(l).toRowMajor(), batched.lastGradients().dW(l).toRowMajor(),
                        0.0);
                assertArrayEquals(plain.lastGradients().db(l).toRowMajor(), batched.lastGradients().db(l).toRowMajor(),
                        0.0);
            }
        }
    }

    @Test
    void theMemoryCheckCountsOneBatchNotTheFullPass() {
        // one input, 200 000 hidden units, 2 000 examples: a full pass's buffers are ~10 GB, one example's ~5 MB
        int[] dims = {1, 200_000, 1};
        int m = 2000;
        assumeTrue(MemoryBudget.trainingBytes(dims, m, 0, false) > Runtime.getRuntime().maxMemory(),
                "the heap holds a full pass; nothing to refuse");
        Network n = network(dims, 5);
        Matrix X = new NumpyRandom(6).rand(1, m);
        Matrix Y = X.greaterThan(0.5);
        Nndl4jException full = assertThrows(Nndl4jException.class, () -> NetworkEngine.primal(n, X, Y));
        assertTrue(full.getMessage().contains("m = 2000"), full.getMessage());
        NetworkEngine batched = NetworkEngine.primal(n, X, Y, 1);
        assertEquals(m, batched.examples());
        assertTrue(Double.isFinite(batched.batchGradients(null, 5, 6)));
    }

    @Test
    void refusesABatchOfNoExamples() {
        Matrix X = new NumpyRandom(7).rand(2, 10);
        Network n = network(new int[] {2, 3, 1}, 8);
        Nndl4jException e = assertThrows(Nndl4jException.class,
                () -> NetworkEngine.primal(n, X, X.row(0).greaterThan(0.5), 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
