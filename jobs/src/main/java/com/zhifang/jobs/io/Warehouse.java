package com.zhifang.jobs.io;

import com.zhifang.features.schema.Tables;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Layout of a Zhifang warehouse folder (local path or any Hadoop URI):
 * <pre>
 *   &lt;warehouse&gt;/tables/&lt;table&gt;        Delta tables (see {@link Tables})
 *   &lt;warehouse&gt;/runs/&lt;run-id&gt;.json     one report per run
 *   &lt;warehouse&gt;/exports/&lt;D&gt;/          hand-over files of day D
 *   &lt;warehouse&gt;/models/&lt;version&gt;/      trained models (see ModelRegistry)
 * </pre>
 */
public final class Warehouse {
    private final String root;

    public Warehouse(String root) {
        String normalized = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.root = URI.create(normalized).getScheme() == null
                ? Path.of(normalized).toAbsolutePath().normalize().toString() : normalized;
    }

    public String root() {
        return root;
    }

    public String tablePath(String table) {
        Tables.schemaOf(table);   // rejects unknown names
        return root + "/tables/" + table;
    }

    public String runReportPath(String runId) {
        return root + "/runs/" + runId + ".json";
    }

    public String exportDir(LocalDate day) {
        return root + "/exports/" + day;
    }

    /** Root of the trained models, one folder per version ({@code com.zhifang.models.train.ModelRegistry}). */
    public String modelsDir() {
        return root + "/models";
    }

    /** Creates the table with its schema and partitioning when it does not exist yet. */
    public DeltaTable ensureTable(SparkSession spark, String table) {
        return DeltaTable.createIfNotExists(spark)
                .location(tablePath(table))
                .addColumns(Tables.schemaOf(table))
                .partitionedBy(Tables.partitionColumnOf(table))
                .execute();
    }

    public Dataset<Row> read(SparkSession spark, String table) {
        return spark.read().format("delta").load(tablePath(table));
    }

    public boolean exists(SparkSession spark, String table) {
        return DeltaTable.isDeltaTable(spark, tablePath(table));
    }

    @Override
    public String toString() {
        return root;
    }
}
