package org.nndl4j.plot;

import org.nndl4j.Nndl4jException;

import java.util.Locale;

/**
 * Tick positions at "nice numbers" (1, 2 or 5 times a power of ten) inside an axis range, and their labels
 * with as many decimals as the step needs ({@code 0.0, 0.2, 0.4}; {@code 0, 500, 1000}); very large or very
 * small values are written in scientific notation ({@code 2.5e-06}). Negative labels use the typographic
 * minus sign, as matplotlib does.
 *
 * @param values tick values in increasing order, all inside the range
 * @param labels one label per value
 * @param step   distance between two ticks
 */
record Ticks(double[] values, String[] labels, double step) {

    private static final double[] MANTISSAS = {1, 2, 5};
    private static final double EPS = 1e-9;

    /**
     * At most {@code maxTicks} (at least 2) nice ticks inside {@code [lo, hi]}, as many as possible.
     *
     * @throws IllegalArgumentException unless {@code lo < hi}, both finite
     */
    static Ticks of(double lo, double hi, int maxTicks) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new Nndl4jException("Ticks.of: expected a finite range lo < hi, got [" + lo + ", " + hi + "]");
        }
        int n = Math.max(2, maxTicks);
        int exponent = (int) Math.floor(Math.log10((hi - lo) / n));
        // the smallest nice step that puts at most n ticks in [lo, hi]
        for (int e = exponent; ; e++) {
            for (double mantissa : MANTISSAS) {
                double step = mantissa * Math.pow(10, e);
                long first = (long) Math.ceil(lo / step - EPS);
                long last = (long) Math.floor(hi / step + EPS);
                if (last - first + 1 <= n) {
                    return build(first, last, mantissa, e);
                }
            }
        }
    }

    private static Ticks build(long first, long last, double mantissa, int exponent) {
        int count = (int) Math.max(0, last - first + 1);
        double step = mantissa * Math.pow(10, exponent);
        double[] values = new double[count];
        double maxAbs = 0;
        for (int i = 0; i < count; i++) {
            // k * mantissa is an exact integer; scaling by 10^e once keeps 0.1 * 3 from becoming 0.30000000000000004
            double k = (first + i) * mantissa;
            values[i] = exponent >= 0 ? k * Math.pow(10, exponent) : k / Math.pow(10, -exponent);
            values[i] += 0.0; // no -0.0
            maxAbs = Math.max(maxAbs, Math.abs(values[i]));
        }
        String[] labels = new String[count];
        boolean scientific = maxAbs >= 1e6 || exponent < -4;
        for (int i = 0; i < count; i++) {
            labels[i] = scientific ? scientific(values[i], maxAbs, exponent) : plain(values[i], exponent);
        }
        return new Ticks(values, labels, step);
    }

    private static String plain(double value, int exponent) {
        int decimals = Math.max(0, -exponent);
        return minus(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    private static String scientific(double value, double maxAbs, int exponent) {
        if (value == 0) {
            return "0";
        }
        int digits = Math.max(0, Math.min(6, (int) Math.floor(Math.log10(maxAbs)) - exponent));
        return minus(String.format(Locale.ROOT, "%." + digits + "e", value));
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** Number of ticks. */
    int size() {
        return values.length;
    }
}
