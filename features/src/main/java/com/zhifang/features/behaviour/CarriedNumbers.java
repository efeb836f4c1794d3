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
 * used), stored per day, so complaints against those numbers can be laid at the source's door
 * (with spoofing, the complaint names the innocent number shown, and only this link reaches the
 * trunk that injected the call), and so a window's distinct numbers carried are counted exactly.
 * One piece of code for trunks and port customers.
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
     * For each window: how many distinct numbers the source carried in it, exact (a trunk's caller
     * numbers presented, a port customer's codes), and the complaints filed in the window against
     * numbers it carried in the window. Columns: {@code entity_id, <distinctName>_<n>d...,
     * complaints_on_carried_numbers_<n>d...}, one row per source that carried a number in the
     * longest window. Exact rather than merged from daily sketches because these counts are quoted
     * as evidence ("623 distinct caller numbers presented in 7 days"), and a sketch's estimate
     * moves with how the records are split into partitions. Cost: one aggregation of the window's
     * carried pairs of one entity type by (entity, number) and one by entity; a join of the
     * window's complaints (small) with those pairs.
     */
    public static Dataset<Row> toCarriedWindowFeatures(Dataset<Row> carried, Dataset<Row> complaints, String entityType,
                                                       String distinctName, LocalDate day, List<Integer> windows) {
        RequiredColumns.check(carried, "toCarriedWindowFeatures", CARRIED_SCHEMA.fieldNames());
        RequiredColumns.check(complaints, "toCarriedWindowFeatures", REPORTED_NUMBER, EVENT_DAY);
        WindowMerger.checkWindows(windows);
        LocalDate from = day.minusDays(Collections.max(windows) - 1);
        Dataset<Row> lastCarried = carried
                .filter(col(ENTITY_TYPE).equalTo(entityType).and(col(TRAFFIC_DAY).between(lit(from), lit(day))))
                .groupBy(ENTITY_ID, NUMBER).agg(max(TRAFFIC_DAY).as("_last_carried"));
        List<Column> distinct = new ArrayList<>();
        for (int w : windows) {
            distinct.add(count_if(col("_last_carried").geq(lit(day.minusDays(w - 1)))).as(windowed(distinctName, w)));
        }
        Dataset<Row> filed = complaints.filter(col(EVENT_DAY).between(lit(from), lit(day)))
                .select(col(REPORTED_NUMBER).as("_reported"), col(EVENT_DAY).as("_filed"));
        List<Column> complained = new ArrayList<>();
        for (int w : windows) {
            Column start = lit(day.minusDays(w - 1));
            complained.add(sum(when(col("_filed").geq(start).and(col("_last_carried").geq(start)), 1L).otherwise(0L))
                    .as(windowed(COMPLAINTS_ON_CARRIED, w)));
        }
        Dataset<Row> onComplaints = lastCarried.join(filed, col(NUMBER).equalTo(col("_reported")))
                .groupBy(col(ENTITY_ID).as("_complained"))
                .agg(complained.get(0), complained.subList(1, complained.size()).toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        out.add(col(ENTITY_ID));
        windows.forEach(w -> out.add(col(windowed(distinctName, w))));
        windows.forEach(w -> out.add(coalesce(col(windowed(COMPLAINTS_ON_CARRIED, w)), lit(0L)).as(windowed(COMPLAINTS_ON_CARRIED, w))));
        return lastCarried.groupBy(ENTITY_ID).agg(distinct.get(0), distinct.subList(1, distinct.size()).toArray(new Column[0]))
                .join(onComplaints, col(ENTITY_ID).equalTo(col("_complained")), "left")
                .select(out.toArray(new Column[0]));
    }
}
