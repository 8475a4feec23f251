package org.nndl4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nndl4j.Nndl4jException;
import org.nndl4j.data.CatDataset;
import org.nndl4j.data.Course2Datasets;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.data.LabeledData;
import org.nndl4j.deep.CourseInitialization;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.Network;
import org.nndl4j.random.NumpyRandom;

/**
 * {@link Precision#FLOAT32}: a training's recorded costs stay within float32 rounding of the same training in float64
 * (full batch and mini-batches, gradient descent, Adam, L2), the parameters stay float64, results do not depend on the
 * thread count, and what has no float32 form is refused by name.
 *
 * <p>The tolerance: a float32 step computes every product and activation with relative rounding errors of about
 * {@code 2^-24 ≈ 6e-8} per operation, some 1e-6 to 1e-5 relative on sums of hundreds to thousands of terms; that is
 * the difference on the first cost (no step taken yet). Gradient descent is not chaotic on these problems, so the
 * differences of later costs stay of that order (measured: at most 1.1e-7 relative over these trainings). They are
 * held to {@value #FLOAT32_ROUNDING} relative: well above float32's error on the longest sums here, and far below what
 * a wrong gradient would move (a learning-rate change of 1 % moves these costs by 1e-3 relative and more).
 *
 * <p>The cat L-layer is compared over its first 90 iterations: after about 100, the course's rate 0.0075 puts its
 * gradient descent at the edge of stability (the float64 cost goes up and down, e.g. 0.65628 at iteration 160 and
 * 0.65798 at 180), and there float32 rounding, anyone's, is amplified: the same training in numpy float32 against
 * numpy float64 differs by 1e-7 up to iteration 260 and by 2.5e-4 at 280, nndl4j's by 2e-8 up to 90 and by 4e-3 to
 * 2e-2 from iteration 180 on, although its float32 gradients at the float64 run's parameters agree with the float64
 * ones to 3.4e-6 at every iteration checked (85 to 129).
 */
class PrecisionTest {

    private static final double FLOAT32_ROUNDING = 1e-4;

    private static double[] costs(Network initial, LabeledData data, TrainingConfig config) {
        CostHistory h = Training.fit(initial, data, config, TrainingListener.none()).costs();
        double[] c = new double[h.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = h.cost(i);
        }
        return c;
    }

    /** The worst relative difference of the float32 training's costs from the float64 one's. */
    private static double worst(Network initial, LabeledData data, TrainingConfig config) {
        double[] f64 = costs(initial, data, config.withPrecision(Precision.FLOAT64));
        double[] f32 = costs(initial, data, config.withPrecision(Precision.FLOAT32));
        assertEquals(f64.length, f32.length);
        double worst = 0.0;
        for (int i = 0; i < f64.length; i++) {
            worst = Math.max(worst, Math.abs(f32[i] - f64[i]) / Math.abs(f64[i]));
        }
        assertTrue(!Arrays.equals(f64, f32), "the float32 path computes in float32");
        return worst;
    }

    @Test
    void catLLayer_first90Iterations_costsWithinFloat32Rounding() {
        LabeledData cat = CatDataset.loadBundled().train().data();
        Network initial = CourseInitialization.APPLICATION.initialize(new int[] {12288, 20, 7, 5, 1}).toNetwork();
        TrainingConfig config = new TrainingConfig(91, 0.0075, 10).withEngine(Engine.PRIMAL);
        assertTrue(worst(initial, cat, config) < FLOAT32_ROUNDING);
    }

    @Test
    void digitsAdam_miniBatches_costsWithinFloat32Rounding() {
        LabeledData digits = DigitsDataset.loadBundled().train();
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10}, Activation.RELU, Activation.SOFTMAX,
                new NumpyRandom(1));
        TrainingConfig config = new TrainingConfig(30, 0.001, 1).withOptimizer(Optimizer.adam())
                .withMiniBatches(MiniBatches.shuffled(32, 3));
        assertTrue(worst(initial, digits, config) < FLOAT32_ROUNDING);
    }

    @Test
    void moons_gdMomentumAdamAndL2_costsWithinFloat32Rounding() {
        LabeledData moons = Course2Datasets.moons();
        Network initial = Initialization.HE.initialize(new int[] {2, 5, 2, 1}, Activation.TANH, Activation.SIGMOID,
                new NumpyRandom(3));
        for (Optimizer o : new Optimizer[] {Optimizer.gradientDescent(), Optimizer.momentum(0.9), Optimizer.adam()}) {
            TrainingConfig config = new TrainingConfig(300, 0.0007 * (o instanceof Optimizer.GradientDescent ? 100 : 10),
                    10).withOptimizer(o).withMiniBatches(MiniBatches.courseSeeds(64))
                    .withRegularization(Regularization.l2(0.1));
            assertTrue(worst(initial, moons, config) < FLOAT32_ROUNDING, o.toString());
        }
    }

    @Test
    void float32_keepsFloat64Parameters_andGivesTheSameBitsOnOneAndTwoThreads() {
        LabeledData moons = Course2Datasets.moons();
        Network initial = Initialization.HE.initialize(new int[] {2, 40, 20, 1}, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(4));
        TrainingConfig config = new TrainingConfig(20, 0.05, 5).withPrecision(Precision.FLOAT32);
        TrainingResult one = Training.fit(initial, moons, config.withThreads(1), TrainingListener.none());
        TrainingResult two = Training.fit(initial, moons, config.withThreads(2), TrainingListener.none());
        assertEquals(one.network(), two.network());
        assertEquals(Engine.PRIMAL, one.engine());
        // the master weights moved by float64 updates: not all of them are float32 values
        boolean float64 = false;
        for (double w : one.network().W(1).toRowMajor()) {
            float64 |= (double) (float) w != w;
        }
        assertTrue(float64, "W1 holds float64 values");
        assertEquals(Precision.FLOAT64, TrainingConfig.of(1, 0.1).precision(), "float64 by default");
    }

    @Test
    void float32_isRefusedWithGramReferenceAndDropout_namingTheConflict() {
        LabeledData moons = Course2Datasets.moons();
        Network initial = Initialization.HE.initialize(new int[] {2, 5, 1}, Activation.RELU, Activation.SIGMOID,
                new NumpyRandom(1));
        TrainingConfig f32 = TrainingConfig.of(2, 0.1).withPrecision(Precision.FLOAT32);
        for (Engine engine : new Engine[] {Engine.GRAM, Engine.REFERENCE}) {
            Nndl4jException e = assertThrows(Nndl4jException.class,
                    () -> Training.fit(initial, moons, f32.withEngine(engine), TrainingListener.none()));
            assertTrue(e.getMessage().contains("FLOAT32") && e.getMessage().contains(engine.name()), e.getMessage());
        }
        Nndl4jException e = assertThrows(Nndl4jException.class, () -> Training.fit(initial, moons,
                f32.withRegularization(Regularization.dropout(1, 0.8)), TrainingListener.none()));
        assertTrue(e.getMessage().contains("FLOAT32") && e.getMessage().contains("dropout"), e.getMessage());
        e = assertThrows(Nndl4jException.class, () -> TrainingConfig.of(1, 0.1).withPrecision(null));
        assertTrue(e.getMessage().contains("precision"), e.getMessage());
    }
}
