package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.util.Arrays;

import org.nndl4j.matrix.Checks;
import org.nndl4j.random.NumpyRandom;

/**
 * A training part and a test part drawn from one {@link LabeledData} by a seeded random permutation, the way
 * scikit-learn's {@code train_test_split(X, y, test_size=testFraction, random_state=seed)} draws them: with
 * {@code p = np.random.RandomState(seed).permutation(m)}, the test part is the examples {@code p[:n_test]} and the
 * training part {@code p[n_test:]}, in that order, where {@code n_test = ceil(testFraction · m)}.
 *
 * @param train the training part
 * @param test  the test part
 */
public record TrainTestSplit(LabeledData train, LabeledData test) {

    /**
     * @param train the training part
     * @param test  the test part
     * @throws IllegalArgumentException if a part is null or they differ in features or classes
     */
    public TrainTestSplit {
        Checks.notNull("TrainTestSplit", "train", train);
        Checks.notNull("TrainTestSplit", "test", test);
        if (train.features() != test.features() || !train.classNames().equals(test.classNames())) {
            throw new Nndl4jException("TrainTestSplit: the parts differ: train has " + train.features()
                    + " features and classes " + train.classNames() + ", test " + test.features() + " and " + test.classNames());
        }
    }

    /**
     * Splits with a permutation from {@code new NumpyRandom(seed)}.
     *
     * @param data         the examples to split, at least 2
     * @param testFraction the share of examples in the test part, {@code 0 < testFraction < 1}; rounded up, and such
     *                     that both parts keep at least one example
     * @param seed         the seed ({@code random_state})
     * @return the two parts
     */
    public static TrainTestSplit of(LabeledData data, double testFraction, long seed) {
        return of(data, testFraction, new NumpyRandom(seed));
    }

    /**
     * Splits with a permutation drawn from {@code random} (which advances).
     *
     * @param data         the examples to split, at least 2
     * @param testFraction the share of examples in the test part, {@code 0 < testFraction < 1}
     * @param random       where the permutation comes from
     * @return the two parts
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or leaves a part empty
     */
    public static TrainTestSplit of(LabeledData data, double testFraction, NumpyRandom random) {
        Checks.notNull("TrainTestSplit.of", "data", data);
        Checks.notNull("TrainTestSplit.of", "random", random);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new Nndl4jException("TrainTestSplit.of: testFraction must be between 0 and 1 (exclusive), got "
                    + testFraction);
        }
        int m = data.size();
        int nTest = (int) Math.ceil(testFraction * m);
        if (nTest >= m) {
            throw new Nndl4jException("TrainTestSplit.of: a test fraction of " + testFraction + " of " + m
                    + " examples leaves no training examples (" + nTest + " test)");
        }
        int[] p = random.permutation(m);
        int[] test = Arrays.copyOfRange(p, 0, nTest);
        int[] train = Arrays.copyOfRange(p, nTest, m);
        return new TrainTestSplit(select(data, train), select(data, test));
    }

    private static LabeledData select(LabeledData data, int[] columns) {
        return new LabeledData(data.X().selectColumns(columns), data.Y().selectColumns(columns), data.classNames());
    }
}
