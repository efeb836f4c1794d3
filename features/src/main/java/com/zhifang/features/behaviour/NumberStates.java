package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every number: the mergeable counters, histograms and sketches from which
 * {@link WindowMerger} derives the number features of any window (see {@link FeatureSets}).
 *
 * <p>Inputs are one traffic day's records (voice, sms), the complaints of that day, the subscriber
 * snapshot that applies to it, the day's contact pairs ({@link ContactPairs#toPairDayState}) and the
 * stored pairs of the novelty lookback before it.
 *
 * <p>Cost (the bulk of the features stage): the outgoing calls are shuffled once by number and
 * sorted by time (sequential dialling and inter-call gaps need each caller's calls in order; the
 * per-number aggregation reuses that partitioning); incoming calls, SMS and complaints are one
 * partially-aggregated shuffle each, cells two (counted pairs, then per number); the day's
 * outgoing pairs are anti-joined with the prior pairs (new callees). Distinct callees, callers and
 * callee blocks are not part of the day state: {@link ContactPairs#toWindowContacts} counts them
 * exactly from the stored pairs of the window. Every part is grouped by (hash of the number,
 * number) ({@link HashedKeys}), so the parts share one partitioning and are assembled
 * ({@link StateParts}) without another shuffle.
 * Two broadcast anti-joins on the subscriber numbers decide the sides ({@link Sides}).
 */
public final class NumberStates {
    private NumberStates() {}

    public static Dataset<Row> toNumberDayState(Dataset<Row> voice, Dataset<Row> sms, Dataset<Row> complaints,
                                                Dataset<Row> subscribers, Dataset<Row> dayPairs, Dataset<Row> priorPairs,
                                                LocalDate day) {
        RequiredColumns.check(voice, "toNumberDayState", RECORD_ID, START_TIME, ANSWERED, DURATION_S, RING_S, RELEASE_CAUSE);
        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(toOutgoingCallState(Sides.outgoingCalls(voice, subscribers)));
        parts.add(toIncomingCallState(Sides.incomingCalls(voice, subscribers)));
        parts.add(ContactPairs.toNewCalleeCounts(dayPairs, priorPairs));
        parts.addAll(SmsSenders.toSenderStateParts(Sides.outgoingSms(sms, subscribers), NUMBER));
        parts.add(HashedKeys.groupByKey(Sides.incomingSms(sms, subscribers), NUMBER).agg(count(lit(1)).as(SMS_IN)));
        parts.add(toCellState(ServedRows.toServedRows(voice, sms)));
        parts.add(toComplaintState(complaints));
        return StateParts.combine(FeatureSets.NUMBER_FEATURES, day, parts);
    }

    /**
     * Per caller: volumes, outcomes, duration and hour histograms, the busiest clock minute,
     * sequential dialling, gaps.
     *
     * <p>The busiest minute: a call's running count within its clock minute is its row number minus
     * the row number of the first call of that minute, which a second window over the same ordering
     * carries forward (a running maximum of "this row starts a minute"). Spark runs it as a second
     * Window operator on the already sorted rows: no other shuffle or sort. Minutes are counted from
     * the epoch, which are the carrier's clock minutes for any zone offset of whole minutes.
     */
    static Dataset<Row> toOutgoingCallState(Dataset<Row> outgoing) {
        RequiredColumns.check(outgoing, "toOutgoingCallState", NUMBER, PEER, RECORD_ID, START_TIME, ANSWERED, DURATION_S,
                RING_S, RELEASE_CAUSE);
        WindowSpec inOrder = Window.partitionBy(HashedKeys.KEY_HASH, NUMBER).orderBy(START_TIME, RECORD_ID);
        // E.164 digits as a number, so "within a small step" is a subtraction (null for odd keys).
        Column peerValue = regexp_replace(col(PEER), "^\\+", "").try_cast(DataTypes.LongType);
        // Both lags in one projection over precomputed inputs, so Spark runs one Window operator for
        // them: separate withColumn calls put a projection between two Window operators (each
        // buffering every number's calls again), which Spark does not collapse. Only the busiest
        // minute's running maximum, which reads the first window's results, needs a second one.
        Dataset<Row> ordered = outgoing
                .select(HashedKeys.hashOf(col(NUMBER)).as(HashedKeys.KEY_HASH), col(NUMBER), col(START_TIME), col(ANSWERED),
                        col(DURATION_S), col(RING_S), col(RELEASE_CAUSE), Sides.oneRing().as("_one_ring"),
                        peerValue.as("_peer_value"), unix_seconds(col(START_TIME)).as("_epoch_s"), col(RECORD_ID),
                        Histograms.bucketOf(col(DURATION_S), Histograms.DURATION_EDGES).as("_duration_bucket"),
                        FeatureSets.localHour(col(START_TIME)).as("_hour"), floor(unix_seconds(col(START_TIME)).divide(60)).as("_minute"))
                .select(col("*"), lag(col("_peer_value"), 1).over(inOrder).as("_prev_peer"),
                        col("_epoch_s").minus(lag(col("_epoch_s"), 1).over(inOrder)).cast("double").as("_gap"),
                        row_number().over(inOrder).as("_row"), lag(col("_minute"), 1).over(inOrder).as("_prev_minute"))
                .select(col("*"), max(when(not(coalesce(col("_prev_minute").equalTo(col("_minute")), lit(false))), col("_row")))
                        .over(inOrder.rowsBetween(Window.unboundedPreceding(), Window.currentRow())).as("_minute_start"));
        Column answered = col(ANSWERED);
        Column step = abs(col("_peer_value").minus(col("_prev_peer")));
        Column durationBucket = col("_duration_bucket");
        Column hourOf = col("_hour");
        return ordered.groupBy(HashedKeys.KEY_HASH, NUMBER).agg(
                        count(lit(1)).as(CALLS_OUT),
                        sum(when(answered, 1L).otherwise(0L)).as(ANSWERED_OUT),
                        sum(when(answered.and(col(DURATION_S).lt(FeatureSets.SHORT_CALL_SECONDS)), 1L).otherwise(0L)).as(SHORT_CALLS_OUT),
                        sum(when(answered, col(DURATION_S).cast("long")).otherwise(0L)).as(DURATION_SUM_OUT),
                        Histograms.countsAgg(durationBucket, answered, Histograms.DURATION_EDGES.length).as(DURATION_HIST_OUT),
                        sum(when(col("_one_ring"), 1L).otherwise(0L)).as(ONE_RING_OUT),
                        sum(when(col(RELEASE_CAUSE).equalTo(1), 1L).otherwise(0L)).as(UNALLOCATED_OUT),
                        Histograms.countsAgg(hourOf, lit(true), Histograms.HOURS).as(HOUR_HIST_OUT),
                        max(col("_row").minus(col("_minute_start")).plus(1)).cast("long").as(PEAK_MINUTE_CALLS_OUT),
                        sum(when(step.isNotNull(), 1L).otherwise(0L)).as(SEQ_PAIRS_OUT),
                        sum(when(step.between(1, FeatureSets.SEQUENTIAL_STEP), 1L).otherwise(0L)).as(SEQ_STEPS_OUT),
                        count(col("_gap")).as(GAP_N_OUT),
                        sum(col("_gap")).as(GAP_SUM_OUT),
                        sum(col("_gap").multiply(col("_gap"))).as(GAP_SUMSQ_OUT))
                .withColumn(PEAK_HOUR_CALLS_OUT, array_max(col(HOUR_HIST_OUT)));
    }

    /** Per callee: calls received, answered, and one-ring calls received (a Wangiri victim's view). */
    static Dataset<Row> toIncomingCallState(Dataset<Row> incoming) {
        RequiredColumns.check(incoming, "toIncomingCallState", NUMBER, ANSWERED, RING_S);
        return HashedKeys.groupByKey(incoming, NUMBER).agg(
                count(lit(1)).as(CALLS_IN),
                sum(when(col(ANSWERED), 1L).otherwise(0L)).as(ANSWERED_IN),
                sum(when(Sides.oneRing(), 1L).otherwise(0L)).as(ONE_RING_IN));
    }

    /**
     * Per served number: distinct cells it used (exact and HLL), the served records (MO/MT voice and
     * SMS of the number, {@link ServedRows}) and those of them with a cell id. A record without a
     * cell id (Wi-Fi calling, switches that leave it empty) is an unknown cell, not a cell: it counts
     * in {@code served_records} only, so {@code cell_known_share} says how much of the number's
     * traffic its {@code cells} describe.
     *
     * <p>The (number, cell) pairs, the empty cell as one pair, are counted first, in a plain hash
     * aggregation (what a distinct was, with a count): the sketch makes the per-number aggregation an
     * object aggregation, which past 128 keys sorts its input rows by number, and E.164 keys share
     * their first 8 bytes ("+86138..."), the sort prefix, so every comparison reads whole strings.
     * Sorting the pairs instead of every served row is cheaper
     * ({@code docs/measurements/2026-11-29-features-stage-profiles.md}); a sketch and a distinct
     * count do not change when duplicates are dropped, and the sketch skips the empty cell.
     */
    static Dataset<Row> toCellState(Dataset<Row> served) {
        RequiredColumns.check(served, "toCellState", NUMBER, CELL_ID);
        Dataset<Row> pairs = served.filter(col(NUMBER).isNotNull())
                .groupBy(col(NUMBER), col(CELL_ID)).agg(count(lit(1)).as("_records"));
        return HashedKeys.groupByKey(pairs, NUMBER).agg(
                count(col(CELL_ID)).as(CELLS + EXACT_SUFFIX),
                hll_sketch_agg(col(CELL_ID)).as(CELLS + HLL_SUFFIX),
                sum(col("_records")).as(SERVED_RECORDS),
                sum(when(col(CELL_ID).isNotNull(), col("_records")).otherwise(0L)).as(CELL_RECORDS));
    }

    /** Per reported number: complaints by category and channel, and distinct reporters. */
    static Dataset<Row> toComplaintState(Dataset<Row> complaints) {
        RequiredColumns.check(complaints, "toComplaintState", REPORTED_NUMBER, CATEGORY, CHANNEL, REPORTER_HASH);
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)).as(COMPLAINTS_TOTAL));
        FeatureSets.COMPLAINT_CATEGORIES.forEach(c ->
                aggs.add(sum(when(col(CATEGORY).equalTo(c), 1L).otherwise(0L)).as(complaintsBy(c))));
        FeatureSets.COMPLAINT_CHANNELS.forEach(c ->
                aggs.add(sum(when(col(CHANNEL).equalTo(c), 1L).otherwise(0L)).as(complaintsBy(c))));
        aggs.add(size(collect_set(col(REPORTER_HASH))).cast("long").as(COMPLAINT_REPORTERS + EXACT_SUFFIX));
        aggs.add(hll_sketch_agg(col(REPORTER_HASH)).as(COMPLAINT_REPORTERS + HLL_SUFFIX));
        Dataset<Row> reported = complaints.filter(col(REPORTED_NUMBER).isNotNull()).withColumn(NUMBER, col(REPORTED_NUMBER));
        return HashedKeys.groupByKey(reported, NUMBER)
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }
}
