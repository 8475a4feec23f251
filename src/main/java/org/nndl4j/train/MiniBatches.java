package org.nndl4j.train;

import org.nndl4j.Nndl4jException;

import org.nndl4j.random.NumpyRandom;

/**
 * How an epoch's examples are cut into mini-batches: a value, chosen on the {@link TrainingConfig}. Each epoch the
 * {@code m} examples are put in a random order (a permutation of the columns) and cut into consecutive batches of
 * {@link #size()}, the last one shorter when {@code size} does not divide {@code m} (300 = 4 × 64 + 44).
 * {@link #fullBatch()} is the whole training set, in order, at every step: plain (batch) gradient descent.
 *
 * <p>Where the order comes from: {@link #shuffled(int, long)}, the library's default, draws each epoch's permutation
 * from one {@link NumpyRandom} seeded once; {@link #courseSeeds(int)} reproduces the second course's
 * {@code random_mini_batches}: before each epoch the seed is incremented (it starts at 10, so epoch 0 calls
 * {@code np.random.seed(11)}) and {@code np.random.permutation(m)} gives the order.
 */
public final class MiniBatches {

    private static final MiniBatches FULL = new MiniBatches(0, Mode.FULL, 0);

    private enum Mode { FULL, SHUFFLED, COURSE_SEEDS }

    private final int size;
    private final Mode mode;
    private final long seed;

    private MiniBatches(int size, Mode mode, long seed) {
        this.size = size;
        this.mode = mode;
        this.seed = seed;
    }

    /** @return the whole training set in every step, in order */
    public static MiniBatches fullBatch() {
        return FULL;
    }

    /**
     * Batches of {@code size} examples, each epoch in an order drawn from one generator seeded with {@code seed}.
     *
     * @param size examples per batch, {@code >= 1}
     * @param seed the generator's seed
     * @return the batching
     */
    public static MiniBatches shuffled(int size, long seed) {
        requireSize(size);
        return new MiniBatches(size, Mode.SHUFFLED, seed);
    }

    /**
     * Batches of {@code size} examples in the second course's order: seeds 11, 12, ... for epochs 0, 1, ...
     *
     * @param size examples per batch, {@code >= 1}
     * @return the batching
     */
    public static MiniBatches courseSeeds(int size) {
        return courseSeeds(size, 10);
    }

    /**
     * Batches of {@code size} examples in the second course's order, with its seed starting at {@code seed} (epoch
     * {@code e} uses {@code seed + e + 1}).
     *
     * @param size examples per batch, {@code >= 1}
     * @param seed the seed before the first epoch
     * @return the batching
     */
    public static MiniBatches courseSeeds(int size, long seed) {
        requireSize(size);
        return new MiniBatches(size, Mode.COURSE_SEEDS, seed);
    }

    /** @return whether every step sees the whole training set */
    public boolean isFullBatch() {
        return mode == Mode.FULL;
    }

    /** @return examples per batch; 0 for {@link #fullBatch()} */
    public int size() {
        return size;
    }

    /**
     * The number of batches of an epoch of {@code m} examples.
     *
     * @param m the number of examples
     * @return {@code ceil(m / size)}, or 1 for the full batch
     */
    public int batchesPerEpoch(int m) {
        return isFullBatch() || size >= m ? 1 : (m + size - 1) / size;
    }

    /**
     * The orders of a training on {@code m} examples, epoch after epoch.
     *
     * @param m the number of examples
     * @return a fresh sequence of orders
     */
    public Orders orders(int m) {
        return new Orders(m);
    }

    /** Each epoch's order of the examples; one per training. */
    public final class Orders {
        private final int m;
        private final NumpyRandom random;
        private long courseSeed;
        /** The array {@link #nextReused} refills, made at its first call. */
        private int[] reused;

        private Orders(int m) {
            this.m = m;
            // COURSE_SEEDS re-seeds it every epoch (np.random.seed(seed + epoch)), SHUFFLED draws on from the seed
            this.random = mode == Mode.FULL ? null : new NumpyRandom(seed);
            this.courseSeed = seed;
        }

        /**
         * The order of the next epoch in one array refilled at every call, the course's per-epoch generator
         * re-seeded in place: no array and no generator's 2.5 KB state made per epoch (on the moons that was 37 MB
         * per training of 10,000 epochs, which cost a fresh heap about a tenth of the training in page faults). For
         * the training loop, which reads each order only during its epoch; {@link #next()} returns a copy.
         *
         * @return the next order, in the reused array, or {@code null} for the full batch in order
         */
        int[] nextReused() {
            if (mode == Mode.FULL) {
                return null;
            }
            if (reused == null) {
                reused = new int[m];
            }
            for (int i = 0; i < m; i++) {
                reused[i] = i;
            }
            if (mode == Mode.COURSE_SEEDS) {
                // seed = seed + 1; np.random.seed(seed); permutation = list(np.random.permutation(m))
                courseSeed++;
                random.seed(courseSeed);
            }
            random.shuffle(reused); // np.random.permutation(m) is this shuffle of 0..m-1
            return reused;
        }

        /**
         * The order of the next epoch.
         *
         * @return a permutation of {@code 0..m-1}, or {@code null} for the full batch in order
         */
        public int[] next() {
            int[] order = nextReused();
            return order == null ? null : order.clone();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiniBatches other && other.size == size && other.mode == mode && other.seed == seed;
    }

    @Override
    public int hashCode() {
        return (31 * size + mode.hashCode()) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return switch (mode) {
            case FULL -> "MiniBatches[full batch]";
            case SHUFFLED -> "MiniBatches[" + size + ", shuffled from seed " + seed + "]";
            case COURSE_SEEDS -> "MiniBatches[" + size + ", course seeds from " + (seed + 1) + "]";
        };
    }

    private static void requireSize(int size) {
        if (size < 1) {
            throw new Nndl4jException("MiniBatches: size must be >= 1, got " + size);
        }
    }
}
