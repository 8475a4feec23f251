package org.nndl4j.spark;

import java.io.Serializable;
import java.util.Arrays;

import org.nndl4j.Nndl4jException;

/**
 * One training example of a {@code JavaRDD}: its features and its label, as Spark ML labels them (0 or 1 for a
 * sigmoid output, the class index {@code 0 .. C-1} for a softmax output of {@code C} units). Only used to get rows
 * into {@link ExampleBlocks}; training itself works on column-major blocks. The values are checked there, where the
 * example's position is known ({@link BadRows}).
 *
 * @param features the example's features, {@code n[0]} of them (not copied)
 * @param label    the class index
 * @serial exclude
 */
public record LabeledExample(double[] features, double label) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param features the features (not copied; must not be null)
     * @param label    the class index
     * @throws Nndl4jException if {@code features} is null
     */
    public LabeledExample {
        if (features == null) {
            throw new Nndl4jException("LabeledExample: features is null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledExample other && Arrays.equals(features, other.features)
                && Double.compare(label, other.label) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Double.hashCode(label);
    }

    @Override
    public String toString() {
        return "LabeledExample[" + features.length + " features, label " + label + "]";
    }
}
