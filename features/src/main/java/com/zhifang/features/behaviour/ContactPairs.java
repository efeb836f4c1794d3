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
 * Who called whom: one row per (day, number, peer) with the calls each way. Reciprocity, novelty and
 * call-backs need set membership ("did this callee ever call back?"), which sketches cannot answer,
 * so these features read the stored pairs of the window (partition-pruned) instead of the records.
 *
 * <p>Every call yields an outgoing pair at its caller and an incoming pair at its callee (see
 * {@link Sides}), so "P called X back" is simply {@code in_calls > 0} on X's pair with P.
 */
public final class ContactPairs {
    private ContactPairs() {}

    public static final StructType PAIR_SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField(TRAFFIC_DAY, DataTypes.DateType, false),
            DataTypes.createStructField(NUMBER, DataTypes.StringType, false),
            DataTypes.createStructField(PEER, DataTypes.StringType, false),
            DataTypes.createStructField(OUT_CALLS, DataTypes.LongType, false),
            DataTypes.createStructField(OUT_ONE_RING, DataTypes.LongType, false),
            DataTypes.createStructField(FIRST_ONE_RING_AT, DataTypes.TimestampType, true),
            DataTypes.createStructField(IN_CALLS, DataTypes.LongType, false),
            DataTypes.createStructField(LAST_IN_AT, DataTypes.TimestampType, true)});

    /**
     * The day's pairs from its outgoing and incoming call sides ({@link Sides}). Cost: one shuffle of
     * the side rows by (number, peer), with map-side partial aggregation.
     */
    public static Dataset<Row> toPairDayState(Dataset<Row> outgoing, Dataset<Row> incoming, LocalDate day) {
        RequiredColumns.check(outgoing, "toPairDayState", NUMBER, PEER, START_TIME, ANSWERED, RING_S);
        RequiredColumns.check(incoming, "toPairDayState", NUMBER, PEER, START_TIME);
        Dataset<Row> out = outgoing.filter(col(PEER).isNotNull())
                .select(col(NUMBER), col(PEER), col(START_TIME), lit(true).as("_out"), Sides.oneRing().as("_one_ring"));
        Dataset<Row> in = incoming.filter(col(PEER).isNotNull())
                .select(col(NUMBER), col(PEER), col(START_TIME), lit(false).as("_out"), lit(false).as("_one_ring"));
        Dataset<Row> pairs = out.unionByName(in).groupBy(NUMBER, PEER).agg(
                sum(when(col("_out"), 1L).otherwise(0L)).as(OUT_CALLS),
                sum(when(col("_one_ring"), 1L).otherwise(0L)).as(OUT_ONE_RING),
                min(when(col("_one_ring"), col(START_TIME))).as(FIRST_ONE_RING_AT),
                sum(when(col("_out"), 0L).otherwise(1L)).as(IN_CALLS),
                max(when(not(col("_out")), col(START_TIME))).as(LAST_IN_AT))
                .withColumn(TRAFFIC_DAY, lit(day));
        return EntityFeatures.conform(pairs, PAIR_SCHEMA, "toPairDayState");
    }

    /**
     * Per number, from one day's pairs: distinct callees, callers and callee blocks (exact and HLL)
     * and how many callees are new, i.e. absent from every pair of {@code priorPairs} (the stored
     * pairs of the lookback days before it). Cost: one left join with the prior pairs (shuffle of
     * both by number, peer), one aggregation by number.
     */
    public static Dataset<Row> toContactCounts(Dataset<Row> dayPairs, Dataset<Row> priorPairs) {
        RequiredColumns.check(dayPairs, "toContactCounts", NUMBER, PEER, OUT_CALLS, IN_CALLS);
        RequiredColumns.check(priorPairs, "toContactCounts", NUMBER, PEER);
        Dataset<Row> known = priorPairs.select(col(NUMBER).as("_pn"), col(PEER).as("_pp")).distinct();
        Dataset<Row> flagged = dayPairs.join(known, col(NUMBER).equalTo(col("_pn")).and(col(PEER).equalTo(col("_pp"))), "left");
        Column isOut = col(OUT_CALLS).gt(0);
        Column isIn = col(IN_CALLS).gt(0);
        Column block = Sides.blockOf(col(PEER));
        return HashedKeys.groupByKey(flagged, NUMBER).agg(
                sum(when(isOut, 1L).otherwise(0L)).as(CALLEES + EXACT_SUFFIX),
                hll_sketch_agg(when(isOut, col(PEER))).as(CALLEES + HLL_SUFFIX),
                sum(when(isIn, 1L).otherwise(0L)).as(CALLERS + EXACT_SUFFIX),
                hll_sketch_agg(when(isIn, col(PEER))).as(CALLERS + HLL_SUFFIX),
                size(collect_set(when(isOut, block))).cast("long").as(CALLEE_BLOCKS + EXACT_SUFFIX),
                hll_sketch_agg(when(isOut, block)).as(CALLEE_BLOCKS + HLL_SUFFIX),
                sum(when(isOut.and(col("_pn").isNull()), 1L).otherwise(0L)).as(NEW_CALLEES));
    }

    /**
     * Window features from the stored pairs of the longest window: for each window, the share of a
     * number's callees that called it back (reciprocity), the callees it one-ring called, and how
     * many of those called it after the first one-ring call (Wangiri's harvest).
     *
     * <p>Cost: one aggregation by (number, peer) and one by number over the window's pairs.
     */
    public static Dataset<Row> toWindowReciprocity(Dataset<Row> pairs, LocalDate day, List<Integer> windows) {
        RequiredColumns.check(pairs, "toWindowReciprocity", PAIR_SCHEMA.fieldNames());
        WindowMerger.checkWindows(windows);
        int longest = Collections.max(windows);
        Dataset<Row> inWindow = pairs.filter(col(TRAFFIC_DAY).between(lit(day.minusDays(longest - 1)), lit(day)));
        List<Column> perPair = new ArrayList<>();
        for (int w : windows) {
            Column in = col(TRAFFIC_DAY).geq(lit(day.minusDays(w - 1)));
            perPair.add(sum(when(in, col(OUT_CALLS)).otherwise(0L)).as("_out" + w));
            perPair.add(sum(when(in, col(IN_CALLS)).otherwise(0L)).as("_in" + w));
            perPair.add(min(when(in, col(FIRST_ONE_RING_AT))).as("_ring" + w));
            perPair.add(max(when(in, col(LAST_IN_AT))).as("_last_in" + w));
        }
        Dataset<Row> byPair = inWindow.groupBy(NUMBER, PEER).agg(perPair.get(0), perPair.subList(1, perPair.size()).toArray(new Column[0]));
        List<Column> perNumber = new ArrayList<>();
        for (int w : windows) {
            Column out = col("_out" + w).gt(0);
            Column reciprocated = out.and(col("_in" + w).gt(0));
            Column ring = col("_ring" + w).isNotNull();
            perNumber.add(try_divide(sum(when(reciprocated, 1.0).otherwise(0.0)), sum(when(out, 1.0).otherwise(0.0)))
                    .as(windowed(RECIPROCITY, w)));
            perNumber.add(sum(when(reciprocated, 1L).otherwise(0L)).as(windowed(RECIPROCATED_CALLEES, w)));
            perNumber.add(sum(when(ring, 1L).otherwise(0L)).as(windowed(ONE_RING_CALLEES, w)));
            perNumber.add(sum(when(ring.and(col("_last_in" + w).gt(col("_ring" + w))), 1L).otherwise(0L))
                    .as(windowed(CALLBACKS_AFTER_ONE_RING, w)));
        }
        return byPair.groupBy(NUMBER).agg(perNumber.get(0), perNumber.subList(1, perNumber.size()).toArray(new Column[0]));
    }
}
