package org.nndl4j.deep;

import java.util.ArrayList;
import java.util.List;

import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.train.Engine;
import org.nndl4j.train.NetworkTrainer;
import org.nndl4j.train.Trainable;

/**
 * An L-layer network trained by the library's shared fast engine ({@link NetworkTrainer}, {@link Engine#PRIMAL} or
 * {@link Engine#GRAM}): the same iterations as {@link DeepTrainable}, to rounding, on reused buffers.
 */
final class EngineTrainable implements Trainable<DeepParameters> {

    private final NetworkTrainer trainer;

    EngineTrainable(LabeledData data, DeepParameters initial, Activation hidden, Engine engine) {
        List<Matrix> weights = new ArrayList<>();
        List<Matrix> biases = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        for (int l = 1; l <= initial.numLayers(); l++) {
            // list element l - 1 is layer l, as NetworkTrainer expects
            weights.add(initial.W(l));
            biases.add(initial.b(l));
            activations.add(l == initial.numLayers() ? Activation.SIGMOID : hidden);
        }
        this.trainer = NetworkTrainer.create(weights, biases, activations, data, engine);
    }

    @Override
    public double step(double learningRate) {
        return trainer.step(learningRate);
    }

    @Override
    public DeepParameters parameters() {
        List<LayerParameters> layers = new ArrayList<>(trainer.layers());
        for (int l = 1; l <= trainer.layers(); l++) {
            layers.add(new LayerParameters(trainer.weights(l), trainer.bias(l)));
        }
        return new DeepParameters(layers);
    }
}
