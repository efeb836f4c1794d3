package com.zhifang.features.behaviour;

import org.apache.spark.sql.Column;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apache.spark.sql.functions.*;

/**
 * Fixed-bucket histograms: mergeable by element-wise addition, so quantiles over any window come
 * from daily states without the records. Durations use log-scale buckets (each about 1.3-1.5x the
 * previous), so an interpolated quantile is off by at most a bucket's width: exact enough to say
 * "median answered call 4 s" against "90 s".
 */
public final class Histograms {
    private Histograms() {}

    /** Lower edges (seconds) of the answered-duration buckets; the last bucket is open. */
    public static final long[] DURATION_EDGES = {0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256,
            384, 512, 768, 1024, 1536, 2048, 3072, 4096};
    public static final int HOURS = 24;

    /** Index of the bucket a value falls into (the last edge not above it); null for null. */
    public static Column bucketOf(Column value, long[] edges) {
        Column bucket = when(value.isNull(), lit(null).cast("int"));
        for (int i = edges.length - 1; i >= 1; i--) {
            bucket = bucket.when(value.geq(edges[i]), lit(i));
        }
        return bucket.otherwise(lit(0));
    }

    /** Aggregate: an array of {@code buckets} counts of rows where {@code include} holds, by {@code bucket}. */
    public static Column countsAgg(Column bucket, Column include, int buckets) {
        return array(IntStream.range(0, buckets)
                .mapToObj(i -> sum(when(include.and(bucket.equalTo(i)), lit(1L)).otherwise(lit(0L))))
                .toArray(Column[]::new));
    }

    /**
     * Quantile {@code q} of a histogram column (SQL identifier {@code hist}) with the given lower
     * edges: the bucket where the cumulative count reaches {@code q} of the total, interpolated
     * linearly inside it (the open last bucket gives its lower edge). Null for an empty histogram.
     * One pass over the buckets (a fold carrying the running count), so it stays cheap per row.
     */
    public static Column quantile(String hist, double q, long[] edges) {
        String e = Arrays.stream(edges).mapToObj(x -> x + "D").collect(Collectors.joining(", ", "array(", ")"));
        String total = "aggregate(" + hist + ", 0L, (a, x) -> a + x)";
        // s.t: target count (computed once), s.c: count so far, s.i: bucket index,
        // s.k: bucket where the target is reached (0-based), s.b: count before that bucket.
        String found = "s.k < 0 AND s.t > 0 AND s.c + x >= s.t";   // empty histogram: never found, null
        String lo = "try_element_at(" + e + ", s.k + 1)";
        String hi = "try_element_at(" + e + ", s.k + 2)";
        String count = "try_element_at(" + hist + ", s.k + 1)";
        return expr("aggregate(" + hist + ", named_struct('t', " + q + "D * " + total + ", 'c', 0L, 'i', 0, 'k', -1, 'b', 0L), "
                + "(s, x) -> named_struct('t', s.t, 'c', s.c + x, 'i', s.i + 1, 'k', if(" + found + ", s.i, s.k), "
                + "'b', if(" + found + ", s.c, s.b)), "
                + "s -> CASE WHEN s.k < 0 THEN NULL WHEN " + hi + " IS NULL THEN " + lo
                + " ELSE " + lo + " + try_divide(s.t - s.b, " + count + ") * (" + hi + " - " + lo + ") END)");
    }

    /** Sum of the buckets {@code from..to-1} of a histogram column. */
    public static Column sumRange(Column hist, int from, int to) {
        Column s = lit(0L);
        for (int i = from; i < to; i++) {
            s = s.plus(hist.getItem(i));
        }
        return s;
    }
}
