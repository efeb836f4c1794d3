package com.zhifang.features.behaviour;

import com.zhifang.features.schema.FeatureColumns;
import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.*;

/**
 * The one merger of per-day states into window values, for every entity type: the feature row of
 * day D for a window of n days is computed from the states of D-n+1..D only, never from records.
 *
 * <p>Each window is a conditional aggregate over the same rows ({@code sum(when(traffic_day >=
 * D-n+1, x))}), whatever the number of windows. Distinct counts of a 1-day window are the exact
 * daily counts; longer windows union the daily HLL sketches; histograms sum bucket by bucket (one
 * compiled sum per bucket and window); count maps fold with {@code map_zip_with}, interpreted, as
 * their keys are open-ended.
 *
 * <p>Cost: two aggregations of the state rows of the longest window, keyed by the entity, and a
 * join of their results (both already partitioned by the key; sorted for the join). The sums and
 * maxima are one hash aggregation; the sketch unions and map lists, which only Spark's object
 * aggregation can hold, are the other. In a single aggregation the few object aggregates made Spark
 * run every one of the hundreds of sums as an object aggregation, with a new buffer of hundreds of
 * fields per key. For numbers the sums of two windows (about 170 fields) are more than Spark
 * generates code for (100 fields), so that aggregation runs through Spark's generic hash
 * aggregation; splitting it into groups small enough to compile, joined by key, was slower still
 * (the extra scans, shuffles and joins of wide rows cost more than compiling saved). Both are
 * measured in {@code docs/measurements/2026-11-29-features-stage-profiles.md} and
 * {@code docs/measurements/2026-11-30-features-vs-duckdb-sessions-13-20.md}.
 * Assumes one state row per entity and day (what the day-state builders produce).
 */
public final class WindowMerger {
    private WindowMerger() {}

    /** Keys, {@code feature_date} and every window feature, one row per entity seen in the longest window. */
    public static Dataset<Row> toWindowFeatures(Dataset<Row> states, EntityFeatures def, LocalDate day, List<Integer> windows) {
        List<String> required = new ArrayList<>(List.of(def.stateSchema().fieldNames()));
        RequiredColumns.check(states, "toWindowFeatures(" + def.entityType() + ")", required);
        checkWindows(windows);
        int longest = Collections.max(windows);
        Dataset<Row> inWindow = states.filter(col(RecordColumns.TRAFFIC_DAY).between(lit(day.minusDays(longest - 1)), lit(day)));

        List<Column> compiled = new ArrayList<>();
        List<Column> objects = new ArrayList<>();
        Map<Integer, Map<String, String>> mergedNames = new LinkedHashMap<>();
        for (int w : windows) {
            LocalDate from = day.minusDays(w - 1);
            Map<String, String> names = new LinkedHashMap<>();
            for (StateColumn s : def.state()) {
                String name = "_m" + w + "_" + s.name();
                (mergesObjects(s, w) ? objects : compiled).add(merge(s, from, w).as(name));
                names.put(s.name(), name);
            }
            mergedNames.put(w, names);
        }
        Column[] keys = def.keyNames().stream().map(k -> col(k)).toArray(Column[]::new);
        // Keys are never null (the state tables declare them NOT NULL), so the inner join keeps every entity.
        Dataset<Row> merged = objects.isEmpty() ? aggregate(inWindow, keys, compiled)
                : compiled.isEmpty() ? aggregate(inWindow, keys, objects)
                : aggregate(inWindow, keys, compiled)
                        .join(aggregate(inWindow, keys, objects), def.keyNames().toArray(new String[0]));

        List<Column> out = new ArrayList<>(List.of(keys));
        out.add(lit(day).as(FeatureColumns.FEATURE_DATE));
        for (WindowFeature f : def.features()) {
            for (int w : windows) {
                WindowFeature.Merged m = merged(mergedNames.get(w), w);
                out.add(f.value().apply(m).cast(f.type()).as(FeatureColumns.windowed(f.name(), w)));
            }
        }
        return merged.select(out.toArray(new Column[0]));
    }

    private static Dataset<Row> aggregate(Dataset<Row> rows, Column[] keys, List<Column> aggs) {
        return rows.groupBy(keys).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }

    /**
     * Whether merging {@code s} over {@code days} needs an object aggregation (sketch union, list of
     * maps) rather than a sum or maximum Spark compiles into its hash aggregation.
     */
    private static boolean mergesObjects(StateColumn s, int days) {
        return s.merge() == StateColumn.Merge.COUNT_MAP || (s.merge() == StateColumn.Merge.DISTINCT && days > 1);
    }

    /** Window lengths must be positive and distinct. */
    public static void checkWindows(List<Integer> windows) {
        if (windows.isEmpty() || windows.stream().anyMatch(w -> w < 1) || windows.stream().distinct().count() != windows.size()) {
            throw new IllegalArgumentException("windows must be distinct positive day counts, got " + windows);
        }
    }

    private static Column merge(StateColumn s, LocalDate from, int days) {
        Column in = col(RecordColumns.TRAFFIC_DAY).geq(lit(from));
        String inSql = "`" + RecordColumns.TRAFFIC_DAY + "` >= DATE'" + from + "'";
        return switch (s.merge()) {
            case SUM -> coalesce(sum(when(in, col(s.name()))), lit(0).cast(s.type()));
            case MAX -> coalesce(max(when(in, col(s.name()))), lit(0).cast(s.type()));
            case DISTINCT -> days == 1
                    ? coalesce(sum(when(in, col(s.exactColumn()))), lit(0L))
                    : coalesce(hll_sketch_estimate(hll_union_agg(when(in, col(s.sketchColumn())))), lit(0L));
            // One sum per bucket, compiled into the hash aggregate, where a collect_list folded by zip_with ran
            // interpreted, once per state row.
            case ARRAY_SUM -> {
                Column[] buckets = new Column[s.size()];
                for (int i = 0; i < s.size(); i++) {
                    buckets[i] = coalesce(sum(when(in, try_element_at(col(s.name()), lit(i + 1)))), lit(0L));
                }
                yield array(buckets);
            }
            case COUNT_MAP -> expr("aggregate(collect_list(" + "if(" + inSql + ", `" + s.name() + "`, null)"
                    + "), cast(map() as map<bigint,bigint>), (acc, m) -> map_zip_with(acc, m, "
                    + "(k, a, b) -> coalesce(a, 0L) + coalesce(b, 0L)))");
        };
    }

    private static WindowFeature.Merged merged(Map<String, String> names, int days) {
        return new WindowFeature.Merged() {
            @Override
            public Column get(String stateColumn) {
                return col(name(stateColumn));
            }

            @Override
            public String sql(String stateColumn) {
                return "`" + name(stateColumn) + "`";
            }

            @Override
            public int days() {
                return days;
            }

            private String name(String stateColumn) {
                String n = names.get(stateColumn);
                if (n == null) {
                    throw new IllegalArgumentException("no state column " + stateColumn + " to merge; have " + names.keySet());
                }
                return n;
            }
        };
    }
}
