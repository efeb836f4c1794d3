package com.zhifang.features.behaviour;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.NumberClass;
import com.zhifang.features.domain.TrunkType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Judges the caller number a GW call presents against what its trunk may present (the reference
 * snapshots; the rules of regulation):
 * <ul>
 *   <li>{@code +86} on an international trunk is irregular, except our subscribers roaming abroad;</li>
 *   <li>on a private line, a number outside the line's authorised prefixes is irregular;</li>
 *   <li>unallocated: inside one of our number blocks, held by no subscriber and not ported to
 *       another operator;</li>
 *   <li>invalid ({@code NumberClass} INVALID: an unassigned range, or text that is no number);</li>
 *   <li>hidden or empty (a hidden call is only hidden).</li>
 * </ul>
 * The first two are spoofing by the source: such a call is evidence against the trunk and never
 * the shown number's own call. Its owner is the victim (complaints land on them), so
 * {@link #toAttributableCalls} keeps those rows out of every number's outgoing side and out of the
 * call graph.
 *
 * <p>Number portability (domain notes: "not in our subscriber snapshot" is not "unallocated"): a
 * number of our blocks may have ported out and reach us on an interconnect trunk, and a subscriber
 * may hold a number ported in from another operator's block. So our number blocks are those
 * holding at least one subscriber whose number is not in the ported snapshot (last four digits
 * dropped), and a number is unallocated only when the day has a ported snapshot that does not list
 * it: without one, a number of our blocks that no subscriber holds is unknown, never unallocated.
 * Assumes, as the contract's snapshots do, that a delivered ported snapshot is complete; an empty
 * one is indistinguishable from none (an empty snapshot stores no rows) and counts as none.
 *
 * <p>Invalid numbers are counted apart from unallocated ones: on interconnect and international
 * trunks they are often an upstream switch's garbling, not proof of spoofing.
 *
 * <p>Cost: broadcast joins against the snapshots (trunks and roamers; for the full classification
 * subscriber numbers, our blocks and ported numbers: a hash set of about 30 bytes a number each),
 * and a distinct of each number list (an aggregation of the snapshot's one column); no shuffle of
 * the calls.
 */
public final class Presentations {
    static final String HIDDEN = "_hidden";
    static final String PLUS86_INTERNATIONAL = "_plus86";
    static final String UNAUTHORIZED = "_unauthorized";
    static final String UNALLOCATED = "_unallocated";
    static final String INVALID = "_invalid";

    private Presentations() {}

    /**
     * The voice rows whose caller number can be held to the call: everything except GW rows that
     * present a number their trunk may not present (+86 from abroad by a non-roamer, a private line
     * outside its prefixes). Same columns as {@code voice}.
     */
    public static Dataset<Row> toAttributableCalls(Dataset<Row> voice, Dataset<Row> trunks, Dataset<Row> roaming) {
        RequiredColumns.check(voice, "toAttributableCalls", RECORD_TYPE, TRUNK_IN, CALLING_NUMBER, CALLING_CLASS, CLI_RESTRICTED);
        Column[] original = Arrays.stream(voice.columns()).map(c -> voice.col(c)).toArray(Column[]::new);
        Column spoofed = col(RECORD_TYPE).equalTo(CallRecordType.GW.code()).and(plus86OnInternational().or(outsideAuthorisedPrefixes()));
        return withTrunkAndRoamer(voice, trunks, roaming)
                .where(not(coalesce(spoofed, lit(false))))
                .select(original);
    }

    /**
     * GW rows with boolean columns {@code _hidden, _plus86, _unauthorized, _unallocated, _invalid}.
     * {@code _unallocated} and {@code _invalid} exclude each other and hidden calls.
     *
     * @param ported the ported-number snapshot that applies to the day (empty when there is none)
     */
    static Dataset<Row> classified(Dataset<Row> gw, Dataset<Row> trunks, Dataset<Row> roaming, Dataset<Row> subscribers,
                                   Dataset<Row> ported) {
        RequiredColumns.check(subscribers, "classified", MSISDN);
        RequiredColumns.check(ported, "ported snapshot", NUMBER);
        Dataset<Row> subs = subscribers.select(col(MSISDN).as("_sub")).filter(col("_sub").isNotNull()).distinct();
        Dataset<Row> portedNumbers = ported.select(col(NUMBER).as("_ported")).filter(col("_ported").isNotNull()).distinct();
        // A ported-in subscriber's number sits in another operator's block: it does not make that block ours.
        Dataset<Row> blocks = subs.join(broadcast(portedNumbers), col("_sub").equalTo(col("_ported")), "left_anti")
                .select(Sides.blockOf(col("_sub")).as("_block")).filter(col("_block").isNotNull()).distinct()
                // Without a ported snapshot, a number of our blocks that no subscriber holds may have ported out:
                // nothing is judged to be in our blocks, so nothing is unallocated (unknown, not unallocated).
                .join(broadcast(portedNumbers.limit(1)), lit(true), "left_semi");
        Column calling = col(CALLING_NUMBER);
        return withTrunkAndRoamer(gw, trunks, roaming)
                .join(broadcast(subs), calling.equalTo(col("_sub")), "left")
                .join(broadcast(blocks), Sides.blockOf(calling).equalTo(col("_block")), "left")
                .join(broadcast(portedNumbers), calling.equalTo(col("_ported")), "left")
                .withColumn(HIDDEN, hidden())
                .withColumn(PLUS86_INTERNATIONAL, plus86OnInternational())
                .withColumn(UNAUTHORIZED, outsideAuthorisedPrefixes())
                .withColumn(UNALLOCATED, presented().and(not(invalid()))
                        .and(col("_block").isNotNull()).and(col("_sub").isNull()).and(col("_ported").isNull()))
                .withColumn(INVALID, not(hidden()).and(invalid()));
    }

    /** Adds the trunk's {@code _type} and {@code _prefixes} and {@code _roamer} (the caller number if it roams abroad). */
    private static Dataset<Row> withTrunkAndRoamer(Dataset<Row> voice, Dataset<Row> trunks, Dataset<Row> roaming) {
        RequiredColumns.check(trunks, "trunk snapshot", TRUNK_ID, TRUNK_TYPE, AUTHORIZED_PREFIXES);
        RequiredColumns.check(roaming, "roaming snapshot", MSISDN);
        Dataset<Row> trunkTypes = trunks.select(col(TRUNK_ID).as("_trunk"), col(TRUNK_TYPE).as("_type"),
                col(AUTHORIZED_PREFIXES).as("_prefixes"));
        Dataset<Row> roamers = roaming.select(col(MSISDN).as("_roamer")).filter(col("_roamer").isNotNull()).distinct();
        return voice.join(broadcast(trunkTypes), col(TRUNK_IN).equalTo(col("_trunk")), "left")
                .join(broadcast(roamers), col(CALLING_NUMBER).equalTo(col("_roamer")), "left");
    }

    /**
     * Caller ID restricted, or no number presented. Text that is no number (no key, class INVALID) was
     * presented: it is invalid, not hidden.
     */
    private static Column hidden() {
        return col(CLI_RESTRICTED).or(col(CALLING_CLASS).equalTo("HIDDEN"))
                .or(col(CALLING_NUMBER).isNull().and(not(invalid())));
    }

    private static Column invalid() {
        return col(CALLING_CLASS).equalTo(NumberClass.INVALID.code());
    }

    /** Not hidden, and a number with a key that can be judged against prefixes and snapshots. */
    private static Column presented() {
        return not(hidden()).and(col(CALLING_NUMBER).isNotNull());
    }

    private static Column plus86OnInternational() {
        return presented().and(coalesce(col("_type").equalTo(TrunkType.INTERNATIONAL.code()), lit(false)))
                .and(col(CALLING_NUMBER).startsWith("+86")).and(col("_roamer").isNull());
    }

    private static Column outsideAuthorisedPrefixes() {
        Column calling = col(CALLING_NUMBER);
        return presented().and(coalesce(col("_type").equalTo(TrunkType.PRIVATE_LINE.code()), lit(false)))
                .and(not(coalesce(exists(col("_prefixes"), p -> calling.startsWith(p)), lit(false))));
    }
}
