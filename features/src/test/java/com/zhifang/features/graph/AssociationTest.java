package com.zhifang.features.graph;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.zhifang.features.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssociationTest {
    // seed - direct - twohop - threehop, and an unrelated pair far away.
    private final Dataset<Row> edges = calls("seed>direct", "direct>twohop", "threehop>twohop", "other1>other2", "other2>other3");

    @Test
    void personalizedPageRankOrdersAroundTheSeeds() {
        Map<String, Object> ppr = byNumber(
                Association.personalizedPageRank(Association.toCallWalkEdges(edges), numbers("seed"), "ppr", 20, 0.15), "ppr");
        double direct = (Double) ppr.get("direct");
        double twoHop = (Double) ppr.get("twohop");
        double threeHop = (Double) ppr.get("threehop");
        double unrelated = (Double) ppr.getOrDefault("other2", 0.0);
        assertTrue(direct > twoHop, ppr.toString());
        assertTrue(twoHop > threeHop, ppr.toString());
        assertTrue(threeHop > unrelated, ppr.toString());
        assertEquals(0.0, unrelated, 1e-12);
    }

    @Test
    void aSustainedRelationshipCarriesThreeTimesTheWalkOfAMissedCall() {
        // Both leaves hang on the seed alone, so each receives the seed's rank in proportion to its edge copies.
        Dataset<Row> weighted = frame("from_number STRING, to_number STRING, calls LONG, talk_s LONG",
                row("seed", "friend", 5L, 300L), row("seed", "stranger", 1L, 0L));
        Map<String, Object> ppr = byNumber(
                Association.personalizedPageRank(Association.toCallWalkEdges(weighted), numbers("seed"), "ppr", 30, 0.15), "ppr");
        assertEquals(3.0, (Double) ppr.get("friend") / (Double) ppr.get("stranger"), 1e-9, ppr.toString());
        assertEquals(1.0, ppr.values().stream().mapToDouble(v -> (Double) v).sum(), 1e-9);
    }

    @Test
    void noSeedInTheGraphGivesNoScores() {
        assertEquals(0, Association.personalizedPageRank(Association.toCallWalkEdges(edges), numbers("absent"), "ppr", 5, 0.15).count());
    }

    @Test
    void sharingWalkScoresNumbersOnly() {
        Dataset<Row> devices = frame("number STRING, imei STRING", row("seed", "H1"), row("mate", "H1"), row("loner", "H2"));
        Dataset<Row> identities = frame("number STRING, id_hash STRING", row("mate", "ID1"), row("cousin", "ID1"));
        Map<String, Object> ppr = byNumber(Association.personalizedPageRank(
                Association.toSharingWalkEdges(devices, identities), numbers("seed"), "ppr", 20, 0.15), "ppr");
        assertEquals(java.util.Set.of("seed", "mate", "cousin", "loner"), ppr.keySet());
        assertTrue((Double) ppr.get("mate") > (Double) ppr.get("cousin"));
        assertTrue((Double) ppr.get("cousin") > (Double) ppr.get("loner"));
    }

    @Test
    void hopDistancesToTheNearestSeed() {
        Map<String, Object> hops = byNumber(Association.hopsToSeed(edges, numbers("seed", "other3"), 2), "hops_to_seed");
        assertEquals(Map.of("seed", 0, "direct", 1, "twohop", 2, "other3", 0, "other2", 1, "other1", 2), hops);
        Map<String, Object> oneHop = byNumber(Association.hopsToSeed(edges, numbers("seed"), 1), "hops_to_seed");
        assertEquals(Map.of("seed", 0, "direct", 1), oneHop);
    }
}
