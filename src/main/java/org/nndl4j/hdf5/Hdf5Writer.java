package org.nndl4j.hdf5;

import static org.nndl4j.hdf5.Hdf5Errors.summarize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.nndl4j.hdf5.VariableLengthStrings.StringAttribute;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Writes a new HDF5 file (with jhdf) that h5py and {@link Hdf5Reader} read: 2-D float64 datasets and string,
 * int and int-array attributes of the root group. The file is created (or truncated) by {@link #create}, and its
 * content is written out by {@link #close()}; until then nothing is complete on disk. Every failure is an
 * {@link Hdf5Exception} naming the file.
 *
 * <pre>{@code
 * try (Hdf5Writer out = Hdf5Writer.create(Path.of("model.h5"))) {
 *     out.putAttribute("format", "nndl4j-network");
 *     out.putAttribute("layer_dims", new int[] {2, 4, 1});
 *     out.putDataset("W1", new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}, {0.7, 0.8}});
 * }
 * }</pre>
 * Names are checked before jhdf sees them (jhdf itself silently accepts a repeated name or ragged rows). Not
 * thread-safe. The file holds only what is put in it (jhdf's own {@code _jHDF} stamp is removed).
 *
 * <p>String attributes are variable-length UTF-8 strings, which h5py returns as Python {@code str} (a string-array
 * attribute as an array of {@code str}), as it does for files written by h5py itself. jhdf writes only
 * fixed-length strings (which h5py returns as {@code bytes}), so this writer has jhdf reserve room for them in the
 * root group's header and fills it in after jhdf has written the file ({@code RootHeaderPatch}); every other part
 * of the file is jhdf's.
 */
public final class Hdf5Writer implements AutoCloseable {

    /** The attribute jhdf adds to the root group of every file it creates. */
    static final String JHDF_STAMP = "_jHDF";
    /**
     * The attribute jhdf writes to reserve room for the string attributes, replaced by them on {@link #close()};
     * its '/' keeps it apart from every name {@link #checkName} accepts.
     */
    static final String STRINGS_PLACEHOLDER = "nndl4j/strings";
    /**
     * The most bytes the string attributes' messages may take: they share the root object header's one chunk
     * with a placeholder message whose size field has two bytes.
     */
    static final int MAX_STRING_ATTRIBUTE_BYTES = 60_000;

    private final Path path;
    private final String source;
    private final Set<String> datasets = new HashSet<>();
    private final Set<String> attributes = new HashSet<>();
    private final List<StringAttribute> strings = new ArrayList<>();
    private WritableHdfFile file;

    private Hdf5Writer(Path path, WritableHdfFile file) {
        this.path = path;
        this.source = path.toString();
        this.file = file;
    }

    /**
     * Creates {@code path} (replacing an existing file) for writing.
     *
     * @param path the file to write
     * @return a writer; nothing is written until {@link #close()}
     * @throws Hdf5Exception naming the path if it cannot be created (missing directory, no permission, ...)
     */
    public static Hdf5Writer create(Path path) {
        Objects.requireNonNull(path, "Hdf5Writer.create: path is null");
        String source = path.toString();
        try {
            WritableHdfFile file = HdfFile.write(path);
            // jhdf stamps every file with a root attribute naming itself; a model file holds only its own attributes
            file.removeAttribute(JHDF_STAMP);
            return new Hdf5Writer(path, file);
        } catch (RuntimeException e) {
            throw new Hdf5Exception(source, "cannot create the file for writing: " + summarize(e), e);
        }
    }

    /**
     * The file being written, as named in error messages.
     *
     * @return the file's name in messages
     */
    public String source() {
        return source;
    }

    /**
     * Adds a 2-D float64 dataset {@code name} at the root, of shape {@code (rows, columns)}; the values are
     * copied now and written on {@link #close()}.
     *
     * @param name       the dataset's name
     * @param rowsOfData at least one row, every row of the same length, at least one column
     * @return this writer
     * @throws Hdf5Exception if the name is taken or invalid, the rows are empty or ragged, or jhdf fails
     */
    public Hdf5Writer putDataset(String name, double[][] rowsOfData) {
        String where = "dataset '" + name + "'";
        checkName(name, "dataset", datasets);
        Objects.requireNonNull(rowsOfData, "Hdf5Writer.putDataset: rowsOfData is null");
        if (rowsOfData.length == 0 || rowsOfData[0] == null || rowsOfData[0].length == 0) {
            throw new Hdf5Exception(source, "cannot write " + where + ": expected at least one row and one column, got "
                    + (rowsOfData.length == 0 ? "no rows" : rowsOfData[0] == null ? "a null row 0" : "an empty row 0"));
        }
        int cols = rowsOfData[0].length;
        for (int i = 1; i < rowsOfData.length; i++) {
            int n = rowsOfData[i] == null ? -1 : rowsOfData[i].length;
            if (n != cols) {
                throw new Hdf5Exception(source, "cannot write " + where + ": row " + i + " has "
                        + (n < 0 ? "no values (null)" : n + " values") + ", expected " + cols + " like row 0");
            }
        }
        write(where, () -> file.putDataset(name, copy(rowsOfData)));
        datasets.add(name);
        return this;
    }

    /**
     * Adds the string attribute {@code name} to the root group (a variable-length UTF-8 string: h5py reads it as a
     * {@code str}, {@link Hdf5Reader#attribute} as a String).
     *
     * @param name  the attribute's name
     * @param value its value
     * @return this writer
     * @throws Hdf5Exception if the name is taken or invalid, or the string attributes together exceed
     *                       {@value #MAX_STRING_ATTRIBUTE_BYTES} bytes
     */
    public Hdf5Writer putAttribute(String name, String value) {
        Objects.requireNonNull(value, "Hdf5Writer.putAttribute: value is null");
        return stringAttribute(name, List.of(value), true);
    }

    /**
     * Adds the scalar int attribute {@code name} (32-bit) to the root group.
     *
     * @param name  the attribute's name
     * @param value its value
     * @return this writer
     */
    public Hdf5Writer putAttribute(String name, int value) {
        return attribute(name, value);
    }

    /**
     * Adds the 1-D int attribute {@code name} (32-bit) to the root group; the values are copied.
     *
     * @param name   the attribute's name
     * @param values its values, at least one; copied
     * @return this writer
     * @throws Hdf5Exception if {@code values} is empty (HDF5 attributes written by jhdf cannot be)
     */
    public Hdf5Writer putAttribute(String name, int[] values) {
        Objects.requireNonNull(values, "Hdf5Writer.putAttribute: values is null");
        requireNonEmpty(name, values.length);
        return attribute(name, values.clone());
    }

    /**
     * Adds the 1-D string attribute {@code name} to the root group (variable-length UTF-8 strings: h5py reads it as
     * an array of {@code str}, {@link Hdf5Reader#stringsAttribute} as a list); the array is copied.
     *
     * @param name   the attribute's name
     * @param values its values, at least one; copied
     * @return this writer
     * @throws Hdf5Exception if {@code values} is empty or holds a null, the name is taken or invalid, or the
     *                       string attributes together exceed {@value #MAX_STRING_ATTRIBUTE_BYTES} bytes
     */
    public Hdf5Writer putAttribute(String name, String[] values) {
        Objects.requireNonNull(values, "Hdf5Writer.putAttribute: values is null");
        requireNonEmpty(name, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new Hdf5Exception(source, "cannot write attribute '" + name + "': value " + i + " is null");
            }
        }
        return stringAttribute(name, List.of(values), false);
    }

    private Hdf5Writer stringAttribute(String name, List<String> values, boolean scalar) {
        checkName(name, "attribute", attributes);
        StringAttribute attribute = new StringAttribute(name, values, scalar);
        List<StringAttribute> all = new ArrayList<>(strings);
        all.add(attribute);
        int bytes = VariableLengthStrings.messageBytes(all);
        if (bytes > MAX_STRING_ATTRIBUTE_BYTES) {
            throw new Hdf5Exception(source, "cannot write attribute '" + name + "': the string attributes would take "
                    + bytes + " bytes of the root group's header, more than the " + MAX_STRING_ATTRIBUTE_BYTES
                    + " this writer keeps room for");
        }
        strings.add(attribute);
        attributes.add(name);
        return this;
    }

    private Hdf5Writer attribute(String name, Object value) {
        checkName(name, "attribute", attributes);
        write("attribute '" + name + "'", () -> file.putAttribute(name, value));
        attributes.add(name);
        return this;
    }

    private void requireNonEmpty(String name, int length) {
        if (length == 0) {
            throw new Hdf5Exception(source, "cannot write attribute '" + name + "': expected at least one value, got none");
        }
    }

    private void checkName(String name, String kind, Set<String> taken) {
        requireOpen();
        Objects.requireNonNull(name, "Hdf5Writer: " + kind + " name is null");
        if (name.isBlank() || name.contains("/") || name.equals(".")) {
            throw new Hdf5Exception(source, "cannot write " + kind + " '" + name
                    + "': expected a name that is not blank and has no '/'");
        }
        if (taken.contains(name)) {
            throw new Hdf5Exception(source, "cannot write " + kind + " '" + name + "': the file already has one of that name");
        }
    }

    private void write(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw new Hdf5Exception(source, "cannot write " + what + ": " + summarize(e), e);
        }
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    private void requireOpen() {
        if (file == null) {
            throw new IllegalStateException("Hdf5Writer for " + source + " is closed");
        }
    }

    /**
     * Writes everything added to the file and closes it; later calls do nothing.
     *
     * @throws Hdf5Exception naming the file if writing it fails (the file is then incomplete)
     */
    @Override
    public void close() {
        WritableHdfFile f = file;
        file = null;
        if (f == null) {
            return;
        }
        try {
            if (!strings.isEmpty()) {
                // room for the string attributes' messages and a NIL message: the placeholder's message is larger
                // than its string
                int room = VariableLengthStrings.messageBytes(strings) + VariableLengthStrings.MESSAGE_HEADER_BYTES;
                f.putAttribute(STRINGS_PLACEHOLDER, "x".repeat(room));
            }
            f.close();
        } catch (RuntimeException e) {
            throw new Hdf5Exception(source, "cannot write the file: " + summarize(e), e);
        }
        if (!strings.isEmpty()) {
            try {
                RootHeaderPatch.replace(path, STRINGS_PLACEHOLDER, strings);
            } catch (IOException | RuntimeException e) {
                throw new Hdf5Exception(source, "cannot write the string attributes: " + summarize(e), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Hdf5Writer[" + source + ", " + datasets.size() + " datasets, " + attributes.size() + " attributes"
                + (file == null ? ", closed" : "") + "]";
    }
}
