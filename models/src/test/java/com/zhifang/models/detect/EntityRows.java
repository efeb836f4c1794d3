package com.zhifang.models.detect;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.RecordColumns.IMEI;
import static com.zhifang.features.schema.RecordColumns.NUMBER;

/**
 * Hand-built feature rows for detector tests: every column of the entity's real scoring input
 * (the features table, and for numbers the graph, ring and device columns {@link ScoringInputs}
 * adds), null unless the test sets it.
 */
final class EntityRows {
    private EntityRows() {
    }

    /** The schema the number detectors see in the score stage. */
    static StructType numberInputSchema(SparkSession spark) {
        Dataset<Row> numbers = empty(spark, Schemas.schemaOf(Tables.FEATURES_NUMBER));
        Dataset<Row> withGraph = ScoringInputs.withGraphFeatures(numbers, empty(spark, Schemas.schemaOf(Tables.GRAPH_FEATURES_NUMBER)),
                empty(spark, Schemas.schemaOf(Tables.GRAPH_RINGS)));
        Dataset<Row> pairs = empty(spark, new StructType().add(NUMBER, "string").add(IMEI, "string"));
        return ScoringInputs.withServingDevice(withGraph, pairs, empty(spark, Schemas.schemaOf(Tables.FEATURES_DEVICE)), "sims_7d").schema();
    }

    /** One frame of rows in {@code schema}, each given as column -> value (others null). */
    @SafeVarargs
    static Dataset<Row> rows(SparkSession spark, StructType schema, Map<String, Object>... values) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> v : values) {
            for (String c : v.keySet()) {
                schema.fieldIndex(c);   // a typo in a test fails here, not as a silent null
            }
            Object[] fields = new Object[schema.fields().length];
            StructField[] f = schema.fields();
            for (int i = 0; i < f.length; i++) {
                Object x = v.get(f[i].name());
                fields[i] = x instanceof Number n ? switch (f[i].dataType().typeName()) {
                    case "long" -> (Object) n.longValue();
                    case "integer" -> (Object) n.intValue();
                    case "double" -> (Object) n.doubleValue();
                    default -> x;
                } : x;
                if (fields[i] == null && !f[i].nullable()) {
                    fields[i] = defaultOf(f[i]);
                }
            }
            rows.add(RowFactory.create(fields));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Object defaultOf(StructField f) {
        return switch (f.dataType().typeName()) {
            case "boolean" -> false;
            case "long" -> 0L;
            case "integer" -> 0;
            case "double" -> 0.0;
            case "string" -> "";
            case "date" -> java.time.LocalDate.of(2026, 11, 7);
            default -> throw new IllegalArgumentException("set non-null column " + f.name());
        };
    }

    private static Dataset<Row> empty(SparkSession spark, StructType schema) {
        return spark.createDataFrame(List.of(), schema);
    }
}
