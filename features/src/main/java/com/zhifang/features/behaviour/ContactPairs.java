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

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Who called whom: one row per (day, number, peer) with the calls each way. Reciprocity, novelty and
 * call-backs need set membership ("did this callee ever call back?"), which sketches cannot answer,
 * so these features, and the exact distinct contact counts with them, read the stored pairs of the
 * window (partition-pruned) instead of the records.
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
     * Per number, from one day's pairs: how many of its callees are new, i.e. absent from every pair
     * (either way) of {@code priorPairs}, the stored pairs of the lookback days before it. Numbers
     * with no new callee have no row (their count is 0 in the day state). Cost: one anti join of the
     * day's outgoing pairs with the prior pairs (shuffle of both by number and peer), then one hash
     * aggregation by number.
     */
    public static Dataset<Row> toNewCalleeCounts(Dataset<Row> dayPairs, Dataset<Row> priorPairs) {
        RequiredColumns.check(dayPairs, "toNewCalleeCounts", NUMBER, PEER, OUT_CALLS);
        RequiredColumns.check(priorPairs, "toNewCalleeCounts", NUMBER, PEER);
        Dataset<Row> known = priorPairs.select(col(NUMBER).as("_pn"), col(PEER).as("_pp"));
        Dataset<Row> newCallees = dayPairs.filter(col(OUT_CALLS).gt(0))
                .join(known, col(NUMBER).equalTo(col("_pn")).and(col(PEER).equalTo(col("_pp"))), "left_anti");
        return HashedKeys.groupByKey(newCallees, NUMBER).agg(count(lit(1)).as(NEW_CALLEES));
    }

    /**
     * Window features from the stored pairs of the longest window, all exact: for each window, a
     * number's distinct callees, callers and callee blocks, callees per block, the share of its
     * callees that called it back (reciprocity), the callees it one-ring called, and how many of
     * those called it after the first one-ring call (Wangiri's harvest). The range figures of
     * international callers are added from these ({@link CallerRanges#withRangeOneRing}).
     *
     * <p>Why from the pairs rather than from daily sketches: the pairs of the window are read here
     * anyway (set membership needs them), so exact counts cost a few sums and one aggregation within
     * the same partitioning, where the day state's HLL sketches made its contact aggregation and the
     * window merge object aggregations; and a
     * distinct count quoted as evidence ("412 distinct callees in 7 days") is one an analyst can
     * recount from the records.
     *
     * <p>Cost: one shuffle of the window's pair rows by number; the aggregations by (number, peer),
     * (number, block) and number all run within that partitioning, without another shuffle.
     */
    public static Dataset<Row> toWindowContacts(Dataset<Row> pairs, LocalDate day, List<Integer> windows) {
        RequiredColumns.check(pairs, "toWindowContacts", PAIR_SCHEMA.fieldNames());
        WindowMerger.checkWindows(windows);
        int longest = Collections.max(windows);
        Dataset<Row> inWindow = pairs.filter(col(TRAFFIC_DAY).between(lit(day.minusDays(longest - 1)), lit(day)))
                .repartition(col(NUMBER));
        List<Column> perPair = new ArrayList<>();
        for (int w : windows) {
            Column in = col(TRAFFIC_DAY).geq(lit(day.minusDays(w - 1)));
            perPair.add(sum(when(in, col(OUT_CALLS)).otherwise(0L)).as("_out" + w));
            perPair.add(sum(when(in, col(IN_CALLS)).otherwise(0L)).as("_in" + w));
            perPair.add(min(when(in, col(FIRST_ONE_RING_AT))).as("_ring" + w));
            perPair.add(max(when(in, col(LAST_IN_AT))).as("_last_in" + w));
        }
        Dataset<Row> byPair = inWindow.groupBy(NUMBER, PEER).agg(perPair.get(0), perPair.subList(1, perPair.size()).toArray(new Column[0]))
                .withColumn("_block", Sides.blockOf(col(PEER)));
        // Per (number, block): the pair counts summed, and whether the block holds a callee, so that
        // distinct blocks are a sum per number too (no set of blocks to collect).
        List<Column> perBlock = new ArrayList<>();
        for (int w : windows) {
            Column out = col("_out" + w).gt(0);
            Column ring = col("_ring" + w).isNotNull();
            perBlock.add(count_if(out).as("_callees" + w));
            perBlock.add(count_if(col("_in" + w).gt(0)).as("_callers" + w));
            perBlock.add(count_if(out.and(col("_in" + w).gt(0))).as("_reciprocated" + w));
            perBlock.add(count_if(ring).as("_ring_callees" + w));
            perBlock.add(count_if(ring.and(col("_last_in" + w).gt(col("_ring" + w)))).as("_callbacks" + w));
            perBlock.add(max(when(out.and(col("_block").isNotNull()), 1L).otherwise(0L)).as("_blocks" + w));
        }
        Dataset<Row> byBlock = byPair.groupBy(col(NUMBER), col("_block"))
                .agg(perBlock.get(0), perBlock.subList(1, perBlock.size()).toArray(new Column[0]));
        List<Column> perNumber = new ArrayList<>();
        for (int w : windows) {
            Column callees = sum(col("_callees" + w));
            Column blocks = sum(col("_blocks" + w));
            perNumber.add(callees.as(windowed(CALLEES, w)));
            perNumber.add(sum(col("_callers" + w)).as(windowed(CALLERS, w)));
            perNumber.add(blocks.as(windowed(CALLEE_BLOCKS, w)));
            perNumber.add(try_divide(callees.cast("double"), blocks).as(windowed(CALLEES_PER_BLOCK, w)));
            perNumber.add(try_divide(sum(col("_reciprocated" + w)).cast("double"), callees).as(windowed(RECIPROCITY, w)));
            perNumber.add(sum(col("_reciprocated" + w)).as(windowed(RECIPROCATED_CALLEES, w)));
            perNumber.add(sum(col("_ring_callees" + w)).as(windowed(ONE_RING_CALLEES, w)));
            perNumber.add(sum(col("_callbacks" + w)).as(windowed(CALLBACKS_AFTER_ONE_RING, w)));
        }
        return byBlock.groupBy(NUMBER).agg(perNumber.get(0), perNumber.subList(1, perNumber.size()).toArray(new Column[0]));
    }
}
