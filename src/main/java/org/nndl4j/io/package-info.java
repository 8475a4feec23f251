/**
 * Trained models in files: {@link org.nndl4j.io.ModelFiles} saves a {@link org.nndl4j.io.StoredNetwork} to HDF5
 * (datasets {@code W1, b1, ..., WL, bL} as 2-D float64 arrays that Python's h5py reads under the course's names,
 * plus attributes for the layer sizes and activations) with an atomic write, and loads it back with checks that
 * name the file and the problem; all HDF5 goes through {@link org.nndl4j.hdf5}. This package knows no model
 * family: each family converts its parameters to and from {@code StoredNetwork}.
 */
package org.nndl4j.io;
