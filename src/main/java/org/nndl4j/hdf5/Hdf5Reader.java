package org.nndl4j.hdf5;

import org.nndl4j.Nndl4jException;

import static org.nndl4j.hdf5.Hdf5Errors.summarize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.nndl4j.hdf5.DatasetInfo.ElementType;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/**
 * Reads numbers and strings out of an HDF5 file as plain Java values ({@link Hdf5Array}, {@code double[]},
 * {@code double}, {@code List<String>}, {@code int[]}), and nothing else. Every failure, whatever jhdf or the JVM
 * throws underneath, comes out as an {@link Hdf5Exception} whose message starts with the file and says what is
 * wrong.
 *
 * <h2>How it stays safe on corrupt input</h2>
 * <ul>
 *   <li>The whole file is read into memory first (files up to {@link #MAX_FILE_BYTES}) and parsed from
 *       there, so every address jhdf follows is checked against bytes that exist: a corrupt offset or
 *       length fails at once instead of reading past the end, and no header field can make jhdf
 *       allocate a buffer larger than the file.</li>
 *   <li>The HDF5 signature and the end-of-file address in the superblock are checked before jhdf
 *       parses anything: "not HDF5" and "truncated" get their own messages.</li>
 *   <li>Before any data is read, the dataset's rank, element type and dimensions are checked from its
 *       metadata, and its size against what the file can hold (contiguous or compact data must lie
 *       inside the file; compressed chunks cannot expand beyond {@value #MAX_COMPRESSION_RATIO} times the
 *       file) and against the free heap. So a header that claims huge dimensions is refused before
 *       anything is allocated.</li>
 *   <li>Links are not followed (a corrupt or hostile file could point jhdf at other files); groups nested
 *       more than 32 deep or more than 100,000 objects are refused while listing.</li>
 *   <li>Any {@link RuntimeException} from jhdf (HdfException, BufferUnderflowException,
 *       ClassCastException, NullPointerException, ArithmeticException, ...) and a
 *       {@link StackOverflowError} (cyclic header continuations or B-tree nodes recurse) become an
 *       {@code Hdf5Exception}; so does an {@link OutOfMemoryError} while copying out a dataset
 *       that passed the size checks. A test corrupts the bundled files a few hundred ways (bit flips,
 *       truncations, overwritten byte ranges) and checks each either loads with valid shapes or fails
 *       this way, without hanging.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (Hdf5Reader h5 = Hdf5Reader.open(Path.of("train_catvnoncat.h5"))) {
 *     Hdf5Array images = h5.readArray("train_set_x", 4);   // dimensions [209, 64, 64, 3]
 *     List<String> classes = h5.readStrings("list_classes");
 * }
 * }</pre>
 * Dataset names are paths inside the file ({@code "W1"}, {@code "layers/1/W"}); a leading {@code /} is
 * optional. Numbers of any integer or floating-point HDF5 type are returned as doubles (64-bit
 * integers beyond 2<sup>53</sup> lose precision). Not thread-safe; close it when done (closing
 * releases the in-memory copy). No method modifies the file.
 */
public final class Hdf5Reader implements AutoCloseable {

    /** The largest file this reader accepts: it reads files into one Java array. */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    /** The largest number of elements one dataset may have: the size of one Java array. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * How many times larger than the file a chunked (possibly compressed) dataset may claim to be.
     * Deflate, the usual HDF5 filter, cannot expand data more than about 1032 times.
     */
    public static final long MAX_COMPRESSION_RATIO = 1100;

    private final String source;
    private final long fileSize;
    private HdfFile file;

    private Hdf5Reader(String source, long fileSize, HdfFile file) {
        this.source = source;
        this.fileSize = fileSize;
        this.file = file;
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens an HDF5 file on disk (read into memory, see the class comment).
     *
     * @param file the file to open
     * @return an open reader; close it when done
     * @throws Hdf5Exception naming the path if it is missing, a directory, unreadable, too large,
     *                       not HDF5, truncated or corrupt
     */
    public static Hdf5Reader open(Path file) {
        Objects.requireNonNull(file, "Hdf5Reader.open: file is null");
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new Hdf5Exception(source, "file not found (absolute path " + file.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new Hdf5Exception(source, "is a directory, not an HDF5 file");
        }
        if (!Files.isReadable(file)) {
            throw new Hdf5Exception(source, "file is not readable (check its permissions)");
        }
        byte[] bytes;
        try {
            Hdf5Checks.checkFileSize(source, Files.size(file));
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new Hdf5Exception(source, "cannot read the file: " + summarize(e), e);
        }
        return fromBytes(bytes, source);
    }

    /**
     * Opens an HDF5 file packaged on the classpath, e.g. {@code "org/nndl4j/datasets/train_catvnoncat.h5"}
     * (a leading {@code /} is ignored), through this library's class loader, so it works from a jar.
     *
     * @param classpathResource the resource's path
     * @return an open reader; close it when done
     * @throws Hdf5Exception naming the resource ({@code classpath:...}) if it does not exist or is not readable HDF5
     */
    public static Hdf5Reader openResource(String classpathResource) {
        Objects.requireNonNull(classpathResource, "Hdf5Reader.openResource: classpathResource is null");
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        String source = "classpath:" + name;
        ClassLoader loader = Hdf5Reader.class.getClassLoader();
        InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(name) : loader.getResourceAsStream(name);
        if (in == null) {
            throw new Hdf5Exception(source, "resource not found on the classpath");
        }
        return openStream(in, source);
    }

    /**
     * Reads an HDF5 file from a stream (to its end; the stream is closed) and opens it.
     *
     * @param in     the stream to read; closed when read
     * @param source the name to use in error messages (a file name or URL)
     * @return an open reader; close it when done
     * @throws Hdf5Exception naming {@code source} if the stream fails, is too long, or does not hold readable HDF5
     */
    public static Hdf5Reader openStream(InputStream in, String source) {
        Objects.requireNonNull(in, "Hdf5Reader.openStream: in is null");
        byte[] bytes;
        try (InputStream stream = in) {
            bytes = stream.readNBytes((int) MAX_FILE_BYTES);
            if (stream.read() != -1) {
                throw new Hdf5Exception(source, "stream holds more than " + MAX_FILE_BYTES
                        + " bytes, the largest HDF5 file nndl4j reads");
            }
        } catch (IOException | OutOfMemoryError e) {
            throw new Hdf5Exception(source, "cannot read the stream: " + summarize(e), e);
        }
        return fromBytes(bytes, source);
    }

    /**
     * Opens an HDF5 file held in memory. The array is not copied; do not modify it while the reader
     * is open.
     *
     * @param bytes  the whole file's contents; not copied
     * @param source the name to use in error messages (a file name or URL); {@code <bytes>} if null
     * @return an open reader; close it when done
     * @throws Hdf5Exception naming {@code source} if the bytes are empty, not HDF5, truncated or corrupt
     */
    public static Hdf5Reader fromBytes(byte[] bytes, String source) {
        Objects.requireNonNull(bytes, "Hdf5Reader.fromBytes: bytes is null");
        String name = source == null ? "<bytes>" : source;
        Hdf5Checks.checkSignature(name, bytes);
        HdfFile hdf;
        try {
            hdf = HdfFile.fromBytes(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Hdf5Exception(name, "corrupt HDF5 file: cannot read its superblock (" + summarize(e) + ")", e);
        }
        Hdf5Reader reader = new Hdf5Reader(name, bytes.length, hdf);
        try {
            Hdf5Checks.checkEndOfFile(name, bytes.length, hdf);
        } catch (Hdf5Exception e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    // ------------------------------------------------------------------ what is in the file

    /**
     * The name used in error messages: the path, {@code classpath:} resource, or the name given.
     *
     * @return the file's name in messages
     */
    public String source() {
        return source;
    }

    /**
     * Size of the file in bytes.
     *
     * @return the size in bytes
     */
    public long fileSize() {
        return fileSize;
    }

    /**
     * The paths of all datasets in the file, sorted, e.g. {@code [list_classes, train_set_x, train_set_y]};
     * datasets in groups appear as {@code group/name}. Links are not followed.
     *
     * @return the dataset paths, sorted
     * @throws Hdf5Exception if the groups are corrupt, nested too deep or hold too many objects
     */
    public Set<String> datasetNames() {
        requireOpen();
        Set<String> names = new TreeSet<>();
        int[] visited = {0};
        guard("the list of datasets", () -> {
            Hdf5Tree.collectDatasets(source, file, "", 0, names, visited);
            return null;
        });
        return Collections.unmodifiableSet(names);
    }

    /**
     * Whether the file has a dataset at {@code path}.
     *
     * @param path the dataset's path in the file, e.g. {@code train_set_x}
     * @return true if the dataset exists
     */
    public boolean hasDataset(String path) {
        return findDataset(path) != null;
    }

    /**
     * What the metadata says about the dataset at {@code path}: shape, element type and size. Reads no data.
     *
     * @param path the dataset's path in the file
     * @return the dataset's metadata
     * @throws Hdf5Exception if there is no such dataset (the message lists the datasets present)
     */
    public DatasetInfo describe(String path) {
        return Hdf5Metadata.describe(source, path, dataset(path));
    }

    /**
     * The dimensions (numpy's {@code shape}) of the dataset at {@code path}; reads no data.
     *
     * @param path the dataset's path in the file
     * @return a new array of the dimensions; empty for a scalar
     */
    public int[] dimensions(String path) {
        return describe(path).dimensions();
    }

    // ------------------------------------------------------------------ numbers

    /**
     * A numeric dataset of rank {@code expectedRank}: its dimensions and its values as doubles in C order.
     *
     * @param path         the dataset's path in the file
     * @param expectedRank the number of dimensions the dataset must have
     * @return the dimensions and values
     * @throws Hdf5Exception if the dataset is missing, of another rank, not numeric, too large or unreadable
     */
    public Hdf5Array readArray(String path, int expectedRank) {
        if (expectedRank < 0) {
            throw new Nndl4jException("readArray: expectedRank must be >= 0, got " + expectedRank);
        }
        return readNumbers(path, expectedRank).array();
    }

    /**
     * A numeric dataset of any rank: its dimensions and its values as doubles in C order.
     *
     * @param path the dataset's path in the file
     * @return the dimensions and values
     */
    public Hdf5Array readArray(String path) {
        return readNumbers(path, -1).array();
    }

    /**
     * A 2-D integer or floating-point dataset as rows (the first dimension) of columns.
     *
     * @param path the dataset's path in the file
     * @return a new array of rows
     * @throws Hdf5Exception if the dataset is missing, not 2-D, not numeric, too large or unreadable
     */
    public double[][] readMatrix(String path) {
        Numbers n = readNumbers(path, 2);
        int rows = n.info.dimensions()[0];
        int cols = n.info.dimensions()[1];
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(n.values, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /**
     * A 1-D integer or floating-point dataset as an array.
     *
     * @param path the dataset's path in the file
     * @return a new array of the values
     * @throws Hdf5Exception if the dataset is missing, not 1-D, not numeric, too large or unreadable
     */
    public double[] readVector(String path) {
        return readNumbers(path, 1).values;
    }

    /**
     * A scalar (rank 0) or one-element numeric dataset as a double.
     *
     * @param path the dataset's path in the file
     * @return the value
     * @throws Hdf5Exception if the dataset is missing, holds more than one element or is not numeric
     */
    public double readScalar(String path) {
        DatasetInfo info = describe(path);
        if (info.size() != 1) {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "' has shape " + info.shapeString()
                    + "; expected a scalar");
        }
        return readNumbers(path, -1).values[0];
    }

    private record Numbers(DatasetInfo info, double[] values) {
        Hdf5Array array() {
            return Hdf5Array.owning(info.dimensions(), values);
        }
    }

    /** Reads a numeric dataset of the expected rank (-1: any), its storage checked before reading. */
    private Numbers readNumbers(String path, int expectedRank) {
        Dataset d = dataset(path);
        DatasetInfo info = Hdf5Metadata.describe(source, path, d);
        Hdf5Checks.requireRank(source, info, expectedRank);
        if (!info.elementType().isNumeric()) {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "' holds " + Hdf5Metadata.typeName(info)
                    + "; expected numbers (integer or floating point)");
        }
        Hdf5Checks.checkStorage(source, fileSize, file, d, info);
        if (info.size() == 0) {
            return new Numbers(info, new double[0]);
        }
        return new Numbers(info, Hdf5Values.toDoubles(source, readData(d, info), info));
    }

    // ------------------------------------------------------------------ strings

    /**
     * A 1-D string dataset (fixed or variable length, e.g. the course's {@code list_classes}) as a list;
     * a scalar string dataset gives a list of one.
     *
     * @param path the dataset's path in the file
     * @return the strings, in order
     * @throws Hdf5Exception if the dataset is missing, not of rank 0 or 1, or not strings
     */
    public List<String> readStrings(String path) {
        Dataset d = dataset(path);
        DatasetInfo info = Hdf5Metadata.describe(source, path, d);
        if (info.rank() > 1) {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "' has shape " + info.shapeString()
                    + " (rank " + info.rank() + "); expected rank 1 (a list of strings)");
        }
        if (info.elementType() != ElementType.STRING) {
            throw new Hdf5Exception(source, "dataset '" + info.path() + "' holds " + Hdf5Metadata.typeName(info)
                    + "; expected strings");
        }
        Hdf5Checks.checkStorage(source, fileSize, file, d, info);
        if (info.size() == 0) {
            return List.of();
        }
        return Hdf5Values.toStrings(source, readData(d, info), info);
    }

    // ------------------------------------------------------------------ attributes

    /**
     * The names of the attributes of the root group, sorted.
     *
     * @return the attribute names, sorted
     */
    public Set<String> attributeNames() {
        return attributeNames("");
    }

    /**
     * The names of the attributes of the group or dataset at {@code nodePath} ({@code ""} for the root), sorted.
     *
     * @param nodePath the group's or dataset's path; {@code ""} for the root
     * @return the attribute names, sorted
     */
    public Set<String> attributeNames(String nodePath) {
        return attributes(nodePath).names();
    }

    /**
     * Whether the root group has the attribute {@code name}.
     *
     * @param name the attribute's name
     * @return true if the root group has it
     */
    public boolean hasAttribute(String name) {
        return attributeNames().contains(name);
    }

    /**
     * A string attribute of the root group.
     *
     * @param name the attribute's name
     * @return the string
     */
    public String attribute(String name) {
        return attribute("", name);
    }

    /**
     * A string attribute of the group or dataset at {@code nodePath} ({@code ""} for the root group).
     *
     * @param nodePath the group's or dataset's path; {@code ""} for the root
     * @param name     the attribute's name
     * @return the string
     * @throws Hdf5Exception if it is missing or not a single string
     */
    public String attribute(String nodePath, String name) {
        return attributes(nodePath).string(name);
    }

    /**
     * A string attribute (scalar or 1-D) of the root group as a list; a scalar gives a list of one.
     *
     * @param name the attribute's name
     * @return its strings, in order
     * @throws Hdf5Exception if it is missing, of rank above 1, or not strings
     */
    public List<String> stringsAttribute(String name) {
        return attributes("").strings(name);
    }

    /**
     * An integer attribute (scalar or 1-D) of the root group.
     *
     * @param name the attribute's name
     * @return a new array of the values; one for a scalar
     */
    public int[] intsAttribute(String name) {
        return intsAttribute("", name);
    }

    /**
     * An integer attribute (scalar or 1-D) of the group or dataset at {@code nodePath} ({@code ""} for the root).
     *
     * @param nodePath the group's or dataset's path; {@code ""} for the root
     * @param name     the attribute's name
     * @return a new array of the values; one for a scalar
     * @throws Hdf5Exception if it is missing, not integers, or a value does not fit an {@code int}
     */
    public int[] intsAttribute(String nodePath, String name) {
        return attributes(nodePath).ints(name);
    }

    /**
     * A numeric attribute (scalar or 1-D, integer or floating point) of the root group.
     *
     * @param name the attribute's name
     * @return a new array of the values; one for a scalar
     */
    public double[] doublesAttribute(String name) {
        return doublesAttribute("", name);
    }

    /**
     * A numeric attribute (scalar or 1-D) of the group or dataset at {@code nodePath} ({@code ""} for the root).
     *
     * @param nodePath the group's or dataset's path; {@code ""} for the root
     * @param name     the attribute's name
     * @return a new array of the values; one for a scalar
     * @throws Hdf5Exception if it is missing or not numbers
     */
    public double[] doublesAttribute(String nodePath, String name) {
        return attributes(nodePath).doubles(name);
    }

    private Hdf5Attributes attributes(String nodePath) {
        return new Hdf5Attributes(source, fileSize, node(nodePath), nodePath);
    }

    // ------------------------------------------------------------------ finding nodes

    private Node node(String nodePath) {
        requireOpen();
        String p = Hdf5Tree.clean(nodePath);
        if (p.isEmpty()) {
            return file;
        }
        Node node = Hdf5Tree.lookup(source, file, p);
        if (node == null) {
            throw new Hdf5Exception(source, "no group or dataset '" + p + "'; datasets present: " + namesOrProblem());
        }
        return node;
    }

    /** The dataset at path, or null if there is none (a group or nothing). */
    private Dataset findDataset(String path) {
        requireOpen();
        String p = Hdf5Tree.clean(path);
        return p.isEmpty() ? null : Hdf5Tree.lookup(source, file, p) instanceof Dataset d ? d : null;
    }

    private Dataset dataset(String path) {
        Objects.requireNonNull(path, "dataset path is null");
        requireOpen();
        String p = Hdf5Tree.clean(path);
        Node node = p.isEmpty() ? file : Hdf5Tree.lookup(source, file, p);
        if (node instanceof Dataset d) {
            return d;
        }
        String what = node == null ? "no dataset '" + p + "'" : "'" + p + "' is a group, not a dataset";
        throw new Hdf5Exception(source, what + "; datasets present: " + namesOrProblem());
    }

    private String namesOrProblem() {
        try {
            return datasetNames().toString();
        } catch (Hdf5Exception e) {
            return "(cannot list them: " + e.problem() + ")";
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** jhdf's flat array of the dataset's values; any failure, out of memory included, names the file. */
    private Object readData(Dataset d, DatasetInfo info) {
        String where = "dataset '" + info.path() + "'";
        try {
            Object flat = d.getDataFlat();
            if (flat == null) {
                throw new Hdf5Exception(source, where + " has no data; the file is corrupt");
            }
            return flat;
        } catch (Hdf5Exception e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new Hdf5Exception(source, where + " of shape " + info.shapeString() + ": out of memory while reading it", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Hdf5Exception(source, "cannot read " + where + ": the file is corrupt (" + summarize(e) + ")", e);
        }
    }

    private <T> T guard(String what, Supplier<T> action) {
        return Hdf5Errors.guard(source, what, action);
    }

    private void requireOpen() {
        if (file == null) {
            throw new IllegalStateException("Hdf5Reader for " + source + " is closed");
        }
    }

    /** Releases the file (and its in-memory copy). Further reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        HdfFile f = file;
        file = null;
        if (f != null) {
            try {
                f.close();
            } catch (RuntimeException e) {
                // an in-memory file has nothing left to release
            }
        }
    }

    @Override
    public String toString() {
        return "Hdf5Reader[" + source + ", " + fileSize + " bytes" + (file == null ? ", closed" : "") + "]";
    }
}
