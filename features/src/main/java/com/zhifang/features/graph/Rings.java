package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Rings: groups of numbers held together by strong links, with the links as evidence.
 *
 * <p>Strong links ({@code number_a, number_b, kind, weight, evidence}) are shared devices, shared
 * identities ({@link SharingGraph#toSharedPairs}) and high co-victim similarity
 * ({@link CoVictims#toSimilarPairs}), all built without hubs. A ring is a connected component of
 * those links. Calls are not a linking kind on their own: ordinary social circles call each other
 * too, and the call graph is one giant component; calls among the members of a ring are attached as
 * {@code CALLS} links (calls both ways, talk time) because they corroborate it.
 *
 * <p>Kept: components of at least {@code minSize} numbers, and any component of two or more that
 * contains a seed. {@code ring_id} is the smallest member number (stable within a date, readable).
 *
 * <p>Cost: components by {@link GraphAlgorithms#connectedComponents} (eager, O(diameter x links)),
 * a few joins and aggregations of links and members, and a join of the call edges with the member
 * list (broadcast: members are few).
 */
public final class Rings {
    public static final String CALLS_LINK = "CALLS";

    /** One link holding a ring together: endpoints ({@code a < b}), kind, strength and checkable evidence (nullable: Delta takes no NOT NULL inside arrays). */
    public static final StructType LINK_SCHEMA = new StructType()
            .add(LINK_A, DataTypes.StringType).add(LINK_B, DataTypes.StringType).add(LINK_KIND, DataTypes.StringType)
            .add(WEIGHT, DataTypes.DoubleType).add(EVIDENCE, DataTypes.StringType);

    private Rings() {}

    /**
     * One row per ring: {@code ring_id, size, members} (sorted) {@code , seeds} (sorted members that
     * are seeds) {@code , seed_count, links} (array of {@code struct(a, b, kind, weight, evidence)}).
     *
     * @param strongLinks {@code number_a, number_b, kind, weight, evidence}
     * @param seeds       {@code number}
     * @param callEdges   {@code from_number, to_number, calls, talk_s} (may include hubs: only member-to-member calls are used)
     */
    public static Dataset<Row> toRings(Dataset<Row> strongLinks, Dataset<Row> seeds, Dataset<Row> callEdges, int minSize) {
        RequiredColumns.check(strongLinks, "strong links", NUMBER_A, NUMBER_B, LINK_KIND, WEIGHT, EVIDENCE);
        RequiredColumns.check(seeds, "seeds", NUMBER);
        RequiredColumns.check(callEdges, "call edges", FROM_NUMBER, TO_NUMBER, CALLS, TALK_S);
        if (minSize < 2) {
            throw new IllegalArgumentException("minSize must be at least 2, got " + minSize);
        }
        Dataset<Row> links = strongLinks.select(NUMBER_A, NUMBER_B, LINK_KIND, WEIGHT, EVIDENCE);
        Dataset<Row> index = GraphIds.index(links, NUMBER_A, NUMBER_B);
        Dataset<Row> components = GraphAlgorithms.connectedComponents(GraphIds.toVertexEdges(links, index, NUMBER_A, NUMBER_B));
        Dataset<Row> seedKeys = seeds.select(col(NUMBER).as("__seed")).distinct();
        Dataset<Row> membership = GraphIds.withKeys(components, index)
                .select(col(GraphIds.KEY).as(NUMBER), col(GraphAlgorithms.COMPONENT));
        Dataset<Row> perComponent = membership
                .join(seedKeys, col(NUMBER).equalTo(col("__seed")), "left")
                .groupBy(GraphAlgorithms.COMPONENT)
                .agg(min(NUMBER).as(RING_ID), sort_array(collect_list(NUMBER)).as(MEMBERS),
                        sort_array(collect_list(col("__seed"))).as(SEEDS))
                .withColumn(SIZE, size(col(MEMBERS)))
                .withColumn(SEED_COUNT, size(col(SEEDS)))
                .where(col(SIZE).geq(minSize).or(col(SEED_COUNT).gt(0)))
                .localCheckpoint(true);
        Dataset<Row> ringOf = perComponent.select(col(RING_ID), explode(col(MEMBERS)).as(NUMBER));
        Dataset<Row> ringOfA = ringOf.select(col(RING_ID), col(NUMBER).as("__a"));
        Dataset<Row> ringOfB = ringOf.select(col(RING_ID).as("__ring_b"), col(NUMBER).as("__b"));
        Dataset<Row> strongWithin = links.join(ringOfA, col(NUMBER_A).equalTo(col("__a")))
                .select(col(RING_ID), col(NUMBER_A).as(LINK_A), col(NUMBER_B).as(LINK_B), col(LINK_KIND), col(WEIGHT), col(EVIDENCE));
        Dataset<Row> callsWithin = callEdges
                .join(broadcast(ringOfA), col(FROM_NUMBER).equalTo(col("__a")))
                .join(broadcast(ringOfB), col(TO_NUMBER).equalTo(col("__b")).and(col(RING_ID).equalTo(col("__ring_b"))))
                .groupBy(col(RING_ID), least(col(FROM_NUMBER), col(TO_NUMBER)).as(LINK_A), greatest(col(FROM_NUMBER), col(TO_NUMBER)).as(LINK_B))
                .agg(sum(CALLS).as("__calls"), sum(TALK_S).as("__talk"),
                        count(lit(1)).as("__directions"))
                .select(col(RING_ID), col(LINK_A), col(LINK_B), lit(CALLS_LINK).as(LINK_KIND), col("__calls").cast("double").as(WEIGHT),
                        format_string("%d calls, %d s talk, %s", col("__calls"), col("__talk"),
                                when(col("__directions").equalTo(2), lit("both ways")).otherwise(lit("one way"))).as(EVIDENCE));
        Dataset<Row> ringLinks = strongWithin.union(callsWithin)
                .groupBy(RING_ID)
                .agg(sort_array(collect_list(struct(col(LINK_A), col(LINK_B), col(LINK_KIND), col(WEIGHT), col(EVIDENCE)))).as(LINKS));
        return perComponent.join(ringLinks, new String[] {RING_ID}, "left")
                .select(col(RING_ID), col(SIZE), col(MEMBERS), col(SEEDS), col(SEED_COUNT),
                        coalesce(col(LINKS), array().cast(ringLinkArrayType())).as(LINKS));
    }

    /** {@code number, ring_id} for every member of {@code rings}. */
    public static Dataset<Row> toMembership(Dataset<Row> rings) {
        RequiredColumns.check(rings, "rings", RING_ID, MEMBERS);
        return rings.select(explode(col(MEMBERS)).as(NUMBER), col(RING_ID));
    }

    private static org.apache.spark.sql.types.DataType ringLinkArrayType() {
        return DataTypes.createArrayType(LINK_SCHEMA);
    }
}
