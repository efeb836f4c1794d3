package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Groups an entity's rows by its string key with a 64-bit hash of the key in front of it.
 *
 * <p>Why: when Spark sorts by a string (a sort-based aggregation, the sort an object aggregation
 * such as {@code hll_sketch_agg} falls back to past 128 keys per task, a window's sort), it compares
 * an 8-byte prefix first and reads the whole strings only on a tie. E.164 numbers share their first
 * 8 bytes ({@code +8613812...}), so nearly every comparison read both strings. With the hash first,
 * the prefix is the hash and decides every comparison between different keys.
 *
 * <p>Every part that {@link StateParts#combine} assembles from several is grouped this way, so the
 * parts share one partitioning (by hash and key) and the union of them needs no further shuffle.
 * The window merge ({@link WindowMerger}) does not use it: its output is joined by the bare key
 * downstream, and a partitioning by (hash, key) would cost those joins a shuffle of the wide feature
 * rows. Cost: one hash per row; the hash rides along in the shuffles (8 bytes per row).
 *
 * <p>It spares the per-number state most of its string comparisons (measured in
 * {@code docs/measurements/2026-11-29-features-stage-profiles.md}, "A hash in front of the number").
 */
public final class HashedKeys {
    private HashedKeys() {}

    /** The key's hash column; {@link StateParts#combine} groups by it as well and drops it. */
    public static final String KEY_HASH = "_key_hash";

    /** {@code rows} grouped by (hash of the keys, the keys). */
    public static RelationalGroupedDataset groupByKey(Dataset<Row> rows, String... keys) {
        RequiredColumns.check(rows, "groupByKey", keys);
        List<Column> grouping = new ArrayList<>();
        grouping.add(hashOf(Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new)).as(KEY_HASH));
        Arrays.stream(keys).forEach(k -> grouping.add(col(k)));
        return rows.groupBy(grouping.toArray(new Column[0]));
    }

    /** The hash of key values (the {@link #KEY_HASH} column). */
    public static Column hashOf(Column... keys) {
        return xxhash64(keys);
    }
}
