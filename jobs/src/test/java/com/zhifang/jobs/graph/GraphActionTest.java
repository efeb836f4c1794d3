package com.zhifang.jobs.graph;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.testing.GeneratedWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph stage end to end on the shared generated warehouse (300 subscribers, 2 days, one fraud
 * ring), as the shared nightly ran it (7-day window, holding both days); its metrics come from
 * the run report.
 */
class GraphActionTest {
    private final SparkSession spark = SparkTestSession.get();

    /**
     * Rings are components of the association graph, so one person's SIMs (a family's lines on one
     * identity) form a ring too; such a ring holds no seed, and only rings holding a seed list anyone
     * (FRAUD_RING rules). Legitimate numbers (a generated link forwarder can be such a family member)
     * may sit in those, never in a seeded one.
     */
    @Test
    void fraudRingMembersLandInOneSeededRingAndNoLegitimateNumberIsInASeededRing() throws IOException {
        GeneratedWarehouse generated = GeneratedWarehouse.get();
        Warehouse warehouse = generated.warehouse();
        RunReport nightly = generated.withNightly();

        Set<String> ringMembers = new HashSet<>();
        Set<String> legitimate = new HashSet<>();
        for (String line : Files.readAllLines(generated.truth()).subList(1, Files.readAllLines(generated.truth()).size())) {
            String[] f = line.split(",", -1);
            if (f[3].equals("FRAUD_RING")) {
                ringMembers.add(f[1]);
            } else if (f[2].equals("LEGITIMATE")) {
                legitimate.add(f[1]);
            }
        }
        assertTrue(ringMembers.size() >= 4, ringMembers.toString());

        Dataset<Row> features = warehouse.read(spark, Tables.GRAPH_FEATURES_NUMBER)
                .where(col("graph_date").equalTo(lit(GeneratedWarehouse.LAST_DAY)));
        Map<String, String> ringOf = new HashMap<>();
        features.where(col("ring_id").isNotNull()).select("number", "ring_id").collectAsList()
                .forEach(r -> ringOf.put(r.getString(0), r.getString(1)));
        Set<String> ringsOfMembers = new HashSet<>();
        ringMembers.forEach(m -> ringsOfMembers.add(ringOf.get(m)));
        assertEquals(1, ringsOfMembers.size(), "truth ring members spread over rings " + ringsOfMembers + " / " + ringOf);
        String ringId = ringsOfMembers.iterator().next();
        assertTrue(ringId != null, "ring members are in no ring");

        Row ring = warehouse.read(spark, Tables.GRAPH_RINGS)
                .where(col("graph_date").equalTo(lit(GeneratedWarehouse.LAST_DAY)).and(col("ring_id").equalTo(ringId))).first();
        assertTrue(ring.<Integer>getAs("seed_count") >= 1, "the ring holds a police-notified / confirmed member");
        List<String> members = ring.getList(ring.fieldIndex("members"));
        assertTrue(members.containsAll(ringMembers), members + " vs " + ringMembers);
        for (String member : members) {
            assertFalse(legitimate.contains(member), "legitimate " + member + " tied into ring " + members);
        }
        Set<String> seededRings = new HashSet<>();
        warehouse.read(spark, Tables.GRAPH_RINGS)
                .where(col("graph_date").equalTo(lit(GeneratedWarehouse.LAST_DAY)).and(col("seed_count").geq(1)))
                .select("ring_id").collectAsList().forEach(r -> seededRings.add(r.getString(0)));
        assertTrue(seededRings.contains(ringId), seededRings.toString());
        for (Map.Entry<String, String> entry : ringOf.entrySet()) {
            assertFalse(legitimate.contains(entry.getKey()) && seededRings.contains(entry.getValue()),
                    "legitimate " + entry.getKey() + " is in seeded ring " + entry.getValue());
        }

        // Members who are not seeds are associated with the seeds: within a few hops, sharing devices or identities.
        for (Row r : features.where(col("ring_id").equalTo(ringId).and(col("is_seed").equalTo(false))).collectAsList()) {
            assertTrue(r.getAs("hops_to_seed") != null, r.toString());
            assertTrue(r.<Long>getAs("seeds_sharing_device") + r.<Long>getAs("seeds_sharing_identity") > 0
                    || r.<Integer>getAs("hops_to_seed") <= 2, r.toString());
        }
        assertEquals(features.count(), features.select("number").distinct().count(), "one row per number");
        assertEquals(nightly.metric("graph.numbers"), features.count());
        assertTrue(nightly.metric("graph.hubs_excluded") > 0, "service numbers are hubs");
        assertTrue(nightly.metric("graph.rings_with_seeds") >= 1);
    }

    /**
     * The super-node cap is the 99.9% quantile of neighbour counts, not whatever the sketch's error
     * allows: 200,000 numbers whose counts are 1..200,000 (each once) have their 99.9% quantile at
     * 199,800; a 0.1% rank error would allow anything from 199,600 to the maximum.
     */
    @Test
    void theCapIsTheQuantileWithinATenthOfTheTailAboveIt() {
        Dataset<Row> neighbours = spark.range(1, 200_001, 1, 4).selectExpr("id AS neighbours");
        long cap = GraphAction.cap(neighbours, "neighbours", 0.999, 10);
        assertTrue(Math.abs(cap - 199_800) <= 20, "cap " + cap);
        assertEquals(500, GraphAction.cap(spark.range(1, 2).selectExpr("id AS neighbours"), "neighbours", 0.999, 500), "the floor");
    }
}
