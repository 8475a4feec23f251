/**
 * L-layer deep networks (spec 1.4 and 1.5): the course's building blocks with their forward and backward
 * caches ({@link org.nndl4j.deep.DeepNetwork}), typed parameters, caches and gradients, the named
 * initialisations ({@link org.nndl4j.deep.CourseInitialization}) and the two models of the cat application
 * ({@link org.nndl4j.deep.DeepModels#twoLayerModel}, {@link org.nndl4j.deep.DeepModels#lLayerModel}), which
 * train through the library's one loop, {@link org.nndl4j.train.TrainingLoop}, and return its one
 * {@link org.nndl4j.train.TrainingResult}; {@link org.nndl4j.deep.DeepParameters#from} and
 * {@link org.nndl4j.deep.DeepParameters#toNetwork} convert between the course's parameters and the library's
 * {@link org.nndl4j.nn.Network} without loss.
 *
 * <p>Numbering: the course numbers layers 1..L ({@code W1..WL}, {@code b1..bL}); every public accessor here
 * takes that 1-based layer number. Java lists underneath are 0-based: layer {@code l} lives at index
 * {@code l - 1}, which is the course's own {@code caches[l-1]}.
 */
package org.nndl4j.deep;
