package com.zhifang.features.behaviour;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every incoming trunk: its GW calls by the class of caller number presented
 * ({@link Presentations}), judged against that day's reference snapshots. The distinct caller
 * numbers it presented are counted from the stored carried numbers instead ({@link CarriedNumbers}),
 * exactly for any window.
 *
 * <p>Cost: GW rows only; five broadcast joins against the snapshots (trunks, roaming, subscriber
 * numbers, our blocks, ported numbers), small aggregations of the subscriber and ported numbers
 * (distinct), one partially-aggregated shuffle by trunk.
 */
public final class TrunkStates {
    private TrunkStates() {}

    /**
     * {@code trunks}, {@code roaming}, {@code subscribers} and {@code ported} are the reference
     * snapshots that apply to {@code day}; {@code ported} is empty when the day has no ported-number
     * snapshot, and then no caller number counts as unallocated ({@link Presentations}).
     */
    public static Dataset<Row> toTrunkDayState(Dataset<Row> voice, Dataset<Row> trunks, Dataset<Row> roaming,
                                               Dataset<Row> subscribers, Dataset<Row> ported, LocalDate day) {
        RequiredColumns.check(voice, "toTrunkDayState", RECORD_TYPE, TRUNK_IN, CALLING_NUMBER, CALLING_CLASS, CLI_RESTRICTED, ANSWERED);
        RequiredColumns.check(subscribers, "toTrunkDayState", MSISDN);
        RequiredColumns.check(ported, "toTrunkDayState", NUMBER);
        Dataset<Row> gw = Presentations.classified(voice.filter(col(RECORD_TYPE).equalTo(CallRecordType.GW.code()).and(col(TRUNK_IN).isNotNull())),
                trunks, roaming, subscribers, ported);
        Dataset<Row> state = gw.groupBy(col(TRUNK_IN).as(TRUNK_ID)).agg(
                count(lit(1)).as(CALLS),
                sum(when(col(ANSWERED), 1L).otherwise(0L)).as(ANSWERED_CALLS),
                sum(when(col(Presentations.PLUS86_INTERNATIONAL), 1L).otherwise(0L)).as(CLI_PLUS86_INTERNATIONAL),
                sum(when(col(Presentations.UNAUTHORIZED), 1L).otherwise(0L)).as(CLI_UNAUTHORIZED),
                sum(when(col(Presentations.UNALLOCATED), 1L).otherwise(0L)).as(CLI_UNALLOCATED),
                sum(when(col(Presentations.INVALID), 1L).otherwise(0L)).as(CLI_INVALID),
                sum(when(col(Presentations.HIDDEN), 1L).otherwise(0L)).as(CLI_HIDDEN));
        return StateParts.combine(FeatureSets.TRUNK_FEATURES, day, List.of(state));
    }
}
