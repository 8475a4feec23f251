package org.nndl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.nndl4j.data.DigitsDataset;
import org.nndl4j.nn.Activation;
import org.nndl4j.nn.Initialization;
import org.nndl4j.train.ConfusionMatrix;
import org.nndl4j.train.Training;
import org.nndl4j.train.TrainingListener;
import org.junit.jupiter.api.io.TempDir;
import org.nndl4j.nn.Network;
import org.nndl4j.nn.Layer;
import org.nndl4j.data.CatDataset;
import org.nndl4j.train.TrainingResult;
import org.nndl4j.deep.DeepModels;
import org.nndl4j.deep.DeepNetwork;
import org.nndl4j.deep.DeepParameters;
import org.nndl4j.deep.CourseInitialization;
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
                CourseInitialization.APPLICATION, config,             // the course's seed-1 initialisation
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

    @Test
    void manyClassesTour_runsAndGivesTheDocumentedAccuracy() {
        // --- README many-class tour begins
        DigitsDataset digits = DigitsDataset.loadBundled();           // X (64, 1437) in [0, 1], Y one-hot (10, 1437)
        Network initial = Initialization.HE.initialize(new int[] {64, 25, 12, 10},
                Activation.RELU, Activation.SOFTMAX, new NumpyRandom(1));              // He, like numpy after seed(1)
        TrainingResult result = Training.fit(initial, digits.train(), TrainingConfig.of(1000, 0.1), TrainingListener.none());
        Matrix predicted = result.network().predict(digits.test().X());                // (1, 360) of 0..9 (argmax)
        double testAccuracy = result.accuracy(digits.test());                          // 0.9166666666666666
        ConfusionMatrix confusion = Metrics.confusionMatrix(predicted, digits.test().labels(), 10);
        // --- README many-class tour ends
        assertEquals(0.9166666666666666, testAccuracy);
        assertEquals(330, confusion.correct());
        assertEquals(1432, Metrics.correct(result.network().predict(digits.train().X()), digits.train().labels()));
    }
}
