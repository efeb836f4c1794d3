package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static org.apache.spark.sql.functions.*;

/**
 * Number ranges of international callers. Wangiri operators lease blocks of consecutive premium-rate
 * numbers abroad and spread a campaign over many numbers of one block, each kept under per-number
 * limits, so that one number rings a handful of people once while its block rings hundreds; operators
 * therefore judge and bar such calls by range. A range here is a foreign E.164 number without its last
 * {@link #RANGE_DIGITS} digits (a block of 1,000 numbers).
 *
 * <p>Only international callers ({@code +} and a country code other than China's) form ranges: our own
 * and other domestic numbers are many unrelated people's, and blocks of them say nothing of each other.
 */
public final class CallerRanges {
    /** Digits that vary within a range: the last three, a block of 1,000 numbers. */
    public static final int RANGE_DIGITS = 3;
    /** The shortest international number (with its {@code +}) that is grouped into a range. */
    private static final int MIN_LENGTH = 8;
    private static final String RANGE = "_range";

    private CallerRanges() {
    }

    /**
     * The range of an international number ({@code +}, not {@code +86}, at least {@link #MIN_LENGTH}
     * characters): all but its last {@link #RANGE_DIGITS} digits; null for every other number.
     */
    public static Column rangeOf(Column number) {
        return when(number.startsWith("+").and(not(number.startsWith("+86"))).and(length(number).geq(MIN_LENGTH)),
                number.substr(lit(1), length(number).minus(RANGE_DIGITS)));
    }

    /**
     * Adds, per window, {@code range_one_ring_callees_<w>d} (the one-ring callees of every number of the
     * caller's range, summed: a person rung by two numbers of the range counts twice) and
     * {@code range_one_ring_numbers_<w>d} (the numbers of the range with at least one one-ring callee);
     * both 0 for a number in no range. Needs {@code number, one_ring_callees_<w>d}.
     *
     * <p>Cost: one aggregation of the international callers by range (a small shuffle: foreign numbers are
     * a sliver of the callers) and a broadcast join back.
     */
    public static Dataset<Row> withRangeOneRing(Dataset<Row> perNumber, List<Integer> windows) {
        List<String> needed = new ArrayList<>(List.of(NUMBER));
        windows.forEach(w -> needed.add(windowed(ONE_RING_CALLEES, w)));
        RequiredColumns.check(perNumber, "withRangeOneRing", needed.toArray(new String[0]));
        List<Column> perRange = new ArrayList<>();
        for (int w : windows) {
            Column callees = col(windowed(ONE_RING_CALLEES, w));
            perRange.add(sum(callees).as("_rc" + w));
            perRange.add(count_if(callees.gt(0)).as("_rn" + w));
        }
        Dataset<Row> ranges = perNumber.withColumn(RANGE, rangeOf(col(NUMBER)))
                .where(col(RANGE).isNotNull())
                .groupBy(col(RANGE).as("_r_key"))
                .agg(perRange.get(0), perRange.subList(1, perRange.size()).toArray(new Column[0]));
        Map<String, Column> features = new LinkedHashMap<>();
        for (int w : windows) {
            features.put(windowed(RANGE_ONE_RING_CALLEES, w), coalesce(col("_rc" + w), lit(0L)));
            features.put(windowed(RANGE_ONE_RING_NUMBERS, w), coalesce(col("_rn" + w), lit(0L)));
        }
        List<String> drop = new ArrayList<>(List.of("_r_key"));
        for (int w : windows) {
            drop.add("_rc" + w);
            drop.add("_rn" + w);
        }
        return perNumber.join(broadcast(ranges), rangeOf(col(NUMBER)).equalTo(col("_r_key")), "left")
                .withColumns(features)
                .drop(drop.toArray(new String[0]));
    }
}
