package com.zhifang.models.train;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;

/**
 * Hand-built rows of the warehouse tables the trainer reads (features_number, graph_features_number,
 * police_notices, feedback), in their real schemas: unnamed values are null (or 0 / false for
 * non-nullable columns).
 */
final class TrainTestRows {
    private TrainTestRows() {}

    /** A features_number row of {@code number} on {@code date} with the given values. */
    static Row featureRow(String number, LocalDate date, Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put(NUMBER, number);
        all.put(FEATURE_DATE, date);
        return row(Schemas.schemaOf(Tables.FEATURES_NUMBER), all);
    }

    static Row graphRow(String number, LocalDate date, Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put(NUMBER, number);
        all.put(GRAPH_DATE, date);
        return row(Schemas.schemaOf(Tables.GRAPH_FEATURES_NUMBER), all);
    }

    static Dataset<Row> frame(SparkSession spark, String table, List<Row> rows) {
        return spark.createDataFrame(rows, Schemas.schemaOf(table));
    }

    static Row police(String number, LocalDate on) {
        return row(Schemas.schemaOf(Tables.POLICE_NOTICES), Map.of(RECORD_ID, "p-" + number + on, NUMBER, number,
                NUMBER_CLASS, "MOBILE", NOTIFIED_ON, on, EVENT_DAY, on, LANDING_DAY, on, SOURCE_FILE, "p.csv", INGEST_RUN_ID, "run"));
    }

    static Row feedback(String entityType, String id, LocalDate on, String outcome) {
        return row(Schemas.schemaOf(Tables.FEEDBACK), Map.of(RECORD_ID, "f-" + id + on + outcome, ENTITY_TYPE, entityType,
                ENTITY_ID, id, DECIDED_ON, on, EVENT_DAY, on, OUTCOME, outcome, LANDING_DAY, on, SOURCE_FILE, "f.csv",
                INGEST_RUN_ID, "run"));
    }

    private static Row row(StructType schema, Map<String, Object> values) {
        List<Object> cells = new ArrayList<>();
        for (StructField f : schema.fields()) {
            Object v = values.get(f.name());
            if (v == null && !f.nullable()) {
                v = f.dataType().equals(DataTypes.BooleanType) ? Boolean.FALSE
                        : f.dataType().equals(DataTypes.LongType) ? Long.valueOf(0L)
                        : f.dataType().equals(DataTypes.IntegerType) ? Integer.valueOf(0) : null;
            }
            cells.add(v);
        }
        for (String name : values.keySet()) {
            if (!List.of(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("no column " + name + " in " + schema.simpleString());
            }
        }
        return RowFactory.create(cells.toArray());
    }
}
