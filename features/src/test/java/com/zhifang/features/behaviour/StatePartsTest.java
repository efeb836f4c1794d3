package com.zhifang.features.behaviour;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

class StatePartsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    /** Calls out with a duration histogram: numbers A and B. */
    private static Dataset<Row> callsOut(SparkSession spark) {
        return spark.sql("SELECT * FROM VALUES ('A', 5L, array(1L, 2L)), ('B', 1L, array(0L, 1L)) AS t(" + NUMBER + ", "
                + CALLS_OUT + ", " + DURATION_HIST_OUT + ")");
    }

    /** Calls in: numbers A and C. */
    private static Dataset<Row> callsIn(SparkSession spark) {
        return spark.sql("SELECT * FROM VALUES ('A', 3L), ('C', 7L) AS t(" + NUMBER + ", " + CALLS_IN + ")");
    }

    /** Cells, exact and sketched: number C. */
    private static Dataset<Row> cells(SparkSession spark) {
        return spark.sql("SELECT 'C' AS " + NUMBER + ", 2L AS " + CELLS + EXACT_SUFFIX + ", " + "hll_sketch_agg(c) AS " + CELLS + HLL_SUFFIX
                + " FROM VALUES ('c1'), ('c2') AS t(c)");
    }

    /** A part as {@link HashedKeys#groupByKey} leaves it: with the hash of its key. */
    private static Dataset<Row> keyed(Dataset<Row> part) {
        return part.withColumn(HashedKeys.KEY_HASH, HashedKeys.hashOf(col(NUMBER)));
    }

    private static Map<String, Row> byNumber(Dataset<Row> state) {
        return state.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(NUMBER), r -> r));
    }

    @Test
    void partsMergeIntoOneRowPerKeyWithZeroCountersAndNullSketches() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> state = StateParts.combine(FeatureSets.NUMBER_FEATURES, DAY,
                List.of(keyed(callsOut(spark)), keyed(callsIn(spark)), keyed(cells(spark))));
        assertArrayEquals(FeatureSets.NUMBER_FEATURES.stateSchema().fieldNames(), state.columns(), "the state schema, in order");
        Map<String, Row> rows = byNumber(state);
        assertEquals(3, rows.size());
        Row a = rows.get("A");
        assertEquals(5L, (Long) a.getAs(CALLS_OUT));
        assertEquals(3L, (Long) a.getAs(CALLS_IN));
        assertEquals(List.of(1L, 2L), a.getList(a.fieldIndex(DURATION_HIST_OUT)));
        assertEquals(0L, (Long) a.getAs(CELLS + EXACT_SUFFIX), "no part: an exact count is 0");
        assertTrue(a.isNullAt(a.fieldIndex(CELLS + HLL_SUFFIX)), "no part: no sketch");
        Row b = rows.get("B");
        assertEquals(0L, (Long) b.getAs(CALLS_IN), "no calls in: 0");
        Row c = rows.get("C");
        assertEquals(0L, (Long) c.getAs(CALLS_OUT));
        assertTrue(c.isNullAt(c.fieldIndex(DURATION_HIST_OUT)), "no calls out: no histogram");
        assertEquals(7L, (Long) c.getAs(CALLS_IN));
        assertEquals(2L, (Long) c.getAs(CELLS + EXACT_SUFFIX));
        assertEquals(2L, state.where(col(NUMBER).equalTo("C")).select(hll_sketch_estimate(col(CELLS + HLL_SUFFIX))).first().getLong(0),
                "the sketch travels intact");
        assertEquals(DAY, rows.get("A").getAs(TRAFFIC_DAY));
    }

    @Test
    void aSinglePartIsPaddedNotGrouped() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> state = StateParts.combine(FeatureSets.NUMBER_FEATURES, DAY, List.of(callsIn(spark)));
        assertFalse(state.queryExecution().executedPlan().toString().contains("Aggregate"), "one row per key already");
        Map<String, Row> rows = byNumber(state);
        assertEquals(Map.of("A", 3L, "C", 7L), rows.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Long) e.getValue().getAs(CALLS_IN))));
        assertEquals(0L, (Long) rows.get("A").getAs(CALLS_OUT));
    }

    /** Several parts must carry the key hash: without it their union would be shuffled again. */
    @Test
    void severalPartsWithoutTheKeyHashAreRejected() {
        SparkSession spark = SparkTestSession.get();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateParts.combine(FeatureSets.NUMBER_FEATURES, DAY, List.of(keyed(callsOut(spark)), callsIn(spark))));
        assertTrue(e.getMessage().contains(HashedKeys.KEY_HASH), e.getMessage());
    }
}
