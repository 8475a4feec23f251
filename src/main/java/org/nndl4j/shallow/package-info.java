/**
 * A network with one tanh hidden layer and a sigmoid output (spec 1.3, "Planar data classification
 * with a hidden layer"), as the course's building blocks with the course's names:
 * {@link org.nndl4j.shallow.ShallowNetwork#layerSizes layerSizes},
 * {@link org.nndl4j.shallow.ShallowNetwork#initializeParameters initializeParameters},
 * {@link org.nndl4j.shallow.ShallowNetwork#forwardPropagation forwardPropagation},
 * {@link org.nndl4j.shallow.ShallowNetwork#computeCost computeCost},
 * {@link org.nndl4j.shallow.ShallowNetwork#backwardPropagation backwardPropagation},
 * {@link org.nndl4j.shallow.ShallowNetwork#updateParameters updateParameters},
 * {@link org.nndl4j.shallow.ShallowNetwork#nnModel nnModel} and
 * {@link org.nndl4j.shallow.ShallowNetwork#predict predict}.
 *
 * <p>Examples are columns: {@code X} is {@code (n_x, m)}, {@code Y} is {@code (1, m)} with labels 0/1.
 * Parameters, the forward cache and the gradients are records ({@link org.nndl4j.shallow.ShallowParameters},
 * {@link org.nndl4j.shallow.ForwardCache}, {@link org.nndl4j.shallow.ShallowGradients}) whose constructors
 * check shapes and convert to and from the library's {@link org.nndl4j.nn.Network}. Training goes through the
 * library's one loop, {@link org.nndl4j.train.TrainingLoop#run}, and returns its one
 * {@link org.nndl4j.train.TrainingResult}.
 */
package org.nndl4j.shallow;
