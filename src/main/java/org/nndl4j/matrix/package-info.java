/**
 * The matrix core: {@link org.nndl4j.matrix.Matrix}, an immutable 2-D value over EJML with numpy's broadcasting
 * and shape errors that name both shapes; {@link org.nndl4j.matrix.NDArray} for images; and
 * Examples are columns.
 */
package org.nndl4j.matrix;
