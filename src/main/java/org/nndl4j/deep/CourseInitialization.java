package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.nn.Initialization;
import org.nndl4j.nn.MemoryBudget;
import org.nndl4j.random.NumpyRandom;

/**
 * The course's named initialisations, each a seed and one of the library's {@link Initialization} schemes. How the
 * course initialises a network: each weight matrix {@code W[l]} is drawn from
 * {@code np.random.randn(n[l], n[l-1])}, layer after layer from one seeded generator, and scaled; every bias is
 * zero. The course uses three variants, and which one yields which printed number matters, so the choice is
 * explicit.
 */
public enum CourseInitialization {

    /**
     * {@code initialize_parameters(n_x, n_h, n_y)} of spec 1.4.3.1 (used by the two-layer cat model):
     * {@code np.random.seed(1)}, {@code W = randn * 0.01}.
     */
    TWO_LAYER(1, Initialization.SMALL),

    /**
     * {@code initialize_parameters_deep(layer_dims)} of spec 1.4.3.2 (the step-by-step notebook):
     * {@code np.random.seed(3)}, {@code W = randn * 0.01}.
     */
    STEP_BY_STEP(3, Initialization.SMALL),

    /**
     * {@code initialize_parameters_deep(layer_dims)} of {@code dnn_app_utils_v2}, which the cat application
     * (spec 1.5) imports: {@code np.random.seed(1)}, {@code W = randn / sqrt(n[l-1])}. This is the variant that
     * gives the spec's first L-layer cost 0.771749; with {@code * 0.01} a 5-layer ReLU net barely moves.
     */
    APPLICATION(1, Initialization.LECUN);

    private final long seed;
    private final Initialization scheme;

    CourseInitialization(long seed, Initialization scheme) {
        this.seed = seed;
        this.scheme = scheme;
    }

    /**
     * The seed the course passes to {@code np.random.seed} for this variant.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The library's scheme this variant draws with (its seed aside).
     *
     * @return {@link Initialization#SMALL} or {@link Initialization#LECUN}
     */
    public Initialization scheme() {
        return scheme;
    }

    /**
     * Parameters for {@code layerDims = [n[0], ..., n[L]]}, drawn from a generator seeded with {@link #seed()}.
     *
     * @param layerDims the layer sizes {@code [n[0], ..., n[L]]}, input size first
     * @return new parameters, zero biases
     * @throws IllegalArgumentException if there are fewer than two sizes, a size is below 1, or the parameters cannot
     *                                  fit in the heap ({@link MemoryBudget#requireParameters})
     */
    public DeepParameters initialize(int[] layerDims) {
        return initialize(layerDims, new NumpyRandom(seed));
    }

    /**
     * Parameters for {@code layerDims} drawn from {@code random} (which advances) instead of the course's seed;
     * the scaling is this variant's.
     *
     * @param layerDims the layer sizes {@code [n[0], ..., n[L]]}, input size first
     * @param random    the random source; advanced
     * @return new parameters, zero biases
     */
    public DeepParameters initialize(int[] layerDims, NumpyRandom random) {
        Checks.notNull("initialize", "random", random);
        requireLayerDims("initializeParametersDeep", layerDims);
        MemoryBudget.requireParameters("initializeParametersDeep", layerDims);
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 1; l < layerDims.length; l++) {
            // W[l] ~ randn(n[l], n[l-1]), scaled; b[l] = zeros(n[l], 1)
            Matrix W = scheme.drawWeights(random, layerDims[l], layerDims[l - 1]);
            layers.add(new LayerParameters(W, Matrix.zeros(layerDims[l], 1)));
        }
        return new DeepParameters(layers);
    }

    static void requireLayerDims(String operation, int[] layerDims) {
        if (layerDims == null || layerDims.length < 2) {
            throw new Nndl4jException(operation + ": layerDims needs the input size and at least one layer size, got "
                    + (layerDims == null ? "null" : java.util.Arrays.toString(layerDims)));
        }
        for (int i = 0; i < layerDims.length; i++) {
            if (layerDims[i] < 1) {
                throw new Nndl4jException(operation + ": layer sizes must be >= 1, got layerDims["
                        + i + "] = " + layerDims[i] + " in " + java.util.Arrays.toString(layerDims));
            }
        }
    }

    /**
     * The second course's {@code initialize_parameters_zeros(layers_dims)}: every W and b zero.
     *
     * @param layersDims {@code [n[0], ..., n[L]]}
     * @return the parameters
     */
    public static DeepParameters initializeParametersZeros(int[] layersDims) {
        return secondCourse(Initialization.ZEROS, layersDims);
    }

    /**
     * The second course's {@code initialize_parameters_random(layers_dims)}: {@code np.random.seed(3)},
     * {@code W = randn * 10}, b zero.
     *
     * @param layersDims {@code [n[0], ..., n[L]]}
     * @return the parameters
     */
    public static DeepParameters initializeParametersRandom(int[] layersDims) {
        return secondCourse(Initialization.LARGE, layersDims);
    }

    /**
     * The second course's {@code initialize_parameters_he(layers_dims)}: {@code np.random.seed(3)},
     * {@code W = randn * sqrt(2 / n[l-1])}, b zero.
     *
     * @param layersDims {@code [n[0], ..., n[L]]}
     * @return the parameters
     */
    public static DeepParameters initializeParametersHe(int[] layersDims) {
        return secondCourse(Initialization.HE, layersDims);
    }

    private static DeepParameters secondCourse(Initialization scheme, int[] layersDims) {
        requireLayerDims("initializeParameters", layersDims);
        MemoryBudget.requireParameters("initializeParameters", layersDims);
        List<LayerParameters> layers = new ArrayList<>();
        NumpyRandom random = new NumpyRandom(3);
        for (int l = 1; l < layersDims.length; l++) {
            layers.add(new LayerParameters(scheme.drawWeights(random, layersDims[l], layersDims[l - 1]),
                    Matrix.zeros(layersDims[l], 1)));
        }
        return new DeepParameters(layers);
    }
}
