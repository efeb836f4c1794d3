package com.zhifang.features.behaviour;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A Wangiri campaign spread over the numbers of one leased foreign range: each number's one-ring
 * callees summed over its range (all but the last three digits), and the range's numbers that
 * one-ring called someone. Domestic numbers, whatever their blocks, form no range.
 */
class CallerRangesTest {
    /** Three numbers of one Sierra Leone range, one of another range of the same country, ours, a short code. */
    private static final String SIBLING_A = "+23276081394", SIBLING_B = "+23276081011", QUIET = "+23276081999",
            OTHER_RANGE = "+23276927297", OURS_A = "+8613800000001", OURS_B = "+8613800000002", SHORT = "+44999";

    @Test
    void oneRingCalleesAddUpOverAForeignRangeAndNowhereElse() {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType().add(NUMBER, "string")
                .add(windowed(ONE_RING_CALLEES, 1), "long").add(windowed(ONE_RING_CALLEES, 7), "long");
        Dataset<Row> perNumber = spark.createDataFrame(List.of(
                RowFactory.create(SIBLING_A, 0L, 15L), RowFactory.create(SIBLING_B, 2L, 6L), RowFactory.create(QUIET, 0L, 0L),
                RowFactory.create(OTHER_RANGE, 1L, 6L), RowFactory.create(OURS_A, 3L, 30L), RowFactory.create(OURS_B, 3L, 30L),
                RowFactory.create(SHORT, 1L, 1L)), schema);

        Map<String, Row> out = CallerRanges.withRangeOneRing(perNumber, List.of(1, 7)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs(NUMBER), r -> r));

        assertEquals(7, out.size(), "one row per number, none lost or doubled by the join");
        for (String n : List.of(SIBLING_A, SIBLING_B, QUIET)) {
            assertEquals(21L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_CALLEES, 7)), n);
            assertEquals(2L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_NUMBERS, 7)), n + ": the quiet number rang no one");
            assertEquals(2L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_CALLEES, 1)), n);
            assertEquals(1L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_NUMBERS, 1)), n);
        }
        assertEquals(6L, (Long) out.get(OTHER_RANGE).getAs(windowed(RANGE_ONE_RING_CALLEES, 7)), "a range of its own");
        for (String n : List.of(OURS_A, OURS_B, SHORT)) {
            assertEquals(0L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_CALLEES, 7)), n + " is in no foreign range");
            assertEquals(0L, (Long) out.get(n).getAs(windowed(RANGE_ONE_RING_NUMBERS, 7)), n);
        }
        assertEquals(15L, (Long) out.get(SIBLING_A).getAs(windowed(ONE_RING_CALLEES, 7)), "the number's own figure is kept");
    }

    @Test
    void aRangeIsAForeignNumberWithoutItsLastThreeDigits() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> numbers = spark.createDataFrame(List.of(RowFactory.create(SIBLING_A), RowFactory.create(OURS_A),
                RowFactory.create(SHORT), RowFactory.create("+86?1380000")), new StructType().add(NUMBER, "string"));
        List<Row> ranges = numbers.select(CallerRanges.rangeOf(org.apache.spark.sql.functions.col(NUMBER))).collectAsList();
        assertEquals("+23276081", ranges.get(0).getString(0));
        assertNull(ranges.get(1).get(0), "our own numbers");
        assertNull(ranges.get(2).get(0), "too short to hold a range");
        assertNull(ranges.get(3).get(0), "a malformed domestic key");
    }
}
