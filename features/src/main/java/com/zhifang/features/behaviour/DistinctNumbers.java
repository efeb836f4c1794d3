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
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The numbers an entity dealt with, stored as one row per (day, entity, number), so that "how many
 * distinct numbers in n days" is counted exactly for any window: the caller numbers a trunk
 * presented and the codes a port customer sent from ({@link CarriedNumbers}), the recipients an SMS
 * sender reached ({@link SmsSenders}). Exact rather than merged from daily sketches because these
 * counts are quoted as evidence ("623 distinct SMS recipients in 7 days"), which an analyst must be
 * able to recount from the records, and because a sketch's estimate moves with how the records are
 * split into partitions. One piece of code for every such count.
 */
public final class DistinctNumbers {
    private DistinctNumbers() {}

    public static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField(TRAFFIC_DAY, DataTypes.DateType, false),
            DataTypes.createStructField(ENTITY_TYPE, DataTypes.StringType, false),
            DataTypes.createStructField(ENTITY_ID, DataTypes.StringType, false),
            DataTypes.createStructField(NUMBER, DataTypes.StringType, false)});

    /** Column of {@link #toLastSeen}: the last day of the window the entity dealt with the number. */
    public static final String LAST_SEEN = "_last_seen";
    /** Column of {@link #withNewSimFlag}: whether the number is a new SIM on D. */
    public static final String IS_NEW_SIM = "_is_new_sim";

    /** Distinct (entity, number) of one day's rows. Cost: one partially-aggregated shuffle. */
    public static Dataset<Row> toDayState(Dataset<Row> rows, String entityType, String entityColumn, String numberColumn,
                                          LocalDate day) {
        RequiredColumns.check(rows, "DistinctNumbers.toDayState", entityColumn, numberColumn);
        Dataset<Row> pairs = rows.filter(col(entityColumn).isNotNull().and(col(numberColumn).isNotNull()))
                .select(lit(day).as(TRAFFIC_DAY), lit(entityType).as(ENTITY_TYPE), col(entityColumn).as(ENTITY_ID),
                        col(numberColumn).as(NUMBER))
                .distinct();
        return EntityFeatures.conform(pairs, SCHEMA, "DistinctNumbers.toDayState");
    }

    /**
     * One row per (entity, number) of {@code entityType} seen in the longest window, with the last
     * day it was seen ({@link #LAST_SEEN}): a number counts for every window that holds that day.
     * Cost: one aggregation of the window's rows of that type by (entity, number).
     */
    public static Dataset<Row> toLastSeen(Dataset<Row> states, String entityType, LocalDate day, List<Integer> windows) {
        return toLastSeen(states, entityType, day, windows, false);
    }

    /**
     * As {@link #toLastSeen(Dataset, String, LocalDate, List)}; with {@code countDays}, also the
     * number of days of each window the entity dealt with the number ({@link #daysSeen}), in the
     * same aggregation.
     */
    public static Dataset<Row> toLastSeen(Dataset<Row> states, String entityType, LocalDate day, List<Integer> windows,
                                          boolean countDays) {
        RequiredColumns.check(states, "DistinctNumbers.toLastSeen", SCHEMA.fieldNames());
        WindowMerger.checkWindows(windows);
        LocalDate from = day.minusDays(Collections.max(windows) - 1);
        List<Column> aggregates = new ArrayList<>();
        if (countDays) {
            windows.forEach(w -> aggregates.add(count_if(col(TRAFFIC_DAY).geq(lit(day.minusDays(w - 1)))).as(DAYS_SEEN + w)));
        }
        return states.filter(col(ENTITY_TYPE).equalTo(entityType).and(col(TRAFFIC_DAY).between(lit(from), lit(day))))
                .groupBy(ENTITY_ID, NUMBER).agg(max(TRAFFIC_DAY).as(LAST_SEEN), aggregates.toArray(new Column[0]));
    }

    /** Column of {@link #toLastSeen(Dataset, String, LocalDate, List, boolean)}: days of the window of {@code windowDays} the pair was seen. */
    public static Column daysSeen(int windowDays) {
        return col(DAYS_SEEN + windowDays);
    }

    private static final String DAYS_SEEN = "_days_seen_";

    /**
     * Whether a {@link #toLastSeen} row counts in the window of {@code windowDays} days ending on D:
     * its last day falls inside it.
     */
    public static Column seenWithin(LocalDate day, int windowDays) {
        return col(LAST_SEEN).geq(lit(day.minusDays(windowDays - 1)));
    }

    /**
     * Adds the boolean column {@link #IS_NEW_SIM}: whether the row's number is a new SIM on D, activated at
     * most {@link FeatureSets#NEW_SIM_DAYS} days before D by the subscriber snapshot of D (a number
     * not in the snapshot is not new). Meant for {@link #toLastSeen} rows, to count new SIMs with
     * {@link #toWindowCounts(Dataset, Map, LocalDate, List)}. Cost: a join with the snapshot's new
     * SIMs (a small share of the snapshot).
     *
     * @param subscribers the subscriber snapshot that applies to D
     */
    public static Dataset<Row> withNewSimFlag(Dataset<Row> rows, Dataset<Row> subscribers, LocalDate day) {
        RequiredColumns.check(rows, "DistinctNumbers.withNewSimFlag", NUMBER);
        RequiredColumns.check(subscribers, "DistinctNumbers.withNewSimFlag (subscribers)", MSISDN, ACTIVATED_ON);
        Dataset<Row> newSims = subscribers
                .filter(col(ACTIVATED_ON).geq(lit(day.minusDays(FeatureSets.NEW_SIM_DAYS))))
                .select(col(MSISDN).as("_new_sim")).distinct();
        return rows.join(newSims, col(NUMBER).equalTo(col("_new_sim")), "left")
                .withColumn(IS_NEW_SIM, col("_new_sim").isNotNull()).drop("_new_sim");
    }

    /**
     * Per entity of {@code lastSeen} ({@link #toLastSeen}): {@code entity_id, <name>_<n>d...}, the
     * distinct numbers of each window. Cost: one aggregation by entity, within the partitioning of
     * {@code lastSeen}.
     */
    public static Dataset<Row> toWindowCounts(Dataset<Row> lastSeen, String name, LocalDate day, List<Integer> windows) {
        return toWindowCounts(lastSeen, Map.of(name, lit(true)), day, windows);
    }

    /**
     * As {@link #toWindowCounts(Dataset, String, LocalDate, List)}, for several counts at once, each
     * of the numbers for which its condition (a boolean column of {@code lastSeen}) holds: {@code
     * entity_id, <name>_<n>d...} for each name and window. One aggregation for all of them.
     */
    public static Dataset<Row> toWindowCounts(Dataset<Row> lastSeen, Map<String, Column> countedWhen, LocalDate day,
                                              List<Integer> windows) {
        RequiredColumns.check(lastSeen, "DistinctNumbers.toWindowCounts", ENTITY_ID, LAST_SEEN);
        List<Column> counts = new ArrayList<>();
        for (Map.Entry<String, Column> counted : countedWhen.entrySet()) {
            for (int w : windows) {
                counts.add(count_if(seenWithin(day, w).and(counted.getValue())).as(windowed(counted.getKey(), w)));
            }
        }
        return lastSeen.groupBy(ENTITY_ID).agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
    }
}
