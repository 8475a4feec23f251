package org.nndl4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nndl4j.matrix.Matrix;

/**
 * Reads a golden-value file from {@code src/test/resources/golden/} (made by the Python scripts next
 * to them): {@code #} comment lines, then {@code key = v1 v2 ...} lines. Matrices come with a
 * {@code key.shape = rows cols} line.
 */
public final class Golden {

    private final String name;
    private final Map<String, String[]> values;

    private Golden(String name, Map<String, String[]> values) {
        this.name = name;
        this.values = values;
    }

    /** Loads {@code golden/<file>} from the test classpath. */
    public static Golden load(String file) {
        String path = "/golden/" + file;
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("golden file not found on the test classpath: " + path);
            }
            Map<String, String[]> values = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException(path + ": malformed line: " + t);
                }
                String rest = t.substring(eq + 1).strip();
                values.put(t.substring(0, eq).strip(), rest.isEmpty() ? new String[0] : rest.split("\\s+"));
            }
            return new Golden(path, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private String[] raw(String key) {
        String[] v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no key '" + key + "'; keys: " + values.keySet());
        }
        return v;
    }

    public double[] doubles(String key) {
        return Arrays.stream(raw(key)).mapToDouble(Double::parseDouble).toArray();
    }

    public double scalar(String key) {
        double[] v = doubles(key);
        if (v.length != 1) {
            throw new IllegalArgumentException(name + ": key '" + key + "' holds " + v.length + " values, not 1");
        }
        return v[0];
    }

    public int[] ints(String key) {
        return Arrays.stream(raw(key)).mapToInt(s -> (int) Double.parseDouble(s)).toArray();
    }

    public long[] longs(String key) {
        return Arrays.stream(raw(key)).mapToLong(Long::parseLong).toArray();
    }

    public String[] strings(String key) {
        return raw(key).clone();
    }

    /** A matrix stored row-major under {@code key} with its shape under {@code key.shape}. */
    public Matrix matrix(String key) {
        int[] shape = ints(key + ".shape");
        return Matrix.fromRowMajor(shape[0], shape[1], doubles(key));
    }
}
