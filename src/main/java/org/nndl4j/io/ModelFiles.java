package org.nndl4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

import org.nndl4j.activation.Activation;
import org.nndl4j.matrix.Matrix;

/**
 * Saves and loads networks as HDF5 files.
 *
 * <p>Layout (readable with h5py: {@code f["W1"][...]}):
 * <ul>
 * <li>datasets {@code W1, b1, ..., WL, bL}: 2-D float64 arrays, {@code W<l>} of shape {@code (n[l], n[l-1])},
 *     {@code b<l>} of shape {@code (n[l], 1)}, as the course names and shapes them;</li>
 * <li>root attributes {@code format = "nndl4j-network"}, {@code format_version = 1},
 *     {@code layer_dims} (int array {@code [n[0], ..., n[L]]}) and {@code activations} (strings such as
 *     {@code "relu"}, {@code "sigmoid"}, one per layer).</li>
 * </ul>
 *
 * <p>Saving is atomic: the file is written under a temporary name in the target's directory and then moved over
 * the target, so a failed save leaves any previous file untouched and no temporary file behind.
 */
public final class ModelFiles {

    /** The value of the {@code format} attribute. */
    public static final String FORMAT = "nndl4j-network";
    /** The version written, and the highest one read. */
    public static final int FORMAT_VERSION = 1;

    static final String ATTR_FORMAT = "format";
    static final String ATTR_VERSION = "format_version";
    static final String ATTR_LAYER_DIMS = "layer_dims";
    static final String ATTR_ACTIVATIONS = "activations";

    private ModelFiles() {
    }

    /**
     * Writes {@code network} to {@code path}, replacing any existing file only once the new one is complete.
     *
     * @throws ModelFileException naming the file if it cannot be written; an existing file is then left as it was
     */
    public static void save(StoredNetwork network, Path path) {
        save(network, path, () -> { });
    }

    /** {@link #save(StoredNetwork, Path)} with a hook run between writing the temporary file and moving it (for tests). */
    static void save(StoredNetwork network, Path path, Runnable beforeMove) {
        Objects.requireNonNull(network, "ModelFiles.save: network is null");
        Objects.requireNonNull(path, "ModelFiles.save: path is null");
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

    private static void write(StoredNetwork network, Path file) {
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute(ATTR_FORMAT, FORMAT);
            out.putAttribute(ATTR_VERSION, FORMAT_VERSION);
            out.putAttribute(ATTR_LAYER_DIMS, network.layerDims());
            out.putAttribute(ATTR_ACTIVATIONS, network.activations().stream()
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
            for (int l = 1; l <= network.numLayers(); l++) {
                // file names are 1-based: W<l> is weights.get(l - 1)
                out.putDataset("W" + l, network.weights().get(l - 1).toArray());
                out.putDataset("b" + l, network.biases().get(l - 1).toArray());
            }
        }
    }

    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads a network written by {@link #save}.
     *
     * @throws ModelFileException naming the file and the problem if it is missing, not HDF5, not an nndl4j network,
     *                            or its attributes and arrays do not agree
     */
    public static StoredNetwork load(Path path) {
        Objects.requireNonNull(path, "ModelFiles.load: path is null");
        if (!Files.isRegularFile(path)) {
            throw new ModelFileException(path, Files.exists(path) ? "is not a regular file" : "does not exist");
        }
        try (HdfFile file = new HdfFile(path)) {
            return read(file, path);
        } catch (ModelFileException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw new ModelFileException(path, "cannot be read: " + e.getCause(), e);
        } catch (RuntimeException e) {
            throw new ModelFileException(path, "is not a readable HDF5 model file (" + e.getMessage() + ")", e);
        }
    }

    private static StoredNetwork read(HdfFile file, Path path) {
        String format = stringAttribute(file, ATTR_FORMAT, path);
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(path, "is not an nndl4j network: attribute '" + ATTR_FORMAT + "' is '" + format
                    + "', expected '" + FORMAT + "'");
        }
        int version = intsAttribute(file, ATTR_VERSION, path)[0];
        if (version < 1 || version > FORMAT_VERSION) {
            throw new ModelFileException(path, "has format_version " + version + ", this version of nndl4j reads up to "
                    + FORMAT_VERSION);
        }
        int[] layerDims = intsAttribute(file, ATTR_LAYER_DIMS, path);
        int L = layerDims.length - 1;
        if (L < 1) {
            throw new ModelFileException(path, "attribute 'layer_dims' needs at least two sizes, got " + Arrays.toString(layerDims));
        }
        List<Activation> activations = activations(file, path, L);
        List<Matrix> weights = new ArrayList<>();
        List<Matrix> biases = new ArrayList<>();
        for (int l = 1; l <= L; l++) {
            // layer l (1-based in the file) goes to list index l - 1
            weights.add(matrix(file, "W" + l, layerDims[l], layerDims[l - 1], layerDims, path));
            biases.add(matrix(file, "b" + l, layerDims[l], 1, layerDims, path));
        }
        for (String extra : new String[] {"W" + (L + 1), "b" + (L + 1)}) {
            if (file.getChildren().containsKey(extra)) {
                throw new ModelFileException(path, "has a dataset " + extra + " but attribute 'layer_dims' "
                        + Arrays.toString(layerDims) + " describes " + L + " layers");
            }
        }
        return new StoredNetwork(layerDims, activations, weights, biases);
    }

    private static List<Activation> activations(HdfFile file, Path path, int L) {
        Object data = attribute(file, ATTR_ACTIVATIONS, path).getData();
        if (!(data instanceof String[] names)) {
            throw new ModelFileException(path, "attribute 'activations' must be an array of strings, got "
                    + describe(data));
        }
        if (names.length != L) {
            throw new ModelFileException(path, "attribute 'activations' has " + names.length + " entries but 'layer_dims' describes "
                    + L + " layers");
        }
        List<Activation> activations = new ArrayList<>();
        for (String name : names) {
            try {
                activations.add(Activation.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(path, "unknown activation '" + name + "' in attribute 'activations' (known: "
                        + Arrays.toString(Activation.values()).toLowerCase(Locale.ROOT) + ")");
            }
        }
        return activations;
    }

    private static Matrix matrix(HdfFile file, String name, int rows, int cols, int[] layerDims, Path path) {
        Node node = file.getChildren().get(name);
        if (node == null) {
            throw new ModelFileException(path, "missing dataset " + name + " (attribute 'layer_dims' "
                    + Arrays.toString(layerDims) + " describes " + (layerDims.length - 1) + " layers)");
        }
        if (!(node instanceof Dataset dataset)) {
            throw new ModelFileException(path, name + " is a " + node.getType() + ", expected a dataset");
        }
        int[] dims = dataset.getDimensions();
        if (dims.length != 2 || dataset.getJavaType() != double.class) {
            throw new ModelFileException(path, "dataset " + name + " must be a 2-D float64 array, got "
                    + dims.length + "-D " + dataset.getJavaType().getSimpleName() + " of shape " + shape(dims));
        }
        if (dims[0] != rows || dims[1] != cols) {
            throw new ModelFileException(path, "dataset " + name + " has shape " + shape(dims) + " but attribute 'layer_dims' "
                    + Arrays.toString(layerDims) + " requires (" + rows + ", " + cols + ")");
        }
        return Matrix.fromRowMajor(rows, cols, (double[]) dataset.getDataFlat());
    }

    private static Attribute attribute(HdfFile file, String name, Path path) {
        Attribute attribute = file.getAttributes().get(name);
        if (attribute == null) {
            throw new ModelFileException(path, "missing attribute '" + name + "' (not a file written by nndl4j?)");
        }
        return attribute;
    }

    private static String stringAttribute(HdfFile file, String name, Path path) {
        Object data = attribute(file, name, path).getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw new ModelFileException(path, "attribute '" + name + "' must be a string, got " + describe(data));
    }

    private static int[] intsAttribute(HdfFile file, String name, Path path) {
        Object data = attribute(file, name, path).getData();
        if (data instanceof Integer i) {
            return new int[] {i};
        }
        if (data instanceof Long v) {
            return new int[] {Math.toIntExact(v)};
        }
        if (data instanceof int[] a && a.length > 0) {
            return a.clone();
        }
        if (data instanceof long[] a && a.length > 0) {
            return Arrays.stream(a).mapToInt(Math::toIntExact).toArray();
        }
        throw new ModelFileException(path, "attribute '" + name + "' must hold integers, got " + describe(data));
    }

    private static String describe(Object data) {
        if (data == null) {
            return "nothing";
        }
        return data.getClass().isArray() ? data.getClass().getComponentType().getSimpleName() + "[]" : data.getClass().getSimpleName()
                + " " + data;
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
