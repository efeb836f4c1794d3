package com.zhifang.features.graph;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.graph.GraphFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CoVictimsTest {
    @Test
    void fraudstersWorkingOverlappingVictimListsArePairedAndUnrelatedNumbersAreNot() {
        List<String> pairs = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            pairs.add("f1>v" + v);             // f1 calls v0..v19
            pairs.add("f2>v" + (v + 4));       // f2 calls v4..v23: 16 shared of 24 distinct
        }
        for (int v = 0; v < 10; v++) {
            pairs.add("u1>a" + v);             // two ordinary subscribers with their own contacts
            pairs.add("u2>b" + v);
            pairs.add("u3>v" + v);             // shares 10 with f1, 6 with f2 (jaccard 0.5, 0.25)
        }
        pairs.add("tiny1>v1");                  // too few callees to compare
        pairs.add("tiny1>v2");
        Dataset<Row> similar = CoVictims.toSimilarPairs(calls(pairs.toArray(new String[0])), 5, 0.4, 8);
        List<String> found = new ArrayList<>();
        for (Row r : similar.orderBy("number_a", "number_b").collectAsList()) {
            found.add(r.getAs("number_a") + "-" + r.getAs("number_b") + " " + r.getAs("shared_callees") + " " + r.getAs("evidence"));
        }
        assertEquals(List.of("f1-f2 16 16 shared callees of 20 and 20", "f1-u3 10 10 shared callees of 20 and 10"), found);
        Row f1f2 = similar.where("number_b = 'f2'").first();
        assertEquals(16.0 / 24.0, f1f2.<Double>getAs("jaccard"), 1e-9);

        Dataset<Row> features = CoVictims.toNumberFeatures(similar, numbers("f2"));
        assertEquals(Map.of("f1", 2L, "f2", 1L, "u3", 1L), byNumber(features, "covictim_similar_numbers"));
        Map<String, Object> toSeed = byNumber(features, "covictim_max_similarity_to_seed");
        assertEquals(16.0 / 24.0, (Double) toSeed.get("f1"), 1e-9);
        assertNull(toSeed.get("f2"));
        assertNull(toSeed.get("u3"));
    }
}
