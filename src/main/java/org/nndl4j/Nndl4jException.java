package org.nndl4j;

/**
 * The supertype of every exception nndl4j throws on purpose: a shape that does not fit
 * ({@link org.nndl4j.matrix.ShapeException}), a file that cannot be read or written
 * ({@link org.nndl4j.data.DatasetException}, {@link org.nndl4j.hdf5.Hdf5Exception},
 * {@link org.nndl4j.nn.ModelFileException}), a training whose parameters stopped being finite
 * ({@link org.nndl4j.train.TrainingDivergedException}). Catch it to catch "anything nndl4j refused"; the message always
 * names the operation or file and what was wrong.
 *
 * <p>An {@link IllegalArgumentException}: nndl4j refuses arguments (values, shapes, files, settings) it cannot work
 * with. Plain {@code IllegalArgumentException}s from argument checks (a null, a value out of range) are refusals too;
 * they carry the same kind of message.
 */
public class Nndl4jException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and why
     */
    public Nndl4jException(String message) {
        super(message);
    }

    /**
     * @param message what was refused and why
     * @param cause   the low-level failure, kept for the stack trace
     */
    public Nndl4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
