package org.nndl4j.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.nn.Network;
import org.nndl4j.nn.Layer;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.TrainingConfig;

/** A trained network outlives the process: saved, loaded back, it is the same network. */
class DeepModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void trainedNetwork_savedAndLoaded_hasIdenticalParametersAndPredictions() {
        NumpyRandom random = new NumpyRandom(5);
        Matrix X = random.randn(8, 30);
        Matrix Y = X.row(0).plus(X.row(3)).greaterThan(0);
        TrainingResult trained = DeepModels.lLayerModel(LabeledData.of(X, Y), new int[] {8, 6, 4, 1},
                new TrainingConfig(50, 0.05, 10));
        Path file = dir.resolve("net.h5");
        trained.network().save(file);
        DeepParameters loaded = DeepParameters.from(Network.load(file));
        assertEquals(DeepParameters.from(trained.network()), loaded);
        Matrix fresh = random.randn(8, 100);
        assertEquals(DeepNetwork.lModelForward(fresh, DeepParameters.from(trained.network())).AL(), DeepNetwork.lModelForward(fresh, loaded).AL());
        assertEquals(DeepNetwork.predict(DeepParameters.from(trained.network()), fresh), DeepNetwork.predict(loaded, fresh));
    }
}
