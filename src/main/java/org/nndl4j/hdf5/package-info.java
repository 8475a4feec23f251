/**
 * The one hardened door to HDF5: read, write, checks, one exception. Nothing else in nndl4j uses jhdf, and this
 * package uses nothing of nndl4j: it deals in plain Java values.
 *
 * <ul>
 *   <li>{@link org.nndl4j.hdf5.Hdf5Reader}: opens a file (path, classpath resource, stream or bytes, read into
 *       memory), lists and describes its datasets ({@link org.nndl4j.hdf5.DatasetInfo}) and reads numbers as
 *       {@link org.nndl4j.hdf5.Hdf5Array} (dimensions and row-major doubles), {@code double[][]}, {@code double[]}
 *       or {@code double}, strings as {@code List<String>}, attributes as {@code String}, {@code int[]} or
 *       {@code double[]}. Checked against corrupt input before anything is allocated (signature, end of file,
 *       sizes against the file, compression ratio, free heap, group depth, links not followed).</li>
 *   <li>{@link org.nndl4j.hdf5.Hdf5Writer}: writes a new file of 2-D float64 datasets and string, int, int-array
 *       and string-array attributes, as h5py reads them (strings as {@code str}: variable-length UTF-8, encoded by
 *       {@code VariableLengthStrings} and put in the room jhdf reserved by {@code RootHeaderPatch}).</li>
 *   <li>{@link org.nndl4j.hdf5.Hdf5Exception}: every failure of either, whatever jhdf or the JVM threw, with the
 *       message {@code <file>: <problem>}.</li>
 * </ul>
 *
 * <p>The checks live in package-private classes, one concern each: {@code Hdf5Checks} (the limits and refusals),
 * {@code Hdf5Metadata} (describing datasets and attributes), {@code Hdf5Tree} (paths and links),
 * {@code Hdf5Values} (jhdf's arrays to doubles and strings), {@code Hdf5Attributes} and {@code Hdf5Errors}
 * (summarising low-level failures).
 */
package org.nndl4j.hdf5;
