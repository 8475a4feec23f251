package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.nndl4j.matrix.Checks;

/**
 * The course's cat / non-cat images: 209 training and 50 test RGB images of 64x64 pixels, labelled
 * 1 = cat and 0 = non-cat. {@link #loadBundled()} reads the copies packaged in the nndl4j jar, so the data is
 * there for anyone who depends on nndl4j; {@link #load(Path, Path)} reads your own files laid out the same way.
 *
 * <p>Datasets in the files: {@code train_set_x} (m, num_px, num_px, 3) uint8, {@code train_set_y} (m,) and
 * {@code list_classes} (2,) in the training file; {@code test_set_x}, {@code test_set_y}, {@code list_classes}
 * in the test file.
 *
 * @param train the training split
 * @param test  the test split
 */
public record CatDataset(ImageSet train, ImageSet test) {

    /** Classpath location of the bundled training file. */
    public static final String TRAIN_RESOURCE = "org/nndl4j/datasets/train_catvnoncat.h5";
    /** Classpath location of the bundled test file. */
    public static final String TEST_RESOURCE = "org/nndl4j/datasets/test_catvnoncat.h5";

    private static volatile CatDataset bundled;

    /**
     * Checks that both splits are present and hold images of the same size.
     *
     * @param train the training split
     * @param test  the test split
     * @throws IllegalArgumentException if a split is null or the two image sizes differ
     */
    public CatDataset {
        Checks.notNull("CatDataset", "train", train);
        Checks.notNull("CatDataset", "test", test);
        if (train.numPx() != test.numPx()) {
            throw new Nndl4jException("CatDataset: training images are " + train.numPx() + "x" + train.numPx()
                    + " but test images are " + test.numPx() + "x" + test.numPx());
        }
    }

    /**
     * The bundled dataset, read from the classpath once and then shared (every value in it is immutable).
     *
     * @return the shared bundled dataset, 209 training and 50 test images
     * @throws DatasetException if the nndl4j jar lacks the files or they are damaged
     */
    public static CatDataset loadBundled() {
        CatDataset d = bundled;
        if (d == null) {
            synchronized (CatDataset.class) {
                d = bundled;
                if (d == null) {
                    try (Hdf5Reader train = Hdf5Reader.openResource(TRAIN_RESOURCE);
                         Hdf5Reader test = Hdf5Reader.openResource(TEST_RESOURCE)) {
                        d = read(train, test);
                    }
                    bundled = d;
                }
            }
        }
        return d;
    }

    /**
     * Reads a training and a test file laid out like the course's {@code train_catvnoncat.h5} and
     * {@code test_catvnoncat.h5}.
     *
     * @param trainFile the training file, with {@code train_set_x}, {@code train_set_y} and {@code list_classes}
     * @param testFile  the test file, with {@code test_set_x}, {@code test_set_y} and {@code list_classes}
     * @return the two splits
     * @throws DatasetException naming the file and what is wrong: missing, not HDF5, truncated or corrupt,
     *                          a dataset missing (the message lists those present) or of the wrong rank, type or
     *                          size, labels other than 0/1, images and labels of different counts
     */
    public static CatDataset load(Path trainFile, Path testFile) {
        Checks.notNull("CatDataset.load", "trainFile", trainFile);
        Checks.notNull("CatDataset.load", "testFile", testFile);
        try (Hdf5Reader train = Hdf5Reader.open(trainFile); Hdf5Reader test = Hdf5Reader.open(testFile)) {
            return read(train, test);
        }
    }

    /**
     * Reads both splits from open files (see {@link #load(Path, Path)}).
     *
     * @param trainFile the open training file; not closed
     * @param testFile  the open test file; not closed
     * @return the two splits
     */
    public static CatDataset read(Hdf5Reader trainFile, Hdf5Reader testFile) {
        // the two files are independent: the test split is read on another thread meanwhile
        CompletableFuture<ImageSet> testSplit = CompletableFuture.supplyAsync(() -> readSplit(testFile, "test"));
        ImageSet train;
        try {
            train = readSplit(trainFile, "train");
        } catch (RuntimeException e) {
            testSplit.handle((ok, failed) -> null).join(); // let it finish before the caller closes the file
            throw e;
        }
        ImageSet test;
        try {
            test = testSplit.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (train.numPx() != test.numPx()) {
            throw new DatasetException(testFile.source(), "test images are " + test.numPx() + "x" + test.numPx()
                    + " but the training images (" + trainFile.source() + ") are " + train.numPx() + "x" + train.numPx());
        }
        return new CatDataset(train, test);
    }

    /**
     * Reads one split: {@code <split>_set_x}, {@code <split>_set_y} and {@code list_classes}.
     *
     * @param file  the open file; not closed
     * @param split {@code "train"} or {@code "test"}
     * @return the split
     */
    public static ImageSet readSplit(Hdf5Reader file, String split) {
        Checks.notNull("CatDataset.readSplit", "split", split);
        return ImageSet.read(file, split + "_set_x", split + "_set_y", "list_classes");
    }

    /**
     * Height and width of the images, {@code num_px} (64).
     *
     * @return the side of the square images in pixels
     */
    public int numPx() {
        return train.numPx();
    }
}
