package org.nndl4j.examples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints numbers the way Python prints them, so examples can reproduce the course's output digit for
 * digit (the course prints {@code str(float)}, e.g. {@code train accuracy: 99.04306220095694 %} and
 * {@code test accuracy: 70.0 %}).
 *
 * <p>{@link #repr(double)} gives Python 3's {@code repr(x)} (which is also {@code str(x)}): the
 * shortest decimal digits that read back as the same double (nearest to it when several are that
 * short), in positional notation when the decimal exponent is between -4 and 16 ({@code 0.0001},
 * {@code 70.0}, {@code 1000000000000000.0}) and in scientific notation otherwise ({@code 1e-05},
 * {@code 1e+16}, {@code 1.5e-07}). Java 17's {@link Double#toString(double)} differs both in layout
 * ({@code 1.0E-5}) and, for some values, in the digits themselves (it is not always shortest).
 */
public final class PythonFormat {

    private PythonFormat() {
    }

    /**
     * Python's {@code repr(x)} / {@code str(x)} for a float: {@code 0.1}, {@code 70.0}, {@code 1e-05}, {@code nan},
     * {@code -inf}.
     *
     * @param x the number
     * @return Python 3's text for it
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(x) < 0) ? "-" : "";
        if (x == 0.0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros of the digit string (the value keeps them in its scale)
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        // decpt: the value is 0.d1d2d3... × 10^decpt
        int decpt = shortest.precision() - shortest.scale();
        return sign + layout(digits, decpt);
    }

    /**
     * The shortest decimal that parses back to {@code x} (x finite and > 0), the nearest such one
     * when several have that many digits.
     */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (Double.parseDouble(candidate.toString()) != x) {
                    continue;
                }
                if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        // 17 significant digits always round-trip; not reached
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** Python's {@code format_float_short} layout for mode 'r' with {@code Py_DTSF_ADD_DOT_0}. */
    private static String layout(String digits, int decpt) {
        int n = digits.length();
        if (decpt <= -4 || decpt > 16) {
            StringBuilder s = new StringBuilder();
            s.append(digits.charAt(0));
            if (n > 1) {
                s.append('.').append(digits, 1, n);
            }
            int exponent = decpt - 1;
            s.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                s.append('0');
            }
            return s.append(abs).toString();
        }
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt < n) {
            return digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        return digits + "0".repeat(decpt - n) + ".0";
    }

    /**
     * Python 2's {@code str(x)} for a float, {@code '%.12g'} with a trailing {@code .0} for whole numbers:
     * how the course's notebooks printed accuracies ({@code Accuracy: 0.985645933014}, {@code Accuracy: 1.0}
     * for numpy's 0.9999999999999998).
     *
     * @param x the number
     * @return Python 2's text for it
     */
    public static String python2Str(double x) {
        if (!Double.isFinite(x) || x == 0.0) {
            return repr(x);
        }
        BigDecimal v = new BigDecimal(x).round(new MathContext(12, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -4 && exponent < 12) {
            String s = v.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = v.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
    }
}
