package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.Objects;

/**
 * Thrown when a dataset cannot be loaded: a missing, unreadable, truncated or corrupt file, a file that
 * is not HDF5, a dataset that is absent or has the wrong rank, type or size, labels that are not 0/1.
 * The message always starts with the file (a path or {@code classpath:} resource) and then says what
 * is wrong, e.g. {@code data/train.h5: no dataset 'train_set_x'; datasets present: [list_classes, x]}.
 */
public class DatasetException extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    /** The file (path or {@code classpath:} resource) being read. */
    private final String source;
    /** What is wrong with it, without the file name. */
    private final String problem;

    /**
     * @param source  the file (path or classpath resource) being read
     * @param problem what is wrong with it
     */
    public DatasetException(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * @param source  the file (path or classpath resource) being read
     * @param problem what is wrong with it
     * @param cause   the low-level failure, kept for the stack trace
     */
    public DatasetException(String source, String problem, Throwable cause) {
        super(Objects.requireNonNullElse(source, "<unknown source>") + ": " + problem, cause);
        this.source = Objects.requireNonNullElse(source, "<unknown source>");
        this.problem = problem;
    }

    /**
     * The file (path or {@code classpath:} resource) the failure is about.
     *
     * @return the path or {@code classpath:} resource
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
