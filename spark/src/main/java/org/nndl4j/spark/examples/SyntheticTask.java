package org.nndl4j.spark.examples;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The scale benchmark's synthetic binary task, drawn inside the executors: example {@code id}'s features are
 * {@code d} standard normal values from a generator seeded by {@code (seed, id)} (so the data do not depend on the
 * partitioning, and nothing is made on the driver), and its label is a fixed random linear rule with noise:
 * {@code y = 1[w·x / |w| + σ ε > 0]}, with {@code w} drawn once from {@code seed} and {@code ε} standard normal. The
 * best possible accuracy is {@code 1 - atan(σ)/π} (0.907 for {@code σ = 0.3}).
 */
final class SyntheticTask implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final double[] w;
    private final double sigma;

    /**
     * @param seed     the seed of the teacher's weights and of every example
     * @param features {@code d}
     * @param sigma    the noise's scale {@code σ}
     */
    SyntheticTask(long seed, int features, double sigma) {
        this.seed = seed;
        this.sigma = sigma;
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[features];
        double norm = 0;
        for (int i = 0; i < features; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < features; i++) {
            v[i] /= norm;
        }
        this.w = v;
    }

    /** Example {@code id}'s generator of features ({@code stream} 0) or of label noise ({@code stream} 1). */
    private SplittableRandom generator(long id, int stream) {
        // one SplitMix64 stream per example and purpose, seeded by a hash of (seed, id, stream): seeds that differ by
        // SplittableRandom's own increment would give overlapping streams, and the noise would follow the features
        return new SplittableRandom(mix64(mix64(mix64(seed) + id) + stream));
    }

    /** Stafford's variant 13 of the 64-bit finaliser (SplitMix64's). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Example {@code id}'s features. */
    double[] features(long id) {
        SplittableRandom random = generator(id, 0);
        double[] x = new double[w.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** Example {@code id}'s label, 0 or 1, for its features {@code x}. */
    double label(long id, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s + sigma * generator(id, 1).nextGaussian() > 0 ? 1.0 : 0.0;
    }

    /** The best accuracy any classifier can reach on this task. */
    double bayesAccuracy() {
        return 1 - Math.atan(sigma) / Math.PI;
    }
}
