package org.nndl4j.nn;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.hdf5.Hdf5Array;
import org.nndl4j.hdf5.Hdf5Exception;
import org.nndl4j.hdf5.Hdf5Reader;
import org.nndl4j.hdf5.Hdf5Writer;
import org.nndl4j.matrix.Matrix;

/**
 * The model file format of {@link Network#save} and {@link Network#load}: networks as HDF5 files.
 *
 * <p>Layout (readable with h5py: {@code f["W1"][...]}):
 * <ul>
 * <li>datasets {@code W1, b1, ..., WL, bL}: 2-D float64 arrays, {@code W<l>} of shape {@code (n[l], n[l-1])},
 *     {@code b<l>} of shape {@code (n[l], 1)}, as the course names and shapes them;</li>
 * <li>root attributes {@code format = "nndl4j-network"}, {@code format_version = 1},
 *     {@code layer_dims} (int array {@code [n[0], ..., n[L]]}) and {@code activations} (one string naming the
 *     activation of each layer, comma-separated: {@code "relu,relu,relu,sigmoid"}).</li>
 * </ul>
 *
 * <p>Saving is atomic: the file is written under a temporary name in the target's directory and then moved over
 * the target, so a failed save leaves any previous file untouched and no temporary file behind. Files are written
 * with {@link Hdf5Writer} and read with {@link Hdf5Reader}, both of {@code org.nndl4j.hdf5}.
 */
final class NetworkFile {

    /** The value of the {@code format} attribute. */
    static final String FORMAT = "nndl4j-network";
    /** The version written, and the highest one read. */
    static final int FORMAT_VERSION = 1;

    static final String ATTR_FORMAT = "format";
    static final String ATTR_VERSION = "format_version";
    static final String ATTR_LAYER_DIMS = "layer_dims";
    static final String ATTR_ACTIVATIONS = "activations";

    private NetworkFile() {
    }

    /**
     * Writes {@code network} to {@code path}, replacing any existing file only once the new one is complete.
     *
     * @throws ModelFileException naming the file if it cannot be written; an existing file is then left as it was
     */
    static void save(Network network, Path path) {
        save(network, path, () -> { });
    }

    /** {@link #save(Network, Path)} with a hook run between writing the temporary file and moving it (for tests). */
    static void save(Network network, Path path, Runnable beforeMove) {
        Checks.notNull("Network.save", "network", network);
        Checks.notNull("Network.save", "path", path);
        Path target = path.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelFileException(path, "cannot save: directory " + dir + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = createTemporaryFile(dir, target.getFileName().toString());
            write(network, tmp);
            beforeMove.run();
            moveOver(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot save: " + e, e);
        } catch (Hdf5Exception e) {
            // names the temporary file; the target is the one to name
            throw new ModelFileException(path, "cannot save: " + e.problem(), e);
        } catch (RuntimeException e) {
            throw new ModelFileException(path, "cannot save: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the save already failed; the original error is the one to report
                }
            }
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in {@code dir}, created with the default permissions (unlike
     * {@link Files#createTempFile}, whose owner-only permissions would end up on the saved model).
     */
    private static Path createTemporaryFile(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static void write(Network network, Path file) {
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putAttribute(ATTR_FORMAT, FORMAT);
            out.putAttribute(ATTR_VERSION, FORMAT_VERSION);
            out.putAttribute(ATTR_LAYER_DIMS, network.layerDims());
            // one string, comma-separated ("relu,relu,sigmoid"): h5py reads it as f.attrs["activations"]
            out.putAttribute(ATTR_ACTIVATIONS, activationNames(network.activations()));
            for (int l = 1; l <= network.numLayers(); l++) {
                // file names are 1-based: W<l> is weights.get(l - 1)
                out.putDataset("W" + l, network.W(l).toArray());
                out.putDataset("b" + l, network.b(l).toArray());
            }
        }
    }

    /** The activations as the file stores them, e.g. {@code relu,relu,sigmoid}. */
    static String activationNames(List<Activation> activations) {
        return String.join(",", activations.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a network written by {@link #save}, through {@link Hdf5Reader} (which turns every low-level failure of a
     * missing, truncated or corrupt file into an error naming the file).
     *
     * @throws ModelFileException naming the file and the problem if it is missing, not HDF5, not an nndl4j network,
     *                            or its attributes and arrays do not agree
     */
    static Network load(Path path) {
        Checks.notNull("Network.load", "path", path);
        if (!Files.exists(path)) {
            throw new ModelFileException(path, "does not exist");
        }
        try (Hdf5Reader h5 = Hdf5Reader.open(path)) {
            return read(h5, path);
        } catch (Hdf5Exception e) {
            throw new ModelFileException(path, e.problem(), e);
        }
    }

    private static Network read(Hdf5Reader h5, Path path) {
        String format = h5.hasAttribute(ATTR_FORMAT) ? h5.attribute(ATTR_FORMAT) : null;
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(path, "is not an nndl4j network: attribute '" + ATTR_FORMAT + "' is "
                    + (format == null ? "missing" : "'" + format + "'") + ", expected '" + FORMAT + "'");
        }
        int version = ints(h5, ATTR_VERSION, path)[0];
        if (version < 1 || version > FORMAT_VERSION) {
            throw new ModelFileException(path, "has format_version " + version + ", this version of nndl4j reads up to "
                    + FORMAT_VERSION);
        }
        int[] layerDims = ints(h5, ATTR_LAYER_DIMS, path);
        int L = layerDims.length - 1;
        if (L < 1) {
            throw new ModelFileException(path, "attribute 'layer_dims' needs at least two sizes, got " + Arrays.toString(layerDims));
        }
        List<Activation> activations = activations(h5, path, L);
        List<Matrix> weights = new ArrayList<>();
        List<Matrix> biases = new ArrayList<>();
        for (int l = 1; l <= L; l++) {
            // layer l (1-based in the file) goes to list index l - 1
            weights.add(matrix(h5, "W" + l, layerDims[l], layerDims[l - 1], layerDims, path));
            biases.add(matrix(h5, "b" + l, layerDims[l], 1, layerDims, path));
        }
        for (String extra : new String[] {"W" + (L + 1), "b" + (L + 1)}) {
            if (h5.hasDataset(extra)) {
                throw new ModelFileException(path, "has a dataset " + extra + " but attribute 'layer_dims' "
                        + Arrays.toString(layerDims) + " describes " + L + " layers");
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l <= L; l++) {
            // list index l - 1 is layer l
            layers.add(new Layer(weights.get(l - 1), biases.get(l - 1), activations.get(l - 1)));
        }
        return Network.of(layers);
    }

    private static List<Activation> activations(Hdf5Reader h5, Path path, int L) {
        requireAttribute(h5, ATTR_ACTIVATIONS, path);
        String[] names = h5.attribute(ATTR_ACTIVATIONS).split(",", -1);
        if (names.length != L) {
            throw new ModelFileException(path, "attribute 'activations' has " + names.length + " entries but 'layer_dims' describes "
                    + L + " layers");
        }
        List<Activation> activations = new ArrayList<>();
        for (String name : names) {
            try {
                activations.add(Activation.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(path, "unknown activation '" + name + "' in attribute 'activations' (known: "
                        + Arrays.toString(Activation.values()).toLowerCase(Locale.ROOT) + ")");
            }
        }
        return activations;
    }

    private static Matrix matrix(Hdf5Reader h5, String name, int rows, int cols, int[] layerDims, Path path) {
        if (!h5.hasDataset(name)) {
            throw new ModelFileException(path, "missing dataset " + name + " (attribute 'layer_dims' "
                    + Arrays.toString(layerDims) + " describes " + (layerDims.length - 1) + " layers)");
        }
        DatasetInfo info = h5.describe(name);
        if (info.rank() != 2 || info.elementType() != DatasetInfo.ElementType.FLOAT || info.elementBytes() != 8) {
            throw new ModelFileException(path, "dataset " + name + " must be a 2-D float64 array, got a "
                    + info.rank() + "-D array of " + info.elementBytes() + "-byte " + info.elementType()
                    + " of shape " + info.shapeString());
        }
        int[] dims = info.dimensions();
        if (dims[0] != rows || dims[1] != cols) {
            throw new ModelFileException(path, "dataset " + name + " has shape " + info.shapeString()
                    + " but attribute 'layer_dims' " + Arrays.toString(layerDims) + " requires (" + rows + ", " + cols + ")");
        }
        Hdf5Array values = h5.readArray(name, 2);
        return Matrix.fromRowMajor(rows, cols, values.values());
    }

    private static void requireAttribute(Hdf5Reader h5, String name, Path path) {
        if (!h5.hasAttribute(name)) {
            throw new ModelFileException(path, "missing attribute '" + name + "' (not a file written by nndl4j?)");
        }
    }

    private static int[] ints(Hdf5Reader h5, String name, Path path) {
        requireAttribute(h5, name, path);
        int[] values = h5.intsAttribute(name);
        if (values.length == 0) {
            throw new ModelFileException(path, "attribute '" + name + "' is empty");
        }
        return values;
    }
}
