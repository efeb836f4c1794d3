package com.zhifang.features.graph;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver engine gives GraphX's results: every eager algorithm of {@link GraphAlgorithms} runs
 * once with {@value GraphAlgorithms#DRIVER_EDGE_LIMIT} = 0 (GraphX) and once with the default (the
 * graph is small, so {@link DriverGraph}), on a graph with what real call graphs have: repeated
 * edges, both directions, self-loops, sinks, several components and seeds off the graph.
 */
class DriverGraphTest {
    private final SparkSession spark = SparkTestSession.get();

    @AfterEach
    void defaultEngine() {
        spark.conf().unset(GraphAlgorithms.DRIVER_EDGE_LIMIT);
    }

    /** 120 vertices in three blocks (ids 1000.., 2000.., 3000..), 400 edges with repeats, reversals and self-loops. */
    private Dataset<Row> callGraph() {
        SplittableRandom random = new SplittableRandom(11);
        List<Row> rows = new ArrayList<>();
        for (int e = 0; e < 400; e++) {
            long block = 1000L * (1 + random.nextInt(3));
            long src = block + random.nextInt(40);
            long dst = random.nextInt(10) == 0 ? src : block + random.nextInt(40);
            rows.add(RowFactory.create(src, dst));
            if (random.nextInt(5) == 0) {
                rows.add(RowFactory.create(src, dst));
            }
        }
        rows.add(RowFactory.create(5000L, 5001L)); // a sink pair of its own
        return spark.createDataFrame(rows, new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType));
    }

    private Dataset<Row> vertices(long... ids) {
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(RowFactory.create(id));
        }
        return spark.createDataFrame(rows, new StructType().add("vertex", DataTypes.LongType));
    }

    /**
     * {@code column} per vertex as computed by GraphX and by the driver. A driver result is a local
     * relation and a GraphX one a checkpoint, which shows that each engine really ran (triangle
     * counts are checkpointed after either, so their plan does not tell).
     */
    private List<Map<Long, Object>> bothEngines(Supplier<Dataset<Row>> algorithm, String column) {
        spark.conf().set(GraphAlgorithms.DRIVER_EDGE_LIMIT, "0");
        Dataset<Row> graphX = algorithm.get();
        spark.conf().unset(GraphAlgorithms.DRIVER_EDGE_LIMIT);
        Dataset<Row> driver = algorithm.get();
        if (!column.equals(GraphAlgorithms.TRIANGLES) && !column.equals(GraphAlgorithms.CLUSTERING)) {
            assertFalse(computedOnDriver(graphX), "limit 0 sends the graph to GraphX");
            assertTrue(computedOnDriver(driver), "a small graph is computed on the driver");
        }
        return List.of(byVertex(graphX, column), byVertex(driver, column));
    }

    private static boolean computedOnDriver(Dataset<Row> result) {
        return result.queryExecution().analyzed() instanceof LocalRelation;
    }

    private static Map<Long, Object> byVertex(Dataset<Row> result, String column) {
        Map<Long, Object> values = new TreeMap<>();
        for (Row row : result.select("vertex", column).collectAsList()) {
            values.put(row.getLong(0), row.get(1));
        }
        return values;
    }

    private static void assertSameScores(List<Map<Long, Object>> engines) {
        Map<Long, Object> graphX = engines.get(0);
        Map<Long, Object> driver = engines.get(1);
        assertEquals(graphX.keySet(), driver.keySet(), "the same vertices");
        for (Long vertex : graphX.keySet()) {
            double expected = (Double) graphX.get(vertex);
            assertEquals(expected, (Double) driver.get(vertex), 1e-12 * Math.max(1.0, Math.abs(expected)), "vertex " + vertex);
        }
    }

    @Test
    void pageRankIsGraphXs() {
        Dataset<Row> edges = callGraph();
        List<Map<Long, Object>> engines = bothEngines(() -> GraphAlgorithms.pageRank(edges, 10, 0.15), GraphAlgorithms.PAGERANK);
        assertTrue(engines.get(0).size() > 100, "the graph's vertices: " + engines.get(0).size());
        assertSameScores(engines);
    }

    @Test
    void personalizedPageRankIsGraphXsWithSeedsOnAndOffTheGraph() {
        Dataset<Row> edges = callGraph();
        Dataset<Row> seeds = vertices(1003, 2017, 9999);
        List<Map<Long, Object>> engines = bothEngines(() -> GraphAlgorithms.personalizedPageRank(edges, seeds, 10, 0.15),
                GraphAlgorithms.PERSONALIZED_PAGERANK);
        assertTrue(engines.get(1).containsKey(9999L), "a seed without edges is a vertex of the walk");
        assertSameScores(engines);
    }

    @Test
    void componentsTrianglesAndHopsAreGraphXs() {
        Dataset<Row> edges = callGraph();
        List<Map<Long, Object>> components = bothEngines(() -> GraphAlgorithms.connectedComponents(edges), GraphAlgorithms.COMPONENT);
        assertEquals(components.get(0), components.get(1));
        assertEquals(4, Set.copyOf(components.get(1).values()).size(), "three blocks and the sink pair");
        List<Map<Long, Object>> triangles = bothEngines(() -> GraphAlgorithms.triangleCount(edges), GraphAlgorithms.TRIANGLES);
        assertEquals(triangles.get(0), triangles.get(1));
        assertTrue(triangles.get(1).values().stream().anyMatch(t -> (Long) t > 0), "the graph has triangles");
        List<Map<Long, Object>> clustering = bothEngines(() -> GraphAlgorithms.triangleCount(edges), GraphAlgorithms.CLUSTERING);
        assertEquals(clustering.get(0), clustering.get(1));
        Dataset<Row> undirected = GraphAlgorithms.toUndirected(edges);
        Dataset<Row> sources = vertices(1001, 3005, 7777);
        List<Map<Long, Object>> hops = bothEngines(() -> GraphAlgorithms.hopDistances(undirected, sources, 2), GraphAlgorithms.HOPS);
        assertEquals(hops.get(0), hops.get(1));
        assertEquals(0, hops.get(1).get(7777L), "a source off the graph is 0 hops from itself");
        assertTrue(hops.get(1).containsValue(2) && !hops.get(1).containsValue(3), "reached within 2 hops only");
    }

    @Test
    void aGraphOverTheLimitGoesToGraphXAndABadLimitIsRefused() {
        Dataset<Row> edges = callGraph();
        spark.conf().set(GraphAlgorithms.DRIVER_EDGE_LIMIT, "10");
        Dataset<Row> overLimitResult = GraphAlgorithms.pageRank(edges, 10, 0.15);
        assertFalse(computedOnDriver(overLimitResult), "400 edges are over a limit of 10");
        Map<Long, Object> overLimit = byVertex(overLimitResult, GraphAlgorithms.PAGERANK);
        spark.conf().unset(GraphAlgorithms.DRIVER_EDGE_LIMIT);
        assertSameScores(List.of(overLimit, byVertex(GraphAlgorithms.pageRank(edges, 10, 0.15), GraphAlgorithms.PAGERANK)));
        spark.conf().set(GraphAlgorithms.DRIVER_EDGE_LIMIT, "many");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> GraphAlgorithms.pageRank(edges, 10, 0.15));
        assertTrue(refused.getMessage().contains(GraphAlgorithms.DRIVER_EDGE_LIMIT), refused.getMessage());
    }
}
