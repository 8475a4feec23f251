package org.nndl4j.data;

import java.util.Locale;
import java.util.function.LongFunction;


/**
 * The course's extra datasets ({@code load_extra_datasets()}), by the names its notebook uses, each with a
 * fixed default seed so runs repeat. (The course draws them from numpy's global random state, whose position
 * depends on everything the notebook ran before; the default seeds are those nndl4j's golden values use.)
 */
public enum ExtraDataset {
    /** Two noisy concentric circles. */
    NOISY_CIRCLES(11, PlanarDatasets::noisyCircles),
    /** Two interleaving noisy half-moons. */
    NOISY_MOONS(12, PlanarDatasets::noisyMoons),
    /** Six Gaussian blobs, labelled by cluster index modulo 2. */
    BLOBS(5, PlanarDatasets::blobs),
    /** A Gaussian cloud split by distance from the origin. */
    GAUSSIAN_QUANTILES(13, PlanarDatasets::gaussianQuantiles),
    /** Uniform points with labels unrelated to them. */
    NO_STRUCTURE(14, PlanarDatasets::noStructure);

    private final long defaultSeed;
    private final LongFunction<LabeledData> generator;

    ExtraDataset(long defaultSeed, LongFunction<LabeledData> generator) {
        this.defaultSeed = defaultSeed;
        this.generator = generator;
    }

    /**
     * The seed {@link #generate()} uses.
     *
     * @return the seed of the default draw
     */
    public long defaultSeed() {
        return defaultSeed;
    }

    /**
     * The dataset drawn with its default seed: X (2, 200), Y (1, 200).
     *
     * @return the examples and their 0/1 labels
     */
    public LabeledData generate() {
        return generate(defaultSeed);
    }

    /**
     * The dataset drawn with {@code seed} (numpy's {@code random_state=seed}): X (2, 200), Y (1, 200).
     *
     * @param seed the random seed
     * @return the examples and their 0/1 labels
     */
    public LabeledData generate(long seed) {
        return generator.apply(seed);
    }

    /**
     * The course's key for it, e.g. {@code noisy_circles}.
     *
     * @return the name the course's notebook uses
     */
    public String courseName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
