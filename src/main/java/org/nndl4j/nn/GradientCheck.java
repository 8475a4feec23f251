package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.nndl4j.matrix.Matrix;

/**
 * Gradient checking, as the second course defines it: every parameter {@code θ_i} in turn is moved by {@code ±ε}, the
 * cost {@code J} is computed at both points, and {@code gradapprox_i = (J(θ + ε e_i) - J(θ - ε e_i)) / (2ε)} is
 * compared with the analytic gradient by {@code difference = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)}; the
 * course calls a difference above {@value #THRESHOLD} a mistake in the backward pass.
 *
 * <p>Parameters are flattened as the course's {@code dictionary_to_vector} does: {@code W1, b1, W2, b2, ...}, each
 * row-major.
 */
public final class GradientCheck {

    /** The course's {@code ε}. */
    public static final double EPSILON = 1e-7;
    /** The course's verdict: a difference above this is a wrong gradient. */
    public static final double THRESHOLD = 2e-7;

    private GradientCheck() {
    }

    /**
     * What a check found.
     *
     * @param difference    {@code ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)}
     * @param worstIndex    the component where {@code |grad − gradapprox|} is largest
     * @param gradient      the analytic gradient, flattened
     * @param approximation the central differences, flattened
     */
    public record Result(double difference, int worstIndex, double[] gradient, double[] approximation) {

        /** @return whether the difference is within the course's threshold {@value GradientCheck#THRESHOLD} */
        public boolean passed() {
            return difference <= THRESHOLD;
        }

        /** @return the course's verdict line, e.g. "Your backward propagation works perfectly fine! difference = ..." */
        public String verdict() {
            return passed() ? "Your backward propagation works perfectly fine! difference = " + difference
                    : "There is a mistake in the backward propagation! difference = " + difference;
        }
    }

    /**
     * Checks {@code gradient} against central differences of {@code cost} at {@code theta}.
     *
     * @param theta    the parameters, flattened (not modified)
     * @param cost     {@code J(θ)}
     * @param gradient the analytic gradient at {@code theta}, of the same length (a user's own, right or wrong)
     * @param epsilon  {@code ε > 0}
     * @return the difference and where the gradients disagree most
     */
    public static Result check(double[] theta, ToDoubleFunction<double[]> cost, double[] gradient, double epsilon) {
        if (theta == null || cost == null || gradient == null) {
            throw new Nndl4jException("GradientCheck.check: theta, cost and gradient must not be null");
        }
        if (gradient.length != theta.length) {
            throw new Nndl4jException("GradientCheck.check: " + gradient.length + " gradient components for "
                    + theta.length + " parameters");
        }
        if (!(epsilon > 0.0)) {
            throw new Nndl4jException("GradientCheck.check: epsilon must be > 0, got " + epsilon);
        }
        double[] point = theta.clone();
        double[] approx = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            // J_plus[i] = J(θ + ε e_i), J_minus[i] = J(θ - ε e_i), gradapprox[i] = (J_plus - J_minus) / (2ε)
            point[i] = theta[i] + epsilon;
            double plus = cost.applyAsDouble(point);
            point[i] = theta[i] - epsilon;
            double minus = cost.applyAsDouble(point);
            point[i] = theta[i];
            approx[i] = (plus - minus) / (2 * epsilon);
        }
        double diff = 0.0;
        double g = 0.0;
        double a = 0.0;
        int worst = 0;
        double worstGap = -1.0;
        for (int i = 0; i < theta.length; i++) {
            double d = gradient[i] - approx[i];
            diff += d * d;
            g += gradient[i] * gradient[i];
            a += approx[i] * approx[i];
            if (Math.abs(d) > worstGap) {
                worstGap = Math.abs(d);
                worst = i;
            }
        }
        // numerator = ‖grad − gradapprox‖, denominator = ‖grad‖ + ‖gradapprox‖
        double difference = Math.sqrt(diff) / (Math.sqrt(g) + Math.sqrt(a));
        return new Result(difference, worst, gradient.clone(), approx);
    }

    /**
     * Checks {@link Backpropagation#gradients(Network, Matrix, Matrix, double)} of {@code network} on {@code X, Y}
     * (with L2 strength {@code λ}) against central differences of its cost, with the course's {@code ε}.
     *
     * @param network the network
     * @param X       examples
     * @param Y       labels
     * @param lambda  L2 strength, 0 for none
     * @return the result
     */
    public static Result check(Network network, Matrix X, Matrix Y, double lambda) {
        Gradients grads = Backpropagation.gradients(network, X, Y, lambda);
        return check(toVector(network), theta -> Backpropagation.cost(fromVector(theta, network), X, Y, lambda),
                toVector(grads), EPSILON);
    }

    /**
     * The course's {@code dictionary_to_vector}: {@code W1, b1, W2, b2, ...}, each row-major.
     *
     * @param network the network
     * @return its parameters as one vector
     */
    public static double[] toVector(Network network) {
        List<Matrix> parts = new ArrayList<>();
        for (Layer layer : network.layers()) {
            parts.add(layer.W());
            parts.add(layer.b());
        }
        return concat(parts);
    }

    /**
     * The gradients in the same order: {@code dW1, db1, dW2, db2, ...}.
     *
     * @param grads the gradients
     * @return one vector
     */
    public static double[] toVector(Gradients grads) {
        List<Matrix> parts = new ArrayList<>();
        for (int l = 1; l <= grads.numLayers(); l++) {
            parts.add(grads.dW(l));
            parts.add(grads.db(l));
        }
        return concat(parts);
    }

    /**
     * The course's {@code vector_to_dictionary}: a network like {@code like} with the parameters {@code theta}.
     *
     * @param theta the parameters, as {@link #toVector(Network)} orders them
     * @param like  gives the shapes and activations
     * @return the network
     */
    public static Network fromVector(double[] theta, Network like) {
        if (theta == null || like == null || theta.length != like.parameterCount()) {
            throw new Nndl4jException("GradientCheck.fromVector: need " + (like == null ? "?" : like.parameterCount())
                    + " values, got " + (theta == null ? "null" : theta.length));
        }
        List<Layer> layers = new ArrayList<>();
        int at = 0;
        for (Layer layer : like.layers()) {
            int w = layer.units() * layer.inputs();
            Matrix W = Matrix.fromRowMajor(layer.units(), layer.inputs(), java.util.Arrays.copyOfRange(theta, at, at + w));
            at += w;
            Matrix b = Matrix.fromRowMajor(layer.units(), 1, java.util.Arrays.copyOfRange(theta, at, at + layer.units()));
            at += layer.units();
            layers.add(new Layer(W, b, layer.activation()));
        }
        return Network.of(layers);
    }

    private static double[] concat(List<Matrix> parts) {
        int n = 0;
        for (Matrix m : parts) {
            n += m.size();
        }
        double[] v = new double[n];
        int at = 0;
        for (Matrix m : parts) {
            double[] values = m.toRowMajor();
            System.arraycopy(values, 0, v, at, values.length);
            at += values.length;
        }
        return v;
    }
}
