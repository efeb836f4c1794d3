package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;

import java.util.List;

import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Co-victims: numbers whose sets of callees overlap far more than chance. Fraud teams work the same
 * victim lists (one member calls as "customer service", the next as "police"), so two numbers that
 * reached the same 20 strangers in a week are probably working together; two ordinary subscribers
 * share a handful of contacts at most, out of sets that are mostly disjoint.
 *
 * <p>Method: each caller's distinct callees become a sparse binary vector (callee hashed into
 * 2^30 slots: collisions are negligible at our scale and cost at most a slightly higher
 * similarity), MinHash LSH ({@code spark.ml}'s {@link MinHashLSH}, fixed seed, so reproducible)
 * proposes candidate pairs, and the exact Jaccard similarity of the hashed sets keeps those at or
 * above {@code minJaccard}.
 *
 * <p>Assumptions: the caller removes hubs first ({@link HubFilter#withoutHubs}) from both ends, and
 * callees with very high in-degree: a victim that everyone calls (a popular shop, a hotline) is
 * no evidence of co-working. Callers need at least {@code minCallees} distinct callees: with two or
 * three contacts, "overlap" is just a shared friend.
 *
 * <p>Cost: one aggregation of the edges by caller (sets held in memory, one row per caller), the
 * LSH join (hash tables x callers rows, a shuffle and a join on bucket), exact similarity on the
 * candidates. Lazy (the vector size is fixed, so fitting reads no data).
 */
public final class CoVictims {
    public static final String CO_VICTIM = "CO_VICTIM";
    private static final int HASH_SLOTS = 1 << 30;
    private static final String CALLEE_SET = "__callees";
    private static final String FEATURES = "__features";

    private static final UserDefinedFunction TO_VECTOR = udf((UDF1<scala.collection.Seq<Long>, org.apache.spark.ml.linalg.Vector>) set -> {
        List<Long> slots = scala.jdk.javaapi.CollectionConverters.asJava(set);
        int[] indices = new int[slots.size()];
        double[] ones = new double[slots.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = slots.get(i).intValue();
            ones[i] = 1.0;
        }
        return Vectors.sparse(HASH_SLOTS, indices, ones);
    }, SQLDataTypes.VectorType());

    private CoVictims() {}

    /**
     * Similar pairs: {@code number_a < number_b, jaccard, shared_callees, kind} ({@code CO_VICTIM})
     * {@code , weight} (= jaccard) {@code , evidence} (e.g. {@code 18 shared callees of 24 and 30}).
     *
     * @param callEdges     {@code from_number, to_number}, hubs already removed
     * @param minCallees    fewest distinct callees a number needs to be compared
     * @param minJaccard    smallest Jaccard similarity reported, in (0, 1]
     * @param hashTables    MinHash tables: more find more borderline pairs at proportionally more cost
     */
    public static Dataset<Row> toSimilarPairs(Dataset<Row> callEdges, int minCallees, double minJaccard, int hashTables) {
        RequiredColumns.check(callEdges, "call edges", FROM_NUMBER, TO_NUMBER);
        if (minJaccard <= 0 || minJaccard > 1) {
            throw new IllegalArgumentException("minJaccard must be in (0, 1], got " + minJaccard);
        }
        if (minCallees < 2 || hashTables < 1) {
            throw new IllegalArgumentException("minCallees must be >= 2 and hashTables >= 1");
        }
        Dataset<Row> sets = callEdges
                .select(col(FROM_NUMBER).as(NUMBER), pmod(xxhash64(col(TO_NUMBER)), lit((long) HASH_SLOTS)).as("__slot"))
                .groupBy(NUMBER).agg(array_sort(collect_set("__slot")).as(CALLEE_SET))
                .where(size(col(CALLEE_SET)).geq(minCallees))
                .withColumn(FEATURES, TO_VECTOR.apply(col(CALLEE_SET))
                        .as(FEATURES, new AttributeGroup(FEATURES, HASH_SLOTS).toMetadata()));
        MinHashLSHModel model = new MinHashLSH().setInputCol(FEATURES).setOutputCol("__hashes")
                .setNumHashTables(hashTables).setSeed(20261128L).fit(sets);
        Dataset<Row> candidates = model.approxSimilarityJoin(sets, sets, 1.0 - minJaccard, "__distance").toDF();
        Dataset<Row> pairs = candidates
                .select(col("datasetA." + NUMBER).as(NUMBER_A), col("datasetB." + NUMBER).as(NUMBER_B),
                        size(col("datasetA." + CALLEE_SET)).as("__size_a"), size(col("datasetB." + CALLEE_SET)).as("__size_b"),
                        size(array_intersect(col("datasetA." + CALLEE_SET), col("datasetB." + CALLEE_SET))).as(SHARED_CALLEES))
                .where(col(NUMBER_A).lt(col(NUMBER_B)));
        Dataset<Row> scored = pairs.withColumn(JACCARD,
                col(SHARED_CALLEES).cast("double").divide(col("__size_a").plus(col("__size_b")).minus(col(SHARED_CALLEES))));
        return scored.where(col(JACCARD).geq(minJaccard))
                .select(col(NUMBER_A), col(NUMBER_B), col(JACCARD), col(SHARED_CALLEES).cast("long").as(SHARED_CALLEES),
                        lit(CO_VICTIM).as(LINK_KIND), col(JACCARD).as(WEIGHT),
                        format_string("%d shared callees of %d and %d", col(SHARED_CALLEES), col("__size_a"), col("__size_b")).as(EVIDENCE));
    }

    /**
     * Per number appearing in {@code pairs}: {@code covictim_similar_numbers} (how many numbers it is
     * similar to) and {@code covictim_max_similarity_to_seed} (highest Jaccard with a seed, null when
     * no seed is similar). A seed's similarity to itself does not count. Lazy.
     */
    public static Dataset<Row> toNumberFeatures(Dataset<Row> pairs, Dataset<Row> seeds) {
        RequiredColumns.check(pairs, "co-victim pairs", NUMBER_A, NUMBER_B, JACCARD);
        RequiredColumns.check(seeds, "seeds", NUMBER);
        Dataset<Row> both = pairs.select(col(NUMBER_A).as(NUMBER), col(NUMBER_B).as("__other"), col(JACCARD))
                .union(pairs.select(col(NUMBER_B).as(NUMBER), col(NUMBER_A).as("__other"), col(JACCARD)));
        Dataset<Row> seedKeys = seeds.select(col(NUMBER).as("__seed")).distinct();
        return both.join(broadcast(seedKeys), col("__other").equalTo(col("__seed")), "left")
                .groupBy(NUMBER)
                .agg(count(lit(1)).as(COVICTIM_SIMILAR_NUMBERS),
                        max(when(col("__seed").isNotNull(), col(JACCARD))).as(COVICTIM_MAX_SIMILARITY_TO_SEED));
    }
}
