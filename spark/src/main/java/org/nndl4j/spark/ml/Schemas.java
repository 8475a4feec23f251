package org.nndl4j.spark.ml;

import java.util.Arrays;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nndl4j.Nndl4jException;

/** The schema checks of the estimator and the model: each refusal names the column and what it is. */
final class Schemas {

    private Schemas() {
    }

    /** Refuses a schema without {@code column} as a Spark ML vector column. */
    static void requireVector(StructType schema, String column) {
        StructField field = field(schema, column, "features");
        if (!field.dataType().equals(SQLDataTypes.VectorType())) {
            throw new Nndl4jException("NetworkClassifier: the features column '" + column + "' must be a Spark ML "
                    + "vector column (VectorUDT, e.g. from VectorAssembler), it is " + field.dataType().simpleString());
        }
    }

    /** Refuses a schema without {@code column} as a numeric column. */
    static void requireNumeric(StructType schema, String column) {
        StructField field = field(schema, column, "label");
        if (!(field.dataType() instanceof NumericType)) {
            throw new Nndl4jException("NetworkClassifier: the label column '" + column + "' must be numeric (class "
                    + "indices 0 .. C-1), it is " + field.dataType().simpleString());
        }
    }

    /**
     * The schema with a {@code double} prediction column and a vector probability column (an empty name: none);
     * refuses a name that is already a column.
     */
    static StructType withOutputs(StructType schema, String prediction, String probability) {
        StructType out = schema;
        if (!probability.isEmpty()) {
            requireAbsent(schema, probability, "probability");
            out = out.add(probability, SQLDataTypes.VectorType(), false);
        }
        if (!prediction.isEmpty()) {
            requireAbsent(out, prediction, "prediction");
            out = out.add(prediction, DataTypes.DoubleType, false);
        }
        return out;
    }

    private static void requireAbsent(StructType schema, String column, String what) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new Nndl4jException("NetworkClassifier: the " + what + " column '" + column + "' already exists in "
                    + Arrays.toString(schema.fieldNames()) + "; set another " + what + "Col");
        }
    }

    private static StructField field(StructType schema, String column, String what) {
        return Arrays.stream(schema.fields()).filter(f -> f.name().equals(column)).findFirst()
                .orElseThrow(() -> new Nndl4jException("NetworkClassifier: no " + what + " column '" + column
                        + "' in " + Arrays.toString(schema.fieldNames()) + "; set " + what + "Col"));
    }
}
