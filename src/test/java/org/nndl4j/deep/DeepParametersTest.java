package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nndl4j.nn.Network;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Activation;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;

class DeepParametersTest {

    private static DeepParameters net() {
        return DeepParameters.of(Matrix.filled(4, 5, 1), Matrix.filled(4, 1, 2), Matrix.filled(3, 4, 3), Matrix.filled(3, 1, 4),
                Matrix.filled(1, 3, 5), Matrix.filled(1, 1, 6));
    }

    @Test
    void accessors_areOneBasedLikeTheCourse() {
        DeepParameters p = net();
        assertEquals(3, p.numLayers());
        assertArrayEquals(new int[] {5, 4, 3, 1}, p.layerDims());
        assertEquals(Matrix.filled(4, 5, 1), p.W(1));
        assertEquals(Matrix.filled(3, 1, 4), p.b(2));
        assertEquals(Matrix.filled(1, 3, 5), p.W(3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.W(0));
        assertThrows(IndexOutOfBoundsException.class, () -> p.b(4));
    }

    @Test
    void constructor_weightsThatDoNotChain_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> DeepParameters.of(Matrix.zeros(4, 5), Matrix.zeros(4, 1), Matrix.zeros(3, 2), Matrix.zeros(3, 1)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(3, 2)") && e.getMessage().contains("W2"),
                e.getMessage());
    }

    @Test
    void layerParameters_biasOfWrongShape_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> new LayerParameters(Matrix.zeros(4, 5), Matrix.zeros(5, 1)));
        assertTrue(e.getMessage().contains("(4, 5)") && e.getMessage().contains("(5, 1)"), e.getMessage());
        ShapeException row = assertThrows(ShapeException.class, () -> new LayerParameters(Matrix.zeros(4, 5), Matrix.zeros(4, 2)));
        assertTrue(row.getMessage().contains("(4, 2)"), row.getMessage());
    }

    @Test
    void constructor_noLayersOrOddCount_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DeepParameters(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DeepParameters.of(Matrix.zeros(1, 2)));
    }

    @Test
    void toNetwork_thenFrom_givesEqualParametersAndTheCourseArchitecture() {
        DeepParameters p = net();
        Network stored = p.toNetwork();
        assertArrayEquals(new int[] {5, 4, 3, 1}, stored.layerDims());
        assertEquals(List.of(Activation.RELU, Activation.RELU, Activation.SIGMOID), stored.activations());
        assertSame(p.W(2), stored.W(2));
        assertEquals(net(), DeepParameters.from(stored));
    }

    @Test
    void toNetwork_withAnotherHiddenActivation_keepsItAndTheSigmoidOutput() {
        Network tanh = net().toNetwork(Activation.TANH);
        assertEquals(List.of(Activation.TANH, Activation.TANH, Activation.SIGMOID), tanh.activations());
        assertEquals(net(), DeepParameters.from(tanh));
    }
}
