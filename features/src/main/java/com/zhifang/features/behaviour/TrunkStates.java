package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every incoming trunk: its GW calls by the class of caller number presented,
 * judged against that day's reference snapshots (what regulation says a source may present):
 * <ul>
 *   <li>{@code +86} on an international trunk, except our subscribers roaming abroad that day;</li>
 *   <li>on a private line, a number outside the line's authorised prefixes;</li>
 *   <li>unallocated (inside one of our number blocks but no subscriber's) or invalid;</li>
 *   <li>hidden or empty.</li>
 * </ul>
 * A hidden call is counted only as hidden. Our number blocks are those holding at least one
 * subscriber (last four digits dropped).
 *
 * <p>Cost: GW rows only; four broadcast joins against the snapshots (trunks, roaming, subscriber
 * numbers, blocks), one partially-aggregated shuffle by trunk.
 */
public final class TrunkStates {
    private TrunkStates() {}

    public static Dataset<Row> toTrunkDayState(Dataset<Row> voice, Dataset<Row> trunks, Dataset<Row> roaming,
                                               Dataset<Row> subscribers, LocalDate day) {
        RequiredColumns.check(voice, "toTrunkDayState", RECORD_TYPE, TRUNK_IN, CALLING_NUMBER, CALLING_CLASS, CLI_RESTRICTED, ANSWERED);
        RequiredColumns.check(trunks, "toTrunkDayState", TRUNK_ID, TRUNK_TYPE, AUTHORIZED_PREFIXES);
        RequiredColumns.check(roaming, "toTrunkDayState", MSISDN);
        RequiredColumns.check(subscribers, "toTrunkDayState", MSISDN);
        Dataset<Row> gw = classified(voice.filter(col(RECORD_TYPE).equalTo("GW").and(col(TRUNK_IN).isNotNull())),
                trunks, roaming, subscribers);
        Dataset<Row> state = gw.groupBy(col(TRUNK_IN).as(TRUNK_ID)).agg(
                count(lit(1)).as(CALLS),
                sum(when(col(ANSWERED), 1L).otherwise(0L)).as(ANSWERED_CALLS),
                sum(when(col("_plus86"), 1L).otherwise(0L)).as(CLI_PLUS86_INTERNATIONAL),
                sum(when(col("_unauthorized"), 1L).otherwise(0L)).as(CLI_UNAUTHORIZED),
                sum(when(col("_unallocated"), 1L).otherwise(0L)).as(CLI_UNALLOCATED_INVALID),
                sum(when(col("_hidden"), 1L).otherwise(0L)).as(CLI_HIDDEN),
                size(collect_set(col(CALLING_NUMBER))).cast("long").as(CLIS + EXACT_SUFFIX),
                hll_sketch_agg(col(CALLING_NUMBER)).as(CLIS + HLL_SUFFIX));
        return StateParts.combine(FeatureSets.TRUNK_FEATURES, day, List.of(state));
    }

    /** GW rows with boolean columns {@code _hidden, _plus86, _unauthorized, _unallocated}. */
    static Dataset<Row> classified(Dataset<Row> gw, Dataset<Row> trunks, Dataset<Row> roaming, Dataset<Row> subscribers) {
        Dataset<Row> trunkTypes = trunks.select(col(TRUNK_ID).as("_trunk"), col(TRUNK_TYPE).as("_type"),
                col(AUTHORIZED_PREFIXES).as("_prefixes"));
        Dataset<Row> roamers = roaming.select(col(MSISDN).as("_roamer")).filter(col("_roamer").isNotNull()).distinct();
        Dataset<Row> subs = subscribers.select(col(MSISDN).as("_sub")).filter(col("_sub").isNotNull()).distinct();
        Dataset<Row> blocks = subscribers.select(Sides.blockOf(col(MSISDN)).as("_block")).filter(col("_block").isNotNull()).distinct();
        Column calling = col(CALLING_NUMBER);
        Column hidden = col(CLI_RESTRICTED).or(col(CALLING_CLASS).equalTo("HIDDEN")).or(calling.isNull());
        Column shown = not(hidden);
        return gw.join(broadcast(trunkTypes), col(TRUNK_IN).equalTo(col("_trunk")), "left")
                .join(broadcast(roamers), calling.equalTo(col("_roamer")), "left")
                .join(broadcast(subs), calling.equalTo(col("_sub")), "left")
                .join(broadcast(blocks), Sides.blockOf(calling).equalTo(col("_block")), "left")
                .withColumn("_hidden", hidden)
                .withColumn("_plus86", shown.and(coalesce(col("_type").equalTo("INTERNATIONAL"), lit(false)))
                        .and(calling.startsWith("+86")).and(col("_roamer").isNull()))
                .withColumn("_unauthorized", shown.and(coalesce(col("_type").equalTo("PRIVATE_LINE"), lit(false)))
                        .and(not(coalesce(exists(col("_prefixes"), p -> calling.startsWith(p)), lit(false)))))
                .withColumn("_unallocated", shown.and(col(CALLING_CLASS).equalTo("INVALID")
                        .or(col("_block").isNotNull().and(col("_sub").isNull()))));
    }
}
