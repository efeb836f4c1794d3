package com.zhifang.benchmarks.sichuan;

import com.zhifang.features.graph.GraphAlgorithms;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Per-node features from the call graph, in two kinds.
 *
 * <p><b>Label-free</b> ({@link #structural}): degree, PageRank, triangles, clustering, and the
 * mean and largest degree among neighbours. The benchmark's edge file stores an undirected graph
 * as its upper half (every pair once, lower index first; the papers symmetrise it), so direction
 * carries no information here: an in/out degree split would only encode a node's position in the
 * file, and reciprocity is 0 for everybody. Everything is computed on the symmetrised graph.
 * Cost: one PageRank (O(k E)) and one triangle count; eager.
 *
 * <p><b>Label-aware</b> ({@link #withNeighbourLabels}): how many neighbours are known fraud among
 * the neighbours whose label is known, where "known" means in the training part of the current
 * split and nothing else. Validation and test labels are never read, so features cannot leak
 * them; a training node's own label is excluded from its two-hop feature, so training rows do not
 * see themselves (test rows could not). Lazy: two joins and aggregations over the edges.
 */
public final class GraphFeatures {
    public static final String DEGREE = "degree";
    public static final String PAGERANK = GraphAlgorithms.PAGERANK;
    public static final String TRIANGLES = GraphAlgorithms.TRIANGLES;
    public static final String CLUSTERING = GraphAlgorithms.CLUSTERING;
    public static final String MEAN_NEIGHBOUR_DEGREE = "mean_neighbour_degree";
    public static final String MAX_NEIGHBOUR_DEGREE = "max_neighbour_degree";
    public static final List<String> STRUCTURAL = List.of(DEGREE, PAGERANK, TRIANGLES, CLUSTERING, MEAN_NEIGHBOUR_DEGREE, MAX_NEIGHBOUR_DEGREE);

    public static final String KNOWN_NEIGHBOURS = "known_neighbours";
    public static final String FRAUD_NEIGHBOURS = "fraud_neighbours";
    public static final String FRAUD_NEIGHBOUR_SHARE = "fraud_neighbour_share";
    public static final String TWO_HOP_FRAUD_SHARE = "two_hop_fraud_share";
    public static final List<String> NEIGHBOUR_LABELS = List.of(KNOWN_NEIGHBOURS, FRAUD_NEIGHBOURS, FRAUD_NEIGHBOUR_SHARE, TWO_HOP_FRAUD_SHARE);

    /** Value of a share when there is nothing to share over (no known neighbour): apart from every real share. */
    public static final double NO_EVIDENCE = -1.0;
    static final int PAGERANK_ITERATIONS = 20;
    static final double PAGERANK_RESET = 0.15;

    private GraphFeatures() {}

    /**
     * Label-free features for every node that has an edge ({@code node} plus {@link #STRUCTURAL});
     * nodes without edges have no row: {@link #withStructural} fills them with zeros.
     */
    public static Dataset<Row> structural(Dataset<Row> edges) {
        Dataset<Row> undirected = GraphAlgorithms.toUndirected(edges).cache();
        Dataset<Row> degrees = GraphAlgorithms.degrees(undirected).select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.NEIGHBOURS).as(DEGREE));
        Dataset<Row> neighbourDegrees = undirected
                .join(degrees.select(col(GraphAlgorithms.VERTEX).as(GraphAlgorithms.DST), col(DEGREE).as("__neighbour_degree")), GraphAlgorithms.DST)
                .groupBy(col(GraphAlgorithms.SRC).as(GraphAlgorithms.VERTEX))
                .agg(avg("__neighbour_degree").as(MEAN_NEIGHBOUR_DEGREE), max("__neighbour_degree").cast("double").as(MAX_NEIGHBOUR_DEGREE));
        Dataset<Row> result = degrees
                .join(GraphAlgorithms.pageRank(undirected, PAGERANK_ITERATIONS, PAGERANK_RESET), GraphAlgorithms.VERTEX)
                .join(GraphAlgorithms.triangleCount(undirected), GraphAlgorithms.VERTEX)
                .join(neighbourDegrees, GraphAlgorithms.VERTEX)
                .withColumnRenamed(GraphAlgorithms.VERTEX, SichuanData.NODE)
                .localCheckpoint(true);
        undirected.unpersist();
        return result;
    }

    /** Joins {@link #structural} features onto the nodes; a node without edges gets 0 for each. */
    public static Dataset<Row> withStructural(Dataset<Row> nodes, Dataset<Row> structural) {
        RequiredColumns.check(nodes, "nodes", SichuanData.NODE);
        RequiredColumns.check(structural, "structural features", SichuanData.NODE, DEGREE);
        Map<String, Column> zeroed = new LinkedHashMap<>();
        for (String feature : STRUCTURAL) {
            zeroed.put(feature, coalesce(col(feature).cast("double"), lit(0.0)));
        }
        return nodes.join(structural, new String[] {SichuanData.NODE}, "left").withColumns(zeroed);
    }

    /**
     * Adds {@link #NEIGHBOUR_LABELS} from the labels of training-part nodes only. {@code edges} must
     * hold both directions of each pair (see {@link GraphAlgorithms#toUndirected}).
     */
    public static Dataset<Row> withNeighbourLabels(Dataset<Row> nodes, Dataset<Row> undirectedEdges) {
        RequiredColumns.check(nodes, "nodes", SichuanData.NODE, SichuanData.LABEL, BenchmarkSplits.PART);
        RequiredColumns.check(undirectedEdges, "edges", GraphAlgorithms.SRC, GraphAlgorithms.DST);
        // The only place labels are read: nulled outside the training part, before anything else sees them.
        Column isKnown = col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TRAIN);
        Dataset<Row> known = nodes.select(col(SichuanData.NODE).as("__node"),
                when(isKnown, 1L).otherwise(0L).as("__known"),
                when(isKnown, col(SichuanData.LABEL).cast("long")).otherwise(0L).as("__known_fraud"));

        Dataset<Row> oneHop = undirectedEdges
                .join(known, col(GraphAlgorithms.DST).equalTo(col("__node")))
                .groupBy(col(GraphAlgorithms.SRC).as("__node"))
                .agg(sum("__known").as(KNOWN_NEIGHBOURS), sum("__known_fraud").as(FRAUD_NEIGHBOURS));

        // Two hops: each neighbour's share over its own known neighbours, leaving out the node itself.
        Dataset<Row> neighbourCounts = oneHop.select(col("__node").as(GraphAlgorithms.DST),
                col(KNOWN_NEIGHBOURS).as("__nb_known"), col(FRAUD_NEIGHBOURS).as("__nb_fraud"));
        Dataset<Row> selfStatus = known.select(col("__node").as(GraphAlgorithms.SRC),
                col("__known").as("__self_known"), col("__known_fraud").as("__self_fraud"));
        Column othersKnown = col("__nb_known").minus(col("__self_known"));
        Dataset<Row> twoHop = undirectedEdges
                .join(neighbourCounts, GraphAlgorithms.DST)
                .join(selfStatus, GraphAlgorithms.SRC)
                .where(othersKnown.gt(0))
                .groupBy(col(GraphAlgorithms.SRC).as("__node"))
                .agg(avg(col("__nb_fraud").minus(col("__self_fraud")).divide(othersKnown)).as(TWO_HOP_FRAUD_SHARE));

        Column knownCount = coalesce(col(KNOWN_NEIGHBOURS), lit(0L));
        return nodes
                .join(oneHop, col(SichuanData.NODE).equalTo(col("__node")), "left").drop("__node")
                .join(twoHop, col(SichuanData.NODE).equalTo(col("__node")), "left").drop("__node")
                .withColumn(KNOWN_NEIGHBOURS, knownCount.cast("double"))
                .withColumn(FRAUD_NEIGHBOURS, coalesce(col(FRAUD_NEIGHBOURS), lit(0L)).cast("double"))
                .withColumn(FRAUD_NEIGHBOUR_SHARE,
                        when(knownCount.gt(0), col(FRAUD_NEIGHBOURS).divide(knownCount)).otherwise(lit(NO_EVIDENCE)))
                .withColumn(TWO_HOP_FRAUD_SHARE, coalesce(col(TWO_HOP_FRAUD_SHARE), lit(NO_EVIDENCE)));
    }
}
