package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

/**
 * Association with confirmed fraud, on number-keyed graphs: random walk with restart at the seeds
 * (personalised PageRank) and hop distance to the nearest seed. Both need hub-free edges
 * ({@link HubFilter#withoutHubs}): a walk through 10086 reaches everyone.
 *
 * <p>Graphs, all undirected here (association runs both ways: a seed's callers are as suspect as
 * its callees):
 * <ul>
 *   <li>{@link #toCallWalkEdges}: calls; a pair's weight is a number of parallel copies of the edge
 *       ({@link #COPIES}; GraphX's PageRank follows each copy), 1 + [3 or more calls] + [a minute or
 *       more of talk], so a sustained relationship carries up to three times the walk of a single
 *       missed call.</li>
 *   <li>{@link #toSharingWalkEdges}: number to device and number to identity (bipartite; device
 *       and identity vertices are prefixed keys and are dropped from the result), values held by
 *       too many numbers removed by the caller (see {@link SharingGraph}).</li>
 * </ul>
 *
 * <p>Cost: key indexing ({@link GraphIds}: a global sort of the distinct keys), then
 * {@link GraphAlgorithms#personalizedPageRank} (O(iterations x edges)) or
 * {@link GraphAlgorithms#hopDistances} (one join per hop). Eager, like the algorithms. The walk
 * edges are indexed and re-keyed once per pair and direction given; the copies and the reverse
 * direction are made afterwards, on vertex ids: done on the number strings, they quadrupled to
 * sextupled the rows that the index's distinct and the re-keying joins hashed.
 */
public final class Association {
    private static final String DEVICE_PREFIX = "imei:";
    private static final String IDENTITY_PREFIX = "id:";
    /** Walk edges' column: how many parallel copies of the edge the walk follows (at least 1). */
    public static final String COPIES = "walk_copies";

    private Association() {}

    /**
     * Call edges ({@code from_number, to_number, calls, talk_s}, one row per directed pair) as
     * weighted walk edges {@code from_number, to_number, walk_copies}.
     */
    public static Dataset<Row> toCallWalkEdges(Dataset<Row> callEdges) {
        RequiredColumns.check(callEdges, "call edges", FROM_NUMBER, TO_NUMBER, CALLS, TALK_S);
        return callEdges.select(col(FROM_NUMBER), col(TO_NUMBER),
                lit(1).plus(when(col(CALLS).geq(3), 1).otherwise(0)).plus(when(col(TALK_S).geq(60), 1).otherwise(0)).as(COPIES));
    }

    /**
     * Number-device ({@code number, imei}) and number-identity ({@code number, id_hash}) edges as
     * walk edges {@code from_number, to_number, walk_copies} (one copy each).
     */
    public static Dataset<Row> toSharingWalkEdges(Dataset<Row> numberDevice, Dataset<Row> numberIdentity) {
        RequiredColumns.check(numberDevice, "number-device edges", NUMBER, IMEI);
        RequiredColumns.check(numberIdentity, "number-identity edges", NUMBER, ID_HASH);
        return numberDevice.select(col(NUMBER).as(FROM_NUMBER), concat(lit(DEVICE_PREFIX), col(IMEI)).as(TO_NUMBER))
                .union(numberIdentity.select(col(NUMBER).as(FROM_NUMBER), concat(lit(IDENTITY_PREFIX), col(ID_HASH)).as(TO_NUMBER)))
                .distinct()
                .withColumn(COPIES, lit(1));
    }

    /**
     * {@code number, <scoreColumn>}: personalised PageRank over {@code walkEdges} (taken both ways)
     * restarting uniformly at the seeds present in the graph; scores sum to 1. Empty when no seed
     * is in the graph (no association can be measured).
     */
    public static Dataset<Row> personalizedPageRank(Dataset<Row> walkEdges, Dataset<Row> seeds, String scoreColumn,
                                                    int iterations, double resetProbability) {
        RequiredColumns.check(walkEdges, "walk edges", FROM_NUMBER, TO_NUMBER, COPIES);
        RequiredColumns.check(seeds, "seeds", NUMBER);
        Dataset<Row> index = GraphIds.index(walkEdges, FROM_NUMBER, TO_NUMBER).localCheckpoint(true);
        Dataset<Row> seedVertices = seeds.select(col(NUMBER).as(GraphIds.KEY)).distinct()
                .join(index, GraphIds.KEY).select(GraphAlgorithms.VERTEX);
        if (seedVertices.isEmpty()) {
            return emptyScores(walkEdges, scoreColumn);
        }
        Dataset<Row> pairs = GraphIds.toVertexEdges(walkEdges.select(FROM_NUMBER, TO_NUMBER, COPIES), index, FROM_NUMBER, TO_NUMBER);
        Dataset<Row> bothWays = pairs.select(col(GraphAlgorithms.SRC), col(GraphAlgorithms.DST), col(COPIES))
                .union(pairs.select(col(GraphAlgorithms.DST).as(GraphAlgorithms.SRC), col(GraphAlgorithms.SRC).as(GraphAlgorithms.DST), col(COPIES)));
        Dataset<Row> walk = bothWays.select(col(GraphAlgorithms.SRC), col(GraphAlgorithms.DST),
                explode(sequence(lit(1), col(COPIES))).as("__copy"));
        Dataset<Row> ranks = GraphAlgorithms.personalizedPageRank(walk, seedVertices, iterations, resetProbability);
        return numbersOnly(GraphIds.withKeys(ranks, index)
                .select(col(GraphIds.KEY).as(NUMBER), col(GraphAlgorithms.PERSONALIZED_PAGERANK).as(scoreColumn)));
    }

    /**
     * {@code number, hops_to_seed}: fewest edges (either direction) from a seed, for numbers within
     * {@code maxHops}; seeds have 0.
     */
    public static Dataset<Row> hopsToSeed(Dataset<Row> edges, Dataset<Row> seeds, int maxHops) {
        RequiredColumns.check(edges, "edges", FROM_NUMBER, TO_NUMBER);
        RequiredColumns.check(seeds, "seeds", NUMBER);
        Dataset<Row> index = GraphIds.index(edges, FROM_NUMBER, TO_NUMBER).localCheckpoint(true);
        Dataset<Row> sources = seeds.select(col(NUMBER).as(GraphIds.KEY)).distinct()
                .join(index, GraphIds.KEY).select(GraphAlgorithms.VERTEX);
        Dataset<Row> vertexEdges = GraphAlgorithms.toUndirected(GraphIds.toVertexEdges(edges.select(FROM_NUMBER, TO_NUMBER),
                index, FROM_NUMBER, TO_NUMBER));
        Dataset<Row> hops = GraphAlgorithms.hopDistances(vertexEdges, sources, maxHops);
        return GraphIds.withKeys(hops, index).select(col(GraphIds.KEY).as(NUMBER), col(GraphAlgorithms.HOPS).as(HOPS_TO_SEED));
    }

    private static Dataset<Row> numbersOnly(Dataset<Row> scores) {
        return scores.where(col(NUMBER).startsWith(DEVICE_PREFIX).or(col(NUMBER).startsWith(IDENTITY_PREFIX)).equalTo(false));
    }

    private static Dataset<Row> emptyScores(Dataset<Row> anyFrame, String scoreColumn) {
        return anyFrame.sparkSession().emptyDataFrame()
                .select(lit(null).cast("string").as(NUMBER), lit(null).cast("double").as(scoreColumn)).limit(0);
    }
}
