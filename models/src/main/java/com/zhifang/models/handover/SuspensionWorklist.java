package com.zhifang.models.handover;

import com.zhifang.features.behaviour.ServedRows;
import com.zhifang.features.domain.SubscriberStatus;
import com.zhifang.features.domain.SuspensionAction;
import com.zhifang.features.domain.WorklistEntry;
import com.zhifang.features.domain.WorklistState;
import com.zhifang.features.reference.Allowlist;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The suspension worklist of day D ({@code exports/<D>/suspension.csv}): every number the police notified in writing on
 * or before D that is not yet suspended, whether or not it carried traffic, and review rows for the lines in service
 * that share an identity or a handset with a notified number.
 *
 * <p>Where a notified number stands ({@link WorklistState}) is decided by the latest suspension action taken up to the
 * end of D: {@code SUSPENDED} closes it whenever it was taken, unless the line was served in a call or SMS after it
 * ({@code SUSPENDED_BUT_LIVE}, open); a {@code NOT_SUSPENDED} with a reason taken on or after
 * the latest notice's day closes it (declined, e.g. an impersonated number); one without a reason, or a
 * {@code RESTORED}, leaves it open. With no action (or only an older decision that a newer notice overrides) the
 * subscriber snapshot's status decides: {@code SUSPENDED} or {@code CLOSED} closes it. The police flag is applied
 * before the allowlist: an allowlisted notified number stays on the worklist with the conflict named.
 *
 * <p>Assumption: dates cast to timestamps are midnight in the session's time zone, which {@code ZhifangSessions} sets
 * to the carrier zone, so "from the notice on" means from the start of the notice day, carrier-local.
 *
 * <p>Cost: the notices, actions, snapshot and allowlist are small (broadcast joins); the window's served records are
 * read three times, each filtered where it lies by a broadcast semi-join on a few numbers (traffic after a notice,
 * traffic after a suspension) or reduced to distinct (number, IMEI) pairs for the handset links (one shuffle).
 */
public final class SuspensionWorklist {
    private SuspensionWorklist() {}

    /** Review links through an identity or handset shared by more lines than this are not listed (counted instead). */
    public static final int MAX_LINES_PER_LINK = 20;
    public static final String LINK_IDENTITY = "IDENTITY";
    public static final String LINK_DEVICE = "DEVICE";

    /** The hand-over file's columns, in order; also the columns of {@link #toWorklist}. */
    public static final List<String> COLUMNS = List.of(ENTRY, NUMBER, CASE_REF, NOTIFIED_ON, DAYS_OPEN, HOURS_OPEN, OVERDUE,
            STATE, STATUS, RESELLER_ID, LAST_ACTION, LAST_ACTION_AT, LAST_ACTION_REASON, LAST_ACTION_BY,
            CALLS_AFTER_NOTICE, SMS_AFTER_NOTICE, LAST_SEEN_AT, LIVE, CONFLICT, LINK_TYPE, LINKED_NUMBER, LINK_VALUE);

    private static final String NOTICE_START = "_notice_start";
    private static final String LATEST_NOTICE_START = "_latest_notice_start";

    /**
     * Every notified number with its standing on D: {@code number, case_ref} (all case references, {@code ;}-joined),
     * {@code notified_on} (first notice), {@code state}, the last action's four columns, {@code status},
     * {@code reseller_id}, {@code id_hash}, and {@code _notice_start} (the first notice's day start).
     *
     * @param notices     police notices ({@code number, notified_on, case_ref})
     * @param actions     suspension actions ({@code number, action, acted_at, reason, operator})
     * @param subscribers the subscriber snapshot as of D ({@code msisdn, status, reseller_id, id_hash})
     */
    public static Dataset<Row> toNotifiedStanding(Dataset<Row> notices, Dataset<Row> actions, Dataset<Row> subscribers,
                                                  LocalDate day) {
        RequiredColumns.check(notices, "toNotifiedStanding (notices)", NUMBER, NOTIFIED_ON, CASE_REF);
        RequiredColumns.check(actions, "toNotifiedStanding (actions)", NUMBER, ACTION, ACTED_AT, REASON, OPERATOR);
        RequiredColumns.check(subscribers, "toNotifiedStanding (subscribers)", MSISDN, STATUS, RESELLER_ID, ID_HASH);
        Dataset<Row> notified = notices.where(col(NOTIFIED_ON).leq(lit(day)).and(col(NUMBER).isNotNull()))
                .groupBy(NUMBER)
                .agg(min(NOTIFIED_ON).as(NOTIFIED_ON), max(NOTIFIED_ON).as("_latest_notified_on"),
                        concat_ws(";", array_sort(collect_set(CASE_REF))).as(CASE_REF))
                .withColumn(NOTICE_START, col(NOTIFIED_ON).cast("timestamp"))
                .withColumn(LATEST_NOTICE_START, col("_latest_notified_on").cast("timestamp"))
                .drop("_latest_notified_on");
        // the latest action up to the end of D; ties in time broken by the struct's next fields, so reruns agree
        Dataset<Row> lastAction = actions
                .where(col(ACTED_AT).lt(lit(day.plusDays(1)).cast("timestamp")).and(col(NUMBER).isNotNull()))
                .groupBy(col(NUMBER).as("_a_number"))
                .agg(max(struct(col(ACTED_AT), col(ACTION), col(REASON), col(OPERATOR))).as("_last"));
        Dataset<Row> snapshot = linesOf(subscribers, notified.select(NUMBER))
                .select(col(MSISDN).as("_s_number"), col(STATUS), col(RESELLER_ID), col(ID_HASH));
        Column action = col("_last").getField(ACTION);
        Column actedAt = col("_last").getField(ACTED_AT);
        Column sinceLatestNotice = actedAt.geq(col(LATEST_NOTICE_START));
        Column hasReason = trim(coalesce(col("_last").getField(REASON), lit(""))).notEqual("");
        Column state = when(action.equalTo(SuspensionAction.SUSPENDED.code()), lit(WorklistState.SUSPENDED.code()))
                .when(action.equalTo(SuspensionAction.NOT_SUSPENDED.code()).and(sinceLatestNotice).and(hasReason),
                        lit(WorklistState.NOT_SUSPENDED.code()))
                .when(action.equalTo(SuspensionAction.NOT_SUSPENDED.code()).and(sinceLatestNotice),
                        lit(WorklistState.NOT_SUSPENDED_WITHOUT_REASON.code()))
                .when(action.equalTo(SuspensionAction.RESTORED.code()).and(sinceLatestNotice), lit(WorklistState.RESTORED.code()))
                .when(col(STATUS).isin(SubscriberStatus.SUSPENDED.code(), SubscriberStatus.CLOSED.code()),
                        lit(WorklistState.OUT_OF_SERVICE.code()))
                .otherwise(lit(WorklistState.NO_ACTION.code()));
        return notified
                .join(broadcast(lastAction), col(NUMBER).equalTo(col("_a_number")), "left")
                .join(broadcast(snapshot), col(NUMBER).equalTo(col("_s_number")), "left")
                .withColumn(STATE, state)
                .withColumn(LAST_ACTION, action)
                .withColumn(LAST_ACTION_AT, actedAt)
                .withColumn(LAST_ACTION_REASON, col("_last").getField(REASON))
                .withColumn(LAST_ACTION_BY, col("_last").getField(OPERATOR))
                .drop("_a_number", "_s_number", "_last", LATEST_NOTICE_START);
    }

    /**
     * The worklist rows of D, in {@link #COLUMNS} order, sorted: notified numbers first (overdue, then oldest first),
     * then review rows by linked number.
     *
     * @param standing      {@link #toNotifiedStanding} of D
     * @param subscribers   the subscriber snapshot as of D ({@code msisdn, status, reseller_id, id_hash})
     * @param allowlist     the allowlist snapshot as of D ({@code number, is_prefix, valid_until, owner, category})
     * @param voice         the traffic window's voice records (up to D)
     * @param sms           the traffic window's SMS records (up to D)
     * @param overdueHours  a notified number open for longer than this (from the start of its notice day to the end
     *                      of D) is overdue
     */
    public static Dataset<Row> toWorklist(Dataset<Row> standing, Dataset<Row> subscribers, Dataset<Row> allowlist,
                                          Dataset<Row> voice, Dataset<Row> sms, LocalDate day, int overdueHours) {
        RequiredColumns.check(standing, "toWorklist (standing)", NUMBER, CASE_REF, NOTIFIED_ON, STATE, STATUS, RESELLER_ID,
                ID_HASH, NOTICE_START);
        RequiredColumns.check(subscribers, "toWorklist (subscribers)", MSISDN, STATUS, RESELLER_ID, ID_HASH);
        if (overdueHours < 0) {
            throw new IllegalArgumentException("overdue limit must be >= 0 hours, got " + overdueHours);
        }
        Dataset<Row> served = ServedRows.toServedRows(voice, sms)
                .select(col(NUMBER), col(IMEI), col(ServedRows.EVENT_TIME), col(ServedRows.KIND));
        Column endOfDay = lit(day.plusDays(1)).cast("timestamp");
        Column openStates = col(STATE).isin(openStateCodes());

        // a line recorded as suspended but served after the suspension: the suspension did not take effect
        Dataset<Row> suspended = standing.where(col(STATE).equalTo(WorklistState.SUSPENDED.code()))
                .select(col(NUMBER).as("_x_number"), col(LAST_ACTION_AT).as("_x_at"));
        Dataset<Row> servedAfterSuspension = served.join(broadcast(suspended), col(NUMBER).equalTo(col("_x_number"))
                        .and(col(ServedRows.EVENT_TIME).gt(col("_x_at"))).and(col(ServedRows.EVENT_TIME).lt(endOfDay)), "left_semi")
                .select(col(NUMBER).as("_live_number")).distinct();
        Dataset<Row> checked = standing.join(broadcast(servedAfterSuspension), col(NUMBER).equalTo(col("_live_number")), "left")
                .withColumn(STATE, when(col("_live_number").isNotNull(), lit(WorklistState.SUSPENDED_BUT_LIVE.code()))
                        .otherwise(col(STATE)))
                .drop("_live_number");

        Dataset<Row> notifiedRows = checked.where(openStates)
                .withColumn(ENTRY, lit(WorklistEntry.NOTIFIED.code()))
                .withColumn(LINK_TYPE, lit(null).cast("string"))
                .withColumn(LINKED_NUMBER, lit(null).cast("string"))
                .withColumn(LINK_VALUE, lit(null).cast("string"));
        Dataset<Row> reviewRows = reviewLinks(standing, subscribers, served)
                .withColumn(ENTRY, lit(WorklistEntry.REVIEW.code()))
                .withColumn(STATE, lit(null).cast("string"))
                .withColumn(LAST_ACTION, lit(null).cast("string"))
                .withColumn(LAST_ACTION_AT, lit(null).cast("timestamp"))
                .withColumn(LAST_ACTION_REASON, lit(null).cast("string"))
                .withColumn(LAST_ACTION_BY, lit(null).cast("string"));
        List<String> shared = List.of(ENTRY, NUMBER, CASE_REF, NOTIFIED_ON, NOTICE_START, STATE, STATUS, RESELLER_ID,
                LAST_ACTION, LAST_ACTION_AT, LAST_ACTION_REASON, LAST_ACTION_BY, LINK_TYPE, LINKED_NUMBER, LINK_VALUE);
        Dataset<Row> rows = notifiedRows.select(shared.stream().map(c -> col(c)).toArray(Column[]::new))
                .unionByName(reviewRows.select(shared.stream().map(c -> col(c)).toArray(Column[]::new)));

        // traffic from the (linked) notice on: one pass over the window's served records, semi-joined on the rows' numbers
        Dataset<Row> starts = rows.select(col(NUMBER).as("_t_number"), col(NOTICE_START).as("_t_start")).distinct();
        Dataset<Row> traffic = served.join(broadcast(starts), col(NUMBER).equalTo(col("_t_number"))
                        .and(col(ServedRows.EVENT_TIME).geq(col("_t_start"))).and(col(ServedRows.EVENT_TIME).lt(endOfDay)))
                .groupBy("_t_number", "_t_start")
                .agg(count_if(col(ServedRows.KIND).startsWith("CALL")).as(CALLS_AFTER_NOTICE),
                        count_if(col(ServedRows.KIND).equalTo("SMS")).as(SMS_AFTER_NOTICE),
                        max(ServedRows.EVENT_TIME).as(LAST_SEEN_AT));

        Dataset<Row> conflicts = rows.select(NUMBER).distinct()
                .join(broadcast(Allowlist.inForce(allowlist, day)), Allowlist.covers(col(NUMBER)))
                .groupBy(col(NUMBER).as("_c_number"))
                .agg(concat_ws("; ", array_sort(collect_set(Allowlist.ENTRY_TEXT))).as(CONFLICT));

        Column hoursOpen = floor(unix_timestamp(endOfDay).minus(unix_timestamp(col(NOTICE_START))).divide(3600));
        return rows
                .join(traffic, col(NUMBER).equalTo(col("_t_number")).and(col(NOTICE_START).equalTo(col("_t_start"))), "left")
                .join(conflicts, col(NUMBER).equalTo(col("_c_number")), "left")
                .withColumn(CALLS_AFTER_NOTICE, coalesce(col(CALLS_AFTER_NOTICE), lit(0L)))
                .withColumn(SMS_AFTER_NOTICE, coalesce(col(SMS_AFTER_NOTICE), lit(0L)))
                .withColumn(LIVE, col(CALLS_AFTER_NOTICE).plus(col(SMS_AFTER_NOTICE)).gt(0))
                .withColumn(DAYS_OPEN, datediff(lit(day), col(NOTIFIED_ON)))
                .withColumn(HOURS_OPEN, hoursOpen.cast("long"))
                .withColumn(OVERDUE, when(col(ENTRY).equalTo(WorklistEntry.NOTIFIED.code()), hoursOpen.gt(overdueHours)))
                // notified numbers: overdue first, then oldest notice first; review rows: by linked number
                .orderBy(col(ENTRY), col(OVERDUE).desc_nulls_last(),
                        when(col(ENTRY).equalTo(WorklistEntry.NOTIFIED.code()), col(NOTIFIED_ON)), col(LINKED_NUMBER),
                        col(NUMBER), col(LINK_TYPE), col(LINK_VALUE))
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * Lines in service linked to a notified number: the same {@code id_hash} in the snapshot, or a handset (IMEI) both
     * were served on in the window, with notified numbers whose notice was not declined with a reason. Left out: the
     * notified numbers themselves, lines the snapshot shows suspended or
     * closed (a line it does not know yet counts as in service), and links shared by more than {@link #MAX_LINES_PER_LINK} lines (an enterprise's identity, a shop's test
     * handset), which name nobody in particular. Columns: {@code number, status, reseller_id} (the review line's),
     * {@code case_ref, notified_on, _notice_start} (the notified number's), {@code link_type, linked_number,
     * link_value}.
     */
    static Dataset<Row> reviewLinks(Dataset<Row> standing, Dataset<Row> subscribers, Dataset<Row> served) {
        // a notice operations declined with a reason (an impersonated number) links nobody to fraud
        Dataset<Row> notified = standing.where(col(STATE).notEqual(WorklistState.NOT_SUSPENDED.code())).select(col(NUMBER).as("_n_number"), col(ID_HASH).as("_n_id"), col(CASE_REF),
                col(NOTIFIED_ON), col(NOTICE_START));
        // the snapshot's lines holding a notified number's identity: a broadcast semi-join, then a small aggregation
        Dataset<Row> lines = subscribers.join(broadcast(notified.select(col("_n_id")).where(col("_n_id").isNotNull()).distinct()),
                        col(ID_HASH).equalTo(col("_n_id")), "left_semi")
                .select(col(MSISDN).as("_r_number"), col(ID_HASH).as("_r_id"));
        Column outOfService = col(STATUS).isin(SubscriberStatus.SUSPENDED.code(), SubscriberStatus.CLOSED.code());
        Dataset<Row> identityLines = lines.groupBy(col("_r_id").as("_id")).agg(count(lit(1)).as("_lines"))
                .where(col("_lines").leq(MAX_LINES_PER_LINK));
        Dataset<Row> byIdentity = notified.where(col("_n_id").isNotNull())
                .join(broadcast(identityLines), col("_n_id").equalTo(col("_id")), "left_semi")
                .join(lines, col("_n_id").equalTo(col("_r_id")))
                .select(col("_r_number"), col("_n_number"), col(CASE_REF), col(NOTIFIED_ON), col(NOTICE_START),
                        lit(LINK_IDENTITY).as(LINK_TYPE), col("_n_id").as(LINK_VALUE));

        Dataset<Row> pairs = served.where(col(NUMBER).isNotNull().and(col(IMEI).isNotNull()))
                .select(col(NUMBER).as("_p_number"), col(IMEI).as("_p_imei")).distinct();
        Dataset<Row> notifiedHandsets = pairs.join(broadcast(notified), col("_p_number").equalTo(col("_n_number")))
                .select(col("_n_number"), col("_p_imei").as("_imei"), col(CASE_REF), col(NOTIFIED_ON), col(NOTICE_START));
        Dataset<Row> handsetLines = pairs.join(broadcast(notifiedHandsets.select("_imei").distinct()),
                        col("_p_imei").equalTo(col("_imei")), "left_semi")
                .groupBy(col("_p_imei").as("_h_imei")).agg(count(lit(1)).as("_lines"))
                .where(col("_lines").leq(MAX_LINES_PER_LINK));
        Dataset<Row> byDevice = notifiedHandsets
                .join(broadcast(handsetLines), col("_imei").equalTo(col("_h_imei")), "left_semi")
                .join(pairs, col("_imei").equalTo(col("_p_imei")))
                .select(col("_p_number").as("_r_number"), col("_n_number"), col(CASE_REF), col(NOTIFIED_ON), col(NOTICE_START),
                        lit(LINK_DEVICE).as(LINK_TYPE), col("_imei").as(LINK_VALUE));

        Dataset<Row> notifiedNumbers = standing.select(col(NUMBER).as("_self"));
        Dataset<Row> links = byIdentity.unionByName(byDevice)
                .join(broadcast(notifiedNumbers), col("_r_number").equalTo(col("_self")), "left_anti");
        Dataset<Row> linkedLines = linesOf(subscribers, links.select(col("_r_number").as(NUMBER)))
                .select(col(MSISDN).as("_rs"), col(STATUS), col(RESELLER_ID));
        return links
                // a handset's other SIM may be newer than the snapshot: unknown status counts as in service
                .join(broadcast(linkedLines), col("_r_number").equalTo(col("_rs")), "left")
                .where(col(STATUS).isNull().or(not(outOfService)))
                .select(col("_r_number").as(NUMBER), col(STATUS), col(RESELLER_ID), col(CASE_REF), col(NOTIFIED_ON),
                        col(NOTICE_START), col(LINK_TYPE), col("_n_number").as(LINKED_NUMBER), col(LINK_VALUE))
                .distinct();
    }

    /**
     * The snapshot's rows of the given numbers ({@code number} column): a semi-join with the numbers broadcast, so the
     * snapshot (a carrier's tens of millions of lines) is filtered where it lies, never shuffled or broadcast.
     */
    private static Dataset<Row> linesOf(Dataset<Row> subscribers, Dataset<Row> numbers) {
        Dataset<Row> keys = numbers.select(col(NUMBER).as("_key")).where(col("_key").isNotNull()).distinct();
        return subscribers.join(broadcast(keys), col(MSISDN).equalTo(col("_key")), "left_semi");
    }

    /** The codes of the states that keep a notified number on the worklist. */
    public static Object[] openStateCodes() {
        return java.util.Arrays.stream(WorklistState.values()).filter(WorklistState::open).map(WorklistState::code).toArray();
    }
}
