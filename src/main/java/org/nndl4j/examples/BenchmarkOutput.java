package org.nndl4j.examples;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the JSON lines the benchmarks' numpy scripts print, and the median the benchmarks report. */
final class BenchmarkOutput {

    private BenchmarkOutput() {
    }

    /** The value of {@code "name": value} in a one-line JSON object. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("numpy output without \"" + name + "\": " + json);
        }
        return m.group(1).strip();
    }

    /** The numbers of {@code "name": [a, b, ...]} in a one-line JSON object. */
    static double[] numbers(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("numpy output without \"" + name + "\": " + json);
        }
        return Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** The median of {@code values}. */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
