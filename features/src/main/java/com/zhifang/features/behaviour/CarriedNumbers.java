package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.zhifang.features.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Numbers a source carried (the caller numbers a trunk presented, the sender codes a port customer
 * used), stored per day, so complaints against those numbers can be laid at the source's door:
 * with spoofing, the complaint names the innocent number shown, and only this link reaches the
 * trunk that injected the call. One piece of code for trunks and port customers.
 */
public final class CarriedNumbers {
    private CarriedNumbers() {}

    public static final StructType CARRIED_SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField(TRAFFIC_DAY, DataTypes.DateType, false),
            DataTypes.createStructField(ENTITY_TYPE, DataTypes.StringType, false),
            DataTypes.createStructField(ENTITY_ID, DataTypes.StringType, false),
            DataTypes.createStructField(NUMBER, DataTypes.StringType, false)});

    /** Distinct (source, number) of one day. Cost: one partially-aggregated shuffle. */
    public static Dataset<Row> toCarriedDayState(Dataset<Row> rows, String entityType, String entityColumn,
                                                 String numberColumn, LocalDate day) {
        RequiredColumns.check(rows, "toCarriedDayState", entityColumn, numberColumn);
        Dataset<Row> carried = rows.filter(col(entityColumn).isNotNull().and(col(numberColumn).isNotNull()))
                .select(lit(day).as(TRAFFIC_DAY), lit(entityType).as(ENTITY_TYPE), col(entityColumn).as(ENTITY_ID),
                        col(numberColumn).as(NUMBER))
                .distinct();
        return EntityFeatures.conform(carried, CARRIED_SCHEMA, "toCarriedDayState");
    }

    /**
     * For each window: complaints filed in the window against numbers the source carried in the
     * window. Columns: {@code entity_id, complaints_on_carried_numbers_<n>d}. Cost: a join of the
     * window's complaints (small) with the window's carried numbers of one entity type.
     */
    public static Dataset<Row> toComplaintsOnCarried(Dataset<Row> carried, Dataset<Row> complaints, String entityType,
                                                     LocalDate day, List<Integer> windows) {
        RequiredColumns.check(carried, "toComplaintsOnCarried", CARRIED_SCHEMA.fieldNames());
        RequiredColumns.check(complaints, "toComplaintsOnCarried", REPORTED_NUMBER, EVENT_DAY);
        WindowMerger.checkWindows(windows);
        LocalDate from = day.minusDays(Collections.max(windows) - 1);
        Dataset<Row> lastCarried = carried
                .filter(col(ENTITY_TYPE).equalTo(entityType).and(col(TRAFFIC_DAY).between(lit(from), lit(day))))
                .groupBy(ENTITY_ID, NUMBER).agg(max(TRAFFIC_DAY).as("_last_carried"));
        Dataset<Row> filed = complaints.filter(col(EVENT_DAY).between(lit(from), lit(day)))
                .select(col(REPORTED_NUMBER).as("_reported"), col(EVENT_DAY).as("_filed"));
        Dataset<Row> joined = lastCarried.join(filed, col(NUMBER).equalTo(col("_reported")));
        List<Column> aggs = new ArrayList<>();
        for (int w : windows) {
            Column start = lit(day.minusDays(w - 1));
            aggs.add(sum(when(col("_filed").geq(start).and(col("_last_carried").geq(start)), 1L).otherwise(0L))
                    .as(windowed(COMPLAINTS_ON_CARRIED, w)));
        }
        return joined.groupBy(ENTITY_ID).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }
}
