package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.behaviour.ServedRows.EVENT_TIME;
import static com.zhifang.features.behaviour.ServedRows.KIND;
import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every device (IMEI): the SIMs and numbers seen in it, how often the SIM in it
 * changed between consecutive records (a SIM box cycles SIMs; a person changes SIM rarely), cells
 * (with the records that had a cell id: an empty cell id is an unknown cell, not one cell) and
 * traffic, with the outgoing calls at night (a SIM box relays around the clock; a salesperson's
 * dual-SIM phone works office hours). Assumes one SIM per record (dual-SIM phones show as swaps
 * between two SIMs; the swap rate, not the SIM count alone, tells them apart).
 *
 * <p>Cost: one shuffle of the served records by IMEI, sorted by time (the SIM-swap lag); the
 * aggregation reuses that partitioning.
 *
 * <p>The numbers each device served are also stored per day as distinct pairs
 * ({@link #toServedNumberDayState}, entity type {@code DEVICE} in {@code carried_number_day_state}),
 * so that how many of them are new SIMs on D ({@link #toWindowNewSims}) is counted exactly: SIM boxes
 * and fraud call rooms run on fresh prepaid SIMs, a person's dual-SIM phone on SIMs years old.
 */
public final class DeviceStates {
    private DeviceStates() {}

    /** @param served {@link ServedRows#toServedRows} of one traffic day */
    public static Dataset<Row> toDeviceDayState(Dataset<Row> served, LocalDate day) {
        RequiredColumns.check(served, "toDeviceDayState", IMEI, IMSI, NUMBER, CELL_ID, EVENT_TIME, KIND);
        WindowSpec inOrder = Window.partitionBy(IMEI).orderBy(EVENT_TIME, IMSI);
        Dataset<Row> ordered = served.filter(col(IMEI).isNotNull())
                .select(col(IMEI), col(IMSI), col(NUMBER), col(CELL_ID), col(EVENT_TIME), col(KIND))
                .withColumn("_prev_imsi", lag(col(IMSI), 1).over(inOrder));
        Column transition = col("_prev_imsi").isNotNull().and(col(IMSI).isNotNull());
        Column callOut = col(KIND).equalTo("CALL_OUT");
        Dataset<Row> state = ordered.groupBy(IMEI).agg(
                count(lit(1)).as(RECORDS),
                sum(when(callOut, 1L).otherwise(0L)).as(CALLS_OUT),
                sum(when(callOut.and(FeatureSets.atNight(col(EVENT_TIME))), 1L).otherwise(0L)).as(CALLS_OUT_NIGHT),
                sum(when(col(KIND).equalTo("CALL_IN"), 1L).otherwise(0L)).as(CALLS_IN),
                sum(when(col(KIND).equalTo("SMS"), 1L).otherwise(0L)).as(SMS_OUT_DEVICE),
                sum(when(transition.and(col(IMSI).notEqual(col("_prev_imsi"))), 1L).otherwise(0L)).as(SIM_SWAPS),
                sum(when(transition, 1L).otherwise(0L)).as(SIM_TRANSITIONS),
                size(collect_set(col(IMSI))).cast("long").as(SIMS + EXACT_SUFFIX),
                hll_sketch_agg(col(IMSI)).as(SIMS + HLL_SUFFIX),
                size(collect_set(col(NUMBER))).cast("long").as(NUMBERS + EXACT_SUFFIX),
                hll_sketch_agg(col(NUMBER)).as(NUMBERS + HLL_SUFFIX),
                size(collect_set(col(CELL_ID))).cast("long").as(CELLS + EXACT_SUFFIX),
                hll_sketch_agg(col(CELL_ID)).as(CELLS + HLL_SUFFIX),
                count(col(CELL_ID)).as(CELL_RECORDS));
        return StateParts.combine(FeatureSets.DEVICE_FEATURES, day, List.of(state));
    }

    /**
     * The day's distinct (device, number) pairs of the served records, as {@link DistinctNumbers}
     * rows of the device entity type. Cost: one partially-aggregated shuffle of the served records.
     *
     * @param served {@link ServedRows#toServedRows} of one traffic day
     */
    public static Dataset<Row> toServedNumberDayState(Dataset<Row> served, LocalDate day) {
        return DistinctNumbers.toDayState(served, FeatureSets.DEVICE_FEATURES.entityType().code(), IMEI, NUMBER, day);
    }

    /**
     * Per device that served a number in the longest window: {@code entity_id, new_sims_<n>d...},
     * the distinct numbers it served in each window whose SIM is new on D
     * ({@link DistinctNumbers#withNewSimFlag}). Exact, from the stored pairs. Cost: an aggregation of
     * the window's device pairs, a join with the snapshot's new SIMs, one aggregation by device.
     *
     * @param carried     the stored pairs ({@code carried_number_day_state}; only the device entity type is read)
     * @param subscribers the subscriber snapshot that applies to D
     */
    public static Dataset<Row> toWindowNewSims(Dataset<Row> carried, Dataset<Row> subscribers, LocalDate day, List<Integer> windows) {
        Dataset<Row> lastSeen = DistinctNumbers.withNewSimFlag(
                DistinctNumbers.toLastSeen(carried, FeatureSets.DEVICE_FEATURES.entityType().code(), day, windows), subscribers, day);
        return DistinctNumbers.toWindowCounts(lastSeen, Map.of(NEW_SIMS, col(DistinctNumbers.IS_NEW_SIM)), day, windows);
    }
}
