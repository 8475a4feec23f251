package org.nndl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFormatTest {

    /**
     * Expected strings are Python 3.11's output of {@code print(repr(x))} for the same doubles
     * (e.g. {@code python3 -c 'print(repr(1e-05))'}), pasted here literally.
     */
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
            "0.1                     | 0.1",
            "1e-5                    | 1e-05",
            "1e16                    | 1e+16",
            "123456789.0             | 123456789.0",
            "0.693049735659989       | 0.693049735659989",
            "0.048554785628770226    | 0.048554785628770226",
            "99.04306220095694       | 99.04306220095694",
            "70.0                    | 70.0",
            "NaN                     | nan",
            "Infinity                | inf",
            "-Infinity               | -inf",
            "-0.0                    | -0.0",
            "0.0                     | 0.0",
            "0.0001                  | 0.0001",
            "0.01                    | 0.01",
            "0.001                   | 0.001",
            "1e15                    | 1000000000000000.0",
            "1.5e-7                  | 1.5e-07",
            "4.9e-324                | 5e-324",
            "1.7976931348623157e308  | 1.7976931348623157e+308",
            "8.219730488010134e16    | 8.219730488010134e+16",
            "1.5e-323                | 1.5e-323",
            "0.3333333333333333      | 0.3333333333333333",
            "-2.5                    | -2.5",
            "0.6931471805599453      | 0.6931471805599453",
            "123456789012345678.0    | 1.2345678901234568e+17",
            "9007199254740993.0      | 9007199254740992.0",
    })
    void repr_matchesPythonRepr(double x, String python) {
        assertEquals(python, PythonFormat.repr(x));
    }

    @Test
    void repr_valueWhereJava17IsNotShortest_givesPythonsShortestDigits() {
        double x = 8.219730488010134e16;
        // Java 17 prints 8.2197304880101344E16 (17 digits); Python prints 16
        assertEquals("8.219730488010134e+16", PythonFormat.repr(x));
        assertEquals(x, Double.parseDouble(PythonFormat.repr(x)));
    }

    @Test
    void repr_accuracyComputedAsTheCourseDoes_printsTheSpecDigits() {
        // 100 - mean(|Ŷ - Y|) * 100 with 2 errors out of 209 examples; the spec prints 99.04306220095694
        double accuracy = 100.0 - (2.0 / 209.0) * 100.0;
        assertEquals("99.04306220095694", PythonFormat.repr(accuracy));
    }

    @Test
    void repr_coursesCosts_givesPythonsShortestDigits() {
        assertEquals("0.693049735659989", PythonFormat.repr(0.693049735659989));
        assertEquals("0.048554785628770226", PythonFormat.repr(0.048554785628770226));
        assertEquals("0.30000000000000004", PythonFormat.repr(0.1 + 0.2));
        assertEquals("1.0", PythonFormat.repr(1.0));
        assertEquals("1e-05", PythonFormat.repr(1e-5));
        assertEquals("0.0001", PythonFormat.repr(1e-4));
        assertEquals("1e+16", PythonFormat.repr(1e16));
        assertEquals("-2.5", PythonFormat.repr(-2.5));
    }

    @Test
    void python2Str_givesTheCoursesTwelveDigitAccuracies() {
        assertEquals("0.985645933014", PythonFormat.python2Str(206.0 / 209.0));
        assertEquals("1.0", PythonFormat.python2Str(0.9999999999999998));
        assertEquals("0.72", PythonFormat.python2Str(0.72));
        assertEquals("0.8", PythonFormat.python2Str(0.8));
        assertEquals("0.0", PythonFormat.python2Str(0.0));
    }
}
