package org.nndl4j.data;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.nndl4j.hdf5.DatasetInfo;
import org.nndl4j.hdf5.Hdf5Array;
import org.nndl4j.hdf5.Hdf5Exception;
import org.nndl4j.matrix.Matrix;
import org.nndl4j.matrix.NDArray;

/**
 * The data loaders' view of an HDF5 file: {@link org.nndl4j.hdf5.Hdf5Reader} (which does all the reading and
 * every check against corrupt input) with its numbers as {@link Matrix} and {@link NDArray}, and its
 * {@link Hdf5Exception}s as {@link DatasetException}s with the same source and problem, so the message is the
 * same {@code <file>: <problem>}. Nothing here reads HDF5 itself.
 *
 * <pre>{@code
 * try (Hdf5Reader h5 = Hdf5Reader.open(Path.of("train_catvnoncat.h5"))) {
 *     NDArray images = h5.readArray("train_set_x", 4);   // (209, 64, 64, 3)
 *     List<String> classes = h5.readStrings("list_classes");
 * }
 * }</pre>
 * Not thread-safe; close it when done.
 */
public final class Hdf5Reader implements AutoCloseable {

    private final org.nndl4j.hdf5.Hdf5Reader h5;

    private Hdf5Reader(org.nndl4j.hdf5.Hdf5Reader h5) {
        this.h5 = h5;
    }

    /**
     * Opens an HDF5 file on disk; see {@link org.nndl4j.hdf5.Hdf5Reader#open}.
     *
     * @param file the file to open
     * @return an open reader; close it when done
     * @throws DatasetException naming the path if it is missing, a directory, unreadable, too large, not HDF5,
     *                          truncated or corrupt
     */
    public static Hdf5Reader open(Path file) {
        return new Hdf5Reader(rewrap(() -> org.nndl4j.hdf5.Hdf5Reader.open(file)));
    }

    /**
     * Opens an HDF5 file packaged on the classpath; see {@link org.nndl4j.hdf5.Hdf5Reader#openResource}.
     *
     * @param classpathResource the resource's path, e.g. {@code org/nndl4j/datasets/planar_flower.h5}
     * @return an open reader; close it when done
     * @throws DatasetException naming the resource if it does not exist or is not readable HDF5
     */
    public static Hdf5Reader openResource(String classpathResource) {
        return new Hdf5Reader(rewrap(() -> org.nndl4j.hdf5.Hdf5Reader.openResource(classpathResource)));
    }

    /**
     * Reads an HDF5 file from a stream (to its end; the stream is closed) and opens it.
     *
     * @param in     the stream to read; closed when read
     * @param source the name to use in error messages (a file name or URL)
     * @return an open reader; close it when done
     */
    public static Hdf5Reader openStream(InputStream in, String source) {
        return new Hdf5Reader(rewrap(() -> org.nndl4j.hdf5.Hdf5Reader.openStream(in, source)));
    }

    /**
     * Opens an HDF5 file held in memory. The array is not copied; do not modify it while the reader is open.
     *
     * @param bytes  the whole file's contents; not copied
     * @param source the name to use in error messages (a file name or URL)
     * @return an open reader; close it when done
     */
    public static Hdf5Reader fromBytes(byte[] bytes, String source) {
        return new Hdf5Reader(rewrap(() -> org.nndl4j.hdf5.Hdf5Reader.fromBytes(bytes, source)));
    }

    /**
     * The name used in error messages: the path, {@code classpath:} resource, or the name given.
     *
     * @return the file's name in messages
     */
    public String source() {
        return h5.source();
    }

    /**
     * The paths of all datasets in the file, sorted; see {@link org.nndl4j.hdf5.Hdf5Reader#datasetNames}.
     *
     * @return the dataset paths, sorted
     */
    public Set<String> datasetNames() {
        return rewrap(h5::datasetNames);
    }

    /**
     * Whether the file has a dataset at {@code path}.
     *
     * @param path the dataset's path in the file, e.g. {@code train_set_x}
     * @return true if the dataset exists
     */
    public boolean hasDataset(String path) {
        return rewrap(() -> h5.hasDataset(path));
    }

    /**
     * What the metadata says about the dataset at {@code path}: shape, element type and size. Reads no data.
     *
     * @param path the dataset's path in the file
     * @return the dataset's metadata
     * @throws DatasetException if there is no such dataset (the message lists the datasets present)
     */
    public DatasetInfo describe(String path) {
        return rewrap(() -> h5.describe(path));
    }

    /**
     * A 2-D integer or floating-point dataset as a matrix of the same shape (rows = first dimension).
     *
     * @param path the dataset's path in the file
     * @return a new matrix of the dataset's shape
     * @throws DatasetException if the dataset is missing, not 2-D, not numeric, too large or unreadable
     */
    public Matrix readMatrix(String path) {
        Hdf5Array a = rewrap(() -> h5.readArray(path, 2));
        int[] d = a.dimensions();
        // one copy, straight from the Hdf5Array's values (values() and fromRowMajor would make two)
        int[] next = {0};
        return Matrix.generate(d[0], d[1], () -> a.value(next[0]++));
    }

    /**
     * A numeric dataset of rank {@code expectedRank} as an n-dimensional array in C order.
     *
     * @param path         the dataset's path in the file
     * @param expectedRank the number of dimensions the dataset must have
     * @return a new array of the dataset's shape
     * @throws DatasetException if the dataset is missing, of another rank, not numeric, too large or unreadable
     */
    public NDArray readArray(String path, int expectedRank) {
        return toNDArray(rewrap(() -> h5.readArray(path, expectedRank)));
    }

    /**
     * A numeric dataset of any rank as an n-dimensional array in C order.
     *
     * @param path the dataset's path in the file
     * @return a new array of the dataset's shape
     */
    public NDArray readArray(String path) {
        return toNDArray(rewrap(() -> h5.readArray(path)));
    }

    /**
     * A 1-D string dataset (or a scalar string, as a list of one) as a list.
     *
     * @param path the dataset's path in the file
     * @return the strings, in order
     * @throws DatasetException if the dataset is missing, not of rank 0 or 1, or not strings
     */
    public List<String> readStrings(String path) {
        return rewrap(() -> h5.readStrings(path));
    }

    /** Releases the file (and its in-memory copy). Further reads throw {@link IllegalStateException}. */
    @Override
    public void close() {
        h5.close();
    }

    @Override
    public String toString() {
        return h5.toString();
    }

    /** One copy, straight from the Hdf5Array's values into the NDArray's (no copy of them in between). */
    private static NDArray toNDArray(Hdf5Array a) {
        return NDArray.generate(a::value, a.dimensions());
    }

    /** Runs a read, turning an {@link Hdf5Exception} into a {@link DatasetException} with the same source and problem. */
    private static <T> T rewrap(Supplier<T> read) {
        try {
            return read.get();
        } catch (Hdf5Exception e) {
            throw new DatasetException(e.source(), e.problem(), e);
        }
    }
}
