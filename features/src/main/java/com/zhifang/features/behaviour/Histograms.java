package com.zhifang.features.behaviour;

import org.apache.spark.sql.Column;

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
     * Quantile {@code q} of a histogram column with the given lower edges: the bucket where the
     * cumulative count reaches {@code q} of the total, interpolated linearly inside it (the open last
     * bucket gives its lower edge). Null for an empty or missing histogram.
     *
     * <p>Unrolled over the fixed buckets into plain arithmetic and one {@code CASE}, which Spark
     * compiles (the running sums are shared subexpressions). A fold with SQL's {@code aggregate}
     * ran interpreted, and in Spark 4.2 each array element it read built a new SQL configuration
     * object on the executor ({@code docs/measurements/2026-11-29-features-stage-profiles.md}).
     */
    public static Column quantile(Column hist, double q, long[] edges) {
        int n = edges.length;
        Column[] cumulative = new Column[n];
        for (int i = 0; i < n; i++) {
            Column bucket = hist.getItem(i);
            cumulative[i] = i == 0 ? bucket : cumulative[i - 1].plus(bucket);
        }
        Column target = lit(q).multiply(cumulative[n - 1]);
        Column result = when(target.isNull().or(target.leq(0)), lit(null).cast("double"));
        for (int k = 0; k < n; k++) {
            Column before = k == 0 ? lit(0L) : cumulative[k - 1];
            Column lower = lit((double) edges[k]);
            Column value = k == n - 1 ? lower
                    : lower.plus(try_divide(target.minus(before), hist.getItem(k)).multiply(lit((double) (edges[k + 1] - edges[k]))));
            result = result.when(cumulative[k].geq(target), value);
        }
        return result.otherwise(lit(null).cast("double"));
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
