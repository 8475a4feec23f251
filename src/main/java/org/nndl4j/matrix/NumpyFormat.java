package org.nndl4j.matrix;

import java.math.BigDecimal;
import java.math.RoundingMode;


/**
 * Prints matrices the way numpy's {@code print(array)} does by default (8 significant decimals at
 * most, decimal points aligned), so the examples' output reads like the course's.
 */
public final class NumpyFormat {

    private static final int PRECISION = 8;

    private NumpyFormat() {
    }

    /**
     * A {@code (1, n)} or {@code (n, 1)} matrix printed as a 1-D array, {@code [0.73105858 0.88079708]}.
     *
     * @param v a {@code (1, n)} or {@code (n, 1)} matrix
     * @return the numpy text of the 1-D array
     */
    public static String vector(Matrix v) {
        return "[" + String.join(" ", pad(v.toRowMajor())) + "]";
    }

    /**
     * A matrix printed as numpy prints a 2-D array, one row per line.
     *
     * @param m the matrix
     * @return the numpy text, rows separated by newlines
     */
    public static String matrix(Matrix m) {
        String[] cells = pad(m.toRowMajor());
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < m.rows(); i++) {
            if (i > 0) {
                sb.append("\n ");
            }
            sb.append('[');
            for (int j = 0; j < m.cols(); j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(cells[i * m.cols() + j]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static String[] pad(double[] values) {
        String[] ints = new String[values.length];
        String[] fracs = new String[values.length];
        int intWidth = 0;
        int fracWidth = 0;
        boolean integral = true;
        for (double v : values) {
            integral &= v == Math.rint(v) && Math.abs(v) < 1e16;
        }
        for (int i = 0; i < values.length; i++) {
            String s;
            if (!Double.isFinite(values[i])) {
                s = Double.isNaN(values[i]) ? "nan" : (values[i] > 0 ? "inf" : "-inf");
            } else if (integral) {
                s = Long.toString((long) values[i]);
            } else {
                s = new BigDecimal(values[i]).setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            }
            int dot = s.indexOf('.');
            ints[i] = dot < 0 ? s : s.substring(0, dot);
            fracs[i] = dot < 0 ? "" : s.substring(dot + 1);
            intWidth = Math.max(intWidth, ints[i].length());
            fracWidth = Math.max(fracWidth, fracs[i].length());
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String left = " ".repeat(intWidth - ints[i].length()) + ints[i];
            if (integral) {
                out[i] = left;
            } else if (!Double.isFinite(values[i])) {
                out[i] = left + " ".repeat(fracWidth + 1);
            } else {
                out[i] = left + "." + fracs[i] + " ".repeat(fracWidth - fracs[i].length());
            }
        }
        return out;
    }
}
