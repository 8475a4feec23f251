package org.nndl4j.deep;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Checks;
import org.nndl4j.nn.Activation;
import org.nndl4j.train.Engine;
import org.nndl4j.train.TrainingLoop;
import org.nndl4j.train.Trainable;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingConfig;
import org.nndl4j.train.TrainingListener;
import org.nndl4j.train.TrainingResult;

/**
 * The two models of the cat application (spec 1.5), trained by batch gradient descent through
 * {@link TrainingLoop#run}. A two-layer model is an L-layer model with {@code layerDims = (n_x, n_h, 1)}; the
 * two differ only in their initialisation, as in the course.
 *
 * <p>{@link TrainingConfig#engine()} chooses how the steps are computed: {@link Engine#REFERENCE} runs the
 * {@link DeepNetwork} building blocks exactly as the course's loop does (slow: every step allocates, and computes
 * the unused gradient with respect to {@code X}); the other engines use the shared fast
 * {@link org.nndl4j.engine.NetworkEngine}, which gives the same costs and parameters to rounding. Either way the
 * result is the library's one {@link TrainingResult}; {@link DeepParameters#from} views its network as the course's
 * parameters.
 */
public final class DeepModels {

    /** The course's default learning rate for both models. */
    public static final double DEFAULT_LEARNING_RATE = 0.0075;

    private DeepModels() {
    }

    /** The course's iteration count for both cat models ({@code num_iterations = 2500}). */
    public static final int DEFAULT_ITERATIONS = 2500;

    /**
     * The course's configuration: {@value #DEFAULT_ITERATIONS} steps at learning rate {@value #DEFAULT_LEARNING_RATE},
     * cost recorded every 100.
     *
     * @return the configuration
     */
    public static TrainingConfig courseConfig() {
        return courseConfig(DEFAULT_ITERATIONS);
    }

    /**
     * The course's configuration with another iteration count.
     *
     * @param iterations the number of steps
     * @return the configuration
     */
    public static TrainingConfig courseConfig(int iterations) {
        return TrainingConfig.of(iterations, DEFAULT_LEARNING_RATE);
    }

    /**
     * {@code two_layer_model}: LINEAR-&gt;RELU-&gt;LINEAR-&gt;SIGMOID with {@code nH} hidden units, initialised by
     * {@link DeepNetwork#initializeParameters} (seed 1, {@code randn * 0.01}).
     *
     * @param data     training examples, {@code X} of shape {@code (n_x, m)}
     * @param nH       the number of hidden units
     * @param config   the iterations, learning rate and how often the cost is recorded
     * @param listener told the cost at every recorded iteration
     * @return the trained parameters and the recorded costs
     * @throws IllegalArgumentException before anything is allocated if there are no examples ({@code m = 0}) or the training cannot fit in the heap ({@link Training#check})
     */
    public static TrainingResult twoLayerModel(LabeledData data, int nH, TrainingConfig config,
                                                TrainingListener listener) {
        Checks.notNull("twoLayerModel", "data", data);
        Checks.positive("twoLayerModel", "nH", nH);
        Training.check("twoLayerModel", new int[] {data.features(), nH, 1}, data.X(), data.Y(), config);
        DeepParameters initial = DeepNetwork.initializeParameters(data.features(), nH, 1);
        return train(data, initial, config, listener);
    }

    /**
     * {@link #twoLayerModel(LabeledData, int, TrainingConfig, TrainingListener)} without a listener.
     *
     * @param data   training examples, {@code X} of shape {@code (n_x, m)}
     * @param nH     the number of hidden units
     * @param config the iterations, learning rate and how often the cost is recorded
     * @return the trained parameters and the recorded costs
     */
    public static TrainingResult twoLayerModel(LabeledData data, int nH, TrainingConfig config) {
        return twoLayerModel(data, nH, config, TrainingListener.none());
    }

    /**
     * {@code L_layer_model}: [LINEAR-&gt;RELU] x (L-1) -&gt; LINEAR-&gt;SIGMOID for
     * {@code layerDims = [n_x, n[1], ..., 1]}.
     *
     * @param data           training examples, {@code X} of shape {@code (n_x, m)}
     * @param layerDims      the layer sizes {@code [n_x, n[1], ..., 1]}
     * @param initialization which of the course's initialisations ({@link CourseInitialization#APPLICATION} gives
     *                       the spec's numbers)
     * @param config         the iterations, learning rate and how often the cost is recorded
     * @param listener       told the cost at every recorded iteration
     * @return the trained parameters and the recorded costs
     * @throws IllegalArgumentException if {@code layerDims[0]} is not the number of features or the last size is not 1;
     *                                  before anything is allocated if there are no examples ({@code m = 0}) or the training cannot fit in the heap ({@link Training#check})
     */
    public static TrainingResult lLayerModel(LabeledData data, int[] layerDims, CourseInitialization initialization,
                                              TrainingConfig config, TrainingListener listener) {
        Checks.notNull("lLayerModel", "data", data);
        Checks.notNull("lLayerModel", "initialization", initialization);
        CourseInitialization.requireLayerDims("lLayerModel", layerDims);
        if (layerDims[0] != data.features()) {
            throw new Nndl4jException("lLayerModel: layerDims[0] = " + layerDims[0] + " but X has "
                    + data.features() + " features (rows), in layerDims " + Arrays.toString(layerDims));
        }
        if (layerDims[layerDims.length - 1] != 1) {
            throw new Nndl4jException("lLayerModel: the last layer size must be 1 (one sigmoid output), got "
                    + Arrays.toString(layerDims));
        }
        Training.check("lLayerModel", layerDims, data.X(), data.Y(), config);
        return train(data, initialization.initialize(layerDims), config, listener);
    }

    /** {@link #lLayerModel(LabeledData, int[], CourseInitialization, TrainingConfig, TrainingListener)} with
     * {@link CourseInitialization#APPLICATION} and no listener.
     *
     * @param data      training examples, {@code X} of shape {@code (n_x, m)}
     * @param layerDims the layer sizes {@code [n_x, n[1], ..., 1]}
     * @param config    the iterations, learning rate and how often the cost is recorded
     * @return the trained parameters and the recorded costs
     */
    public static TrainingResult lLayerModel(LabeledData data, int[] layerDims, TrainingConfig config) {
        return lLayerModel(data, layerDims, CourseInitialization.APPLICATION, config, TrainingListener.none());
    }

    private static TrainingResult train(LabeledData data, DeepParameters initial, TrainingConfig config,
                                         TrainingListener listener) {
        Checks.notNull("train", "config", config);
        Checks.notNull("train", "listener (use TrainingListener.none())", listener);
        // Engine.REFERENCE: the course's building blocks step by step; otherwise the shared fast engine
        Trainable model = Training.trainable(initial.toNetwork(), data.X(), data.Y(), config,
                network -> new DeepTrainable(data.X(), data.Y(), DeepParameters.from(network), Activation.RELU));
        return TrainingLoop.run(model, config, listener);
    }
}
