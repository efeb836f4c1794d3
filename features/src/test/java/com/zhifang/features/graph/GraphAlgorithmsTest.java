package com.zhifang.features.graph;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphAlgorithmsTest {
    private final SparkSession spark = SparkTestSession.get();

    /** Directed edges from {@code {src, dst}} pairs. */
    private Dataset<Row> edges(long[]... pairs) {
        List<Row> rows = new ArrayList<>();
        for (long[] pair : pairs) {
            rows.add(RowFactory.create(pair[0], pair[1]));
        }
        StructType schema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
        return spark.createDataFrame(rows, schema);
    }

    private Dataset<Row> vertices(long... ids) {
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(RowFactory.create(id));
        }
        return spark.createDataFrame(rows, new StructType().add("vertex", DataTypes.LongType));
    }

    private static Map<Long, Object> byVertex(Dataset<Row> result, String column) {
        return result.select("vertex", column).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getLong(0), r -> r.get(1), (a, b) -> a, TreeMap::new));
    }

    @Test
    void degreesCountEdgesNeighboursAndReciprocity() {
        // 1 <-> 2 reciprocated; 1 -> 3 twice (a repeat); 3 -> 3 self-loop ignored; 4 -> 1.
        Dataset<Row> result = GraphAlgorithms.degrees(edges(
                new long[] {1, 2}, new long[] {2, 1}, new long[] {1, 3}, new long[] {1, 3}, new long[] {3, 3}, new long[] {4, 1}));
        Map<Long, Row> rows = result.collectAsList().stream().collect(Collectors.toMap(r -> r.getLong(0), r -> r));
        Row one = rows.get(1L);
        assertEquals(3L, (long) one.getAs("out_degree"));
        assertEquals(2L, (long) one.getAs("in_degree"));
        assertEquals(2L, (long) one.getAs("out_neighbours"));
        assertEquals(2L, (long) one.getAs("in_neighbours"));
        assertEquals(3L, (long) one.getAs("neighbours"));
        assertEquals(1L, (long) one.getAs("reciprocated_neighbours"));
        assertEquals(1.0 / 3, (double) one.getAs("reciprocity"), 1e-12);
        assertEquals(1.0, (double) rows.get(2L).getAs("reciprocity"), 1e-12);
        Row three = rows.get(3L);
        assertEquals(0L, (long) three.getAs("out_degree"));
        assertEquals(2L, (long) three.getAs("in_degree"));
        assertEquals(0.0, (double) three.getAs("reciprocity"), 1e-12);
        assertEquals(4, rows.size());
    }

    @Test
    void pageRankRanksTheHubFirstAndAveragesOne() {
        // Four leaves call 0, 0 calls 1 back: 0 collects every leaf's rank, 1 gets all of 0's, the leaves only teleports.
        Dataset<Row> result = GraphAlgorithms.pageRank(edges(
                new long[] {1, 0}, new long[] {2, 0}, new long[] {3, 0}, new long[] {4, 0}, new long[] {0, 1}), 20, 0.15);
        Map<Long, Object> ranks = byVertex(result, "pagerank");
        double hub = (double) ranks.get(0L);
        double calledBack = (double) ranks.get(1L);
        double leaf = (double) ranks.get(2L);
        assertTrue(hub > calledBack && calledBack > leaf, ranks.toString());
        assertEquals(leaf, (double) ranks.get(4L), 1e-12);
        double mean = ranks.values().stream().mapToDouble(v -> (double) v).average().orElseThrow();
        assertEquals(1.0, mean, 1e-9);
    }

    @Test
    void personalizedPageRankConcentratesNearTheSeeds() {
        // Two triangles joined by the bridge 2 - 3; seeds in the first triangle.
        Dataset<Row> undirected = GraphAlgorithms.toUndirected(edges(
                new long[] {0, 1}, new long[] {1, 2}, new long[] {2, 0},
                new long[] {3, 4}, new long[] {4, 5}, new long[] {5, 3}, new long[] {2, 3}));
        Map<Long, Object> scores = byVertex(
                GraphAlgorithms.personalizedPageRank(undirected, vertices(0, 1), 20, 0.15), "personalized_pagerank");
        assertEquals(6, scores.size(), "the virtual source is not reported");
        double total = scores.values().stream().mapToDouble(v -> (double) v).sum();
        assertEquals(1.0, total, 1e-9);
        assertTrue((double) scores.get(0L) > (double) scores.get(2L));
        assertTrue((double) scores.get(2L) > (double) scores.get(3L));
        assertTrue((double) scores.get(3L) > (double) scores.get(5L));
        assertEquals((double) scores.get(4L), (double) scores.get(5L), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> GraphAlgorithms.personalizedPageRank(undirected, vertices(), 5, 0.15));
    }

    @Test
    void connectedComponentsNameEachComponentByItsSmallestVertex() {
        Map<Long, Object> components = byVertex(GraphAlgorithms.connectedComponents(edges(
                new long[] {5, 3}, new long[] {3, 4}, new long[] {10, 11}, new long[] {12, 11})), "component");
        assertEquals(Map.of(3L, 3L, 4L, 3L, 5L, 3L, 10L, 10L, 11L, 10L, 12L, 10L), components);
    }

    @Test
    void labelPropagationSeparatesTwoLooselyJoinedCliques() {
        List<long[]> pairs = new ArrayList<>();
        for (long a = 0; a < 5; a++) {
            for (long b = a + 1; b < 5; b++) {
                pairs.add(new long[] {a, b});
                pairs.add(new long[] {a + 10, b + 10});
            }
        }
        pairs.add(new long[] {4, 10});
        Map<Long, Object> communities = byVertex(
                GraphAlgorithms.labelPropagation(edges(pairs.toArray(new long[0][])), 5), "community");
        for (long v = 1; v < 4; v++) {
            assertEquals(communities.get(0L), communities.get(v));
            assertEquals(communities.get(11L), communities.get(v + 11));
        }
        assertNotEquals(communities.get(0L), communities.get(11L));
    }

    @Test
    void triangleCountAndClusteringIgnoreDirectionAndRepeats() {
        // Triangle 1-2-3 given in mixed directions with a repeat, plus a pendant 3 - 4.
        Dataset<Row> result = GraphAlgorithms.triangleCount(edges(
                new long[] {1, 2}, new long[] {2, 3}, new long[] {1, 3}, new long[] {3, 1}, new long[] {4, 3}));
        Map<Long, Object> triangles = byVertex(result, "triangles");
        Map<Long, Object> clustering = byVertex(result, "clustering");
        assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 0L), triangles);
        assertEquals(1.0, (double) clustering.get(1L), 1e-12);
        assertEquals(1.0 / 3, (double) clustering.get(3L), 1e-12);
        assertEquals(0.0, (double) clustering.get(4L), 1e-12);
    }

    @Test
    void triangleCountsMatchBruteForceWithRepeatsReversalsAndSelfLoops() {
        // GraphX is handed the edges already canonical (each pair once, lower id first, no
        // self-loops); repeats, reversed copies and self-loops here must not change the counts.
        int n = 40;
        SplittableRandom random = new SplittableRandom(7);
        boolean[][] adjacent = new boolean[n][n];
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            pairs.add(new long[] {a, b});
            if (random.nextInt(4) == 0) {
                pairs.add(new long[] {b, a});
            }
            adjacent[a][b] = a != b;
            adjacent[b][a] = a != b;
        }
        Map<Long, Long> expected = new TreeMap<>();
        for (int v = 0; v < n; v++) {
            int vertex = v;
            if (IntStream.range(0, n).noneMatch(u -> adjacent[vertex][u])) {
                continue; // only self-loops, or no edge: not in the graph
            }
            long count = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    count += adjacent[v][a] && adjacent[v][b] && adjacent[a][b] ? 1 : 0;
                }
            }
            expected.put((long) v, count);
        }
        Map<Long, Object> triangles = byVertex(GraphAlgorithms.triangleCount(edges(pairs.toArray(new long[0][]))), "triangles");
        assertEquals(expected, triangles);
        assertTrue(expected.values().stream().mapToLong(Long::longValue).sum() > 20, "the graph has triangles to count");
    }

    @Test
    void missingEdgeColumnsFailUpFront() {
        Dataset<Row> wrong = edges(new long[] {1, 2}).withColumnRenamed("dst", "to");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GraphAlgorithms.degrees(wrong));
        assertTrue(error.getMessage().contains("dst"));
    }
}
