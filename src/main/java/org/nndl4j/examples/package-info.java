/**
 * One main class per program, printing the course's lines and writing its pictures. From "Neural Networks and Deep
 * Learning": {@link org.nndl4j.examples.NumpyBasics}, {@link org.nndl4j.examples.CatLogisticRegression},
 * {@link org.nndl4j.examples.PlanarFlower}, {@link org.nndl4j.examples.CatDeepNetwork} (the main job). From "Improving
 * Deep Neural Networks": {@link org.nndl4j.examples.CirclesInitialization},
 * {@link org.nndl4j.examples.FootballRegularization}, {@link org.nndl4j.examples.GradientChecking},
 * {@link org.nndl4j.examples.MoonsOptimizers}. nndl4j's own many-class program:
 * {@link org.nndl4j.examples.DigitsClassifier}. And {@link org.nndl4j.examples.DatasetSummary} (the datasets),
 * {@link org.nndl4j.examples.Benchmark} and {@link org.nndl4j.examples.OptimizerBenchmark} (timings against the courses'
 * numpy code). Only this package prints.
 */
package org.nndl4j.examples;
