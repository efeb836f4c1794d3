package com.zhifang.features.graph;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.zhifang.features.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingsTest {
    private static final String SHARED = "number STRING, imei STRING";

    private static Map<String, Row> byRing(Dataset<Row> rings) {
        Map<String, Row> out = new TreeMap<>();
        rings.collectAsList().forEach(r -> out.put(r.getAs("ring_id"), r));
        return out;
    }

    @Test
    void ringRecoveredWithMembersSeedsAndLinks() {
        // a, b, c pass two handsets around; c and d are registered on one identity; a is police-notified.
        // e and f share a phone too, but two numbers without a seed are no ring (minSize 3).
        Dataset<Row> devices = frame(SHARED, row("a", "IMEI1"), row("b", "IMEI1"), row("b", "IMEI2"), row("c", "IMEI2"),
                row("e", "IMEI9"), row("f", "IMEI9"), row("g", "IMEI7"));
        Dataset<Row> identities = frame("number STRING, id_hash STRING", row("c", "ID1"), row("d", "ID1"), row("g", "ID2"));
        Dataset<Row> noHubs = numbers();
        Dataset<Row> links = SharingGraph.toSharedPairs(devices, "imei", SharingGraph.SHARED_DEVICE, 10, noHubs)
                .union(SharingGraph.toSharedPairs(identities, "id_hash", SharingGraph.SHARED_IDENTITY, 10, noHubs));
        Dataset<Row> callEdges = calls("a>b", "b>a", "d>x");
        Map<String, Row> rings = byRing(Rings.toRings(links, numbers("a"), callEdges, 3));

        assertEquals(List.of("a"), List.copyOf(rings.keySet()));
        Row ring = rings.get("a");
        assertEquals(List.of("a", "b", "c", "d"), ring.getList(ring.fieldIndex("members")));
        assertEquals(List.of("a"), ring.getList(ring.fieldIndex("seeds")));
        assertEquals(4, (int) ring.getAs("size"));
        List<String> links2 = new ArrayList<>();
        for (Row link : ring.<Row>getList(ring.fieldIndex("links"))) {
            links2.add(link.getAs("a") + "-" + link.getAs("b") + " " + link.getAs("kind") + " " + link.getAs("evidence"));
        }
        assertEquals(List.of("a-b CALLS 2 calls, 60 s talk, both ways", "a-b SHARED_DEVICE imei IMEI1",
                "b-c SHARED_DEVICE imei IMEI2", "c-d SHARED_IDENTITY id_hash ID1"), links2);
        assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "a"),
                byNumber(Rings.toMembership(Rings.toRings(links, numbers("a"), callEdges, 3)), "ring_id"));
    }

    @Test
    void aSeededPairIsARingEvenBelowTheMinimumSize() {
        Dataset<Row> devices = frame(SHARED, row("e", "IMEI9"), row("f", "IMEI9"));
        Dataset<Row> links = SharingGraph.toSharedPairs(devices, "imei", SharingGraph.SHARED_DEVICE, 10, numbers());
        Map<String, Row> rings = byRing(Rings.toRings(links, numbers("f"), calls("e>f"), 3));
        assertEquals(List.of("e"), List.copyOf(rings.keySet()));
        assertEquals(1, (int) rings.get("e").getAs("seed_count"));
    }

    @Test
    void hubsDoNotMergeTwoRings() {
        // Ring 1 (r1a, r1b, r1c) and ring 2 (r2a, r2b, r2c) each share a handset and work their own victim list.
        // Both rings' first members also used a shop's phone that twelve customers use (capped: links nobody),
        // everybody calls the bank's 95588, and everybody calls the busy number "popular" (a super-node).
        List<Object[]> devices = new ArrayList<>(List.of(row("r1a", "H1"), row("r1b", "H1"), row("r1c", "H1"),
                row("r2a", "H2"), row("r2b", "H2"), row("r2c", "H2"), row("r1a", "SHOP"), row("r2a", "SHOP")));
        for (int i = 0; i < 10; i++) {
            devices.add(row("customer" + i, "SHOP"));
        }
        List<String> callList = new ArrayList<>();
        for (String member : List.of("r1a", "r1b", "r1c", "r2a", "r2b", "r2c")) {
            callList.add(member + ">95588");
            callList.add(member + ">popular");
            String victims = member.startsWith("r1") ? "v1_" : "v2_";
            for (int v = 0; v < 6; v++) {
                callList.add(member + ">" + victims + v);
            }
        }
        for (int i = 0; i < 30; i++) {
            callList.add("someone" + i + ">popular");
        }
        Dataset<Row> callEdges = calls(callList.toArray(new String[0]));
        Dataset<Row> allowlist = frame("number STRING, is_prefix BOOLEAN, valid_until DATE");
        Dataset<Row> neighbours = HubFilter.neighbourCounts(callEdges);
        Dataset<Row> hubs = HubFilter.toHubs(callEdges, allowlist, java.time.LocalDate.of(2026, 11, 7), neighbours, 20);
        assertEquals(Map.of("95588", "SERVICE", "popular", "SUPER_NODE"), byNumber(hubs, "hub_reason"));

        Dataset<Row> hubFree = HubFilter.withoutHubs(callEdges, hubs, "from_number", "to_number");
        Dataset<Row> links = SharingGraph.toSharedPairs(frame(SHARED, devices), "imei", SharingGraph.SHARED_DEVICE, 10, hubs)
                .union(CoVictims.toSimilarPairs(hubFree, 3, 0.5, 5).select("number_a", "number_b", "kind", "weight", "evidence"));
        Map<String, Row> rings = byRing(Rings.toRings(links, numbers("r1a", "r2b"), callEdges, 3));

        assertEquals(List.of("r1a", "r2a"), List.copyOf(rings.keySet()));
        assertEquals(List.of("r1a", "r1b", "r1c"), rings.get("r1a").getList(rings.get("r1a").fieldIndex("members")));
        assertEquals(List.of("r2a", "r2b", "r2c"), rings.get("r2a").getList(rings.get("r2a").fieldIndex("members")));
        assertEquals(List.of("r2b"), rings.get("r2a").getList(rings.get("r2a").fieldIndex("seeds")));
        // Without the hub filter, co-victim similarity through 95588 and "popular" would still not reach 0.5,
        // but the shop's phone would: prove the cap is what keeps the rings apart.
        Dataset<Row> uncapped = SharingGraph.toSharedPairs(frame(SHARED, devices), "imei", SharingGraph.SHARED_DEVICE, 20, numbers());
        assertTrue(Rings.toRings(uncapped, numbers("r1a"), callEdges, 3).count() == 1);
    }
}
