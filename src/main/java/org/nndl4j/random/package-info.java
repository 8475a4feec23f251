/**
 * numpy-compatible random numbers: {@link org.nndl4j.random.NumpyRandom} is numpy's legacy {@code RandomState}
 * (MT19937, {@code seed}, {@code rand}, {@code randn}), so the course's seeds give the course's numbers.
 */
package org.nndl4j.random;
