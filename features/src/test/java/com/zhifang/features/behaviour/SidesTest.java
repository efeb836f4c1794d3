package com.zhifang.features.behaviour;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.RecordColumns.ANSWERED;
import static com.zhifang.features.schema.RecordColumns.RING_S;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One-ring calls under both switch conventions: hung up within the first ring cycle (5 s) plus the
 * set-up some switches count in ring_s, never answered; an empty ring_s is unknown.
 */
class SidesTest {

    @Test
    void oneRingIsUnansweredAfterOneToSixSecondsOfRinging() {
        Map<String, Boolean> oneRing = SparkTestSession.get().sql("SELECT * FROM VALUES"
                        + " ('rang 0 s', false, 0), ('rang 1 s', false, 1), ('rang 3 s', false, 3), ('rang 5 s', false, 5),"
                        + " ('rang 6 s', false, 6), ('rang 7 s', false, 7), ('rang 30 s', false, 30),"
                        + " ('unanswered, no ring time', false, CAST(NULL AS INT)),"
                        + " ('answered, no ring time', true, CAST(NULL AS INT)), ('answered after 2 s', true, 2)"
                        + " AS calls(what, " + ANSWERED + ", " + RING_S + ")")
                .select(org.apache.spark.sql.functions.col("what"),
                        org.apache.spark.sql.functions.coalesce(Sides.oneRing(), org.apache.spark.sql.functions.lit(false)))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), (Row r) -> r.getBoolean(1)));
        assertEquals(Map.of("rang 0 s", false, "rang 1 s", true, "rang 3 s", true, "rang 5 s", true, "rang 6 s", true,
                "rang 7 s", false, "rang 30 s", false, "unanswered, no ring time", false, "answered, no ring time", false,
                "answered after 2 s", false), oneRing);
    }
}
