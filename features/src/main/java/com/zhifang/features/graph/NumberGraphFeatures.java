package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import com.zhifang.features.spark.SparkSteps;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The rows of {@code graph_features_number} for one graph date: per number, its place in the call
 * graph (degrees, volumes, PageRank, triangles), its SMS degrees, its association with the seeds
 * (personalised PageRank over calls and over shared devices and identities, hops, seeds sharing a
 * device or identity), co-victim similarity and its ring.
 *
 * <p>Structure is computed over the whole call graph (hubs describe the number itself); association,
 * triangles and rings without hubs ({@link HubFilter}). Numbers: every number with an edge, a device,
 * a shared identity, or a seed. Counts without evidence are 0; scores that do not apply stay null.
 *
 * <p>Cost: GraphX runs PageRank, personalised PageRank (twice) and triangle counting eagerly over the
 * window's vertex ids (each an iteration over the edges per step); hops are a BFS of at most
 * {@code maxHops} joins; the rest are aggregations and left joins by number of the parts.
 */
public final class NumberGraphFeatures {
    private NumberGraphFeatures() {}

    /**
     * The window's graphs as the graph stage built them.
     *
     * @param callEdges      {@code from_number, to_number, calls, ...} over the window, hubs included
     * @param smsEdges       {@code from_number, to_number, ...} over the window
     * @param hubFree        call edges without hubs
     * @param hubs           {@code number, hub_reason}
     * @param seeds          {@code number, ...} police-notified and confirmed numbers
     * @param numberDevice   {@code number, imei} served pairs of the window
     * @param numberIdentity {@code number, id_hash} of the subscriber snapshot
     * @param sharedPairs    {@code number_a, number_b, link_kind, ...} shared devices and identities
     * @param coVictimPairs  similar pairs by co-victims ({@link CoVictims#toSimilarPairs})
     * @param rings          the day's rings ({@link Rings#toRings})
     */
    public record Inputs(Dataset<Row> callEdges, Dataset<Row> smsEdges, Dataset<Row> hubFree, Dataset<Row> hubs,
                         Dataset<Row> seeds, Dataset<Row> numberDevice, Dataset<Row> numberIdentity,
                         Dataset<Row> sharedPairs, Dataset<Row> coVictimPairs, Dataset<Row> rings) {}

    /**
     * @param pageRankIterations    iterations of PageRank and personalised PageRank
     * @param resetProbability      the walks' reset probability
     * @param maxNumbersPerDevice   devices serving more numbers are left out of the sharing walk
     * @param maxNumbersPerIdentity identities holding more numbers are left out of the sharing walk
     * @param maxHops               hops to a seed searched at most
     */
    public record Settings(int pageRankIterations, double resetProbability, int maxNumbersPerDevice,
                           int maxNumbersPerIdentity, int maxHops) {}

    /**
     * The {@code graph_features_number} rows of graph date {@code day}, in that table's column order.
     *
     * @param steps labels each eager step (vertex ids, PageRank, triangles, the walks, hops) and keeps
     *              the intermediates it caches until the caller's run ends
     */
    public static Dataset<Row> toNumberFeatures(LocalDate day, Inputs in, Settings settings, SparkSteps steps) {
        Dataset<Row> callEdges = in.callEdges();
        Dataset<Row> smsEdges = in.smsEdges();
        Dataset<Row> hubFree = in.hubFree();
        Dataset<Row> hubs = in.hubs();
        Dataset<Row> seeds = in.seeds();
        Dataset<Row> numberDevice = in.numberDevice();
        Dataset<Row> numberIdentity = in.numberIdentity();
        Dataset<Row> sharedPairs = in.sharedPairs();
        RequiredColumns.check(callEdges, "toNumberFeatures(call edges)", FROM_NUMBER, TO_NUMBER, CALLS);
        RequiredColumns.check(smsEdges, "toNumberFeatures(SMS edges)", FROM_NUMBER, TO_NUMBER);
        RequiredColumns.check(numberDevice, "toNumberFeatures(number-device edges)", NUMBER, IMEI);
        RequiredColumns.check(numberIdentity, "toNumberFeatures(number-identity edges)", NUMBER, ID_HASH);
        RequiredColumns.check(sharedPairs, "toNumberFeatures(shared pairs)", NUMBER_A, NUMBER_B, LINK_KIND);

        // Structure over the whole call graph (hubs included: they describe the number itself), joined on the
        // vertex ids it is computed on, so the numbers come back in one join.
        steps.step("vertex ids");
        Dataset<Row> index = GraphIds.index(callEdges, FROM_NUMBER, TO_NUMBER).localCheckpoint(true);
        Dataset<Row> vertexEdges = steps.keep(GraphIds.toVertexEdges(callEdges.select(FROM_NUMBER, TO_NUMBER, CALLS), index,
                FROM_NUMBER, TO_NUMBER));
        Dataset<Row> degrees = GraphAlgorithms.degrees(vertexEdges)
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.OUT_NEIGHBOURS).as(OUT_DEGREE),
                        col(GraphAlgorithms.IN_NEIGHBOURS).as(IN_DEGREE), col(GraphAlgorithms.NEIGHBOURS).as(NEIGHBOURS),
                        col(GraphAlgorithms.RECIPROCITY).as(RECIPROCITY));
        Dataset<Row> callVolumes = vertexEdges.groupBy(col(GraphAlgorithms.SRC).as(GraphAlgorithms.VERTEX)).agg(sum(CALLS).as(CALLS_OUT))
                .join(vertexEdges.groupBy(col(GraphAlgorithms.DST).as(GraphAlgorithms.VERTEX)).agg(sum(CALLS).as(CALLS_IN)),
                        new String[] {GraphAlgorithms.VERTEX}, "full");
        steps.step("PageRank");
        Dataset<Row> pageRank = GraphAlgorithms.pageRank(vertexEdges, settings.pageRankIterations(), settings.resetProbability())
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.PAGERANK).as(PAGERANK));
        // Triangles without hubs: through 10086 everybody would close triangles, and hubs' neighbour sets are what makes counting costly.
        Dataset<Row> hubFreeVertexEdges = GraphIds.toVertexEdges(hubFree.select(FROM_NUMBER, TO_NUMBER), index, FROM_NUMBER, TO_NUMBER);
        steps.step("triangles");
        Dataset<Row> triangles = GraphAlgorithms.triangleCount(hubFreeVertexEdges)
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.TRIANGLES).as(TRIANGLES),
                        col(GraphAlgorithms.CLUSTERING).as(CLUSTERING));
        Dataset<Row> structure = index;
        for (Dataset<Row> part : List.of(degrees, callVolumes, pageRank, triangles)) {
            structure = structure.join(part, new String[] {GraphAlgorithms.VERTEX}, "left");
        }
        structure = structure.withColumnRenamed(GraphIds.KEY, NUMBER).drop(GraphAlgorithms.VERTEX);
        Dataset<Row> smsDegrees = smsEdges.groupBy(col(FROM_NUMBER).as(NUMBER)).agg(countDistinct(TO_NUMBER).as(SMS_OUT_NEIGHBOURS))
                .join(smsEdges.groupBy(col(TO_NUMBER).as(NUMBER)).agg(countDistinct(FROM_NUMBER).as(SMS_IN_NEIGHBOURS)),
                        new String[] {NUMBER}, "full");

        // Association with seeds.
        steps.step("personalised PageRank, calls");
        Dataset<Row> pprCall = Association.personalizedPageRank(Association.toCallWalkEdges(hubFree), seeds, PPR_CALL,
                settings.pageRankIterations(), settings.resetProbability());
        Dataset<Row> usableDevices = numberDevice.groupBy(IMEI).agg(countDistinct(NUMBER).as("__n"))
                .where(col("__n").leq(settings.maxNumbersPerDevice())).select(IMEI);
        Dataset<Row> usableIdentities = numberIdentity.groupBy(ID_HASH).agg(countDistinct(NUMBER).as("__n"))
                .where(col("__n").leq(settings.maxNumbersPerIdentity())).select(ID_HASH);
        steps.step("personalised PageRank, shared devices and identities");
        Dataset<Row> pprShared = Association.personalizedPageRank(Association.toSharingWalkEdges(
                        HubFilter.withoutHubs(numberDevice.join(usableDevices, IMEI), hubs, NUMBER),
                        HubFilter.withoutHubs(numberIdentity.join(usableIdentities, ID_HASH), hubs, NUMBER)),
                seeds, PPR_SHARED, settings.pageRankIterations(), settings.resetProbability());
        Dataset<Row> hopEdges = hubFree.select(FROM_NUMBER, TO_NUMBER)
                .union(sharedPairs.select(col(NUMBER_A).as(FROM_NUMBER), col(NUMBER_B).as(TO_NUMBER)));
        steps.step("hops to seeds");
        Dataset<Row> hops = Association.hopsToSeed(hopEdges, seeds, settings.maxHops());
        Dataset<Row> seedKeys = seeds.select(col(NUMBER).as("__seed"));
        Dataset<Row> seedSharing = sharedPairs.select(col(NUMBER_A).as(NUMBER), col(NUMBER_B).as("__other"), col(LINK_KIND))
                .union(sharedPairs.select(col(NUMBER_B).as(NUMBER), col(NUMBER_A).as("__other"), col(LINK_KIND)))
                .join(broadcast(seedKeys), col("__other").equalTo(col("__seed")))
                .groupBy(NUMBER)
                .agg(countDistinct(when(col(LINK_KIND).equalTo(SharingGraph.SHARED_DEVICE), col("__seed"))).as(SEEDS_SHARING_DEVICE),
                        countDistinct(when(col(LINK_KIND).equalTo(SharingGraph.SHARED_IDENTITY), col("__seed"))).as(SEEDS_SHARING_IDENTITY));
        Dataset<Row> coVictims = CoVictims.toNumberFeatures(in.coVictimPairs(), seeds);
        steps.step("number features");

        Dataset<Row> universe = callEdges.select(col(FROM_NUMBER).as(NUMBER)).union(callEdges.select(col(TO_NUMBER).as(NUMBER)))
                .union(smsEdges.select(col(FROM_NUMBER).as(NUMBER))).union(smsEdges.select(col(TO_NUMBER).as(NUMBER)))
                .union(numberDevice.select(NUMBER))
                .union(sharedPairs.select(col(NUMBER_A).as(NUMBER))).union(sharedPairs.select(col(NUMBER_B).as(NUMBER)))
                .union(seeds.select(NUMBER))
                .distinct();
        Dataset<Row> joined = universe;
        for (Dataset<Row> part : List.of(hubs, structure, smsDegrees, pprCall, pprShared, hops,
                seedSharing, coVictims, Rings.toMembership(in.rings()))) {
            joined = joined.join(part, new String[] {NUMBER}, "left");
        }
        joined = joined.join(broadcast(seedKeys), col(NUMBER).equalTo(col("__seed")), "left");
        return joined.select(lit(day).as(GRAPH_DATE), col(NUMBER), col("__seed").isNotNull().as(IS_SEED), col(HUB_REASON),
                zero(OUT_DEGREE), zero(IN_DEGREE), zero(NEIGHBOURS), col(RECIPROCITY),
                zero(CALLS_OUT), zero(CALLS_IN), zero(SMS_OUT_NEIGHBOURS), zero(SMS_IN_NEIGHBOURS),
                col(PAGERANK), col(TRIANGLES), col(CLUSTERING),
                // No seed reachable: the walk never visits the number, its score is 0 (null only when no seed exists at all).
                col(PPR_CALL), col(PPR_SHARED), col(HOPS_TO_SEED),
                zero(SEEDS_SHARING_DEVICE), zero(SEEDS_SHARING_IDENTITY),
                col(COVICTIM_MAX_SIMILARITY_TO_SEED), zero(COVICTIM_SIMILAR_NUMBERS), col(RING_ID));
    }

    private static Column zero(String column) {
        return coalesce(col(column), lit(0L)).as(column);
    }
}
