package org.nndl4j.matrix;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatDescent}'s pass in the Java Vector API: {@code V} float64 parameters and their {@code V} float32
 * gradients a step (8 with AVX-512: a 512-bit vector of doubles, a 256-bit one of floats). Loaded only when
 * {@code jdk.incubator.vector} is in the boot layer.
 */
final class VectorFloatDescent implements FloatDescent.Row {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int V = D.length();

    @Override
    public long descend(double[] w, float[] gradient, double rate, float[] rounded) {
        DoubleVector minusRate = DoubleVector.broadcast(D, -rate);
        // x - x is 0 for a finite x and NaN otherwise; their sum is NaN as soon as one is
        DoubleVector notFinite = DoubleVector.zero(D);
        int j = 0;
        for (; j <= w.length - V; j += V) {
            DoubleVector g = (DoubleVector) FloatVector.fromArray(F, gradient, j).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector x = DoubleVector.fromArray(D, w, j).add(g.mul(minusRate));
            x.intoArray(w, j);
            ((FloatVector) x.convertShape(VectorOperators.D2F, F, 0)).intoArray(rounded, j);
            notFinite = notFinite.add(x.sub(x));
        }
        long bits = Double.doubleToRawLongBits(notFinite.reduceLanes(VectorOperators.ADD));
        return bits | FloatDescent.plain(w, gradient, rate, rounded, j);
    }
}
