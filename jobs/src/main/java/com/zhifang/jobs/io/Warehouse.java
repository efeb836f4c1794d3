package com.zhifang.jobs.io;

import com.zhifang.features.schema.Tables;
import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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

    /** The table, or an empty frame of its schema when nothing has been written to it yet (no police notice ever, ...). */
    public Dataset<Row> readOrEmpty(SparkSession spark, String table) {
        return exists(spark, table) ? read(spark, table) : spark.createDataFrame(List.of(), Tables.schemaOf(table));
    }

    /**
     * Replaces the table's partition {@code day} with {@code rows}, conformed to the table's schema:
     * columns in schema order, the partition column set to {@code day}, atomic columns cast to the
     * table's types (arrays are taken as they are: a cast would trip on element nullability).
     * Columns a newer release added to the table's schema are added to a table an older one wrote
     * (schema evolution); its earlier partitions read them as null.
     * Idempotent: a re-run replaces the same partition. Runs one Spark job (the write).
     */
    public void replacePartition(SparkSession spark, String table, LocalDate day, Dataset<Row> rows) {
        ensureTable(spark, table);
        String partition = Tables.partitionColumnOf(table);
        Column[] columns = Arrays.stream(Tables.schemaOf(table).fields())
                .map(f -> partition.equals(f.name()) ? lit(day).as(partition)
                        : f.dataType() instanceof ArrayType ? col(f.name())
                        : col(f.name()).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new);
        rows.select(columns).write().format("delta").mode("overwrite")
                .option("replaceWhere", partition + " = DATE'" + day + "'")
                .option("mergeSchema", "true")
                .save(tablePath(table));
    }

    /**
     * Writes (or overwrites) a whole file under the warehouse through Hadoop's file system, so the
     * same code writes to a local folder, HDFS or an object store. Driver-side, for small files
     * (run reports, exports, manifests).
     */
    public void writeFile(SparkSession spark, String path, byte[] content) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(p, true)) {
                out.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public String toString() {
        return root;
    }
}
