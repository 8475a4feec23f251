package org.nndl4j.train;

/**
 * The outcome of {@link GradientDescent#run}: the trained parameters and the recorded costs.
 *
 * @param <P> the parameter type
 */
public record TrainingResult<P>(P parameters, CostHistory costs) {
}
