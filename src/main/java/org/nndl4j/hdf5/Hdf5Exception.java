package org.nndl4j.hdf5;

import org.nndl4j.Nndl4jException;

import java.util.Objects;

/**
 * The one exception of {@code org.nndl4j.hdf5}: an HDF5 file could not be opened, read or written. Whatever jhdf
 * or the JVM throws underneath, it comes out as this, and the message always starts with the file (a path, a
 * {@code classpath:} resource or the name given for bytes or a stream) and then says what is wrong, e.g.
 * {@code data/train.h5: no dataset 'train_set_x'; datasets present: [list_classes, x]}.
 */
public class Hdf5Exception extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    /** The file (path, {@code classpath:} resource or name) being read or written. */
    private final String source;
    /** What is wrong with it, without the file name. */
    private final String problem;

    /**
     * @param source  the file (path, classpath resource or name) being read or written
     * @param problem what is wrong with it
     */
    public Hdf5Exception(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * @param source  the file (path, classpath resource or name) being read or written
     * @param problem what is wrong with it
     * @param cause   the low-level failure, kept for the stack trace
     */
    public Hdf5Exception(String source, String problem, Throwable cause) {
        super(Objects.requireNonNullElse(source, "<unknown source>") + ": " + problem, cause);
        this.source = Objects.requireNonNullElse(source, "<unknown source>");
        this.problem = problem;
    }

    /**
     * The file (path, {@code classpath:} resource or name) the failure is about.
     *
     * @return the path, {@code classpath:} resource or name
     */
    public String source() {
        return source;
    }

    /**
     * What is wrong, without the file name.
     *
     * @return the problem, without the file name
     */
    public String problem() {
        return problem;
    }
}
