package com.zhifang.features.graph;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedsAndHubsTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 7);
    private static java.sql.Date day(int d) {
        return java.sql.Date.valueOf(LocalDate.of(2026, 11, d));
    }

    @Test
    void seedsAreConfirmedByDayAndNotClearedAfterwards() {
        Dataset<Row> police = frame("number STRING, notified_on DATE",
                row("+8613800000001", day(3)), row("+8613800000002", day(8)), row(null, day(1)));
        Dataset<Row> feedback = frame("entity_type STRING, entity_id STRING, decided_on DATE, outcome STRING",
                row("NUMBER", "+8613800000003", day(2), "CONFIRMED_FRAUD"),
                row("NUMBER", "+8613800000004", day(2), "CONFIRMED_FRAUD"),
                row("NUMBER", "+8613800000004", day(5), "RESTORED_ON_APPEAL"),
                row("NUMBER", "+8613800000005", day(2), "FALSE_POSITIVE"),
                row("NUMBER", "+8613800000005", day(6), "CONFIRMED_FRAUD"),
                row("NUMBER", "+8613800000001", day(4), "CONFIRMED_FRAUD"),
                row("TRUNK", "ITG-1", day(2), "CONFIRMED_FRAUD"));
        Dataset<Row> seeds = Seeds.toSeeds(police, feedback, D);
        Map<String, Object> sources = byNumber(seeds, "seed_sources");
        assertEquals(List.of("+8613800000001", "+8613800000003", "+8613800000005"), List.copyOf(sources.keySet()));
        assertEquals(List.of("FEEDBACK", "POLICE"),
                scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) sources.get("+8613800000001")));
        assertEquals(LocalDate.of(2026, 11, 3), byNumber(seeds, "seeded_on").get("+8613800000001"));
    }

    @Test
    void hubsByClassAllowlistAndDegree() {
        Dataset<Row> callEdges = calls("a>95588", "b>95588", "10086>c", "a>+8640012345", "x>+8613911110000", "x>y", "x>z", "x>w", "q>y");
        Dataset<Row> allowlist = frame("number STRING, is_prefix BOOLEAN, valid_until DATE",
                row("+86139111", true, null), row("y", false, day(1)), row("+8640012345", false, day(30)));
        Dataset<Row> hubs = HubFilter.toHubs(callEdges, allowlist, D, HubFilter.neighbourCounts(callEdges), 3);
        assertEquals(Map.of("95588", "SERVICE", "10086", "SERVICE", "+8613911110000", "ALLOWLISTED", "+8640012345", "ALLOWLISTED", "x", "SUPER_NODE"),
                byNumber(hubs, "hub_reason"));
        assertEquals(List.of("q>y"), HubFilter.withoutHubs(callEdges, hubs, "from_number", "to_number")
                .where("from_number <> 'a' and from_number <> 'b'")
                .collectAsList().stream().map(r -> r.getString(0) + ">" + r.getString(1)).toList());
    }
}
