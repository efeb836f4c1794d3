package com.zhifang.jobs.io;

import com.zhifang.features.catalog.Schemas;
import io.delta.tables.DeltaTable;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Layout of a Zhifang warehouse folder (local path or any Hadoop URI):
 * <pre>
 *   &lt;warehouse&gt;/tables/&lt;table&gt;        Delta tables (see {@link Tables})
 *   &lt;warehouse&gt;/runs/&lt;run-id&gt;.json     one report per run
 *   &lt;warehouse&gt;/runs/_running/&lt;run-id&gt;  a marker while the run is under way (left behind by a killed run)
 *   &lt;warehouse&gt;/_lease/               the writers' lease (see {@link WarehouseLease})
 *   &lt;warehouse&gt;/exports/&lt;D&gt;/          hand-over files of day D
 *   &lt;warehouse&gt;/models/&lt;version&gt;/      trained models (see ModelRegistry)
 * </pre>
 */
public final class Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
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
        Schemas.schemaOf(table);   // rejects unknown names
        return root + "/tables/" + table;
    }

    public String runReportPath(String runId) {
        return root + "/runs/" + runId + ".json";
    }

    /** The marker of a run under way: written before its first write, removed when its report is final. */
    public String runningMarkerPath(String runId) {
        return root + "/runs/_running/" + runId;
    }

    /** Run ids with a marker under {@code runs/_running/}: runs under way, or killed before they finished. */
    public List<String> runningMarkers(SparkSession spark) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(root + "/runs/_running");
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(folder)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(folder)).map(st -> st.getPath().getName())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    public String exportDir(LocalDate day) {
        return root + "/exports/" + day;
    }

    /** Root of the trained models, one folder per version ({@code com.zhifang.models.train.ModelRegistry}). */
    public String modelsDir() {
        return root + "/models";
    }

    /**
     * Creates the table with its schema and partitioning when it does not exist yet, and adds to a
     * table an older release created the columns its schema has gained since (Delta's
     * {@code createIfNotExists} leaves an existing table as it is). Added columns are nullable; the
     * rows already written read them as null. Columns the table has beyond the schema are kept.
     * A folder left by a creation that was killed before its first commit (a {@code _delta_log}
     * without any committed version, only Delta's temporary file) is removed first, so the creation
     * starts over: nothing in such a folder was ever part of a table.
     * Cost: a look at the table's log and a read of its schema; one more commit when columns are added.
     */
    public DeltaTable ensureTable(SparkSession spark, String table) {
        clearInterruptedCreation(spark, table);
        DeltaTable delta = DeltaTable.createIfNotExists(spark)
                .location(tablePath(table))
                .addColumns(Schemas.schemaOf(table))
                .partitionedBy(Schemas.partitionColumnOf(table))
                .execute();
        Set<String> present = Set.of(delta.toDF().columns());
        List<StructField> missing = Arrays.stream(Schemas.schemaOf(table).fields()).filter(f -> !present.contains(f.name())).toList();
        if (!missing.isEmpty()) {
            LOG.info("table {}: adding column(s) {} that this release's schema has", table,
                    missing.stream().map(StructField::name).toList());
            spark.sql("ALTER TABLE delta.`" + tablePath(table) + "` ADD COLUMNS ("
                    + String.join(", ", missing.stream().map(f -> "`" + f.name() + "` " + f.dataType().sql()).toList()) + ")");
        }
        return delta;
    }

    public Dataset<Row> read(SparkSession spark, String table) {
        return spark.read().format("delta").load(tablePath(table));
    }

    /** Whether the table has a committed version (a folder left by an interrupted creation is no table). */
    public boolean exists(SparkSession spark, String table) {
        return hasCommittedVersion(spark, table) && DeltaTable.isDeltaTable(spark, tablePath(table));
    }

    /**
     * Whether the table's log holds a committed version: version 0's commit file (one lookup, the
     * usual case), else any commit, checkpoint or {@code _last_checkpoint} (a table whose early
     * commits Delta's log clean-up removed).
     */
    private boolean hasCommittedVersion(SparkSession spark, String table) {
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(tablePath(table), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(new org.apache.hadoop.fs.Path(log, String.format("%020d.json", 0)))) {
                return true;
            }
            if (!fs.exists(log)) {
                return false;
            }
            return Arrays.stream(fs.listStatus(log)).map(st -> st.getPath().getName())
                    .anyMatch(name -> COMMITTED_LOG_FILE.matcher(name).matches());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of table " + table + " at " + log, e);
        }
    }

    /**
     * When the table's newest commit file was written (its modification time): a listing of the
     * table's log, no Spark job. {@link Instant#MIN} for a table without one.
     */
    public Instant lastCommitWritten(SparkSession spark, String table) {
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(tablePath(table), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return Arrays.stream(fs.listStatus(log)).filter(st -> COMMIT_FILE.matcher(st.getPath().getName()).matches())
                    .map(st -> Instant.ofEpochMilli(st.getModificationTime())).max(Instant::compareTo).orElse(Instant.MIN);
        } catch (FileNotFoundException e) {
            return Instant.MIN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of table " + table + " at " + log, e);
        }
    }

    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
    private static final Pattern COMMITTED_LOG_FILE =
            Pattern.compile("\\d{20}\\.(json|checkpoint.*\\.parquet)|_last_checkpoint");

    private void clearInterruptedCreation(SparkSession spark, String table) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(tablePath(table));
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(folder) && !hasCommittedVersion(spark, table)) {
                LOG.warn("table {}: {} holds no committed version (a creation interrupted before its first commit); "
                        + "removing it and creating the table again", table, folder);
                fs.delete(folder, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check table folder " + folder, e);
        }
    }

    /** The table, or an empty frame of its schema when nothing has been written to it yet (no police notice ever, ...). */
    public Dataset<Row> readOrEmpty(SparkSession spark, String table) {
        return exists(spark, table) ? read(spark, table) : spark.createDataFrame(List.of(), Schemas.schemaOf(table));
    }

    /**
     * Replaces the table's partition {@code day} with {@code rows}, conformed to the table's schema:
     * columns in schema order, the partition column set to {@code day}, atomic columns cast to the
     * table's types (arrays are taken as they are: a cast would trip on element nullability), a
     * schema column the rows lack written as null, and columns the rows have beyond the schema (a
     * features table's columns for other window lists) appended. Columns new to the table are added
     * to it (schema evolution); its earlier partitions read them as null.
     * Idempotent: a re-run replaces the same partition. Runs one Spark job (the write) and one Delta commit.
     */
    public void replacePartition(SparkSession spark, String table, LocalDate day, Dataset<Row> rows) {
        ensureTable(spark, table);
        overwrite(table, List.of(day), conform(table, rows.withColumn(Schemas.partitionColumnOf(table), lit(day))));
    }

    /**
     * Replaces the partitions {@code days} of the table with the union of {@code parts}, each part
     * conformed to the table's schema as in {@link #replacePartition} except that every row keeps
     * its own partition value, which must be one of {@code days} (Delta refuses the write
     * otherwise). A day of {@code days} without rows is emptied. For the day-state tables, whose
     * states of several days are written together: one Spark job and one Delta commit for all of
     * them, and all of them visible at once or not at all.
     */
    public void replacePartitions(SparkSession spark, String table, List<LocalDate> days, List<Dataset<Row>> parts) {
        if (days.isEmpty() || parts.isEmpty()) {
            throw new IllegalArgumentException(table + ": no day or no rows to replace (days " + days + ", " + parts.size() + " parts)");
        }
        ensureTable(spark, table);
        overwrite(table, days, parts.stream().map(p -> conform(table, p)).reduce(Dataset::unionByName).orElseThrow());
    }

    private void overwrite(String table, List<LocalDate> days, Dataset<Row> conformed) {
        String partition = Schemas.partitionColumnOf(table);
        String predicate = days.size() == 1 ? partition + " = DATE'" + days.get(0) + "'"
                : partition + " IN (" + String.join(", ", days.stream().map(d -> "DATE'" + d + "'").toList()) + ")";
        conformed.write().format("delta").mode("overwrite")
                .option("replaceWhere", predicate)
                .option("mergeSchema", "true")
                .save(tablePath(table));
    }

    /** {@code rows} in the table's schema: schema columns in order, cast, nulls for the missing, extra columns appended. */
    private static Dataset<Row> conform(String table, Dataset<Row> rows) {
        StructType schema = Schemas.schemaOf(table);
        Set<String> present = Set.of(rows.columns());
        List<Column> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            columns.add(!present.contains(f.name()) ? lit(null).cast(f.dataType()).as(f.name())
                    : f.dataType() instanceof ArrayType ? col(f.name())
                    : col(f.name()).cast(f.dataType()).as(f.name()));
        }
        Set<String> known = Set.of(schema.fieldNames());
        Arrays.stream(rows.columns()).filter(c -> !known.contains(c)).forEach(c -> columns.add(col(c)));
        return rows.select(columns.toArray(Column[]::new));
    }

    /**
     * Inserts the rows of {@code rows} whose key is not in the table yet (a Delta MERGE with
     * {@code whenNotMatched().insertAll()}), so a re-run adds nothing. {@code targetFilter} (on the
     * table's columns) prunes the partitions the key can be in; it must hold for every key of
     * {@code rows}. Returns the rows inserted, from the MERGE's own metrics. Cost: one join of
     * {@code rows} against the pruned partitions' keys, one Delta commit.
     */
    public long insertMissing(SparkSession spark, String table, Dataset<Row> rows, List<String> keyColumns, Column targetFilter) {
        ensureTable(spark, table);
        Column matches = keyColumns.stream().map(k -> col("t." + k).equalTo(col("s." + k)))
                .reduce(Column::and).orElseThrow(() -> new IllegalArgumentException("no key columns for " + table));
        Row metrics = DeltaTable.forPath(spark, tablePath(table)).as("t")
                .merge(rows.as("s"), targetFilter.and(matches))
                .whenNotMatched().insertAll()
                .execute().first();
        return metrics.getLong(metrics.fieldIndex("num_inserted_rows"));
    }

    /** Appends {@code rows} (already in the table's schema) to the table: one Delta commit. For logs, never for a day's data. */
    public void append(SparkSession spark, String table, Dataset<Row> rows) {
        ensureTable(spark, table);
        rows.write().format("delta").mode("append").save(tablePath(table));
    }

    /** Rows the table's last commit wrote, from its own metrics (no pass over the data). */
    public long rowsWrittenByLastCommit(SparkSession spark, String table) {
        Row last = DeltaTable.forPath(spark, tablePath(table)).history(1).select("operationMetrics").first();
        return Long.parseLong(last.<scala.collection.Map<String, String>>getAs(0).get("numOutputRows").getOrElse(() -> "0"));
    }

    /**
     * Writes (or overwrites) a whole file under the warehouse through Hadoop's file system, so the
     * same code writes to a local folder, HDFS or an object store. Driver-side, for small files
     * (run reports, exports, manifests). The content goes to a hidden file beside it first and is
     * renamed into place, so a run killed while writing leaves the old file or none, never half of one.
     */
    public void writeFile(SparkSession spark, String path, byte[] content) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(p.getParent(), "." + p.getName() + ".partial");
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(partial, true)) {
                out.write(content);
            }
            fs.delete(p, false);   // Hadoop's rename does not replace an existing file
            if (!fs.rename(partial, p)) {
                throw new IOException("rename of " + partial + " to " + p + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * Writes a hand-over file: like {@link #writeFile} (a hidden partial file renamed into place, so a reader never
     * sees half a file), with the given permission set before the rename, and without checksum side files: on a
     * checksummed file system (Hadoop's local one writes a {@code .crc} beside every file) the raw file system
     * underneath writes it, and a {@code .crc} an earlier export left beside the file is deleted. The people who
     * receive {@code exports/} see the hand-over files and nothing else.
     */
    public void writeHandoverFile(SparkSession spark, String path, byte[] content, FsPermission permission) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(p.getParent(), "." + p.getName() + ".partial");
        try {
            FileSystem checked = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileSystem fs = checked instanceof ChecksumFileSystem c ? c.getRawFileSystem() : checked;
            fs.mkdirs(p.getParent());
            try (FSDataOutputStream out = fs.create(partial, true)) {
                fs.setPermission(partial, permission);   // before a byte of content is in the file
                out.write(content);
            }
            // a local rename replaces the file in one step; where rename refuses an existing target (HDFS), delete first
            if (!fs.rename(partial, p)) {
                fs.delete(p, false);
                if (!fs.rename(partial, p)) {
                    throw new IOException("rename of " + partial + " to " + p + " failed");
                }
            }
            if (checked instanceof ChecksumFileSystem c) {
                fs.delete(c.getChecksumFile(p), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** A whole small file under the warehouse, or null when there is none. */
    public byte[] readFile(SparkSession spark, String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataInputStream in = fs.open(p)) {
                return in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Deletes a file under the warehouse; nothing when it is already gone. */
    public void deleteFile(SparkSession spark, String path) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try {
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public String toString() {
        return root;
    }
}
