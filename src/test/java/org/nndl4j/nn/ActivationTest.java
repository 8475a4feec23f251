package org.nndl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.testing.GradientCheck;

class ActivationTest {

    /** Inputs away from ReLU's kink at 0, so central differences are valid. */
    private static Matrix inputs() {
        return new NumpyRandom(4).randn(3, 5).map(z -> Math.abs(z) < 1e-3 ? z + 0.01 : z).times(2);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backward_matchesCentralDifferences(Activation g) {
        Matrix Z = inputs();
        Matrix dA = new NumpyRandom(5).randn(3, 5);
        Matrix dZ = g.backward(dA, Z);
        // J(Z) = sum(dA * g(Z)), so dJ/dZ = dA * g'(Z) = dZ
        Matrix numeric = GradientCheck.numericGradient(Z, z -> dA.times(g.forward(z)).sum());
        GradientCheck.assertAgree(List.of(dZ), List.of(numeric), g.toString());
    }

    @Test
    void forward_matchesDefinitions() {
        Matrix z = Matrix.rowVector(-2, 0, 3);
        assertArrayEquals(new double[] {1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-3))},
                Activation.SIGMOID.forward(z).toRowMajor());
        assertArrayEquals(new double[] {Math.tanh(-2), 0, Math.tanh(3)}, Activation.TANH.forward(z).toRowMajor(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 3}, Activation.RELU.forward(z).toRowMajor());
        assertTrue(Double.isNaN(Activation.RELU.apply(Double.NaN)));
    }

    @Test
    void reluBackward_atZero_isZeroLikeTheCourse() {
        Matrix dZ = Activation.RELU.backward(Matrix.rowVector(5, 5, 5), Matrix.rowVector(-1, 0, 1));
        assertArrayEquals(new double[] {0, 0, 5}, dZ.toRowMajor());
    }

    @Test
    void reluBackward_withoutABranch_keepsTheTextbookRuleBitForBit() {
        double nanPayload = Double.longBitsToDouble(0x7ff0000000000123L);
        double negativeNaN = Double.longBitsToDouble(0xfff8000000000000L);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            nanPayload, negativeNaN, 1.0, -1.0, 1e-300, -1e-300};
        java.util.Random random = new java.util.Random(11);
        int n = special.length * special.length + 1000;
        double[] z = new double[n];
        double[] dA = new double[n];
        for (int i = 0; i < n; i++) {
            // every special z with every special dA, then random bits (any double, NaNs and subnormals included)
            boolean pair = i < special.length * special.length;
            z[i] = pair ? special[i / special.length] : Double.longBitsToDouble(random.nextLong());
            dA[i] = pair ? special[i % special.length] : Double.longBitsToDouble(random.nextLong());
        }
        double[] dZ = new double[n];
        Activation.RELU.backward(dA, z, null, dZ, n);
        for (int i = 0; i < n; i++) {
            double textbook = z[i] > 0.0 ? dA[i] : 0.0;
            assertEquals(Double.doubleToRawLongBits(textbook), Double.doubleToRawLongBits(dZ[i]),
                    "z = " + z[i] + ", dA = " + dA[i]);
        }
    }

    @Test
    void arrayAndMatrixForms_agreeExactly() {
        Matrix Z = inputs();
        Matrix dA = new NumpyRandom(6).randn(3, 5);
        for (Activation g : Activation.values()) {
            if (!g.isElementWise()) {
                continue;
            }
            double[] z = Z.toRowMajor();
            double[] a = new double[z.length];
            g.forward(z, a, z.length);
            assertArrayEquals(g.forward(Z).toRowMajor(), a);
            for (int i = 0; i < z.length; i++) {
                assertEquals(g.derivative(z[i], a[i]) * dA.toRowMajor()[i], g.backward(dA, Z).toRowMajor()[i], 1e-15);
            }
        }
    }

    @Test
    void backward_shapeMismatch_namesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Activation.RELU.backward(Matrix.zeros(3, 5), Matrix.zeros(3, 4)));
        assertTrue(e.getMessage().startsWith("relu backward: shapes (3, 5) and (3, 4)"), e.getMessage());
    }

    @Test
    void leakyReluAndLinear_matchTheirDefinitions() {
        Matrix z = Matrix.rowVector(-2, 0, 3);
        assertArrayEquals(new double[] {-0.02, 0, 3}, Activation.LEAKY_RELU.forward(z).toRowMajor());
        assertArrayEquals(new double[] {0.01, 0.01, 5}, Activation.LEAKY_RELU.backward(Matrix.rowVector(1, 1, 5), z).toRowMajor());
        assertEquals(z, Activation.LINEAR.forward(z));
        assertEquals(Matrix.rowVector(4, 5, 6), Activation.LINEAR.backward(Matrix.rowVector(4, 5, 6), z));
    }

    @Test
    void softmax_isColumnWise_sumsToOne_andSafeForLargeInputs() {
        Matrix Z = Matrix.of(new double[][] {{1000, -1000, 1, 0.5}, {999, -1001, 1, 0.5}, {-5, -1002, 1, 0.5}});
        Matrix A = Activation.SOFTMAX.forward(Z);
        for (int j = 0; j < 4; j++) {
            double sum = A.get(0, j) + A.get(1, j) + A.get(2, j);
            assertEquals(1.0, sum, 1e-15, "column " + j);
        }
        // e^0 / (e^0 + e^-1 + e^-1005): the shift keeps 1000 from overflowing
        assertEquals(1 / (1 + Math.exp(-1)), A.get(0, 0), 1e-15);
        assertEquals(1.0 / 3, A.get(2, 2), 1e-15);
        assertTrue(Double.isNaN(Activation.SOFTMAX.forward(Matrix.columnVector(new double[] {1, Double.NaN})).get(0, 0)));
        assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1.0));
    }

    @Test
    void softmax_rowsAndMatrixForms_agreeExactly() {
        Matrix Z = inputs();
        Matrix dA = new NumpyRandom(7).randn(3, 5);
        double[][] z = Z.toArray();
        double[][] a = new double[3][5];
        Activation.SOFTMAX.forward(z, a, 5);
        assertEquals(Activation.SOFTMAX.forward(Z), Matrix.of(a));
        double[][] dZ = new double[3][5];
        Activation.SOFTMAX.backward(dA.toArray(), z, a, dZ, 5);
        assertEquals(Activation.SOFTMAX.backward(dA, Z), Matrix.of(dZ));
    }
}
