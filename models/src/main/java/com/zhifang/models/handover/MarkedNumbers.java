package com.zhifang.models.handover;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.ComplaintCategory;
import com.zhifang.features.domain.ConfidenceBand;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.MarkAction;
import com.zhifang.features.domain.MarkCategory;
import com.zhifang.features.domain.PatternCode;
import com.zhifang.features.domain.WorklistState;
import com.zhifang.features.reference.Allowlist;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.POLICE_NOTIFIED;
import static com.zhifang.features.schema.FeatureColumns.complaintsBy;
import static com.zhifang.features.schema.FeatureColumns.windowed;
import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The marked-number feed of day D to the 12321 reporting centre ({@code exports/<D>/marked-numbers.csv}, and the
 * {@code marked_numbers} table that remembers what was sent): a {@code MARK} row for every number on D's list, in the
 * centre's vocabulary ({@link MarkCategory}) with a confidence band and one line of evidence, and an {@code UNMARK}
 * row for every number marked before whose mark no longer stands.
 *
 * <p>Never marked: spoofing victims (our numbers that a trunk on D's list as {@code SPOOFED_CLI} presented on incoming
 * calls in the window: the trunk is the culprit), numbers operations declined to suspend with a reason after a police
 * notice (the carrier's own decision that the owner is not involved), and allowlisted numbers (which never appear,
 * not even to be unmarked). Only {@code NUMBER} entities are marked: trunks, handsets and port customers are not
 * numbers a caller-ID display shows.
 *
 * <p>Category: a compliance case is advertising ({@code 广告推销}), or harassment ({@code 骚扰}) when harassment
 * complaints outnumber advertising ones; any of one-ring, SIM box, scanning or ring membership is fraud ({@code 诈骗});
 * bulk calling is fraud when the public reported fraud or the police notified the number, else harassment; spam SMS
 * alone is spam SMS ({@code 垃圾短信}). A wrong fraud mark on a caller-ID display harms an innocent owner, so fraud
 * needs evidence of fraud beyond volume.
 *
 * <p>Cost: the day's number features semi-joined on the listed numbers (broadcast); broadcast joins of the list with
 * the standing of notified numbers, the latest decision per number and the feed's history; one pass over the window's
 * GW voice records, semi-joined on the spoofing trunks of the list, for the spoofed numbers.
 */
public final class MarkedNumbers {
    private MarkedNumbers() {}

    /** The hand-over file's columns, in order. */
    public static final List<String> COLUMNS = List.of(MARK_ACTION, NUMBER, MARK_CATEGORY, MARK_CATEGORY_ZH, CONFIDENCE,
            FIRST_MARKED_ON, LAST_MARKED_ON, MARK_EVIDENCE, UNMARK_REASON);
    /** Reasons quoted in a mark's one-line evidence. */
    public static final int EVIDENCE_REASONS = 2;

    private static final List<PatternCode> FRAUD_PATTERNS = List.of(PatternCode.WANGIRI, PatternCode.SIMBOX,
            PatternCode.NUMBER_SCANNING, PatternCode.FRAUD_RING, PatternCode.SPOOFED_CLI);

    /**
     * Our numbers (E.164 {@code +86...}) that a trunk listed on D as {@code SPOOFED_CLI} presented as caller on incoming
     * (GW) calls: column {@code number}.
     *
     * @param list  D's suspect list ({@code entity_type, entity_id, patterns})
     * @param voice the window's voice records
     */
    public static Dataset<Row> toSpoofedNumbers(Dataset<Row> list, Dataset<Row> voice) {
        RequiredColumns.check(list, "toSpoofedNumbers (list)", ENTITY_TYPE, ENTITY_ID, PATTERNS);
        RequiredColumns.check(voice, "toSpoofedNumbers (voice)", RECORD_TYPE, TRUNK_IN, CALLING_NUMBER);
        Dataset<Row> spoofingTrunks = list
                .where(col(ENTITY_TYPE).equalTo(EntityType.TRUNK.code())
                        .and(array_contains(col(PATTERNS), PatternCode.SPOOFED_CLI.code())))
                .select(col(ENTITY_ID).as("_trunk"));
        return voice.where(col(RECORD_TYPE).equalTo(CallRecordType.GW.code()).and(col(CALLING_NUMBER).startsWith("+86")))
                .join(broadcast(spoofingTrunks), col(TRUNK_IN).equalTo(col("_trunk")), "left_semi")
                .select(col(CALLING_NUMBER).as(NUMBER)).distinct();
    }

    /**
     * The feed of D, in {@link #COLUMNS} order (marks by confidence, then number; then unmarks by number).
     *
     * @param list           D's suspect list ({@code entity_type, entity_id, score, patterns, reasons, category,
     *                       police_notified}; {@code reasons_zh} when the list has it)
     * @param numberFeatures D's number features ({@code number} and the 7-day complaint counters by category)
     * @param spoofedNumbers {@link #toSpoofedNumbers}
     * @param standing       {@link SuspensionWorklist#toNotifiedStanding} of D
     * @param feedback       the feedback table
     * @param allowlist      the allowlist snapshot as of D
     * @param history        the {@code marked_numbers} table (any dates; rows dated D or later are ignored)
     */
    public static Dataset<Row> toFeed(Dataset<Row> list, Dataset<Row> numberFeatures, Dataset<Row> spoofedNumbers,
                                      Dataset<Row> standing, Dataset<Row> feedback, Dataset<Row> allowlist,
                                      Dataset<Row> history, LocalDate day) {
        RequiredColumns.check(list, "toFeed (list)", ENTITY_TYPE, ENTITY_ID, SCORE, PATTERNS, REASONS, LIST_CATEGORY,
                POLICE_NOTIFIED);
        String fraudComplaints = windowed(complaintsBy(ComplaintCategory.FRAUD.code()), 7);
        String harassmentComplaints = windowed(complaintsBy(ComplaintCategory.HARASSMENT.code()), 7);
        String advertComplaints = windowed(complaintsBy(ComplaintCategory.ADVERT.code()), 7);
        RequiredColumns.check(numberFeatures, "toFeed (number features)", NUMBER, fraudComplaints, harassmentComplaints,
                advertComplaints);
        RequiredColumns.check(spoofedNumbers, "toFeed (spoofed numbers)", NUMBER);
        RequiredColumns.check(standing, "toFeed (standing)", NUMBER, STATE);
        RequiredColumns.check(feedback, "toFeed (feedback)", ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME, NOTE);
        RequiredColumns.check(history, "toFeed (history)", FEED_DATE, MARK_ACTION, NUMBER);

        Dataset<Row> neverMarked = spoofedNumbers.select(col(NUMBER).as("_never"))
                .union(standing.where(col(STATE).equalTo(WorklistState.NOT_SUSPENDED.code())).select(col(NUMBER).as("_never")))
                .distinct();
        Dataset<Row> allowed = Allowlist.inForce(allowlist, day);
        Column allowMatch = Allowlist.covers(col(NUMBER));

        Dataset<Row> past = history.where(col(FEED_DATE).lt(lit(day)));
        // the number's latest row before D, and the first day of its current run of marks
        Dataset<Row> latest = past.groupBy(col(NUMBER).as("_h_number"))
                .agg(max(struct(col(FEED_DATE), col(MARK_ACTION))).as("_latest"),
                        max(when(col(MARK_ACTION).equalTo(MarkAction.UNMARK.code()), col(FEED_DATE))).as("_last_unmark"));
        Dataset<Row> firstMarks = past.join(broadcast(latest), col(NUMBER).equalTo(col("_h_number")))
                .where(col(MARK_ACTION).equalTo(MarkAction.MARK.code())
                        .and(col("_last_unmark").isNull().or(col(FEED_DATE).gt(col("_last_unmark")))))
                .groupBy(col(NUMBER).as("_f_number")).agg(min(FEED_DATE).as("_first_marked"));

        Dataset<Row> listed = list.where(col(ENTITY_TYPE).equalTo(EntityType.NUMBER.code()))
                .withColumn(NUMBER, col(ENTITY_ID))
                .join(broadcast(neverMarked), col(NUMBER).equalTo(col("_never")), "left_anti")
                .join(broadcast(allowed), allowMatch, "left_anti");
        // the listed numbers' complaint counters: the day's number features (every line seen) filtered where they lie
        // by a broadcast semi-join on the list's numbers (thousands), never broadcast themselves
        Dataset<Row> complaints = numberFeatures
                .join(broadcast(listed.select(col(NUMBER).as("_l_number"))), col(NUMBER).equalTo(col("_l_number")), "left_semi")
                .select(col(NUMBER).as("_c_number"), col(fraudComplaints).as("_fraud"),
                        col(harassmentComplaints).as("_harassment"), col(advertComplaints).as("_advert"));
        // Chinese evidence where the list has it (lists scored before rules 2026.12.08-1 have English only)
        Column english = array_join(slice(col(REASONS), 1, EVIDENCE_REASONS), "; ");
        Column evidence = Arrays.asList(list.columns()).contains(REASONS_ZH)
                ? when(size(coalesce(col(REASONS_ZH), array())).gt(0),
                        array_join(slice(col(REASONS_ZH), 1, EVIDENCE_REASONS), "；")).otherwise(english)
                : english;
        Dataset<Row> marks = listed
                .join(broadcast(complaints), col(NUMBER).equalTo(col("_c_number")), "left")
                .join(broadcast(firstMarks), col(NUMBER).equalTo(col("_f_number")), "left")
                .withColumn(MARK_CATEGORY, category())
                .withColumn(MARK_CATEGORY_ZH, chinese(col(MARK_CATEGORY)))
                .withColumn(CONFIDENCE, when(col(POLICE_NOTIFIED).or(col(SCORE).geq(ConfidenceBand.HIGH_FROM)),
                                lit(ConfidenceBand.HIGH.code()))
                        .when(col(SCORE).geq(ConfidenceBand.MEDIUM_FROM), lit(ConfidenceBand.MEDIUM.code()))
                        .otherwise(lit(ConfidenceBand.LOW.code())))
                .withColumn(FIRST_MARKED_ON, coalesce(col("_first_marked"), lit(day)))
                .withColumn(LAST_MARKED_ON, lit(day))
                .withColumn(MARK_EVIDENCE, evidence)
                .withColumn(MARK_ACTION, lit(MarkAction.MARK.code()))
                .withColumn(UNMARK_REASON, lit(null).cast("string"));

        // marked before, not marked today, and cleared since its last mark (or found to be a victim, or declined)
        Dataset<Row> stillMarked = latest.where(col("_latest").getField(MARK_ACTION).equalTo(MarkAction.MARK.code()))
                .select(col("_h_number").as(NUMBER), col("_latest").getField(FEED_DATE).as("_marked_on"));
        // the latest decision on each number up to D, when it clears it (a later CONFIRMED_FRAUD overrules an appeal);
        // one taken on or after the day of the last mark withdraws it (a decision of that day may postdate the export)
        Dataset<Row> clearings = feedback.where(col(ENTITY_TYPE).equalTo(EntityType.NUMBER.code()).and(col(DECIDED_ON).leq(lit(day))))
                .groupBy(col(ENTITY_ID).as("_d_number"))
                .agg(max(struct(col(DECIDED_ON), col(OUTCOME), col(NOTE))).as("_latest_decision"))
                .where(col("_latest_decision").getField(OUTCOME).isin(FeedbackOutcome.clearingCodes()))
                .select(col("_d_number"), col("_latest_decision").getField(DECIDED_ON).as("_decided_on"),
                        concat_ws(" ", col("_latest_decision").getField(OUTCOME),
                                col("_latest_decision").getField(DECIDED_ON).cast("string"),
                                col("_latest_decision").getField(NOTE)).as(UNMARK_REASON));
        Dataset<Row> byDecision = stillMarked.join(broadcast(clearings), col(NUMBER).equalTo(col("_d_number"))
                        .and(col("_decided_on").geq(col("_marked_on"))))
                .select(col(NUMBER), col(UNMARK_REASON));
        Dataset<Row> byVictimOrDecline = stillMarked.join(broadcast(neverMarked), col(NUMBER).equalTo(col("_never")))
                .select(col(NUMBER), lit("impersonated by a spoofing trunk, or declined for suspension with a reason")
                        .as(UNMARK_REASON));
        Dataset<Row> unmarks = byDecision.unionByName(byVictimOrDecline)
                .groupBy(NUMBER).agg(min(UNMARK_REASON).as(UNMARK_REASON))
                .join(listed.select(col(NUMBER).as("_today")), col(NUMBER).equalTo(col("_today")), "left_anti")
                .join(broadcast(allowed), allowMatch, "left_anti")
                .join(broadcast(firstMarks), col(NUMBER).equalTo(col("_f_number")), "left")
                .join(broadcast(stillMarked.select(col(NUMBER).as("_s_number"), col("_marked_on"))),
                        col(NUMBER).equalTo(col("_s_number")))
                .withColumn(MARK_ACTION, lit(MarkAction.UNMARK.code()))
                .withColumn(MARK_CATEGORY, lit(null).cast("string"))
                .withColumn(MARK_CATEGORY_ZH, lit(null).cast("string"))
                .withColumn(CONFIDENCE, lit(null).cast("string"))
                .withColumn(FIRST_MARKED_ON, col("_first_marked"))
                .withColumn(LAST_MARKED_ON, col("_marked_on"))
                .withColumn(MARK_EVIDENCE, lit(null).cast("string"));

        Column confidenceOrder = when(col(CONFIDENCE).equalTo(ConfidenceBand.HIGH.code()), 0)
                .when(col(CONFIDENCE).equalTo(ConfidenceBand.MEDIUM.code()), 1).when(col(CONFIDENCE).isNotNull(), 2);
        Column[] columns = COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new);
        return marks.select(columns).unionByName(unmarks.select(columns))
                .orderBy(col(MARK_ACTION), confidenceOrder, col(NUMBER))
                .select(columns);
    }


    /** The mark's category from the row's patterns, list category and complaints (see the class comment). */
    private static Column category() {
        Column patterns = col(PATTERNS);
        Column anyFraudPattern = lit(false);
        for (PatternCode p : FRAUD_PATTERNS) {
            anyFraudPattern = anyFraudPattern.or(array_contains(patterns, p.code()));
        }
        Column harassmentOverAdvert = coalesce(col("_harassment"), lit(0L)).gt(coalesce(col("_advert"), lit(0L)));
        Column fraudReported = coalesce(col("_fraud"), lit(0L)).geq(1).or(col(POLICE_NOTIFIED));
        return when(col(LIST_CATEGORY).equalTo(ListCategory.COMPLIANCE.code()),
                        when(harassmentOverAdvert, lit(MarkCategory.HARASSMENT.code())).otherwise(lit(MarkCategory.ADVERTISING.code())))
                .when(anyFraudPattern, lit(MarkCategory.FRAUD.code()))
                .when(array_contains(patterns, PatternCode.BULK_CALLING.code()),
                        when(fraudReported, lit(MarkCategory.FRAUD.code())).otherwise(lit(MarkCategory.HARASSMENT.code())))
                .when(array_contains(patterns, PatternCode.SPAM_SMS.code()), lit(MarkCategory.SPAM_SMS.code()))
                // a pattern none of the above names (a future one): the milder mark, fraud needs evidence of fraud
                .otherwise(lit(MarkCategory.HARASSMENT.code()));
    }

    private static Column chinese(Column categoryCode) {
        Column out = lit(null).cast("string");
        for (MarkCategory c : MarkCategory.values()) {
            out = when(categoryCode.equalTo(c.code()), lit(c.chinese())).otherwise(out);
        }
        return out;
    }
}
