package com.zhifang.jobs.testing;

import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static com.zhifang.features.testing.Records.table;

/** Hand-built rows appended to a warehouse's Delta tables, as ingest or an earlier stage would have left them. */
public final class WarehouseFixture {
    private WarehouseFixture() {}

    /** Appends {@code rows} (in the table's schema order) to {@code table}, creating the table first if needed. */
    public static void append(SparkSession spark, Warehouse warehouse, String table, Row... rows) {
        append(warehouse, table, table(spark, table, rows));
    }

    /** Appends a frame of the table's schema to {@code table}, creating the table first if needed. */
    public static void append(Warehouse warehouse, String table, Dataset<Row> rows) {
        warehouse.ensureTable(rows.sparkSession(), table);
        rows.write().format("delta").mode("append").save(warehouse.tablePath(table));
    }
}
