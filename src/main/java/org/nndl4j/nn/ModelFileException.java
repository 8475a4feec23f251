package org.nndl4j.nn;

import org.nndl4j.Nndl4jException;

import java.nio.file.Path;

/**
 * A model file could not be written or read: missing, not HDF5, not an nndl4j model, or with parameters whose
 * shapes do not fit. The message names the file and the problem.
 */
public class ModelFileException extends Nndl4jException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the model file
     * @param problem what is wrong with it
     */
    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
        this.file = file;
    }

    /**
     * @param file    the model file
     * @param problem what is wrong with it
     * @param cause   the low-level failure, kept for the stack trace
     */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the file concerned */
    public Path file() {
        return file;
    }
}
