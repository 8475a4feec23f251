package org.nndl4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.nndl4j.data.DatasetInfo.ElementType;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.object.message.DataLayout;

/**
 * Reads numbers and strings out of an HDF5 file, and nothing else: the one place in nndl4j that reads
 * HDF5 (with jhdf). Every failure, whatever jhdf or the JVM throws underneath, comes out as a
 * {@link DatasetException} whose message starts with the file and says what is wrong.
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
 *   <li>Links are not followed (a corrupt or hostile file could point jhdf at other files).</li>
 *   <li>Any {@link RuntimeException} from jhdf (HdfException, BufferUnderflowException,
 *       ClassCastException, NullPointerException, ArithmeticException, ...) and a
 *       {@link StackOverflowError} (cyclic header continuations or B-tree nodes recurse) become a
 *       {@code DatasetException}; so does an {@link OutOfMemoryError} while copying out a dataset
 *       that passed the size checks. A test corrupts the bundled files a few hundred ways (bit flips,
 *       truncations, overwritten byte ranges) and checks each either loads with valid shapes or fails
 *       this way, without hanging.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (Hdf5Reader h5 = Hdf5Reader.open(Path.of("train_catvnoncat.h5"))) {
 *     NDArray images = h5.readArray("train_set_x", 4);   // (209, 64, 64, 3)
 *     List<String> classes = h5.readStrings("list_classes");
 * }
 * }</pre>
 * Dataset names are paths inside the file ({@code "W1"}, {@code "layers/1/W"}); a leading {@code /} is
 * optional. Numbers of any integer or floating-point HDF5 type are returned as doubles (64-bit
 * integers beyond 2<sup>53</sup> lose precision). Not thread-safe; close it when done (closing
 * releases the in-memory copy).
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

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_GROUP_DEPTH = 32;
    private static final int MAX_LISTED_NODES = 100_000;

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
     * @throws DatasetException naming the path if it is missing, a directory, unreadable, too large,
     *                          not HDF5, truncated or corrupt
     */
    public static Hdf5Reader open(Path file) {
        Objects.requireNonNull(file, "Hdf5Reader.open: file is null");
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new DatasetException(source, "file not found (absolute path " + file.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(source, "is a directory, not an HDF5 file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(source, "file is not readable (check its permissions)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetException(source, "file has " + size + " bytes; the largest HDF5 file nndl4j reads is "
                        + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new DatasetException(source, "cannot read the file: " + summarize(e), e);
        }
        return fromBytes(bytes, source);
    }

    /**
     * Opens an HDF5 file packaged on the classpath, e.g. {@code "org/nndl4j/datasets/train_catvnoncat.h5"}
     * (a leading {@code /} is ignored), through this library's class loader, so it works from a jar.
     *
     * @throws DatasetException naming the resource if it does not exist or is not readable HDF5
     */
    public static Hdf5Reader openResource(String classpathResource) {
        Objects.requireNonNull(classpathResource, "Hdf5Reader.openResource: classpathResource is null");
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        String source = "classpath:" + name;
        ClassLoader loader = Hdf5Reader.class.getClassLoader();
        InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(name) : loader.getResourceAsStream(name);
        if (in == null) {
            throw new DatasetException(source, "resource not found on the classpath");
        }
        return openStream(in, source);
    }

    /**
     * Reads an HDF5 file from a stream (to its end; the stream is closed) and opens it.
     *
     * @param source the name to use in error messages (a file name or URL)
     */
    public static Hdf5Reader openStream(InputStream in, String source) {
        Objects.requireNonNull(in, "Hdf5Reader.openStream: in is null");
        byte[] bytes;
        try (InputStream stream = in) {
            bytes = stream.readNBytes((int) MAX_FILE_BYTES);
            if (stream.read() != -1) {
                throw new DatasetException(source, "stream holds more than " + MAX_FILE_BYTES
                        + " bytes, the largest HDF5 file nndl4j reads");
            }
        } catch (IOException | OutOfMemoryError e) {
            throw new DatasetException(source, "cannot read the stream: " + summarize(e), e);
        }
        return fromBytes(bytes, source);
    }

    /**
     * Opens an HDF5 file held in memory. The array is not copied; do not modify it while the reader
     * is open.
     *
     * @param source the name to use in error messages (a file name or URL)
     */
    public static Hdf5Reader fromBytes(byte[] bytes, String source) {
        Objects.requireNonNull(bytes, "Hdf5Reader.fromBytes: bytes is null");
        String name = source == null ? "<bytes>" : source;
        if (bytes.length == 0) {
            throw new DatasetException(name, "file is empty (0 bytes), not an HDF5 file");
        }
        long base = signatureOffset(bytes);
        if (base < 0) {
            throw new DatasetException(name, "not an HDF5 file: no HDF5 signature (\\x89HDF\\r\\n\\x1a\\n); the file starts with "
                    + hexHead(bytes));
        }
        HdfFile hdf;
        try {
            hdf = HdfFile.fromBytes(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw new DatasetException(name, "corrupt HDF5 file: cannot read its superblock (" + summarize(e) + ")", e);
        }
        Hdf5Reader reader = new Hdf5Reader(name, bytes.length, hdf);
        reader.checkEndOfFile();
        return reader;
    }

    /** Offset of the HDF5 signature: 0, 512, 1024, 2048, ... (after a user block), or -1. */
    private static long signatureOffset(byte[] bytes) {
        for (long offset = 0; offset + SIGNATURE.length <= bytes.length; offset = offset == 0 ? 512 : offset * 2) {
            if (Arrays.equals(bytes, (int) offset, (int) offset + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                return offset;
            }
        }
        return -1;
    }

    private void checkEndOfFile() {
        long endOfFile = guard("the superblock", () -> file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress()
                + file.getHdfBackingStorage().getUserBlockSize());
        if (endOfFile > fileSize || endOfFile < 0) {
            close();
            throw new DatasetException(source, "truncated or corrupt HDF5 file: the superblock says the file ends at byte "
                    + endOfFile + " but it has " + fileSize + " bytes");
        }
    }

    // ------------------------------------------------------------------ what is in the file

    /** The name used in error messages: the path, {@code classpath:} resource, or the name given. */
    public String source() {
        return source;
    }

    /** Size of the file in bytes. */
    public long fileSize() {
        return fileSize;
    }

    /**
     * The paths of all datasets in the file, sorted, e.g. {@code [list_classes, train_set_x, train_set_y]};
     * datasets in groups appear as {@code group/name}. Links are not followed.
     */
    public Set<String> datasetNames() {
        requireOpen();
        Set<String> names = new TreeSet<>();
        int[] visited = {0};
        guard("the list of datasets", () -> {
            collectDatasets(file, "", 0, names, visited);
            return null;
        });
        return Collections.unmodifiableSet(names);
    }

    private void collectDatasets(Group group, String prefix, int depth, Set<String> names, int[] visited) {
        if (depth > MAX_GROUP_DEPTH) {
            throw new DatasetException(source, "groups nested more than " + MAX_GROUP_DEPTH + " deep at '" + prefix
                    + "'; the file is corrupt");
        }
        for (Map.Entry<String, Node> child : group.getChildren().entrySet()) {
            if (++visited[0] > MAX_LISTED_NODES) {
                throw new DatasetException(source, "more than " + MAX_LISTED_NODES + " objects; the file is corrupt");
            }
            Node node = child.getValue();
            if (node == null || node.isLink()) {
                continue;
            }
            String path = prefix + child.getKey();
            if (node instanceof Dataset) {
                names.add(path);
            } else if (node instanceof Group g) {
                collectDatasets(g, path + "/", depth + 1, names, visited);
            }
        }
    }

    /** Whether the file has a dataset at {@code path}. */
    public boolean hasDataset(String path) {
        return findDataset(path) != null;
    }

    /**
     * What the metadata says about the dataset at {@code path}: shape, element type and size. Reads no data.
     *
     * @throws DatasetException if there is no such dataset (the message lists the datasets present)
     */
    public DatasetInfo describe(String path) {
        return info(path, dataset(path));
    }

    /** The dimensions (numpy's {@code shape}) of the dataset at {@code path}; reads no data. */
    public int[] dimensions(String path) {
        return describe(path).dimensions();
    }

    // ------------------------------------------------------------------ numbers

    /**
     * A 2-D integer or floating-point dataset as a matrix of the same shape (rows = first dimension).
     *
     * @throws DatasetException if the dataset is missing, not 2-D, not numeric, too large or unreadable
     */
    public Matrix readMatrix(String path) {
        Numbers n = readNumbers(path, 2);
        return Matrix.fromRowMajor(n.info.dimensions()[0], n.info.dimensions()[1], n.values);
    }

    /**
     * A 1-D integer or floating-point dataset as an array.
     *
     * @throws DatasetException if the dataset is missing, not 1-D, not numeric, too large or unreadable
     */
    public double[] readVector(String path) {
        return readNumbers(path, 1).values;
    }

    /**
     * A scalar (rank 0) or one-element numeric dataset as a double.
     *
     * @throws DatasetException if the dataset is missing, holds more than one element or is not numeric
     */
    public double readScalar(String path) {
        DatasetInfo info = describe(path);
        if (info.size() != 1) {
            throw new DatasetException(source, "dataset '" + info.path() + "' has shape " + info.shapeString()
                    + "; expected a scalar");
        }
        return readNumbers(path, -1).values[0];
    }

    /**
     * A numeric dataset of rank {@code expectedRank} as an n-dimensional array in C order.
     *
     * @throws DatasetException if the dataset is missing, of another rank, not numeric, too large or unreadable
     */
    public NDArray readArray(String path, int expectedRank) {
        if (expectedRank < 0) {
            throw new IllegalArgumentException("readArray: expectedRank must be >= 0, got " + expectedRank);
        }
        return readArrayOfRank(path, expectedRank);
    }

    /** A numeric dataset of any rank as an n-dimensional array in C order. */
    public NDArray readArray(String path) {
        return readArrayOfRank(path, -1);
    }

    /** Like {@link #readNumbers} but straight into the array, without an intermediate copy of the values. */
    private NDArray readArrayOfRank(String path, int expectedRank) {
        Dataset d = dataset(path);
        DatasetInfo info = numericInfo(path, d, expectedRank);
        if (info.size() == 0) {
            return NDArray.of(new double[0], info.dimensions());
        }
        return NDArray.generate(accessor(readData(d, info), info), info.dimensions());
    }

    private record Numbers(DatasetInfo info, double[] values) {
    }

    private Numbers readNumbers(String path, int expectedRank) {
        Dataset d = dataset(path);
        DatasetInfo info = numericInfo(path, d, expectedRank);
        if (info.size() == 0) {
            return new Numbers(info, new double[0]);
        }
        Object flat = readData(d, info);
        double[] values = toDoubles(flat, info);
        return new Numbers(info, values);
    }

    /** The metadata of a numeric dataset of the expected rank (-1: any), its storage checked before reading. */
    private DatasetInfo numericInfo(String path, Dataset d, int expectedRank) {
        DatasetInfo info = info(path, d);
        requireRank(info, expectedRank);
        if (!info.elementType().isNumeric()) {
            throw new DatasetException(source, "dataset '" + info.path() + "' holds " + typeName(info)
                    + "; expected numbers (integer or floating point)");
        }
        checkStorage(d, info);
        return info;
    }

    // ------------------------------------------------------------------ strings

    /**
     * A 1-D string dataset (fixed or variable length, e.g. the course's {@code list_classes}) as a list;
     * a scalar string dataset gives a list of one.
     *
     * @throws DatasetException if the dataset is missing, not of rank 0 or 1, or not strings
     */
    public List<String> readStrings(String path) {
        Dataset d = dataset(path);
        DatasetInfo info = info(path, d);
        if (info.rank() > 1) {
            throw new DatasetException(source, "dataset '" + info.path() + "' has shape " + info.shapeString()
                    + " (rank " + info.rank() + "); expected rank 1 (a list of strings)");
        }
        if (info.elementType() != ElementType.STRING) {
            throw new DatasetException(source, "dataset '" + info.path() + "' holds " + typeName(info) + "; expected strings");
        }
        checkStorage(d, info);
        if (info.size() == 0) {
            return List.of();
        }
        Object flat = readData(d, info);
        List<String> out = new ArrayList<>();
        if (flat instanceof String s) {
            out.add(s);
        } else if (flat instanceof String[] strings && strings.length == info.size()) {
            for (String s : strings) {
                out.add(Objects.requireNonNullElse(s, ""));
            }
        } else {
            throw new DatasetException(source, "dataset '" + info.path() + "': expected " + info.size()
                    + " strings, got " + describeObject(flat) + "; the file is corrupt");
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ attributes

    /** The names of the attributes of the root group, sorted. */
    public Set<String> attributeNames() {
        return attributeNames("");
    }

    /** The names of the attributes of the group or dataset at {@code nodePath} ({@code ""} for the root), sorted. */
    public Set<String> attributeNames(String nodePath) {
        Node node = node(nodePath);
        return guard("the attributes of " + nodeName(nodePath),
                () -> Collections.unmodifiableSet(new TreeSet<>(node.getAttributes().keySet())));
    }

    /** Whether the root group has the attribute {@code name}. */
    public boolean hasAttribute(String name) {
        return attributeNames().contains(name);
    }

    /** A string attribute of the root group. */
    public String attribute(String name) {
        return attribute("", name);
    }

    /**
     * A string attribute of the group or dataset at {@code nodePath} ({@code ""} for the root group).
     *
     * @throws DatasetException if it is missing or not a single string
     */
    public String attribute(String nodePath, String name) {
        Object data = attributeData(nodePath, name, ElementType.STRING);
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw new DatasetException(source, "attribute '" + name + "' of '" + clean(nodePath) + "' is "
                + describeObject(data) + "; expected one string");
    }

    /** An integer attribute (scalar or 1-D) of the root group. */
    public int[] intsAttribute(String name) {
        return intsAttribute("", name);
    }

    /**
     * An integer attribute (scalar or 1-D) of the group or dataset at {@code nodePath} ({@code ""} for the root).
     *
     * @throws DatasetException if it is missing, not integers, or a value does not fit an {@code int}
     */
    public int[] intsAttribute(String nodePath, String name) {
        double[] values = numbers(nodePath, name, attributeData(nodePath, name, ElementType.INTEGER));
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < Integer.MIN_VALUE || values[i] > Integer.MAX_VALUE) {
                throw new DatasetException(source, "attribute '" + name + "' of '" + clean(nodePath) + "': value "
                        + values[i] + " at index " + i + " is not an int");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** A numeric attribute (scalar or 1-D, integer or floating point) of the root group. */
    public double[] doublesAttribute(String name) {
        return doublesAttribute("", name);
    }

    /** A numeric attribute (scalar or 1-D) of the group or dataset at {@code nodePath} ({@code ""} for the root). */
    public double[] doublesAttribute(String nodePath, String name) {
        return numbers(nodePath, name, attributeData(nodePath, name, ElementType.FLOAT));
    }

    private double[] numbers(String nodePath, String name, Object data) {
        if (data instanceof Number number) {
            return new double[] {toDouble(number)};
        }
        if (data != null && data.getClass().isArray()) {
            int n = Array.getLength(data);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(Array.get(data, i) instanceof Number number)) {
                    throw new DatasetException(source, "attribute '" + name + "' of '" + clean(nodePath) + "' is "
                            + describeObject(data) + "; expected numbers");
                }
                out[i] = toDouble(number);
            }
            return out;
        }
        throw new DatasetException(source, "attribute '" + name + "' of '" + clean(nodePath) + "' is "
                + describeObject(data) + "; expected numbers");
    }

    /** Reads an attribute after checking its type, rank and size; {@code FLOAT} accepts any number. */
    private Object attributeData(String nodePath, String name, ElementType wanted) {
        Objects.requireNonNull(name, "attribute name is null");
        Node node = node(nodePath);
        String where = "attribute '" + name + "' of " + nodeName(nodePath);
        Attribute attribute = guard(where, () -> node.getAttributes().get(name));
        if (attribute == null) {
            Set<String> present = attributeNames(nodePath);
            throw new DatasetException(source, "no " + where + "; attributes present: " + present);
        }
        int[] dims = guard(where, () -> attribute.isScalar() ? new int[0] : attribute.getDimensions().clone());
        DataType type = guard(where, attribute::getDataType);
        ElementType kind = elementType(type);
        int bytes = guard(where, type::getSize);
        DatasetInfo info = new DatasetInfo(name, dims, kind, bytes);
        if (info.rank() > 1) {
            throw new DatasetException(source, where + " has shape " + info.shapeString() + "; expected a scalar or a list");
        }
        boolean ok = wanted == ElementType.FLOAT ? kind.isNumeric() : kind == wanted;
        if (!ok) {
            throw new DatasetException(source, where + " holds " + typeName(info) + "; expected "
                    + (wanted == ElementType.STRING ? "a string" : wanted == ElementType.INTEGER ? "integers" : "numbers"));
        }
        checkSize(info, where);
        if (info.size() * Math.max(1, bytes) > fileSize) {
            throw new DatasetException(source, where + " claims " + info.size() + " elements of " + bytes
                    + " bytes, more than the file holds; the file is corrupt");
        }
        return guard(where, attribute::getData);
    }

    // ------------------------------------------------------------------ checks

    private Node node(String nodePath) {
        requireOpen();
        String p = clean(nodePath);
        if (p.isEmpty()) {
            return file;
        }
        Node node = lookup(p);
        if (node == null) {
            throw new DatasetException(source, "no group or dataset '" + p + "'; datasets present: " + namesOrProblem());
        }
        return node;
    }

    /** The dataset at path, or null if there is none (a group or nothing). */
    private Dataset findDataset(String path) {
        requireOpen();
        String p = clean(path);
        return p.isEmpty() ? null : lookup(p) instanceof Dataset d ? d : null;
    }

    /**
     * Walks the path one group at a time (jhdf's getByPath would try to resolve links, even into
     * other files). Returns null if a part is missing; refuses links.
     */
    private Node lookup(String path) {
        return guard("'" + path + "'", () -> {
            Node current = file;
            for (String part : path.split("/+")) {
                if (!(current instanceof Group group)) {
                    return null;
                }
                Node child = group.getChildren().get(part);
                if (child == null) {
                    return null;
                }
                if (child.isLink()) {
                    throw new DatasetException(source, "'" + path + "' goes through the link '" + part
                            + "'; nndl4j does not follow links");
                }
                current = child;
            }
            return current;
        });
    }

    private Dataset dataset(String path) {
        Objects.requireNonNull(path, "dataset path is null");
        requireOpen();
        String p = clean(path);
        Node node = p.isEmpty() ? file : lookup(p);
        if (node instanceof Dataset d) {
            return d;
        }
        String what = node == null ? "no dataset '" + p + "'" : "'" + p + "' is a group, not a dataset";
        throw new DatasetException(source, what + "; datasets present: " + namesOrProblem());
    }

    private String namesOrProblem() {
        try {
            return datasetNames().toString();
        } catch (DatasetException e) {
            return "(cannot list them: " + e.problem() + ")";
        }
    }

    private DatasetInfo info(String path, Dataset d) {
        String where = "dataset '" + clean(path) + "'";
        int[] dims = guard(where, () -> d.isScalar() ? new int[0] : d.getDimensions().clone());
        for (int dim : dims) {
            if (dim < 0) {
                throw new DatasetException(source, where + " has a negative dimension in " + NDArray.shapeString(dims)
                        + "; the file is corrupt");
            }
        }
        DataType type = guard(where, d::getDataType);
        ElementType kind = elementType(type);
        int bytes = guard(where, type::getSize);
        if (bytes <= 0) {
            throw new DatasetException(source, where + " has elements of " + bytes + " bytes; the file is corrupt");
        }
        return new DatasetInfo(clean(path), dims, kind, bytes);
    }

    private void requireRank(DatasetInfo info, int expectedRank) {
        if (expectedRank >= 0 && info.rank() != expectedRank) {
            throw new DatasetException(source, "dataset '" + info.path() + "' has shape " + info.shapeString() + " (rank "
                    + info.rank() + "); expected rank " + expectedRank);
        }
    }

    private void checkSize(DatasetInfo info, String where) {
        long n = 1;
        for (int d : info.dimensions()) {
            if (d != 0 && n > MAX_ELEMENTS / d) {
                n = Long.MAX_VALUE;
                break;
            }
            n *= d;
        }
        if (n > MAX_ELEMENTS) {
            throw new DatasetException(source, where + " claims shape " + info.shapeString()
                    + ", more elements than one array can hold (" + MAX_ELEMENTS + "); refusing to read it");
        }
    }

    /**
     * Checks, from metadata only, that the data the dataset claims can exist in this file and fit in
     * memory: so corrupt dimensions are refused before anything is allocated.
     */
    private void checkStorage(Dataset d, DatasetInfo info) {
        String where = "dataset '" + info.path() + "'";
        checkSize(info, where);
        long bytes = info.size() * info.elementBytes();
        if (info.size() == 0) {
            return;
        }
        DataLayout layout = guard(where, d::getDataLayout);
        if (layout == null) {
            throw new DatasetException(source, where + " has no data layout; the file is corrupt");
        }
        switch (layout) {
            case CONTIGUOUS -> {
                long address = guard(where, () -> d instanceof ContiguousDataset c ? c.getDataAddress() : -1L);
                long start = address + guard(where, () -> file.getHdfBackingStorage().getUserBlockSize());
                if (address < 0 || start + bytes > fileSize || start + bytes < 0) {
                    throw new DatasetException(source, where + " of shape " + info.shapeString() + " needs " + bytes
                            + " bytes at offset " + (address < 0 ? "(undefined)" : String.valueOf(start))
                            + ", beyond the end of the file (" + fileSize + " bytes); the file is truncated or corrupt");
                }
            }
            case COMPACT -> {
                if (bytes > fileSize) {
                    throw new DatasetException(source, where + " of shape " + info.shapeString() + " claims " + bytes
                            + " bytes stored in its header, more than the whole file (" + fileSize + " bytes); the file is corrupt");
                }
            }
            case CHUNKED -> {
                long limit = fileSize * MAX_COMPRESSION_RATIO;
                if (bytes > limit) {
                    throw new DatasetException(source, where + " of shape " + info.shapeString() + " claims " + bytes
                            + " bytes, more than a " + fileSize + "-byte file can hold even compressed; the file is corrupt");
                }
                int[] chunk = guard(where, () -> d instanceof ChunkedDataset c ? c.getChunkDimensions().clone() : null);
                long chunkBytes = info.elementBytes();
                if (chunk != null) {
                    for (int c : chunk) {
                        if (c <= 0 || chunkBytes > limit / c) {
                            throw new DatasetException(source, where + " has chunks of shape " + NDArray.shapeString(chunk)
                                    + ", impossible in a " + fileSize + "-byte file; the file is corrupt");
                        }
                        chunkBytes *= c;
                    }
                }
            }
            default -> throw new DatasetException(source, where + " has an unsupported layout " + layout);
        }
        // jhdf's array (at least 4 bytes an element), our doubles, and the copy the Matrix or NDArray keeps
        long needed = info.size() * (16L + Math.max(info.elementBytes(), 4));
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new DatasetException(source, where + " of shape " + info.shapeString() + " needs about "
                    + (needed >> 20) + " MiB to load but only " + (free >> 20) + " MiB of heap are free");
        }
    }

    private Object readData(Dataset d, DatasetInfo info) {
        String where = "dataset '" + info.path() + "'";
        try {
            Object flat = d.getDataFlat();
            if (flat == null) {
                throw new DatasetException(source, where + " has no data; the file is corrupt");
            }
            return flat;
        } catch (DatasetException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new DatasetException(source, where + " of shape " + info.shapeString() + ": out of memory while reading it", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new DatasetException(source, "cannot read " + where + ": the file is corrupt (" + summarize(e) + ")", e);
        }
    }

    private double[] toDoubles(Object flat, DatasetInfo info) {
        IntToDoubleFunction value = accessor(flat, info);
        double[] out = new double[(int) info.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.applyAsDouble(i);
        }
        return out;
    }

    /** Element {@code i} of jhdf's flat array as a double, for every numeric array type jhdf returns. */
    private IntToDoubleFunction accessor(Object flat, DatasetInfo info) {
        int n = (int) info.size();
        if (Array.getLength(flat) == n) {
            if (flat instanceof double[] a) {
                return i -> a[i];
            } else if (flat instanceof float[] a) {
                return i -> a[i];
            } else if (flat instanceof long[] a) {
                return i -> a[i];
            } else if (flat instanceof int[] a) {
                return i -> a[i];
            } else if (flat instanceof short[] a) {
                return i -> a[i];
            } else if (flat instanceof byte[] a) {
                return i -> a[i];
            } else if (flat instanceof BigInteger[] a) {
                return i -> a[i] == null ? Double.NaN : a[i].doubleValue();
            }
        }
        throw new DatasetException(source, "dataset '" + info.path() + "' of shape " + info.shapeString()
                + " gave " + describeObject(flat) + " instead of " + n + " numbers; the file is corrupt");
    }

    private static double toDouble(Number number) {
        return number instanceof BigInteger b ? b.doubleValue() : number.doubleValue();
    }

    private static ElementType elementType(DataType type) {
        if (type instanceof FixedPoint) {
            return ElementType.INTEGER;
        }
        if (type instanceof FloatingPoint) {
            return ElementType.FLOAT;
        }
        if (type instanceof StringData || type instanceof VariableLength v && v.isVariableLengthString()) {
            return ElementType.STRING;
        }
        return ElementType.OTHER;
    }

    private static String typeName(DatasetInfo info) {
        return switch (info.elementType()) {
            case INTEGER -> info.elementBytes() * 8 + "-bit integers";
            case FLOAT -> info.elementBytes() * 8 + "-bit floats";
            case STRING -> "strings";
            case OTHER -> "values of a type nndl4j does not read (compound, enum, reference, ...)";
        };
    }

    // ------------------------------------------------------------------ plumbing

    /** Runs a jhdf call, turning any runtime failure into a DatasetException naming the file. */
    private <T> T guard(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DatasetException(source, "cannot read " + what + ": the file is corrupt or uses an HDF5 feature "
                    + "nndl4j does not read (" + summarize(e) + ")", e);
        }
    }

    private void requireOpen() {
        if (file == null) {
            throw new IllegalStateException("Hdf5Reader for " + source + " is closed");
        }
    }

    private static String nodeName(String nodePath) {
        String p = clean(nodePath);
        return p.isEmpty() ? "the root group" : "'" + p + "'";
    }

    private static String clean(String path) {
        if (path == null) {
            return "";
        }
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** The exception's class and message, and its root cause's, on one line. */
    static String summarize(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append("; caused by ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null) {
                sb.append(": ").append(root.getMessage());
            }
        }
        String s = sb.toString();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private static String describeObject(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o.getClass().isArray()) {
            return "an array of " + Array.getLength(o) + " " + o.getClass().getComponentType().getSimpleName();
        }
        return "a " + o.getClass().getSimpleName();
    }

    private static String hexHead(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%02X ", bytes[i] & 0xFF));
        }
        return sb.toString().strip();
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
