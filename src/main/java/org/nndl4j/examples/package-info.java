/**
 * One main class per course program, printing the course's lines and writing its pictures:
 * {@link org.nndl4j.examples.NumpyBasics} (spec 1.1), {@link org.nndl4j.examples.CatLogisticRegression} (1.2),
 * {@link org.nndl4j.examples.PlanarFlower} (1.3), {@link org.nndl4j.examples.CatDeepNetwork} (1.4 and 1.5, the
 * main job), {@link org.nndl4j.examples.DatasetSummary} (the datasets) and
 * {@link org.nndl4j.examples.Benchmark} (timings against the course's numpy code). Only this package prints.
 */
package org.nndl4j.examples;
