package org.nndl4j.data;

import org.nndl4j.Nndl4jException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.nndl4j.matrix.Checks;
import org.nndl4j.matrix.Matrix;

/**
 * Your own labelled data from a CSV file of numbers: a header line naming the columns, then one example per line,
 * every column a number except the label column, named in the call. The features are the other columns, in the
 * header's order, so {@code X} is {@code (columns - 1, m)}.
 *
 * <pre>{@code
 * sepal_length,sepal_width,petal_length,petal_width,species
 * 5.1,3.5,1.4,0.2,setosa
 * 7.0,3.2,4.7,1.4,versicolor
 * }</pre>
 *
 * <p>Labels are names (any text, numbers included). {@link #load(Path, String)} numbers the classes in <b>sorted</b>
 * order of their names, so the numbering does not depend on the order of the lines (a training file and a test file
 * with the same classes number them the same): numerically if every name is a number ({@code 2 < 10}), otherwise by
 * {@link String#compareTo}. {@link #load(Path, String, List)} takes the names and their order from the caller. Two
 * classes give 0/1 labels {@code (1, m)}, more give one-hot labels {@code (C, m)}.
 *
 * <p>The file is UTF-8 (a byte-order mark is skipped), cells are separated by commas, surrounding spaces are ignored,
 * a cell may be quoted with {@code "} (a quote inside doubled, {@code ""}) but may not span lines, and blank lines
 * are skipped. Numbers are decimal ({@code 3}, {@code -0.5}, {@code 1e-3}); {@code NaN}, infinities and empty cells
 * are refused. Every failure is a {@link DatasetException} naming the file and, for a cell, its line (the header is
 * line 1) and its column (number and name), e.g.
 * {@code iris.csv: line 7, column 3 (petal_length): 'n/a' is not a number}.
 */
public final class CsvDataset {

    /** A decimal number: optional sign, digits with an optional point, optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvDataset() {
    }

    /**
     * Reads the file, numbering the classes in sorted order of their names (see the class comment).
     *
     * @param file        a CSV file with a header line
     * @param labelColumn the name of the label column in the header
     * @return {@code X (columns - 1, m)} and the labels, classes named by the label column's values
     * @throws DatasetException naming the file if it is missing, unreadable, empty, not UTF-8, has no such column, has
     *                          only one class, or (naming line and column) a ragged line or a cell that is not a number
     */
    public static LabeledData load(Path file, String labelColumn) {
        return read(file, labelColumn, null);
    }

    /**
     * Reads the file with the classes given: a label equal to {@code classNames.get(c)} is class {@code c}.
     *
     * @param file        a CSV file with a header line
     * @param labelColumn the name of the label column in the header
     * @param classNames  two or more distinct names, class 0 first
     * @return {@code X (columns - 1, m)} and the labels
     * @throws DatasetException as {@link #load(Path, String)}, and naming line and column of a label not in
     *                          {@code classNames}
     */
    public static LabeledData load(Path file, String labelColumn, List<String> classNames) {
        Checks.notNull("CsvDataset.load", "classNames", classNames);
        if (classNames.size() < 2 || new LinkedHashSet<>(classNames).size() != classNames.size()) {
            throw new Nndl4jException("CsvDataset.load: need at least 2 distinct class names, got " + classNames);
        }
        return read(file, labelColumn, List.copyOf(classNames));
    }

    private static LabeledData read(Path file, String labelColumn, List<String> classNames) {
        Checks.notNull("CsvDataset.load", "file", file);
        Checks.notNull("CsvDataset.load", "labelColumn", labelColumn);
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new DatasetException(source, "file not found (absolute path " + file.toAbsolutePath() + ")");
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(source, "is a directory, not a CSV file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(source, "file is not readable (check its permissions)");
        }
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            lineNumber = 1;
            while (line != null && line.isBlank()) {
                line = in.readLine();
                lineNumber++;
            }
            if (line == null) {
                throw new DatasetException(source, "the file is empty; expected a header line naming the columns, then one line per example");
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            List<String> header = split(line, source, lineNumber);
            int labelIndex = header.indexOf(labelColumn.strip());
            checkHeader(header, labelColumn, source, lineNumber, labelIndex);
            int features = header.size() - 1;
            int headerLine = lineNumber;

            double[] values = new double[Math.max(16, features * 64)];
            int size = 0;
            List<String> labelNames = new ArrayList<>();
            Map<String, Integer> given = new HashMap<>();
            if (classNames != null) {
                for (int c = 0; c < classNames.size(); c++) {
                    given.put(classNames.get(c), c);
                }
            }
            List<Integer> givenLabels = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line, source, lineNumber);
                if (cells.size() != header.size()) {
                    throw new DatasetException(source, "line " + lineNumber + " has " + cells.size() + " cells but the header (line " + headerLine + ") has "
                            + header.size() + " columns " + header);
                }
                if ((long) size + features > Integer.MAX_VALUE - 8) {
                    throw new DatasetException(source, "line " + lineNumber + ": more than " + (Integer.MAX_VALUE - 8)
                            + " values in all, more than one Java array holds");
                }
                if (size + features > values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + features, 2L * values.length)));
                }
                for (int k = 0; k < cells.size(); k++) {
                    String cell = cells.get(k);
                    if (k == labelIndex) {
                        if (cell.isEmpty()) {
                            throw new DatasetException(source, where(lineNumber, k, header) + ": the label is empty");
                        }
                        if (classNames != null) {
                            Integer c = given.get(cell);
                            if (c == null) {
                                throw new DatasetException(source, where(lineNumber, k, header) + ": label '" + cell
                                        + "' is not one of the class names given " + classNames);
                            }
                            givenLabels.add(c);
                        } else {
                            labelNames.add(cell);
                        }
                        continue;
                    }
                    values[size++] = number(cell, source, lineNumber, k, header);
                }
            }
            int m = size / features;
            if (m == 0) {
                throw new DatasetException(source, "no examples: the header (line " + headerLine + ") is followed by no data lines");
            }
            // X (n_x, m): the file's rows are examples, so transpose
            double[] x = new double[size];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < features; i++) {
                    x[i * m + j] = values[j * features + i];
                }
            }
            Matrix X = Matrix.fromRowMajor(features, m, x);
            if (classNames != null) {
                return ClassLabels.toLabeledData(source, X, givenLabels.stream().mapToInt(Integer::intValue).toArray(), classNames);
            }
            List<String> names = sortedClasses(labelNames);
            if (names.size() < 2) {
                throw new DatasetException(source, "column '" + labelColumn + "' holds only one class, '" + names.get(0)
                        + "'; a classifier needs two or more (to read a file of one class, pass the class names to "
                        + "CsvDataset.load(file, labelColumn, classNames))");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                index.put(names.get(c), c);
            }
            int[] labels = new int[m];
            for (int j = 0; j < m; j++) {
                labels[j] = index.get(labelNames.get(j));
            }
            return ClassLabels.toLabeledData(source, X, labels, names);
        } catch (CharacterCodingException e) {
            throw new DatasetException(source, "line " + (lineNumber + 1) + " is not UTF-8 text (" + Failures.summarize(e)
                    + "); save the file as UTF-8", e);
        } catch (IOException e) {
            throw new DatasetException(source, "cannot read the file: " + Failures.summarize(e), e);
        }
    }

    private static void checkHeader(List<String> header, String labelColumn, String source, int line, int labelIndex) {
        Set<String> seen = new LinkedHashSet<>();
        for (int k = 0; k < header.size(); k++) {
            String name = header.get(k);
            if (name.isEmpty()) {
                throw new DatasetException(source, "line " + line + " (the header), column " + (k + 1)
                        + ": the column has no name; the first line must name every column");
            }
            if (!seen.add(name)) {
                throw new DatasetException(source, "line " + line + " (the header), column " + (k + 1) + ": column '" + name
                        + "' is named twice");
            }
        }
        if (labelIndex < 0) {
            throw new DatasetException(source, "no label column '" + labelColumn + "' in the header (line " + line + "); columns are "
                    + header);
        }
        if (header.size() < 2) {
            throw new DatasetException(source, "the header (line " + line + ") names only the label column '" + labelColumn
                    + "'; expected at least one feature column besides it");
        }
    }

    private static double number(String cell, String source, int line, int k, List<String> header) {
        if (cell.isEmpty()) {
            throw new DatasetException(source, where(line, k, header) + ": the cell is empty; expected a number");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new DatasetException(source, where(line, k, header) + ": '" + abbreviate(cell) + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new DatasetException(source, where(line, k, header) + ": '" + abbreviate(cell) + "' is too large for a double");
        }
        return v;
    }

    private static String where(int line, int k, List<String> header) {
        return "line " + line + ", column " + (k + 1) + " (" + header.get(k) + ")";
    }

    private static String abbreviate(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
    }

    /** The distinct names, sorted numerically if all are numbers, else as strings. */
    private static List<String> sortedClasses(List<String> labels) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(labels));
        boolean numeric = names.stream().allMatch(n -> NUMBER.matcher(n).matches());
        names.sort(numeric ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder());
        return names;
    }

    /** One line's cells, trimmed; {@code "quoted, cells"} with {@code ""} for a quote. */
    private static List<String> split(String line, String source, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                int start = i++;
                while (true) {
                    if (i >= n) {
                        throw new DatasetException(source, "line " + lineNumber + ", column " + (cells.size() + 1)
                                + ": the quote opened at character " + (start + 1) + " is not closed on this line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new DatasetException(source, "line " + lineNumber + ", column " + (cells.size() + 1)
                            + ": text after the closing quote at character " + i);
                }
                cells.add(cell.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    i++;
                }
                cells.add(line.substring(start, i).strip());
            }
            cell.setLength(0);
            if (i >= n) {
                return cells;
            }
            i++; // the comma
        }
    }
}
