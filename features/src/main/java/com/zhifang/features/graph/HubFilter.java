package com.zhifang.features.graph;

import com.zhifang.features.domain.NumberClass;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;

import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

/**
 * Hubs: numbers that everybody talks to and that therefore prove nothing about who works with whom.
 * Left in the graph they would both blow up joins (a bank's 95588 has millions of neighbours) and
 * tie unrelated numbers together (two rings "two hops apart" through 10086).
 *
 * <p>A number is a hub, with the first matching {@code hub_reason}, when it is:
 * <ol>
 *   <li>{@code SERVICE} / {@code SMS_PORT}: of that number class (95xxx, 400, 10086, 106 ports);</li>
 *   <li>{@code ALLOWLISTED}: on the allowlist snapshot in force (exact number or prefix block, not
 *       expired) — vetted banks, couriers' platforms, public services;</li>
 *   <li>{@code SUPER_NODE}: more distinct neighbours (either direction, the window's calls) than a cap
 *       the caller computes per run (e.g. a high quantile of {@link #neighbourCounts}, with a floor).</li>
 * </ol>
 * Callers drop hubs with {@link #withoutHubs} before: ring linking (shared devices/identities, co-victim
 * similarity), co-victim callee sets, personalised PageRank, hop distances and triangle counting.
 * Degree and classic PageRank keep them: those describe the number itself.
 *
 * <p>Cost: {@link #neighbourCounts} is two aggregations over the call edges; {@link #toHubs} a union
 * of small sets: the service and port ends of the edges, and the allowlist broadcast against the
 * neighbour counts' numbers (prefix match is a broadcast nested-loop join). Lazy.
 */
public final class HubFilter {
    public static final String SUPER_NODE = "SUPER_NODE";
    public static final String ALLOWLISTED = "ALLOWLISTED";

    private HubFilter() {}

    /**
     * Per number of the call edges: {@code number, neighbours} (distinct, either direction),
     * {@code in_degree} (distinct callers), {@code out_degree} (distinct callees).
     */
    public static Dataset<Row> neighbourCounts(Dataset<Row> callEdges) {
        RequiredColumns.check(callEdges, "call edges", FROM_NUMBER, TO_NUMBER);
        Dataset<Row> pairs = callEdges.select(col(FROM_NUMBER).as(NUMBER), col(TO_NUMBER).as("__other"), lit(1L).as("__out"), lit(0L).as("__in"))
                .union(callEdges.select(col(TO_NUMBER).as(NUMBER), col(FROM_NUMBER).as("__other"), lit(0L).as("__out"), lit(1L).as("__in")))
                .groupBy(NUMBER, "__other")
                .agg(org.apache.spark.sql.functions.max("__out").as("__out"), org.apache.spark.sql.functions.max("__in").as("__in"));
        return pairs.groupBy(NUMBER).agg(count(lit(1)).as(NEIGHBOURS), sum("__in").as(IN_DEGREE), sum("__out").as(OUT_DEGREE));
    }

    /**
     * {@code number, hub_reason} for every hub among the call edges' numbers. {@code allowlist} is
     * the snapshot in force on {@code day} ({@code number, is_prefix, valid_until}); {@code neighbours}
     * is {@link #neighbourCounts} of the same edges (its numbers are the ones looked up in the
     * allowlist); {@code superNodeCap} the most distinct neighbours a non-hub may have.
     */
    public static Dataset<Row> toHubs(Dataset<Row> callEdges, Dataset<Row> allowlist, LocalDate day,
                                      Dataset<Row> neighbours, long superNodeCap) {
        RequiredColumns.check(callEdges, "call edges", FROM_NUMBER, TO_NUMBER, FROM_CLASS, TO_CLASS);
        RequiredColumns.check(allowlist, "allowlist", NUMBER, IS_PREFIX, VALID_UNTIL);
        RequiredColumns.check(neighbours, "neighbour counts", NUMBER, NEIGHBOURS);
        // Hub classes are rare: filter the edge ends before deduplicating them.
        Object[] hubClasses = {NumberClass.SERVICE.name(), NumberClass.SMS_PORT.name()};
        Dataset<Row> byClass = callEdges.where(col(FROM_CLASS).isin(hubClasses))
                .select(col(FROM_NUMBER).as(NUMBER), col(FROM_CLASS).as(HUB_REASON))
                .union(callEdges.where(col(TO_CLASS).isin(hubClasses))
                        .select(col(TO_NUMBER).as(NUMBER), col(TO_CLASS).as(HUB_REASON)))
                .distinct()
                .withColumn("__priority", lit(1));
        Dataset<Row> entries = allowlist.where(col(VALID_UNTIL).isNull().or(col(VALID_UNTIL).geq(lit(day))));
        Dataset<Row> exact = entries.where(col(IS_PREFIX).equalTo(false)).select(col(NUMBER).as("__entry"));
        Dataset<Row> prefixes = entries.where(col(IS_PREFIX)).select(col(NUMBER).as("__entry"));
        // The neighbour counts hold each number of the call edges once: no second deduplication of the edges' ends.
        Dataset<Row> distinctNumbers = neighbours.select(NUMBER);
        Dataset<Row> allowlisted = distinctNumbers.join(broadcast(exact), col(NUMBER).equalTo(col("__entry")))
                .select(NUMBER)
                .union(distinctNumbers.join(broadcast(prefixes), col(NUMBER).startsWith(col("__entry"))).select(NUMBER))
                .select(col(NUMBER), lit(ALLOWLISTED).as(HUB_REASON), lit(2).as("__priority"));
        Dataset<Row> superNodes = neighbours.where(col(NEIGHBOURS).gt(superNodeCap))
                .select(col(NUMBER), lit(SUPER_NODE).as(HUB_REASON), lit(3).as("__priority"));
        Dataset<Row> all = byClass.union(allowlisted).union(superNodes);
        Dataset<Row> best = all.groupBy(NUMBER).agg(min("__priority").as("__priority"));
        return all.join(best, new String[] {NUMBER, "__priority"}).select(NUMBER, HUB_REASON).dropDuplicates(NUMBER);
    }

    /** {@code frame} without the rows whose {@code numberColumns} hold a hub ({@code hubs.number}). */
    public static Dataset<Row> withoutHubs(Dataset<Row> frame, Dataset<Row> hubs, String... numberColumns) {
        RequiredColumns.check(frame, "frame", numberColumns);
        RequiredColumns.check(hubs, "hubs", NUMBER);
        Dataset<Row> result = frame;
        for (String column : numberColumns) {
            Dataset<Row> hubKeys = hubs.select(col(NUMBER).as("__hub"));
            result = result.join(broadcast(hubKeys), col(column).equalTo(col("__hub")), "left_anti");
        }
        return result;
    }
}
