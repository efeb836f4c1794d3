package com.zhifang.features.behaviour;

import com.zhifang.features.domain.CallRecordType;
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
 *   <li>unallocated (inside one of our number blocks but no subscriber's) or invalid;</li>
 *   <li>hidden or empty (a hidden call is only hidden).</li>
 * </ul>
 * The first two are spoofing by the source: such a call is evidence against the trunk and never
 * the shown number's own call. Its owner is the victim (complaints land on them), so
 * {@link #toAttributableCalls} keeps those rows out of every number's outgoing side and out of the
 * call graph. Our number blocks are those holding at least one subscriber (last four digits dropped).
 *
 * <p>Cost: broadcast joins against the snapshots (trunks and roamers; subscriber numbers and blocks
 * for the full classification); no shuffle.
 */
public final class Presentations {
    static final String HIDDEN = "_hidden";
    static final String PLUS86_INTERNATIONAL = "_plus86";
    static final String UNAUTHORIZED = "_unauthorized";
    static final String UNALLOCATED = "_unallocated";

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

    /** GW rows with boolean columns {@code _hidden, _plus86, _unauthorized, _unallocated}. */
    static Dataset<Row> classified(Dataset<Row> gw, Dataset<Row> trunks, Dataset<Row> roaming, Dataset<Row> subscribers) {
        RequiredColumns.check(subscribers, "classified", MSISDN);
        Dataset<Row> subs = subscribers.select(col(MSISDN).as("_sub")).filter(col("_sub").isNotNull()).distinct();
        Dataset<Row> blocks = subscribers.select(Sides.blockOf(col(MSISDN)).as("_block")).filter(col("_block").isNotNull()).distinct();
        Column calling = col(CALLING_NUMBER);
        return withTrunkAndRoamer(gw, trunks, roaming)
                .join(broadcast(subs), calling.equalTo(col("_sub")), "left")
                .join(broadcast(blocks), Sides.blockOf(calling).equalTo(col("_block")), "left")
                .withColumn(HIDDEN, hidden())
                .withColumn(PLUS86_INTERNATIONAL, plus86OnInternational())
                .withColumn(UNAUTHORIZED, outsideAuthorisedPrefixes())
                .withColumn(UNALLOCATED, not(hidden()).and(col(CALLING_CLASS).equalTo("INVALID")
                        .or(col("_block").isNotNull().and(col("_sub").isNull()))));
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

    private static Column hidden() {
        return col(CLI_RESTRICTED).or(col(CALLING_CLASS).equalTo("HIDDEN")).or(col(CALLING_NUMBER).isNull());
    }

    private static Column plus86OnInternational() {
        return not(hidden()).and(coalesce(col("_type").equalTo(TrunkType.INTERNATIONAL.code()), lit(false)))
                .and(col(CALLING_NUMBER).startsWith("+86")).and(col("_roamer").isNull());
    }

    private static Column outsideAuthorisedPrefixes() {
        Column calling = col(CALLING_NUMBER);
        return not(hidden()).and(coalesce(col("_type").equalTo(TrunkType.PRIVATE_LINE.code()), lit(false)))
                .and(not(coalesce(exists(col("_prefixes"), p -> calling.startsWith(p)), lit(false))));
    }
}
