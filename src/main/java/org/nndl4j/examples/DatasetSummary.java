package org.nndl4j.examples;

import java.nio.file.Path;
import java.util.Locale;

import org.nndl4j.data.CatDataset;
import org.nndl4j.data.DatasetException;
import org.nndl4j.data.ExtraDataset;
import org.nndl4j.data.PlanarDatasets;
import org.nndl4j.data.LabeledData;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * The dataset summaries the course prints: the cat / non-cat sizes and shapes (spec 1.2.2), the flower's
 * shapes (spec 1.3.2), and one line for each extra 2-D dataset.
 *
 * <p>Run: {@code mvn -q compile exec:java -Dexec.mainClass=org.nndl4j.examples.DatasetSummary}. By default it
 * reads the datasets bundled in the jar; {@code --train FILE --test FILE} reads your own cat-style HDF5 files
 * and {@code --flower FILE} your own planar file.
 */
public final class DatasetSummary {

    private static final String USAGE = "usage: DatasetSummary [--train FILE --test FILE] [--flower FILE]\n"
            + "  --train, --test  HDF5 files laid out like train_catvnoncat.h5 / test_catvnoncat.h5 (default: bundled)\n"
            + "  --flower         an HDF5 file with X (2, m) and Y (1, m) (default: the bundled planar_flower.h5)";

    private DatasetSummary() {
    }

    /**
     * Prints the summaries.
     *
     * @param args optional {@code --train FILE}, {@code --test FILE} and {@code --flower FILE}
     */
    public static void main(String[] args) {
        Path train = null;
        Path test = null;
        Path flower = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ((flag.equals("--train") || flag.equals("--test") || flag.equals("--flower")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                switch (flag) {
                    case "--train" -> train = value;
                    case "--test" -> test = value;
                    default -> flower = value;
                }
            } else {
                usage(flag.equals("--help") || flag.equals("-h") ? null : "unknown or incomplete argument: " + flag);
            }
        }
        if ((train == null) != (test == null)) {
            usage("--train and --test go together");
        }
        try {
            CatDataset cats = train == null ? CatDataset.loadBundled() : CatDataset.load(train, test);
            printCats(cats);
            System.out.println();
            printFlower(flower == null ? PlanarDatasets.flower() : PlanarDatasets.load(flower));
            System.out.println();
            printExtraDatasets();
        } catch (DatasetException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Spec 1.2.2: sizes, shapes, flattened shapes and the sanity check. */
    static void printCats(CatDataset cats) {
        int mTrain = cats.train().size();
        int mTest = cats.test().size();
        int numPx = cats.numPx();
        System.out.println("Number of training examples: m_train = " + mTrain);
        System.out.println("Number of testing examples: m_test = " + mTest);
        System.out.println("Height/Width of each image: num_px = " + numPx);
        System.out.println("Each image is of size: (" + numPx + ", " + numPx + ", 3)");
        System.out.println("train_set_x shape: " + NDArray.shapeString(cats.train().images().shape()));
        System.out.println("train_set_y shape: " + cats.train().data().Y().shape());
        System.out.println("test_set_x shape: " + NDArray.shapeString(cats.test().images().shape()));
        System.out.println("test_set_y shape: " + cats.test().data().Y().shape());
        Matrix trainFlatten = cats.train().flatten();
        System.out.println("train_set_x_flatten shape: " + trainFlatten.shape());
        System.out.println("train_set_y shape: " + cats.train().data().Y().shape());
        System.out.println("test_set_x_flatten shape: " + cats.test().data().X().shape());
        System.out.println("test_set_y shape: " + cats.test().data().Y().shape());
        StringBuilder head = new StringBuilder("[");
        for (int i = 0; i < Math.min(5, trainFlatten.rows()); i++) {
            head.append(i > 0 ? " " : "").append((long) trainFlatten.get(i, 0));
        }
        System.out.println("sanity check after reshaping: " + head.append(']'));
    }

    /** Spec 1.3.2: the flower's shapes. */
    static void printFlower(LabeledData flower) {
        System.out.println("The shape of X is: " + flower.X().shape());
        System.out.println("The shape of Y is: " + flower.Y().shape());
        System.out.println("I have m = " + flower.size() + " training examples.");
    }

    /** One line per extra dataset (load_extra_datasets), drawn with its default seed. */
    static void printExtraDatasets() {
        for (ExtraDataset which : ExtraDataset.values()) {
            LabeledData data = which.generate();
            System.out.println(String.format(Locale.ROOT, "%-20s X %s, Y %s, %d of class 1 (seed %d)",
                    which.courseName() + ":", data.X().shape(), data.Y().shape(), (long) data.Y().sum(), which.defaultSeed()));
        }
    }

    private static void usage(String problem) {
        if (problem == null) {
            // --help: the usage on standard output, success
            System.out.println(USAGE);
            System.exit(0);
        }
        System.err.println("DatasetSummary: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
