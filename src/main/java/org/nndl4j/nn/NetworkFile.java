package org.nndl4j.nn;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

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
 * <li>root attributes {@code format = "nndl4j-network"}, {@code format_version = 2},
 *     {@code layer_dims} (int array {@code [n[0], ..., n[L]]}), {@code activations} (string array, the activation
 *     of each layer: {@code ["relu", "relu", "relu", "sigmoid"]}) and {@code input_shape} (int array, the shape of
 *     one raw example, flattened in row-major (C) order into a column of {@code n[0]} values: {@code [64, 64, 3]}
 *     for the cat pictures, {@code [n[0]]} otherwise);</li>
 * <li>if the network has an {@link InputTransform}: datasets {@code input_shift} and {@code input_scale}, 2-D
 *     float64 of shape {@code (n[0], 1)}, so that the network's input is {@code (X - input_shift) * input_scale}
 *     for raw inputs {@code X} of shape {@code (n[0], m)} (numpy broadcasts the columns).</li>
 * </ul>
 * Strings are variable-length UTF-8, so h5py returns them as {@code str} ({@code activations} as an array of
 * {@code str}). Files written before that, with fixed-length strings (which h5py returns as {@code bytes}), and
 * files of format version 1 (activations as one comma-separated string, no input attributes) load too.
 *
 * <p>Saving is atomic: the file is written under a temporary name {@code .<name>.<random>.tmp} in the target's
 * directory and then moved over the target, so a failed save leaves any previous file untouched and no temporary
 * file behind. A writer that dies mid-save (killed process, power loss) cannot remove its temporary file, so every
 * save first removes the temporary files of the same target that no live writer holds: a writer holds an exclusive
 * {@link FileLock} on its temporary file from creating it to moving it, which the operating system releases when
 * the writer's process dies. A temporary file locked by a live writer, in this process or another, is never
 * touched. Files are written with {@link Hdf5Writer} and read with {@link Hdf5Reader}, both of
 * {@code org.nndl4j.hdf5}.
 *
 * <p>Loading refuses a file whose parameters are not all finite (a NaN or infinite weight predicts nonsense
 * silently), naming the dataset and the first such value; saving refuses such a network for the same reason.
 */
final class NetworkFile {

    /** The value of the {@code format} attribute. */
    static final String FORMAT = "nndl4j-network";
    /** The version written, and the highest one read. */
    static final int FORMAT_VERSION = 2;

    static final String ATTR_FORMAT = "format";
    static final String ATTR_VERSION = "format_version";
    static final String ATTR_LAYER_DIMS = "layer_dims";
    static final String ATTR_ACTIVATIONS = "activations";
    static final String ATTR_INPUT_SHAPE = "input_shape";
    static final String INPUT_SHIFT = "input_shift";
    static final String INPUT_SCALE = "input_scale";

    /**
     * The byte range a writer locks, past any end of file: a lock there never overlaps the bytes the HDF5 writer
     * writes (on systems whose locks are mandatory, such as Windows, a lock on them would block that writer).
     */
    static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    /** Saves that lose their temporary file to another process's clean-up (a narrow race) are tried this often. */
    private static final int ATTEMPTS = 3;
    /** The temporary files this process is writing: its own clean-up never opens them (see {@link TemporaryFile}). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private NetworkFile() {
    }

    /**
     * Writes {@code network} to {@code path}, replacing any existing file only once the new one is complete.
     *
     * @throws ModelFileException naming the file and what went wrong if it cannot be written; an existing file is
     *                            then left as it was
     */
    static void save(Network network, Path path) {
        save(network, path, NetworkFile::write, () -> { });
    }

    /** {@link #save(Network, Path)} with a hook run between writing the temporary file and moving it (for tests). */
    static void save(Network network, Path path, Runnable beforeMove) {
        save(network, path, NetworkFile::write, beforeMove);
    }

    /**
     * {@link #save(Network, Path)} writing the temporary file with {@code writer} (for tests: a write that fails
     * midway) and running {@code beforeMove} between writing it and moving it.
     */
    static void save(Network network, Path path, BiConsumer<Network, Path> writer, Runnable beforeMove) {
        Checks.notNull("Network.save", "network", network);
        Checks.notNull("Network.save", "path", path);
        Path target = path.toAbsolutePath().normalize();
        requireDirectory(path, target.getParent());
        if (Files.isDirectory(target)) {
            throw new ModelFileException(path, "cannot save: it is a directory");
        }
        requireFinite(network, path);
        String name = target.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            String step = "cannot create a temporary file in directory " + target.getParent();
            try (TemporaryFile tmp = TemporaryFile.create(target.getParent(), name)) {
                removeAbandonedTemporaryFiles(target.getParent(), name);
                step = "writing the temporary file " + tmp.path.getFileName() + " failed midway";
                writer.accept(network, tmp.path);
                if (!tmp.reclaim()) {
                    if (attempt < ATTEMPTS) {
                        continue;
                    }
                    throw new ModelFileException(path, "cannot save: the temporary file was removed by another process "
                            + "while it was written, " + ATTEMPTS + " times");
                }
                step = "cannot replace it with the temporary file " + tmp.path.getFileName();
                beforeMove.run();
                tmp.moveOver(target);
                return;
            } catch (ModelFileException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // Hdf5Exception included: it names the temporary file; the target is the one to name
                throw new ModelFileException(path, "cannot save: " + step + ": " + reason(e), e);
            }
        }
    }

    /** Refuses a parent that is missing or is not a directory, saying which. */
    private static void requireDirectory(Path path, Path dir) {
        if (dir == null) {
            throw new ModelFileException(path, "cannot save: the path names no file in a directory");
        }
        if (Files.isDirectory(dir)) {
            return;
        }
        // the nearest ancestor that exists: a regular file there is why the directory cannot exist
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new ModelFileException(path, "cannot save: " + existing + " is a file, not a directory");
        }
        throw new ModelFileException(path, "cannot save: directory " + dir + " does not exist");
    }

    /** Refuses a network with a NaN or infinite parameter: it would be saved to a file that loading refuses. */
    private static void requireFinite(Network network, Path path) {
        for (int l = 1; l <= network.numLayers(); l++) {
            String problem = nonFinite("W" + l, network.W(l));
            if (problem == null) {
                problem = nonFinite("b" + l, network.b(l));
            }
            if (problem != null) {
                throw new ModelFileException(path, "cannot save: " + problem);
            }
        }
    }

    /**
     * What went wrong, in words: the root cause's own message ({@code No space left on device}), or what its type
     * means when it has none.
     */
    static String reason(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        if (root instanceof ClosedByInterruptException || root instanceof FileLockInterruptionException) {
            return "the saving thread was interrupted";
        }
        if (root instanceof AccessDeniedException a) {
            return "permission denied (" + a.getFile() + ")";
        }
        if (root instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (root instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        if (root instanceof Hdf5Exception h) {
            return h.problem();
        }
        if (root.getMessage() != null && !root.getMessage().isBlank()) {
            return root.getMessage();
        }
        return root.getClass().getSimpleName() + (root == e ? "" : " in " + e.getClass().getSimpleName());
    }

    /**
     * Removes the temporary files {@code .<name>.<random>.tmp} in {@code dir} that no live writer holds: left by
     * writers that died mid-save. Best effort: a file that cannot be examined or removed is left.
     */
    private static void removeAbandonedTemporaryFiles(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> isTemporaryName(f, prefix))) {
            for (Path file : files) {
                Path candidate = file.toAbsolutePath().normalize();
                // never open a file this process writes: closing any channel of a file drops all this process's
                // locks on it (POSIX), which would unprotect the writer
                if (!WRITING.contains(candidate)) {
                    removeIfAbandoned(candidate);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // leaving litter is no reason to fail the save
        }
    }

    private static boolean isTemporaryName(Path file, String prefix) {
        String n = file.getFileName().toString();
        if (!n.startsWith(prefix) || !n.endsWith(".tmp")) {
            return false;
        }
        String random = n.substring(prefix.length(), n.length() - ".tmp".length());
        return !random.isEmpty() && random.length() <= 13 && random.chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
    }

    /** Deletes {@code file} if its writer's lock can be taken (no live writer holds it), while holding that lock. */
    private static void removeIfAbandoned(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(LOCK_POSITION, 1, false);
            if (lock != null) {
                Files.deleteIfExists(file);
                lock.release();
            }
            // null: a writer in another process holds it
        } catch (OverlappingFileLockException e) {
            // held through another channel of this process: a live writer
        } catch (IOException e) {
            // moved away meanwhile, or not ours to remove: leave it
        }
    }

    /**
     * The temporary file of one save, locked by its writer from creation to move, and removed unless moved.
     *
     * <p>POSIX record locks belong to the process and are all released when it closes any channel of the file,
     * which the HDF5 writer does when it finishes; {@link #reclaim} takes the lock again and checks that no other
     * process's clean-up removed the file in that moment.
     */
    private static final class TemporaryFile implements AutoCloseable {
        final Path path;
        private final FileChannel channel;
        private final Object fileKey;
        private FileLock lock;
        private boolean moved;

        private TemporaryFile(Path path, FileChannel channel, FileLock lock, Object fileKey) {
            this.path = path;
            this.channel = channel;
            this.lock = lock;
            this.fileKey = fileKey;
        }

        /**
         * A new empty file {@code .<name>.<random>.tmp} in {@code dir}, locked, created with the default permissions
         * (unlike {@link Files#createTempFile}, whose owner-only permissions would end up on the saved model).
         */
        static TemporaryFile create(Path dir, String name) throws IOException {
            for (int attempt = 0; ; attempt++) {
                String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
                Path path = dir.resolve("." + name + "." + random + ".tmp").toAbsolutePath().normalize();
                if (!WRITING.add(path)) {
                    continue;
                }
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    // another process's clean-up may hold or have removed the new file before it was locked: then
                    // try another name
                    FileLock lock = channel.tryLock(LOCK_POSITION, 1, false);
                    if (lock == null) {
                        throw new NoSuchFileException(path.toString());
                    }
                    Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
                    return new TemporaryFile(path, channel, lock, key);
                } catch (FileAlreadyExistsException | NoSuchFileException e) {
                    close(channel);
                    WRITING.remove(path);
                    if (attempt >= 100) {
                        throw e;
                    }
                } catch (IOException | RuntimeException e) {
                    close(channel);
                    Files.deleteIfExists(path);
                    WRITING.remove(path);
                    throw e;
                }
            }
        }

        /**
         * Takes the lock again once the file is written, and checks the file is still this one.
         *
         * @return false if another process removed the file while it was unlocked
         */
        boolean reclaim() throws IOException {
            lock.release();
            lock = channel.lock(LOCK_POSITION, 1, false);
            try {
                return Objects.equals(fileKey, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
            } catch (NoSuchFileException e) {
                return false;
            }
        }

        void moveOver(Path target) throws IOException {
            try {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        }

        /** Removes the file unless it was moved (while still holding the lock), then releases the lock. */
        @Override
        public void close() {
            try {
                if (!moved) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException ignored) {
                // the save already failed; its error is the one to report (the next save removes the file)
            } finally {
                close(channel);
                WRITING.remove(path);
            }
        }

        private static void close(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing only releases the lock; nothing was written through this channel
                }
            }
        }
    }

    private static void write(Network network, Path file) {
        try (Hdf5Writer out = Hdf5Writer.create(file)) {
            out.putAttribute(ATTR_FORMAT, FORMAT);
            out.putAttribute(ATTR_VERSION, FORMAT_VERSION);
            out.putAttribute(ATTR_LAYER_DIMS, network.layerDims());
            // one string per layer: f.attrs["activations"] is an array of them in h5py
            out.putAttribute(ATTR_ACTIVATIONS, network.activations().stream()
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
            out.putAttribute(ATTR_INPUT_SHAPE, network.inputShape());
            network.inputTransform().ifPresent(t -> {
                out.putDataset(INPUT_SHIFT, column(t.shift()));
                out.putDataset(INPUT_SCALE, column(t.scale()));
            });
            for (int l = 1; l <= network.numLayers(); l++) {
                // file names are 1-based: W<l> is weights.get(l - 1)
                out.putDataset("W" + l, network.W(l).toArray());
                out.putDataset("b" + l, network.b(l).toArray());
            }
        }
    }

    private static double[][] column(double[] values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return rows;
    }

    /** The activations as format version 1 stored them, e.g. {@code relu,relu,sigmoid}. */
    static String activationNames(List<Activation> activations) {
        return String.join(",", activations.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
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
        return withInput(h5, path, Network.of(layers), layerDims[0]);
    }

    /** The network with the input transform and example shape the file records (none in version-1 files). */
    private static Network withInput(Hdf5Reader h5, Path path, Network network, int inputs) {
        boolean hasShift = h5.hasDataset(INPUT_SHIFT);
        if (hasShift != h5.hasDataset(INPUT_SCALE)) {
            throw new ModelFileException(path, "has dataset " + (hasShift ? INPUT_SHIFT : INPUT_SCALE) + " but not "
                    + (hasShift ? INPUT_SCALE : INPUT_SHIFT) + "; the input transform needs both");
        }
        InputTransform transform = null;
        if (hasShift) {
            int[] dims = {inputs};
            double[] shift = matrix(h5, INPUT_SHIFT, inputs, 1, dims, path).toRowMajor();
            double[] scale = matrix(h5, INPUT_SCALE, inputs, 1, dims, path).toRowMajor();
            transform = new InputTransform(shift, scale);
        }
        int[] shape = h5.hasAttribute(ATTR_INPUT_SHAPE) ? ints(h5, ATTR_INPUT_SHAPE, path) : new int[] {inputs};
        try {
            return network.withInput(transform, shape);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, "attribute '" + ATTR_INPUT_SHAPE + "' " + Arrays.toString(shape)
                    + " does not describe the network's " + inputs + " inputs");
        }
    }

    private static List<Activation> activations(Hdf5Reader h5, Path path, int L) {
        requireAttribute(h5, ATTR_ACTIVATIONS, path);
        List<String> stored;
        try {
            stored = h5.stringsAttribute(ATTR_ACTIVATIONS);
        } catch (Hdf5Exception e) {
            throw new ModelFileException(path, e.problem(), e);
        }
        // format version 1 stored one comma-separated string, version 2 one string per layer
        String[] names = stored.size() == 1 ? stored.get(0).split(",", -1) : stored.toArray(String[]::new);
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
        Matrix M = Matrix.fromRowMajor(rows, cols, values.values());
        String problem = nonFinite(name, M);
        if (problem != null) {
            throw new ModelFileException(path, problem);
        }
        return M;
    }

    /**
     * What is wrong with a parameter array holding NaN or infinite values, e.g. {@code dataset W1 holds NaN at
     * (0, 3) (2 non-finite values of 20)}; null if every value is finite.
     */
    static String nonFinite(String name, Matrix M) {
        int count = 0;
        int firstRow = -1;
        int firstCol = -1;
        double first = 0.0;
        for (int i = 0; i < M.rows(); i++) {
            for (int j = 0; j < M.cols(); j++) {
                double v = M.get(i, j);
                if (!Double.isFinite(v)) {
                    if (count++ == 0) {
                        firstRow = i;
                        firstCol = j;
                        first = v;
                    }
                }
            }
        }
        if (count == 0) {
            return null;
        }
        return "dataset " + name + " holds " + first + " at (" + firstRow + ", " + firstCol + ") (" + count
                + " non-finite value" + (count == 1 ? "" : "s") + " of " + (long) M.rows() * M.cols()
                + "): a network's parameters must be finite";
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
