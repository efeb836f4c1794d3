package com.zhifang.features.reference;

import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * Picks the reference snapshot that applies to a day: the newest one dated on or before it (a
 * snapshot holds until a newer one arrives). Cost: one aggregate over the snapshot-date partition
 * column (metadata-sized) joined back as a broadcastable single row.
 */
public final class ReferenceSnapshots {
    private ReferenceSnapshots() {}

    /** Rows of the newest snapshot with {@code snapshot_date <= day}; empty when none is that old. */
    public static Dataset<Row> asOf(Dataset<Row> snapshots, LocalDate day) {
        RequiredColumns.check(snapshots, "asOf", RecordColumns.SNAPSHOT_DATE);
        Dataset<Row> eligible = snapshots.filter(col(RecordColumns.SNAPSHOT_DATE).leq(lit(day)));
        Dataset<Row> newest = eligible.agg(max(RecordColumns.SNAPSHOT_DATE).as("_newest"));
        return eligible.join(newest, col(RecordColumns.SNAPSHOT_DATE).equalTo(col("_newest")), "left_semi");
    }
}
