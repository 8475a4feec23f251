package org.nndl4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nndl4j.testing.Golden;

/** Element-wise operations against numpy, one broadcasting case at a time (golden/matrix.golden). */
class MatrixBroadcastTest {

    private static final Golden GOLDEN = Golden.load("matrix.golden");

    private static final String[] CASES = {"same", "column", "row", "one", "column_first", "row_first",
        "outer_col_row", "outer_row_col", "scalar_both", "empty_rows", "err_cols", "err_rows", "err_transposed",
        "err_col_vs_row_len"};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String c : CASES) {
            b.add(Arguments.of(c, "plus", (BinaryOperator<Matrix>) Matrix::plus));
            b.add(Arguments.of(c, "minus", (BinaryOperator<Matrix>) Matrix::minus));
            b.add(Arguments.of(c, "times", (BinaryOperator<Matrix>) Matrix::times));
            b.add(Arguments.of(c, "div", (BinaryOperator<Matrix>) Matrix::div));
            b.add(Arguments.of(c, "maximum", (BinaryOperator<Matrix>) Matrix::maximum));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void elementwise_matchesNumpyIncludingErrors(String name, String op, BinaryOperator<Matrix> f) {
        Matrix a = GOLDEN.matrix("case." + name + ".a");
        Matrix b = GOLDEN.matrix("case." + name + ".b");
        String key = "case." + name + "." + op;
        if (GOLDEN.strings(key).length == 1 && GOLDEN.strings(key)[0].equals("error")) {
            ShapeException e = assertThrows(ShapeException.class, () -> f.apply(a, b));
            assertTrue(e.getMessage().startsWith(op + ": shapes " + a.shape() + " and " + b.shape()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("cannot be broadcast"), e.getMessage());
        } else {
            Matrix expected = GOLDEN.matrix(key);
            Matrix actual = f.apply(a, b);
            assertEquals(expected.shape(), actual.shape());
            // element-wise IEEE operations: bit-identical to numpy
            assertEquals(expected, actual);
        }
    }
}
