package org.nndl4j.random;

import org.nndl4j.Nndl4jException;


import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * numpy's legacy {@code np.random.RandomState}, in Java: the same Mersenne Twister (MT19937), seeded
 * the way {@code np.random.seed(int)} seeds it, and the same transforms to doubles and Gaussians, so
 * the course's {@code np.random.seed(1); np.random.randn(...)} gives the course's numbers.
 *
 * <ul>
 *   <li>{@link #rand}/{@link #randomSample()}: 53-bit doubles in [0, 1), bit for bit as numpy.</li>
 *   <li>{@link #randn}: the legacy polar (Marsaglia) method, which makes Gaussians in pairs and caches
 *       the second. numpy's {@code legacy_gauss} takes the C library's {@code log}, which rounds the
 *       last bit differently from Java's {@link Math#log} for a few inputs in ten thousand, so this
 *       uses {@link LibmLog}, a port of glibc's {@code log} (the FMA build glibc picks on current
 *       x86_64). With it randn was bit for bit numpy's on every value checked: over 18 million values
 *       from 22 seeds, numpy 1.24 and 2.4 on Debian bookworm (glibc 2.36, x86_64 with FMA). Against a
 *       numpy whose C library computes {@code log} differently (macOS, Windows, musl, glibc before
 *       2.28, a CPU without FMA) a rare last-bit difference is still possible.</li>
 *   <li>Arrays are filled in C order, so {@link #randn(int, int)} matches {@code np.random.randn(rows, cols)}.</li>
 * </ul>
 *
 * <p>Not thread-safe: like numpy's global state, one instance is one sequence.
 */
public final class NumpyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /**
     * A generator in the state {@code np.random.seed(seed)} leaves.
     *
     * @param seed the seed, {@code 0 <= seed <= 2^32 - 1}
     */
    public NumpyRandom(long seed) {
        seed(seed);
    }

    /**
     * Re-seeds, like {@code np.random.seed(seed)}; also forgets a cached Gaussian.
     *
     * @param seed the new seed
     * @throws IllegalArgumentException unless {@code 0 <= seed <= 2^32 - 1} (numpy's range)
     */
    public void seed(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new Nndl4jException("seed: must be between 0 and 2**32 - 1, got " + seed);
        }
        // init_genrand (Matsumoto & Nishimura), which numpy's mt19937_seed implements
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        pos = N;
        hasGauss = false;
        gauss = 0.0;
    }

    /**
     * The next raw 32-bit output, as an unsigned value in a {@code long}.
     *
     * @return a value in {@code [0, 2^32)}
     */
    public long nextUint32() {
        return Integer.toUnsignedLong(nextInt());
    }

    private int nextInt() {
        if (pos >= N) {
            generate();
        }
        return temper(mt[pos++]);
    }

    /** MT19937's tempering of a state word into an output. */
    private static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void generate() {
        int kk;
        int y;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    // ------------------------------------------------------------------ uniform

    /**
     * One double in [0, 1) from two 32-bit outputs ({@code np.random.random_sample()}).
     *
     * @return a double in [0, 1) with 53 random bits
     */
    public double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * {@code n} doubles in [0, 1) ({@code np.random.rand(n)}).
     *
     * @param n how many values to draw
     * @return a new array of {@code n} values
     */
    public double[] rand(int n) {
        double[] out = new double[Checks.nonNegative("rand", "n", n)];
        for (int i = 0; i < n; i++) {
            out[i] = randomSample();
        }
        return out;
    }

    /** A {@code rows x cols} matrix of doubles in [0, 1), filled in C order ({@code np.random.rand(rows, cols)}). */
    /**
     * Fills {@code out[0 .. n)} with {@link #randomSample()}s, in order: the same numbers {@code np.random.rand} draws.
     *
     * @param out the array to fill
     * @param n   how many values
     */
    public void fillRand(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = randomSample();
        }
    }

    /**
     * A {@code rows x cols} matrix of doubles in [0, 1), filled in C order ({@code np.random.rand(rows, cols)}).
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a new {@code (rows, cols)} matrix
     */
    public Matrix rand(int rows, int cols) {
        Checks.elementCount("rand", rows, cols);
        // drawn straight into the matrix: no second array of rows * cols values
        return Matrix.generate(rows, cols, this::randomSample);
    }

    /**
     * {@code n} doubles uniform in [low, high) ({@code np.random.uniform(low, high, n)}).
     *
     * @param low  the lower bound, included
     * @param high the upper bound, excluded
     * @param n    how many values to draw
     * @return a new array of {@code n} values
     */
    public double[] uniform(double low, double high, int n) {
        double[] out = new double[Checks.nonNegative("uniform", "n", n)];
        double range = high - low;
        for (int i = 0; i < n; i++) {
            out[i] = low + range * randomSample();
        }
        return out;
    }

    // ------------------------------------------------------------------ Gaussian

    /**
     * One standard normal value ({@code np.random.standard_normal()}), legacy polar method.
     *
     * @return a value from the standard normal distribution
     */
    public double gaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        // Polar method: x1 and x2 both become independent Gaussians; the first is kept for next time.
        // LibmLog.log, not Math.log: numpy calls the C library's log, whose last bit sometimes differs.
        double f = Math.sqrt(-2.0 * LibmLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /**
     * {@code n} standard normal values ({@code np.random.randn(n)}).
     *
     * @param n how many values to draw
     * @return a new array of {@code n} values
     */
    public double[] randn(int n) {
        double[] out = new double[Checks.nonNegative("randn", "n", n)];
        for (int i = 0; i < n; i++) {
            out[i] = gaussian();
        }
        return out;
    }

    /**
     * A {@code rows x cols} matrix of standard normal values in C order ({@code np.random.randn(rows, cols)}).
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return a new {@code (rows, cols)} matrix
     */
    public Matrix randn(int rows, int cols) {
        Checks.elementCount("randn", rows, cols);
        return Matrix.generate(rows, cols, this::gaussian);
    }

    /**
     * {@code n} normal values {@code loc + scale * gaussian()} ({@code np.random.normal(loc, scale, n)}).
     *
     * @param loc   the mean
     * @param scale the standard deviation
     * @param n     how many values to draw
     * @return a new array of {@code n} values
     */
    public double[] normal(double loc, double scale, int n) {
        if (!(scale >= 0)) {
            throw new Nndl4jException("normal: scale must be >= 0, got " + scale);
        }
        double[] out = new double[Checks.nonNegative("normal", "n", n)];
        for (int i = 0; i < n; i++) {
            out[i] = loc + scale * gaussian();
        }
        return out;
    }

    // ------------------------------------------------------------------ integers

    /**
     * A uniform integer in [0, max], numpy's {@code random_interval}: the smallest all-ones mask that
     * covers {@code max}, rejecting draws above it.
     *
     * @param max the largest value allowed, {@code >= 0}
     * @return a value in {@code [0, max]}
     */
    public long interval(long max) {
        if (max < 0) {
            throw new Nndl4jException("interval: max must be >= 0, got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFFFFFFL) {
            do {
                value = nextUint32() & mask;
            } while (value > max);
        } else {
            do {
                value = nextUint64() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    private long nextUint64() {
        return (nextUint32() << 32) | nextUint32();
    }

    /**
     * {@code n} integers uniform in [low, high) ({@code np.random.randint(low, high, n)}), drawn like
     * numpy's legacy masked rejection sampling.
     *
     * @param low  the lower bound, included
     * @param high the upper bound, excluded
     * @param n    how many values to draw
     * @return a new array of {@code n} values
     */
    public long[] randint(long low, long high, int n) {
        if (high <= low) {
            throw new Nndl4jException("randint: low >= high (" + low + " >= " + high + ")");
        }
        long[] out = new long[Checks.nonNegative("randint", "n", n)];
        long range = high - low - 1;
        for (int i = 0; i < n; i++) {
            out[i] = low + interval(range);
        }
        return out;
    }

    /**
     * Shuffles in place, like {@code np.random.shuffle} on a 1-D array (Fisher-Yates from the end).
     *
     * @param values the array to shuffle; modified
     */
    public void shuffle(int[] values) {
        Checks.notNull("shuffle", "values", values);
        // numpy draws j = interval(i) for i = n-1 .. 1: 32-bit outputs masked to i's bit length, until one is <= i
        // (i < 2^31, so the mask has no sign bit and each try is one output), then swaps values[i] and values[j].
        // Written without a branch on the draw: a rejected try swaps values[i] with itself and keeps i, so the
        // loop's only branch is its end (the rejections, a quarter of the tries, are unpredictable).
        int i = values.length - 1;
        while (i >= 1) {
            if (pos >= N) {
                generate();
            }
            // the state's outputs left, read with a local position: the inner loop keeps it in a register
            int p = pos;
            for (; i >= 1 && p < N; p++) {
                int j = temper(mt[p]) & (-1 >>> Integer.numberOfLeadingZeros(i));
                int rejected = (i - j) >>> 31;  // 1 when j > i
                int keep = -rejected;           // all ones when rejected
                int k = (j & ~keep) | (i & keep);
                int t = values[i];
                values[i] = values[k];
                values[k] = t;
                i -= 1 - rejected;
            }
            pos = p;
        }
    }

    /**
     * A random permutation of 0..n-1 ({@code np.random.permutation(n)}).
     *
     * @param n the number of elements
     * @return a new array holding 0..n-1 in random order
     */
    public int[] permutation(int n) {
        int[] p = new int[Checks.nonNegative("permutation", "n", n)];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
