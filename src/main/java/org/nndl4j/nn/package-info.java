/**
 * The model as a value: {@link org.nndl4j.nn.Network}, an immutable list of {@link org.nndl4j.nn.Layer}s
 * ({@code W}, {@code b}, {@link org.nndl4j.nn.Activation}); the losses it trains on ({@link org.nndl4j.nn.Loss}:
 * binary cross-entropy with a sigmoid output, categorical cross-entropy with a softmax output, both with the fused
 * output gradient {@code dZ = A - Y}); the straightforward computation of cost and gradients
 * ({@link org.nndl4j.nn.Backpropagation}, the reference the fast engines are held to); weight
 * {@link org.nndl4j.nn.Initialization}s; and model files ({@link org.nndl4j.nn.Network#save},
 * {@link org.nndl4j.nn.Network#load}, through {@code org.nndl4j.hdf5}).
 *
 * <p>Conventions: examples are columns, {@code W[l]} is {@code (n[l], n[l-1])}, {@code b[l]} is {@code (n[l], 1)};
 * layers are numbered 1..L in every accessor, while lists are 0-based (layer {@code l} at index {@code l - 1}).
 *
 * <p>The file layout (h5py reads it): datasets {@code W1, b1, ..., WL, bL} (2-D float64), root attributes
 * {@code format = "nndl4j-network"}, {@code format_version}, {@code layer_dims} and {@code activations}
 * ({@code "relu,relu,softmax"}).
 */
package org.nndl4j.nn;
