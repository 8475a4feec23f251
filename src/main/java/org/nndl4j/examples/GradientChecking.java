package org.nndl4j.examples;

import org.nndl4j.Nndl4jException;

import java.io.PrintStream;

import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Backpropagation;
import org.nndl4j.nn.GradientCheck;
import org.nndl4j.nn.Gradients;
import org.nndl4j.nn.Layer;
import org.nndl4j.nn.Loss;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * The "Gradient checking" program of "Improving Deep Neural Networks", through nndl4j's public
 * {@link GradientCheck}: the 1-D case {@code J(θ) = θ·x}, then the N-D case, a [4, 5, 3, 1] ReLU/ReLU/sigmoid network
 * on the course's seeded inputs, checked once with the course's deliberately wrong backward pass (its {@code dW2}
 * doubled, its {@code db1} four times too large) and once with the library's.
 *
 * <pre>
 * usage: GradientChecking
 * </pre>
 */
public final class GradientChecking {

    private GradientChecking() {
    }

    /**
     * Runs both gradient checks and prints their differences.
     *
     * @param args none, or {@code --help}
     */
    public static void main(String[] args) {
        CommandLine.main("GradientChecking", "usage: GradientChecking", args,
                a -> {
                    if (a.length == 1 && (a[0].equals("--help") || a[0].equals("-h"))) {
                        return null;
                    }
                    if (a.length > 0) {
                        throw new Nndl4jException("unknown argument '" + a[0] + "'");
                    }
                    return Boolean.TRUE;
                }, (o, out) -> run(out));
    }

    /** The 1-D case: {@code J(θ) = θ·x} at {@code x = 2, θ = 4}, whose derivative is {@code x}. */
    static GradientCheck.Result oneDimensional() {
        double x = 2;
        double theta = 4;
        return GradientCheck.check(new double[] {theta}, t -> t[0] * x, new double[] {x}, GradientCheck.EPSILON);
    }

    /**
     * The course's {@code gradient_check_n_test_case}: {@code np.random.seed(1)}; {@code x = randn(4, 3)},
     * {@code y = [1, 1, 0]}, then W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3 drawn in that order.
     */
    record Case(Network network, Matrix X, Matrix Y) {
    }

    static Case courseCase() {
        NumpyRandom r = new NumpyRandom(1);
        Matrix X = r.randn(4, 3);
        Matrix Y = Matrix.rowVector(1, 1, 0);
        Matrix W1 = r.randn(5, 4);
        Matrix b1 = r.randn(5, 1);
        Matrix W2 = r.randn(3, 5);
        Matrix b2 = r.randn(3, 1);
        Matrix W3 = r.randn(1, 3);
        Matrix b3 = r.randn(1, 1);
        Network network = Network.of(new Layer(W1, b1, Activation.RELU), new Layer(W2, b2, Activation.RELU),
                new Layer(W3, b3, Activation.SIGMOID));
        return new Case(network, X, Y);
    }

    /**
     * The course's wrong backward pass: the right gradients with {@code dW2} doubled and {@code db1} times 4, as a
     * user's own gradient vector.
     */
    static double[] wrongGradient(Case c) {
        Gradients right = Backpropagation.gradients(c.network(), c.X(), c.Y());
        return GradientCheck.toVector(new Gradients(
                java.util.List.of(right.dW(1), right.dW(2).times(2), right.dW(3)),
                java.util.List.of(right.db(1).times(4), right.db(2), right.db(3))));
    }

    /**
     * The course's {@code forward_propagation_n} cost: {@code 1./m * np.sum(logprobs)} with
     * {@code logprobs = -log(A3)·Y + -log(1 - A3)·(1 - Y)}, summed pairwise as numpy does.
     */
    static double courseCost(Network network, Matrix X, Matrix Y) {
        Matrix A3 = network.forward(X);
        return 1.0 / X.cols() * Loss.BINARY_CROSS_ENTROPY.sum(A3.toArray(), Y.toArray(), X.cols());
    }

    static void run(PrintStream out) {
        GradientCheck.Result one = oneDimensional();
        out.println("1-D gradient check, J(theta) = theta * x at x = 2, theta = 4:");
        out.println(one.difference() < 1e-7 ? "The gradient is correct!" : "The gradient is wrong!");
        out.println("difference = " + PythonFormat.repr(one.difference()));
        out.println();

        Case c = courseCase();
        double[] theta = GradientCheck.toVector(c.network());
        GradientCheck.Result wrong = GradientCheck.check(theta,
                t -> courseCost(GradientCheck.fromVector(t, c.network()), c.X(), c.Y()), wrongGradient(c),
                GradientCheck.EPSILON);
        out.println("N-D gradient check, [4, 5, 3, 1] on the course's test case, with the course's wrong backward pass:");
        out.println(verdict(wrong) + " (worst at parameter " + wrong.worstIndex() + ")");
        GradientCheck.Result right = GradientCheck.check(theta,
                t -> courseCost(GradientCheck.fromVector(t, c.network()), c.X(), c.Y()),
                GradientCheck.toVector(Backpropagation.gradients(c.network(), c.X(), c.Y())), GradientCheck.EPSILON);
        out.println("N-D gradient check with nndl4j's backward pass:");
        out.println(verdict(right));
    }

    /** The course's lines, with the difference printed as Python's {@code str} does. */
    private static String verdict(GradientCheck.Result r) {
        return (r.passed() ? "Your backward propagation works perfectly fine! difference = "
                : "There is a mistake in the backward propagation! difference = ") + PythonFormat.repr(r.difference());
    }
}
