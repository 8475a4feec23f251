package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.nn.Network;
import org.nndl4j.nn.Layer;
import org.nndl4j.data.CatDataset;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.deep.DeepParameters;
import org.nndl4j.deep.Initialization;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.ShapeException;
import org.nndl4j.random.NumpyRandom;
import org.nndl4j.train.Metrics;
import org.nndl4j.train.TrainingConfig;

/** The README's API tour (with the printing listener collecting instead), so the README cannot drift from the code. */
class ReadmeTourTest {

    @Test
    void apiTour_runsAndGivesTheCoursesNumbers(@TempDir Path dir) {
        List<String> printed = new ArrayList<>();
        // --- README tour begins
        CatDataset cat = CatDataset.loadBundled();                    // bundled in the jar: 209 + 50 images
        LabeledData train = cat.train().data();                       // X (12288, 209), Y (1, 209)
        TrainingConfig config = TrainingConfig.of(2500, 0.0075);      // iterations, learning rate
        TrainingResult model = DeepModels.lLayerModel(train, new int[] {12288, 20, 7, 5, 1},
                Initialization.APPLICATION, config,                   // the course's seed-1 initialisation
                p -> printed.add(String.format(Locale.ROOT, "Cost after iteration %d: %f", p.iteration(), p.cost())));
        Network trained = model.network();                            // W(1)..W(4), b(1)..b(4), activations
        Matrix predictions = trained.predict(cat.test().data().X());  // (1, 50) of 0/1
        double accuracy = Metrics.accuracy(predictions, cat.test().data().Y());         // 0.8
        trained.save(dir.resolve("cat.h5"));                          // h5py reads W1..W4, b1..b4

        NumpyRandom random = new NumpyRandom(1);                      // np.random.seed(1)
        Matrix W = random.randn(20, 12288);                           // np.random.randn(20, 12288)
        Matrix Z = W.dot(train.X()).plus(Matrix.ones(20, 1));         // broadcasting, like numpy
        ShapeException bad = assertThrows(ShapeException.class, () -> W.dot(W));
        // --- README tour ends
        assertEquals("dot: shapes (20, 12288) and (20, 12288) not aligned: 12288 != 20", bad.getMessage());
        assertEquals("Cost after iteration 0: 0.771749", printed.get(0));
        assertEquals("Cost after iteration 2400: 0.092878", printed.get(24));
        assertEquals(0.8, accuracy);
        assertEquals(trained, Network.load(dir.resolve("cat.h5")));
        assertEquals(20, Z.rows());
        assertEquals(209, Z.cols());
    }
}
