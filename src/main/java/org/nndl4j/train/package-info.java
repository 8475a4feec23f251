/**
 * The one batch-gradient-descent loop ({@link org.nndl4j.train.GradientDescent}), its configuration, cost history,
 * progress listeners and the guard that stops training when the cost stops being finite.
 */
package org.nndl4j.train;
