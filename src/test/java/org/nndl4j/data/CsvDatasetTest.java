package org.nndl4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nndl4j.matrix.Matrix;

/** CSV files of numbers with a header and a label column, written in a temporary folder. */
class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    @Test
    void load_threeClasses_featuresInHeaderOrder_classesSortedByName() throws IOException {
        Path file = csv("a,species,b\n1.5,virginica,2\n-3,setosa,4e1\n5,versicolor,.5\n7,setosa,8\n");
        LabeledData d = CsvDataset.load(file, "species");
        assertEquals(Matrix.of(new double[][] {{1.5, -3, 5, 7}, {2, 40, 0.5, 8}}), d.X());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(Matrix.rowVector(2, 0, 1, 0), d.labels());
        assertEquals(3, d.Y().rows());
    }

    @Test
    void load_twoClasses_givesZeroOneRow_numericNamesSortNumerically() throws IOException {
        Path file = csv("x,label\n1,10\n2,2\n3,10\n");
        LabeledData d = CsvDataset.load(file, "label");
        assertEquals(List.of("2", "10"), d.classNames());
        assertEquals(Matrix.rowVector(1, 0, 1), d.Y());
    }

    @Test
    void load_withClassNames_usesTheirOrder_evenForAFileOfOneClass() throws IOException {
        Path file = csv("x,y,label\n1,2,dog\n3,4,dog\n");
        LabeledData d = CsvDataset.load(file, "label", List.of("cat", "dog"));
        assertEquals(Matrix.rowVector(1, 1), d.Y());
        assertEquals(List.of("cat", "dog"), d.classNames());
    }

    @Test
    void load_quotedCells_spaces_blankLines_bomAndCrlf_areAccepted() throws IOException {
        Path file = csv("\uFEFF \"width\" , \"kind, of\"\r\n\r\n 1 ,\"big \"\"one\"\"\"\r\n2,small\r\n\r\n");
        LabeledData d = CsvDataset.load(file, "kind, of");
        assertEquals(Matrix.rowVector(1, 2), d.X());
        assertEquals(List.of("big \"one\"", "small"), d.classNames());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bad cell     | x,y,label\\n1,2,a\\n3,abc,b\\n   | line 3, column 2 (y): 'abc' is not a number",
            "an empty cell  | x,y,label\\n1,,a\\n3,4,b\\n      | line 2, column 2 (y): the cell is empty",
            "NaN            | x,y,label\\n1,2,a\\nNaN,4,b\\n    | line 3, column 1 (x): 'NaN' is not a number",
            "a Java suffix  | x,y,label\\n1,2d,a\\n3,4,b\\n     | line 2, column 2 (y): '2d' is not a number",
            "an overflow    | x,y,label\\n1,2,a\\n1e999,4,b\\n  | line 3, column 1 (x): '1e999' is too large",
            "an empty label | x,y,label\\n1,2,a\\n3,4,\\n       | line 3, column 3 (label): the label is empty",
            "a short line   | x,y,label\\n1,2,a\\n3,b\\n        | line 3 has 2 cells but the header (line 1) has 3 columns",
            "a long line    | x,y,label\\n1,2,a,9\\n3,4,b\\n    | line 2 has 4 cells but the header (line 1) has 3",
            "an open quote  | x,y,label\\n1,2,\"a\\n3,4,b\\n    | line 2, column 3: the quote opened at character 5 is not closed",
            "no label column| x,y,class\\n1,2,a\\n            | no label column 'label' in the header (line 1); columns are [x, y, class]",
            "a repeated name| x,x,label\\n1,2,a\\n            | line 1 (the header), column 2: column 'x' is named twice",
            "a nameless one | x,,label\\n1,2,a\\n             | line 1 (the header), column 2: the column has no name",
            "only a label   | label\\na\\nb\\n                | names only the label column 'label'",
            "only a header  | x,y,label\\n\\n                 | no examples: the header (line 1) is followed by no data lines",
            "an empty file  | ''                            | the file is empty",
            "blank lines    | \\n  \\n                        | the file is empty",
            "one class      | x,label\\n1,a\\n2,a\\n           | column 'label' holds only one class, 'a'",
    })
    void badInput_isADatasetExceptionNamingTheFileAndWhere(String what, String text, String problem) throws IOException {
        Path file = csv(text.replace("\\n", "\n"));
        DatasetException e = assertThrows(DatasetException.class, () -> CsvDataset.load(file, "label"));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), what + ": " + e.getMessage());
    }

    @Test
    void aLabelOutsideTheGivenClasses_namesLineAndColumn() throws IOException {
        Path file = csv("x,label\n1,cat\n2,cow\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CsvDataset.load(file, "label", List.of("cat", "dog")));
        assertEquals(file + ": line 3, column 2 (label): label 'cow' is not one of the class names given [cat, dog]", e.getMessage());
    }

    @Test
    void notUtf8_missing_orAFolder_isADatasetExceptionNamingTheFile() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'x', ',', 'l', '\n', '1', ',', (byte) 0xE9, '\n'});
        DatasetException e = assertThrows(DatasetException.class, () -> CsvDataset.load(latin1, "l"));
        assertTrue(e.getMessage().startsWith(latin1 + ": "), e.getMessage());
        assertTrue(e.problem().contains("not UTF-8"), e.getMessage());

        Path missing = dir.resolve("missing.csv");
        e = assertThrows(DatasetException.class, () -> CsvDataset.load(missing, "l"));
        assertTrue(e.getMessage().startsWith(missing + ": file not found"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> CsvDataset.load(dir, "l"));
        assertEquals(dir + ": is a directory, not a CSV file", e.getMessage());
    }

    @Test
    void manyLines_growTheBuffer_andKeepEveryValue() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c,label\n");
        for (int j = 0; j < 1000; j++) {
            sb.append(j).append(',').append(-j).append(',').append(j * 0.5).append(',').append(j % 2 == 0 ? "even" : "odd").append('\n');
        }
        LabeledData d = CsvDataset.load(csv(sb.toString()), "label");
        assertEquals(1000, d.size());
        assertEquals(999.0, d.X().get(0, 999));
        assertEquals(-999.0, d.X().get(1, 999));
        assertEquals(499.5, d.X().get(2, 999));
        assertEquals(1.0, d.Y().get(0, 999));
    }
}
