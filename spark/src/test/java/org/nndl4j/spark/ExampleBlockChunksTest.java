package org.nndl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * A block computed in chunks of a few examples gives the summed loss and gradients of one pass over all its examples
 * (up to the order of the additions: ~1e-13 relative), and the same bits on every run.
 */
class ExampleBlockChunksTest {

    private static final int M = 1003;

    /** A block of {@code M} examples of 20 features and {@code outputs} units' labels, from random hyperplanes. */
    private static ExampleBlock block(int outputs, long seed) {
        int features = 20;
        NumpyRandom r = new NumpyRandom(seed);
        Matrix X = r.rand(features, M);
        Matrix scores = r.randn(Math.max(2, outputs), features).dot(X.minus(0.5));
        double[] labels = new double[M];
        for (int j = 0; j < M; j++) {
            if (outputs == 1) {
                labels[j] = scores.get(0, j) > 0 ? 1 : 0;
            } else {
                for (int c = 1; c < outputs; c++) {
                    labels[j] = scores.get(c, j) > scores.get((int) labels[j], j) ? c : labels[j];
                }
            }
        }
        return new ExampleBlock(0, features, outputs, M, 0, X.toRowMajor(), labels);
    }

    private static NetworkParameters parameters(int outputs, long seed) {
        int[] dims = {20, 16, 8, outputs};
        NumpyRandom r = new NumpyRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < dims.length; l++) {
            Activation g = l < dims.length - 1 ? Activation.RELU : outputs == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
            layers.add(new Layer(r.randn(dims[l], dims[l - 1]).div(Math.sqrt(dims[l - 1])),
                    r.randn(dims[l], 1).times(0.1), g));
        }
        return NetworkParameters.of(Network.of(layers), 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void chunksGiveTheSumsOfOnePass(int outputs) {
        NetworkParameters theta = parameters(outputs, 11);
        GradientSum one = block(outputs, 7).gradients(theta, M);
        ExampleBlock chunked = block(outputs, 7);
        // 1003 = 7 chunks of 128 and one of 107
        GradientSum chunks = chunked.gradients(theta, 128);
        assertEquals(M, chunks.examples);
        assertEquals(one.loss, chunks.loss, 1e-13 * Math.abs(one.loss));
        double largest = 0;
        for (int l = 1; l < one.dW.length; l++) {
            for (int i = 0; i < one.dW[l].length; i++) {
                for (int j = 0; j < one.dW[l][i].length; j++) {
                    largest = Math.max(largest, Math.abs(one.dW[l][i][j]));
                }
            }
        }
        double diff = 0;
        double scale = 0;
        for (int l = 1; l < one.dW.length; l++) {
            for (int i = 0; i < one.dW[l].length; i++) {
                scale = Math.max(scale, Math.abs(one.db[l][i]));
                diff = Math.max(diff, Math.abs(one.db[l][i] - chunks.db[l][i]));
                for (int j = 0; j < one.dW[l][i].length; j++) {
                    diff = Math.max(diff, Math.abs(one.dW[l][i][j] - chunks.dW[l][i][j]));
                }
            }
        }
        scale = Math.max(scale, largest);
        assertTrue(scale > 0);
        assertTrue(diff <= 1e-13 * scale, "largest difference " + diff + " of gradients up to " + scale);
        // not the same computation: the chunks' sums are added, so some last bits differ from one pass's
        assertTrue(diff > 0 || one.loss != chunks.loss, "chunks of 128 computed as one pass?");

        // again on the same block (the engine kept), and on a fresh block: the same bits
        for (ExampleBlock again : List.of(chunked, block(outputs, 7))) {
            GradientSum repeat = again.gradients(theta, 128);
            assertEquals(Double.doubleToLongBits(chunks.loss), Double.doubleToLongBits(repeat.loss));
            for (int l = 1; l < one.dW.length; l++) {
                assertArrayEquals(chunks.db[l], repeat.db[l], 0.0);
                for (int i = 0; i < one.dW[l].length; i++) {
                    assertArrayEquals(chunks.dW[l][i], repeat.dW[l][i], 0.0);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1003, 4096})
    void aBlockOfAtMostOneChunkIsOnePass(int chunk) {
        NetworkParameters theta = parameters(1, 12);
        GradientSum a = block(1, 8).gradients(theta, chunk);
        GradientSum b = block(1, 8).gradients(theta);
        assertEquals(Double.doubleToLongBits(b.loss), Double.doubleToLongBits(a.loss));
        for (int l = 1; l < a.dW.length; l++) {
            for (int i = 0; i < a.dW[l].length; i++) {
                assertArrayEquals(b.dW[l][i], a.dW[l][i], 0.0);
            }
        }
    }
}
