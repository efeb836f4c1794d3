package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.graphx.lib.LabelPropagation;
import org.apache.spark.graphx.lib.PageRank;
import org.apache.spark.graphx.lib.TriangleCount;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Graph analytics on DataFrames: edges in ({@code src}, {@code dst} as long vertex ids, one row
 * per directed edge; any other column is ignored), one row per vertex out ({@code vertex} plus the
 * metric). Callers never see GraphX types; string keys are mapped with {@link GraphIds}.
 *
 * <p>Vertices are those that appear on some edge (isolated vertices have no row: left-join and
 * fill with the metric's neutral value). Edge weights are not supported: GraphX's algorithms
 * ignore edge attributes, and in PageRank a repeated edge counts once per copy, so de-duplicate
 * first when repeats are not meant as weight.
 *
 * <p>Cost, for V vertices, E edges and k iterations (GraphX keeps vertices and edges in memory):
 * <ul>
 *   <li>{@link #degrees}, {@link #toUndirected}: lazy DataFrame aggregations, a few shuffles of E.</li>
 *   <li>{@link #pageRank}, {@link #personalizedPageRank}: k rounds of messages along every edge,
 *       O(k E); runs Spark jobs when called.</li>
 *   <li>{@link #connectedComponents}: label propagation of the smallest id, O(diameter E); eager.</li>
 *   <li>{@link #labelPropagation}: k rounds, each sending a label map along every edge (maps grow
 *       with a vertex's degree), O(k E) messages; eager. Communities, not guaranteed to converge.</li>
 *   <li>{@link #hopDistances}: breadth-first search from a source set, one join of the frontier
 *       with the edges per hop (at most {@code maxHops}); eager.</li>
 *   <li>{@link #triangleCount}: neighbour-set intersection per edge, O(sum over edges of the
 *       smaller degree) time and O(E) memory for the neighbour sets; costly on hubs; eager.</li>
 * </ul>
 * Eager methods return a locally checkpointed DataFrame (GraphX's cached RDDs are released), so
 * their result is cheap to reuse and does not recompute the algorithm.
 *
 * <p>Small graphs are computed on the driver: the eager methods first take up to
 * {@value #DEFAULT_DRIVER_EDGE_LIMIT} edges (the session setting {@value #DRIVER_EDGE_LIMIT}; 0
 * sends every graph to GraphX) and, when that is all of them, compute the same result in
 * {@link DriverGraph} instead of GraphX's rounds of Spark jobs (one or two jobs for the take
 * instead of one per iteration or hop). A larger graph pays for the take once: the edges' shuffle
 * output is reused by GraphX, only their last step is read again.
 */
public final class GraphAlgorithms {
    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String VERTEX = "vertex";

    public static final String OUT_DEGREE = "out_degree";
    public static final String IN_DEGREE = "in_degree";
    public static final String OUT_NEIGHBOURS = "out_neighbours";
    public static final String IN_NEIGHBOURS = "in_neighbours";
    public static final String NEIGHBOURS = "neighbours";
    public static final String RECIPROCATED_NEIGHBOURS = "reciprocated_neighbours";
    public static final String RECIPROCITY = "reciprocity";
    public static final String PAGERANK = "pagerank";
    public static final String PERSONALIZED_PAGERANK = "personalized_pagerank";
    public static final String COMPONENT = "component";
    public static final String COMMUNITY = "community";
    public static final String TRIANGLES = "triangles";
    public static final String CLUSTERING = "clustering";
    public static final String HOPS = "hops";

    /** Session setting: the most edges a graph may have to be computed on the driver (0: always GraphX). */
    public static final String DRIVER_EDGE_LIMIT = "spark.zhifang.graph.driverEdgeLimit";
    /**
     * The take holds up to this many edges as rows on the driver (about 100 bytes an edge, 50 MB)
     * until they become arrays of about 24 bytes an edge; the algorithms then take seconds at most.
     */
    public static final int DEFAULT_DRIVER_EDGE_LIMIT = 500_000;

    private static final ClassTag<Integer> INT_ATTRIBUTE = ClassTag$.MODULE$.apply(Integer.class);

    private GraphAlgorithms() {}

    /**
     * Both directions of every edge, without self-loops or repeats: the input for analyses where
     * who called whom does not matter (or where the data stores an undirected graph as one half).
     */
    public static Dataset<Row> toUndirected(Dataset<Row> edges) {
        requireEdges(edges);
        Dataset<Row> forward = edges.select(col(SRC), col(DST));
        Dataset<Row> backward = edges.select(col(DST).as(SRC), col(SRC).as(DST));
        return forward.union(backward).where(col(SRC).notEqual(col(DST))).distinct();
    }

    /**
     * Per vertex: {@code out_degree}, {@code in_degree} (edges, repeats counted),
     * {@code out_neighbours}, {@code in_neighbours}, {@code neighbours} (distinct, either
     * direction), {@code reciprocated_neighbours} (called and called back) and {@code reciprocity}
     * (reciprocated / neighbours). Self-loops are ignored. Lazy.
     */
    public static Dataset<Row> degrees(Dataset<Row> edges) {
        requireEdges(edges);
        Dataset<Row> directed = edges.select(col(SRC), col(DST)).where(col(SRC).notEqual(col(DST)));
        Dataset<Row> out = directed.groupBy(col(SRC).as(VERTEX))
                .agg(count(lit(1)).as(OUT_DEGREE), countDistinct(col(DST)).as(OUT_NEIGHBOURS));
        Dataset<Row> in = directed.groupBy(col(DST).as(VERTEX))
                .agg(count(lit(1)).as(IN_DEGREE), countDistinct(col(SRC)).as(IN_NEIGHBOURS));
        // One row per (vertex, neighbour) pair with the directions seen, to count distinct and reciprocated neighbours.
        Dataset<Row> pairs = directed.select(col(SRC).as(VERTEX), col(DST).as("__other"), lit(1).as("__out"), lit(0).as("__in"))
                .union(directed.select(col(DST).as(VERTEX), col(SRC).as("__other"), lit(0).as("__out"), lit(1).as("__in")))
                .groupBy(VERTEX, "__other")
                .agg(max("__out").as("__out"), max("__in").as("__in"));
        Dataset<Row> neighbours = pairs.groupBy(VERTEX).agg(
                count(lit(1)).as(NEIGHBOURS),
                sum(when(col("__out").equalTo(1).and(col("__in").equalTo(1)), 1L).otherwise(0L)).as(RECIPROCATED_NEIGHBOURS));
        return neighbours
                .join(out, new String[] {VERTEX}, "left")
                .join(in, new String[] {VERTEX}, "left")
                .select(col(VERTEX),
                        zeroIfNull(OUT_DEGREE), zeroIfNull(IN_DEGREE),
                        zeroIfNull(OUT_NEIGHBOURS), zeroIfNull(IN_NEIGHBOURS),
                        col(NEIGHBOURS), col(RECIPROCATED_NEIGHBOURS),
                        col(RECIPROCATED_NEIGHBOURS).divide(col(NEIGHBOURS)).as(RECIPROCITY));
    }

    /**
     * Classic PageRank on the directed edges, {@code iterations} fixed rounds, teleport probability
     * {@code resetProbability} (0.15 is the usual choice). Scores are scaled to average 1 over the
     * vertices (GraphX's convention, mass lost at sinks put back). Eager.
     */
    public static Dataset<Row> pageRank(Dataset<Row> edges, int iterations, double resetProbability) {
        requireEdges(edges);
        GraphInput input = GraphInput.of(edges);
        if (input.onDriver()) {
            DriverGraph graph = DriverGraph.of(input.ends());
            double[] ranks = graph.pageRank(iterations, resetProbability, -1);
            return driverFrame(edges, graph, PAGERANK, DataTypes.DoubleType, v -> ranks[v]);
        }
        Graph<Integer, Integer> graph = input.toGraphX();
        Graph<Object, Object> ranks = PageRank.run(graph, iterations, resetProbability, INT_ATTRIBUTE, INT_ATTRIBUTE);
        Dataset<Row> result = verticesToFrame(edges, ranks, PAGERANK, DataTypes.DoubleType);
        release(graph, ranks);
        return result;
    }

    /**
     * PageRank whose random walk restarts at a uniformly chosen seed (the vertices in
     * {@code seeds}' {@code vertex} column), {@code iterations} rounds: "how close is each vertex to
     * the seed set". Scores sum to 1 over the vertices. Eager; O(k E), independent of the number of
     * seeds.
     *
     * <p>Why a virtual vertex: GraphX personalises on one source only. A walk restarting at one
     * extra vertex whose only edges lead to the seeds visits the real vertices exactly as a walk
     * restarting uniformly at the seeds would (scaled by a constant), so one run covers the seed set.
     */
    public static Dataset<Row> personalizedPageRank(Dataset<Row> edges, Dataset<Row> seeds, int iterations, double resetProbability) {
        requireEdges(edges);
        RequiredColumns.check(seeds, "seeds", VERTEX);
        Dataset<Row> seedVertices = seeds.select(col(VERTEX)).distinct();
        GraphInput input = GraphInput.of(edges);
        if (input.onDriver()) {
            return personalizedPageRankOnDriver(edges, input.ends(), seedVertices, iterations, resetProbability);
        }
        Row maxSeed = seedVertices.agg(max(col(VERTEX))).first();
        if (maxSeed.isNullAt(0)) {
            throw noSeed();
        }
        // Kept: finding a free id for the virtual source reads every edge, and so does building the graph.
        Dataset<Row> plainEdges = edges.select(col(SRC), col(DST)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row maxima = plainEdges.agg(max(col(SRC)), max(col(DST))).first();
            long virtualSource = Math.max(Math.max(longOrMin(maxima, 0), longOrMin(maxima, 1)), maxSeed.getLong(0)) + 1;
            Dataset<Row> withSource = plainEdges.union(seedVertices.select(lit(virtualSource).as(SRC), col(VERTEX).as(DST)));
            Graph<Integer, Integer> graph = GraphInput.of(withSource, 0).toGraphX();
            Graph<Object, Object> ranks = PageRank.runWithOptions(graph, iterations, resetProbability,
                    Option.apply(virtualSource), true, INT_ATTRIBUTE, INT_ATTRIBUTE);
            Dataset<Row> raw = verticesToFrame(edges, ranks, "__rank", DataTypes.DoubleType)
                    .where(col(VERTEX).notEqual(lit(virtualSource)));
            double realMass = raw.agg(sum("__rank")).first().getDouble(0);
            Dataset<Row> result = raw.select(col(VERTEX), col("__rank").divide(realMass).as(PERSONALIZED_PAGERANK)).localCheckpoint(true);
            release(graph, ranks);
            return result;
        } finally {
            plainEdges.unpersist(false);
        }
    }

    /** {@link #personalizedPageRank} on the driver: the same virtual source, the same scaling. */
    private static Dataset<Row> personalizedPageRankOnDriver(Dataset<Row> edges, long[] ends, Dataset<Row> seedVertices,
                                                             int iterations, double resetProbability) {
        long[] seedIds = seedVertices.where(col(VERTEX).isNotNull()).collectAsList().stream()
                .mapToLong(row -> ((Number) row.get(0)).longValue()).toArray();
        if (seedIds.length == 0) {
            throw noSeed();
        }
        long largestEnd = Arrays.stream(ends).max().orElse(Long.MIN_VALUE);
        long virtualSource = Math.max(largestEnd, Arrays.stream(seedIds).max().getAsLong()) + 1;
        long[] withSource = Arrays.copyOf(ends, ends.length + 2 * seedIds.length);
        for (int i = 0; i < seedIds.length; i++) {
            withSource[ends.length + 2 * i] = virtualSource;
            withSource[ends.length + 2 * i + 1] = seedIds[i];
        }
        DriverGraph graph = DriverGraph.of(withSource);
        int source = graph.indexOf(virtualSource);
        double[] ranks = graph.pageRank(iterations, resetProbability, source);
        double realMass = 0;
        for (int v = 0; v < ranks.length; v++) {
            realMass += v == source ? 0 : ranks[v];
        }
        double mass = realMass;
        return driverFrame(edges, graph, PERSONALIZED_PAGERANK, DataTypes.DoubleType, v -> v == source ? null : ranks[v] / mass);
    }

    private static IllegalArgumentException noSeed() {
        return new IllegalArgumentException("personalized PageRank needs at least one seed");
    }

    /** Weakly connected components: {@code component} is the smallest vertex id in the component. Eager. */
    public static Dataset<Row> connectedComponents(Dataset<Row> edges) {
        requireEdges(edges);
        GraphInput input = GraphInput.of(edges);
        if (input.onDriver()) {
            DriverGraph graph = DriverGraph.of(input.ends());
            long[] components = graph.componentIds();
            return driverFrame(edges, graph, COMPONENT, DataTypes.LongType, v -> components[v]);
        }
        Graph<Integer, Integer> graph = input.toGraphX();
        Graph<Object, Integer> components = ConnectedComponents.run(graph, INT_ATTRIBUTE, INT_ATTRIBUTE);
        Dataset<Row> result = verticesToFrame(edges, components, COMPONENT, DataTypes.LongType);
        release(graph, components);
        return result;
    }

    /**
     * Communities by synchronous label propagation, {@code iterations} rounds, edges taken as
     * undirected: {@code community} is a vertex id naming the community. May oscillate on
     * bipartite parts; treat as a cheap first cut, not a partition to trust alone. Eager.
     */
    public static Dataset<Row> labelPropagation(Dataset<Row> edges, int iterations) {
        requireEdges(edges);
        Graph<Integer, Integer> graph = GraphInput.of(edges, 0).toGraphX();
        Graph<Object, Integer> communities = LabelPropagation.run(graph, iterations, INT_ATTRIBUTE);
        Dataset<Row> result = verticesToFrame(edges, communities, COMMUNITY, DataTypes.LongType);
        release(graph, communities);
        return result;
    }

    /**
     * Triangles through each vertex, direction, repeats and self-loops ignored, and the local
     * {@code clustering} coefficient: triangles / (d (d - 1) / 2) for d distinct neighbours (0 when
     * d &lt; 2). Eager.
     */
    public static Dataset<Row> triangleCount(Dataset<Row> edges) {
        requireEdges(edges);
        Dataset<Row> undirected = toUndirected(edges);
        // Already canonical (each pair once, lower id first, no self-loops): GraphX's own
        // canonicalisation, a shuffle of every edge and a second graph, would change nothing.
        GraphInput input = GraphInput.of(undirected.where(col(SRC).lt(col(DST))));
        Dataset<Row> counts;
        Runnable releaseGraphX = () -> {};
        if (input.onDriver()) {
            DriverGraph graph = DriverGraph.of(input.ends());
            long[] triangles = graph.triangles();
            counts = driverFrame(edges, graph, TRIANGLES, DataTypes.LongType, v -> triangles[v]);
        } else {
            Graph<Integer, Integer> graph = input.toGraphX();
            Graph<Object, Integer> triangles = TriangleCount.runPreCanonicalized(graph, INT_ATTRIBUTE, INT_ATTRIBUTE);
            counts = verticesToFrame(edges, triangles, TRIANGLES, DataTypes.LongType);
            releaseGraphX = () -> release(graph, triangles);
        }
        Dataset<Row> neighbourCounts = undirected.groupBy(col(SRC).as(VERTEX)).agg(count(lit(1)).as("__d"));
        Dataset<Row> result = counts.join(neighbourCounts, VERTEX)
                .select(col(VERTEX), col(TRIANGLES),
                        when(col("__d").lt(2), lit(0.0))
                                .otherwise(col(TRIANGLES).multiply(2.0).divide(col("__d").multiply(col("__d").minus(1))))
                                .as(CLUSTERING))
                .localCheckpoint(true);
        releaseGraphX.run();
        return result;
    }

    /**
     * Fewest edges from any vertex of {@code sources} ({@code vertex} column) to each vertex reachable
     * within {@code maxHops}, following edges from {@code src} to {@code dst} (pass
     * {@link #toUndirected} edges for undirected distances): {@code vertex, hops} (sources have 0).
     * Vertices farther away have no row. Breadth-first on DataFrames, one hop per round, each
     * round's frontier checkpointed; stops early when nothing new is reached. Eager.
     */
    public static Dataset<Row> hopDistances(Dataset<Row> edges, Dataset<Row> sources, int maxHops) {
        requireEdges(edges);
        RequiredColumns.check(sources, "sources", VERTEX);
        if (maxHops < 0) {
            throw new IllegalArgumentException("maxHops must be >= 0, got " + maxHops);
        }
        Dataset<Row> sourceVertices = sources.select(col(VERTEX).cast("long").as(VERTEX)).where(col(VERTEX).isNotNull()).distinct();
        GraphInput input = GraphInput.of(edges);
        if (input.onDriver()) {
            return hopDistancesOnDriver(edges, input.ends(), sourceVertices, maxHops);
        }
        Dataset<Row> adjacency = edges.select(col(SRC), col(DST)).where(col(SRC).notEqual(col(DST))).distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> reached = sourceVertices.withColumn(HOPS, lit(0)).localCheckpoint(true);
            Dataset<Row> frontier = reached;
            for (int hop = 1; hop <= maxHops && !frontier.isEmpty(); hop++) {
                frontier = frontier.join(adjacency, col(VERTEX).equalTo(col(SRC)))
                        .select(col(DST).as(VERTEX)).distinct()
                        .join(reached, new String[] {VERTEX}, "left_anti")
                        .withColumn(HOPS, lit(hop))
                        .localCheckpoint(true);
                reached = reached.union(frontier).localCheckpoint(true);
            }
            return reached;
        } finally {
            adjacency.unpersist(false);
        }
    }

    /** {@link #hopDistances} on the driver: breadth-first over the edge arrays; sources off the edges keep their 0. */
    private static Dataset<Row> hopDistancesOnDriver(Dataset<Row> edges, long[] ends, Dataset<Row> sourceVertices, int maxHops) {
        long[] sourceIds = sourceVertices.collectAsList().stream().mapToLong(row -> row.getLong(0)).toArray();
        DriverGraph graph = DriverGraph.of(ends);
        int[] onGraph = Arrays.stream(sourceIds).mapToInt(graph::indexOf).filter(v -> v >= 0).toArray();
        int[] hops = graph.hopsFrom(onGraph, maxHops);
        List<Row> rows = new ArrayList<>();
        for (int v = 0; v < hops.length; v++) {
            if (hops[v] >= 0) {
                rows.add(RowFactory.create(graph.id(v), hops[v]));
            }
        }
        for (long id : sourceIds) {
            if (graph.indexOf(id) < 0) {
                rows.add(RowFactory.create(id, 0));
            }
        }
        return edges.sparkSession().createDataFrame(rows, new StructType()
                .add(VERTEX, DataTypes.LongType, false)
                .add(HOPS, DataTypes.IntegerType, false));
    }

    private static void requireEdges(Dataset<Row> edges) {
        RequiredColumns.check(edges, "edges", SRC, DST);
    }

    private static Column zeroIfNull(String column) {
        return coalesce(col(column), lit(0L)).as(column);
    }

    private static long longOrMin(Row row, int field) {
        return row.isNullAt(field) ? Long.MIN_VALUE : row.getLong(field);
    }

    /** The session's {@link #DRIVER_EDGE_LIMIT}. */
    static int driverEdgeLimit(SparkSession spark) {
        String value = spark.conf().get(DRIVER_EDGE_LIMIT, Integer.toString(DEFAULT_DRIVER_EDGE_LIMIT));
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(DRIVER_EDGE_LIMIT + " must be a whole number of edges >= 0, got '" + value + "'");
    }

    /**
     * A graph's edges as (src, dst) longs without nulls, and on the driver ({@code ends}, source and
     * destination interleaved) when there are at most the limit.
     */
    private record GraphInput(JavaRDD<Row> rows, long[] ends) {
        static GraphInput of(Dataset<Row> edges) {
            return of(edges, driverEdgeLimit(edges.sparkSession()));
        }

        /**
         * Costs one or two Spark jobs (the take) when {@code limit > 0}. The take and GraphX read the
         * same RDD, so a larger graph's upstream shuffle is not run again.
         */
        static GraphInput of(Dataset<Row> edges, int limit) {
            JavaRDD<Row> rows = edges.select(col(SRC).cast("long"), col(DST).cast("long"))
                    .where(col(SRC).isNotNull().and(col(DST).isNotNull()))
                    .toJavaRDD();
            if (limit > 0) {
                List<Row> head = rows.take(limit + 1);
                if (head.size() <= limit) {
                    long[] ends = new long[2 * head.size()];
                    for (int e = 0; e < head.size(); e++) {
                        ends[2 * e] = head.get(e).getLong(0);
                        ends[2 * e + 1] = head.get(e).getLong(1);
                    }
                    return new GraphInput(rows, ends);
                }
            }
            return new GraphInput(rows, null);
        }

        boolean onDriver() {
            return ends != null;
        }

        Graph<Integer, Integer> toGraphX() {
            JavaRDD<Edge<Integer>> graphEdges = rows.map(row -> new Edge<>(row.getLong(0), row.getLong(1), 1));
            return Graph.fromEdges(graphEdges.rdd(), 0, StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK(),
                    INT_ATTRIBUTE, INT_ATTRIBUTE);
        }
    }

    /** A driver result as ({@code vertex}, {@code column}): a local relation, no Spark job; vertices whose value is null are left out. */
    private static Dataset<Row> driverFrame(Dataset<Row> anyFrame, DriverGraph graph, String column, DataType type,
                                            IntFunction<Object> value) {
        List<Row> rows = new ArrayList<>(graph.vertexCount());
        for (int v = 0; v < graph.vertexCount(); v++) {
            Object x = value.apply(v);
            if (x != null) {
                rows.add(RowFactory.create(graph.id(v), x));
            }
        }
        return anyFrame.sparkSession().createDataFrame(rows, new StructType()
                .add(VERTEX, DataTypes.LongType, false)
                .add(column, type, false));
    }

    /** The vertices of a GraphX result as ({@code vertex}, {@code column}), checkpointed so GraphX's RDDs can go. */
    private static Dataset<Row> verticesToFrame(Dataset<Row> anyFrame, Graph<Object, ?> result, String column, DataType type) {
        StructType schema = new StructType()
                .add(VERTEX, DataTypes.LongType, false)
                .add(column, type, false);
        JavaRDD<Row> rows = result.vertices().toJavaRDD().map(GraphAlgorithms::toRow);
        return anyFrame.sparkSession().createDataFrame(rows, schema).localCheckpoint(true);
    }

    private static Row toRow(Tuple2<Object, Object> vertex) {
        Object value = vertex._2();
        // GraphX hands vertex ids and Int attributes boxed; widen counts to long so every id-like column is a long.
        Object widened = value instanceof Integer ? Long.valueOf((Integer) value) : value;
        return RowFactory.create(vertex._1(), widened);
    }

    private static void release(Graph<?, ?> input, Graph<?, ?> output) {
        output.unpersist(false);
        input.unpersist(false);
    }
}
