package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.List;
import java.util.Locale;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * One split of an image dataset, in the two forms the course uses: the raw images for display and the
 * flattened, standardised examples a model trains on.
 *
 * @param images the raw pixel values 0..255, shape {@code (m, num_px, num_px, 3)} ({@code train_set_x_orig})
 * @param data   {@code X} of shape {@code (num_px * num_px * 3, m)}, each column one image flattened in C order
 *               (row, column, channel) and divided by 255 ({@code x_orig.reshape(m, -1).T / 255.}); {@code Y} the
 *               labels {@code (1, m)}; the class names (e.g. {@code [non-cat, cat]})
 */
public record ImageSet(NDArray images, LabeledData data) {

    /**
     * Checks that the images are {@code (m, num_px, num_px, 3)} and match {@code X} in count and size.
     *
     * @param images the raw pixel values, shape {@code (m, num_px, num_px, 3)}
     * @param data   the flattened, scaled examples, their labels and the class names
     * @throws IllegalArgumentException if an argument is null or the shapes disagree
     */
    public ImageSet {
        Checks.notNull("ImageSet", "images", images);
        Checks.notNull("ImageSet", "data", data);
        int[] shape = images.shape();
        if (shape.length != 4 || shape[1] != shape[2] || shape[3] != 3) {
            throw new Nndl4jException("ImageSet: expected images of shape (m, num_px, num_px, 3), got "
                    + NDArray.shapeString(shape));
        }
        if (shape[0] != data.size() || (long) shape[1] * shape[2] * shape[3] != data.features()) {
            throw new Nndl4jException("ImageSet: images of shape " + NDArray.shapeString(shape)
                    + " do not match X of shape " + data.X().shape() + "; expected X of shape ("
                    + shape[1] * shape[2] * shape[3] + ", " + shape[0] + ")");
        }
    }

    /**
     * Builds the split from raw images: {@code X = images.reshape(m, -1).T / 255.}
     *
     * @param images     raw pixel values, shape {@code (m, num_px, num_px, 3)}
     * @param Y          labels 0/1, shape {@code (1, m)}
     * @param classNames name of class 0 and class 1
     * @return the split, {@code X} of shape {@code (num_px * num_px * 3, m)}
     */
    public static ImageSet of(NDArray images, Matrix Y, List<String> classNames) {
        Checks.notNull("ImageSet.of", "images", images);
        if (images.rank() != 4) {
            throw new Nndl4jException("ImageSet.of: expected images of shape (m, num_px, num_px, 3), got "
                    + NDArray.shapeString(images.shape()));
        }
        // X = x_orig.reshape(m, -1).T / 255.
        Matrix X = images.examplesAsColumnsDividedBy(255.0);
        return new ImageSet(images, new LabeledData(X, Y, classNames));
    }

    /**
     * Reads a split from an HDF5 file laid out like the course's {@code train_catvnoncat.h5}: integer pixels
     * {@code (m, num_px, num_px, 3)} under {@code xName}, labels {@code (m,)} or {@code (1, m)} under
     * {@code yName}, and the two class names under {@code classesName}. Shapes, types and counts are checked
     * from the metadata before the pixels are read; then every pixel must be in 0..255 and every label 0 or 1.
     *
     * @param h5          the open file; not closed
     * @param xName       the pixels' dataset, e.g. {@code train_set_x}
     * @param yName       the labels' dataset, e.g. {@code train_set_y}
     * @param classesName the class names' dataset, e.g. {@code list_classes}
     * @return the split
     * @throws DatasetException naming the file and the offending dataset
     */
    public static ImageSet read(Hdf5Reader h5, String xName, String yName, String classesName) {
        Checks.notNull("ImageSet.read", "h5", h5);
        DatasetInfo x = h5.describe(xName);
        int[] d = x.dimensions();
        if (d.length != 4) {
            throw new DatasetException(h5.source(), "dataset '" + xName + "' has shape " + x.shapeString() + " (rank "
                    + d.length + "); expected images of shape (m, num_px, num_px, 3)");
        }
        if (x.elementType() != DatasetInfo.ElementType.INTEGER) {
            throw new DatasetException(h5.source(), "dataset '" + xName + "' holds "
                    + x.elementType().name().toLowerCase(Locale.ROOT) + " values; expected integer pixel values 0..255");
        }
        if (d[3] != 3) {
            throw new DatasetException(h5.source(), "dataset '" + xName + "' has shape " + x.shapeString()
                    + "; expected 3 colour channels (RGB) in the last dimension, got " + d[3]);
        }
        if (d[1] != d[2] || d[1] == 0) {
            throw new DatasetException(h5.source(), "dataset '" + xName + "' has shape " + x.shapeString()
                    + "; expected square images (num_px, num_px)");
        }
        if (d[0] == 0) {
            throw new DatasetException(h5.source(), "dataset '" + xName + "' has shape " + x.shapeString()
                    + ": no images (m = 0); a split needs at least one example");
        }
        LabelFiles.requireLabelShape(h5, yName, d[0], xName);
        List<String> classNames = LabelFiles.readClassNames(h5, classesName);
        Matrix Y = LabelFiles.readLabels(h5, yName);
        NDArray images = h5.readArray(xName, 4);
        int bad = images.indexOfFirstOutside(0, 255);
        if (bad >= 0) {
            int channel = bad % 3;
            int column = bad / 3 % d[2];
            int row = bad / 3 / d[2] % d[1];
            int image = bad / 3 / d[2] / d[1];
            throw new DatasetException(h5.source(), "dataset '" + xName + "': pixel value " + images.get(image, row, column, channel)
                    + " at [" + image + ", " + row + ", " + column + ", " + channel + "] is outside 0..255");
        }
        try {
            return of(images, Y, classNames);
        } catch (DatasetException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // whatever the split's own checks refuse is still a failure of this file
            throw new DatasetException(h5.source(), "datasets '" + xName + "' and '" + yName + "': " + e.getMessage(), e);
        }
    }

    /**
     * Number of images {@code m}.
     *
     * @return the number of images
     */
    public int size() {
        return images.dim(0);
    }

    /**
     * Height and width of each image, {@code num_px}.
     *
     * @return the side of the square images in pixels
     */
    public int numPx() {
        return images.dim(1);
    }

    /**
     * The raw images flattened, one per column, before scaling: {@code x_orig.reshape(m, -1).T}, shape
     * {@code (num_px * num_px * 3, m)} (the course's {@code train_set_x_flatten}).
     *
     * @return a new matrix {@code (num_px * num_px * 3, m)} of values 0..255
     */
    public Matrix flatten() {
        return flatten(images);
    }

    /**
     * Image {@code index} as an array {@code (num_px, num_px, 3)} of values 0..255.
     *
     * @param index the image, 0 to {@code m - 1}
     * @return a new array {@code (num_px, num_px, 3)}
     */
    public NDArray image(int index) {
        return images.slice(index);
    }

    /**
     * The label (0 or 1) of image {@code index}.
     *
     * @param index the image, 0 to {@code m - 1}
     * @return 0 or 1
     */
    public int label(int index) {
        return (int) data.Y().get(0, index);
    }

    /**
     * The class name of image {@code index}, e.g. {@code cat}.
     *
     * @param index the image, 0 to {@code m - 1}
     * @return the name of its class
     */
    public String className(int index) {
        return data.className(label(index));
    }

    private static Matrix flatten(NDArray images) {
        return images.examplesAsColumns(v -> v);
    }
}
