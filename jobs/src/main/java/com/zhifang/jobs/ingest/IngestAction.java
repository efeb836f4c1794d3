package com.zhifang.jobs.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.features.ingest.LandingDataset;
import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.features.ingest.LandingFileParser;
import com.zhifang.features.ingest.csv.CsvRecord;
import com.zhifang.features.ingest.csv.Rfc4180Reader;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import com.zhifang.jobs.stage.ReconciliationCheck;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Ingests one landing day ({@code <landing>/<D>/...}) into the warehouse's Delta tables.
 *
 * <p>Datasets run side by side on a few driver threads (see {@link #ingestConcurrently}). Per dataset: parse every file (one Spark task per file, see {@link LandingFileParser}) into
 * accepted and quarantined rows; the day's quarantined rows of all datasets are merged into
 * {@code quarantine} at the end, keyed by file and line; accepted events are labelled duplicates when their record id repeats within the batch
 * or already exists in the target partition of their own day, and the rest are MERGEd on
 * {@code (day, record_id)}; snapshots replace their landing day's partition. Every file's records
 * are then accounted for: read = accepted + duplicates + quarantined, where accepted is counted
 * back from the table by this run's id.
 *
 * <p>Cost per event dataset: one parse pass (cached); one shuffle of the records' keys (record id,
 * day, file, line) for the in-batch window and their join against the target's record ids of the
 * days present in the batch (partition-pruned, usually D and D-1); the MERGE (another such join,
 * against the source after a broadcast anti join drops the duplicate lines), written by a task per
 * {@link #ROWS_PER_FILE} new records, in parallel (the parsed partitions coalesced; Delta's
 * repartition before a MERGE's write is off, see {@link com.zhifang.features.spark.ZhifangSessions});
 * small aggregations. The whole records are not shuffled. Assumes a re-delivered record keeps its
 * start time, so its duplicate lives in the same day partition.
 *
 * <p>A file that cannot be read fails the task with a {@link LandingFileException};
 * {@link com.zhifang.jobs.nightly.NightlyJob} turns Spark's wrapping back into it.
 *
 * <p>Idempotent: re-running a day inserts nothing new into any table (every record is then a
 * duplicate, every quarantined line already present).
 */
public final class IngestAction extends BaseStageAction<IngestResult> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);
    private static final String BATCH_RANK = "_batch_rank";
    private static final String EXISTING = "_existing";
    private static final String DUPLICATE = "_duplicate_";
    /** Duplicate lines (file name and line: about 100 bytes each) broadcast to the anti join up to this many. */
    static final long BROADCAST_DUPLICATES_UP_TO = 500_000;
    /**
     * New records written per task and so per file (for the batch's main day): about 120 MB of
     * Parquet for voice records (60 bytes each). The parsed rows have one partition per landing
     * file, thousands a day from real switches, which would otherwise be as many small files.
     */
    static final long ROWS_PER_FILE = 2_000_000;

    private final String landingRoot;
    private final ZoneId carrierZone;
    private final String runId;
    private final int parallelism;
    private final long broadcastDuplicatesUpTo;
    private final long rowsPerFile;

    /** Datasets ingested side by side; more adds little on small clusters and only driver threads. */
    public static final int DEFAULT_PARALLELISM = 3;

    public IngestAction(SparkSession spark, Warehouse warehouse, String landingRoot, LocalDate day,
                        ZoneId carrierZone, String runId, int parallelism) {
        this(spark, warehouse, landingRoot, day, carrierZone, runId, parallelism, BROADCAST_DUPLICATES_UP_TO, ROWS_PER_FILE);
    }

    /** With other limits, so tests can take the shuffled anti join and write a small day with several tasks. */
    IngestAction(SparkSession spark, Warehouse warehouse, String landingRoot, LocalDate day,
                 ZoneId carrierZone, String runId, int parallelism, long broadcastDuplicatesUpTo, long rowsPerFile) {
        super("ingest", spark, warehouse, day);
        this.landingRoot = Objects.requireNonNull(landingRoot, "landingRoot");
        this.carrierZone = Objects.requireNonNull(carrierZone, "carrierZone");
        this.runId = Objects.requireNonNull(runId, "runId");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.broadcastDuplicatesUpTo = broadcastDuplicatesUpTo;
        if (rowsPerFile < 1) {
            throw new IllegalArgumentException("rowsPerFile must be at least 1, got " + rowsPerFile);
        }
        this.rowsPerFile = rowsPerFile;
    }

    @Override
    protected IngestResult run() {
        Map<String, String> hadoopConf = hadoopConf();
        Path dayDir = new Path(landingRoot, day.toString());
        FileSystem fs = fileSystem(dayDir);
        requireLandingRoot(fs);
        Map<LandingDataset, List<String>> filesByDataset = new EnumMap<>(LandingDataset.class);
        for (LandingDataset dataset : LandingDataset.values()) {
            List<String> paths = listFiles(fs, dayDir, dataset);
            if (!paths.isEmpty()) {
                checkHeaders(fs, dataset, paths);
                filesByDataset.put(dataset, paths);
            }
        }
        if (filesByDataset.isEmpty()) {
            // A day without files is allowed (the spec: even no traffic), but a missing day folder is
            // also what a wrong --landing path looks like, so say where it was looked for.
            if (exists(fs, dayDir)) {
                LOG.info("ingest {}: no landing files in {}", day, dayDir);
            } else {
                LOG.warn("ingest {}: no folder {} in the landing zone; nothing ingested for that day", day, dayDir);
            }
            return new IngestResult(List.of(), List.of());
        }
        // Created up front, one at a time: concurrent creation of one Delta table would conflict.
        filesByDataset.keySet().forEach(dataset -> warehouse.ensureTable(spark, dataset.table()));
        warehouse.ensureTable(spark, Tables.QUARANTINE);

        List<DatasetOutcome> outcomes = ingestConcurrently(filesByDataset, hadoopConf);
        try {
            List<Dataset<Row>> quarantines = outcomes.stream().map(DatasetOutcome::quarantine).filter(Objects::nonNull).toList();
            if (!quarantines.isEmpty()) {
                labels.step(Tables.QUARANTINE);
                writeQuarantine(quarantines.stream().reduce(Dataset::unionByName).orElseThrow());
            }
        } finally {
            outcomes.forEach(o -> o.parsed().unpersist());
        }
        List<FileCounts> files = new ArrayList<>();
        List<ReconciliationCheck> checks = new ArrayList<>();
        outcomes.forEach(o -> {
            files.addAll(o.files());
            checks.addAll(o.checks());
        });
        return new IngestResult(files, checks);
    }

    /**
     * Datasets are independent (different tables), and a small day's cost is mostly Spark and Delta
     * latency rather than CPU, so their pipelines run side by side on a few driver threads. Results
     * come back in dataset order; the first failure cancels the rest and is rethrown.
     */
    private List<DatasetOutcome> ingestConcurrently(Map<LandingDataset, List<String>> filesByDataset,
                                                    Map<String, String> hadoopConf) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, filesByDataset.size()), runnable -> {
            Thread thread = new Thread(runnable, "zhifang-ingest-" + day);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DatasetOutcome>> futures = new ArrayList<>();
            filesByDataset.forEach((dataset, paths) -> futures.add(pool.submit(() -> {
                LOG.info("ingest {} {}: {} file(s)", day, dataset.label(), paths.size());
                labels.step(dataset.label() + " (" + paths.size() + " files)");
                return ingestDataset(dataset, paths, hadoopConf);
            })));
            List<DatasetOutcome> outcomes = new ArrayList<>();
            for (Future<DatasetOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest of " + day + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One dataset's counts, its quarantined rows (null when none) and the cached parse to release. */
    private record DatasetOutcome(List<FileCounts> files, List<ReconciliationCheck> checks, Dataset<Row> quarantine,
                                  Dataset<Row> parsed) {}

    private DatasetOutcome ingestDataset(LandingDataset dataset, List<String> paths, Map<String, String> hadoopConf) {
        LandingFileParser parser = new LandingFileParser(dataset, day, runId, carrierZone, hadoopConf);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(paths, paths.size())
                .flatMap(parser::parse);
        Dataset<Row> parsed = spark.createDataFrame(rows, LandingFileParser.parsedSchema(dataset))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> readByFile = new HashMap<>();
            Map<String, Map<String, Long>> reasonsByFile = new HashMap<>();
            Map<String, Long> unusableOptionalNumbersByFile = new HashMap<>();
            Set<Object> acceptedDays = new TreeSet<>();
            long acceptedRows = 0;
            String dayColumn = Schemas.partitionColumnOf(dataset.table());
            for (Row r : parsed.groupBy(col(SOURCE_FILE), col(LandingFileParser.QUARANTINE_REASON), col(dayColumn))
                    .agg(count(lit(1)), sum(col(LandingFileParser.UNUSABLE_OPTIONAL_NUMBERS))).collectAsList()) {
                String file = r.getString(0);
                long n = r.getLong(3);
                readByFile.merge(file, n, Long::sum);
                if (!r.isNullAt(1)) {
                    reasonsByFile.computeIfAbsent(file, f -> new HashMap<>()).merge(r.getString(1), n, Long::sum);
                } else {
                    acceptedDays.add(r.get(2));
                    acceptedRows += n;
                    unusableOptionalNumbersByFile.merge(file, r.getLong(4), Long::sum);
                }
            }
            Dataset<Row> accepted = parsed.filter(col(LandingFileParser.QUARANTINE_REASON).isNull())
                    .select(columnsOf(dataset));
            Map<String, Long> duplicatesByFile = new HashMap<>();
            List<ReconciliationCheck> checks = new ArrayList<>();
            Map<String, Long> acceptedByFile = dataset.kind() == LandingDataset.Kind.EVENT
                    ? mergeEvents(dataset, accepted, acceptedRows, List.copyOf(acceptedDays), duplicatesByFile, checks)
                    : replaceSnapshot(dataset, accepted, duplicatesByFile);
            List<FileCounts> files = new ArrayList<>();
            for (String file : paths) {
                files.add(new FileCounts(dataset.label(), file,
                        readByFile.getOrDefault(file, 0L),
                        acceptedByFile.getOrDefault(file, 0L),
                        duplicatesByFile.getOrDefault(file, 0L),
                        reasonsByFile.getOrDefault(file, Map.of()),
                        unusableOptionalNumbersByFile.getOrDefault(file, 0L)));
            }
            return new DatasetOutcome(files, checks, reasonsByFile.isEmpty() ? null : quarantineRows(dataset, parsed), parsed);
        } catch (RuntimeException e) {
            parsed.unpersist();
            throw e;
        }
    }

    /**
     * Finds the duplicates, MERGEs the rest, returns rows accepted per file as counted back from the
     * table. Duplicates are found on the rows' keys alone (record id, day, file, line: a few dozen
     * bytes a row), and the file and line of each duplicate are then dropped from the parsed rows
     * by a broadcast anti join, so the whole records are never shuffled (a window over whole records
     * shuffled and sorted the whole day: {@code docs/measurements/2026-11-29-default-size-day-sessions-11-17.md}). A batch
     * with more duplicates than {@link #BROADCAST_DUPLICATES_UP_TO} (a day delivered twice) takes a
     * shuffled anti join instead.
     */
    private Map<String, Long> mergeEvents(LandingDataset dataset, Dataset<Row> accepted, long acceptedRows, List<Object> days,
                                          Map<String, Long> duplicatesByFile, List<ReconciliationCheck> checks) {
        if (days.isEmpty()) {
            return Map.of();
        }
        String table = dataset.table();
        String dayColumn = Schemas.partitionColumnOf(table);
        Column inBatchDays = col(dayColumn).isin(days.toArray());
        Dataset<Row> existing = warehouse.read(spark, table).filter(inBatchDays)
                .select(col(RECORD_ID).as(EXISTING + RECORD_ID), col(dayColumn).as(EXISTING + dayColumn));
        // The first occurrence in (file, line) order is kept; later ones, and any whose record id is
        // already stored in its own day, are duplicates.
        Dataset<Row> duplicateLines = accepted.select(RECORD_ID, dayColumn, SOURCE_FILE, SOURCE_LINE)
                .withColumn(BATCH_RANK, row_number().over(Window.partitionBy(RECORD_ID).orderBy(SOURCE_FILE, SOURCE_LINE)))
                .join(existing, col(RECORD_ID).equalTo(col(EXISTING + RECORD_ID))
                        .and(col(dayColumn).equalTo(col(EXISTING + dayColumn))), "left")
                .filter(col(BATCH_RANK).gt(1).or(col(EXISTING + RECORD_ID).isNotNull()))
                .select(col(SOURCE_FILE).as(DUPLICATE + SOURCE_FILE), col(SOURCE_LINE).as(DUPLICATE + SOURCE_LINE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long duplicates = 0;
            for (Row r : duplicateLines.groupBy(DUPLICATE + SOURCE_FILE).count().collectAsList()) {
                duplicatesByFile.merge(r.getString(0), r.getLong(1), Long::sum);
                duplicates += r.getLong(1);
            }
            Dataset<Row> dropped = duplicates <= broadcastDuplicatesUpTo ? broadcast(duplicateLines) : duplicateLines;
            Dataset<Row> fresh = accepted.join(dropped, col(SOURCE_FILE).equalTo(col(DUPLICATE + SOURCE_FILE))
                            .and(col(SOURCE_LINE).equalTo(col(DUPLICATE + SOURCE_LINE))), "left_anti")
                    .select(columnsOf(dataset))
                    .coalesce(writeTasks(acceptedRows - duplicates, accepted.rdd().getNumPartitions()));
            long inserted = warehouse.insertMissing(spark, table, fresh, List.of(dayColumn, RECORD_ID),
                    col("t." + dayColumn).isin(days.toArray()));
            checks.add(new ReconciliationCheck(dataset.label() + ": rows inserted by MERGE = rows labelled new",
                    acceptedRows - duplicates, inserted));
        } finally {
            duplicateLines.unpersist();
        }
        return countByFile(warehouse.read(spark, table).filter(inBatchDays.and(col(INGEST_RUN_ID).equalTo(runId))));
    }

    /**
     * Tasks that write the new records: one per {@link #rowsPerFile}; when that is at least the
     * cores, rounded up to a multiple of them so that none idles in the last round (a small batch of
     * late records stays one file); never more than the parsed partitions.
     */
    private int writeTasks(long rows, int parsedPartitions) {
        int cores = spark.sparkContext().defaultParallelism();
        long byRows = Math.max(1, (rows + rowsPerFile - 1) / rowsPerFile);
        long tasks = byRows < cores ? byRows : (byRows + cores - 1) / cores * cores;
        return (int) Math.max(1, Math.min(tasks, parsedPartitions));
    }

    /** Keeps one row per key, replaces the landing day's snapshot, returns rows accepted per file from the table. */
    private Map<String, Long> replaceSnapshot(LandingDataset dataset, Dataset<Row> accepted, Map<String, Long> duplicatesByFile) {
        Column[] key = dataset.keyColumns().stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> ranked = accepted
                .withColumn(BATCH_RANK, row_number().over(Window.partitionBy(key).orderBy(SOURCE_FILE, SOURCE_LINE)));
        for (Row r : ranked.filter(col(BATCH_RANK).gt(1)).groupBy(SOURCE_FILE).count().collectAsList()) {
            duplicatesByFile.put(r.getString(0), r.getLong(1));
        }
        warehouse.replacePartition(spark, dataset.table(), day, ranked.filter(col(BATCH_RANK).equalTo(1)).select(columnsOf(dataset)));
        return countByFile(warehouse.read(spark, dataset.table()).filter(col(SNAPSHOT_DATE).equalTo(lit(day))));
    }

    private Dataset<Row> quarantineRows(LandingDataset dataset, Dataset<Row> parsed) {
        return parsed.filter(col(LandingFileParser.QUARANTINE_REASON).isNotNull())
                .select(col(LANDING_DAY), lit(dataset.label()).as(DATASET), col(SOURCE_FILE), col(SOURCE_LINE),
                        col(LandingFileParser.QUARANTINE_REASON).as(REASON),
                        col(LandingFileParser.QUARANTINE_FIELD).as(FIELD),
                        col(LandingFileParser.QUARANTINE_MESSAGE).as(MESSAGE),
                        col(LandingFileParser.QUARANTINE_RAW).as(RAW_LINE),
                        lit(runId).as(RUN_ID));
    }

    /** One MERGE for the whole day, keyed by file and line, so re-runs add nothing. */
    private void writeQuarantine(Dataset<Row> quarantine) {
        warehouse.insertMissing(spark, Tables.QUARANTINE, quarantine, List.of(SOURCE_FILE, SOURCE_LINE),
                col("t." + LANDING_DAY).equalTo(lit(day)));
    }

    private static Map<String, Long> countByFile(Dataset<Row> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Row r : rows.groupBy(SOURCE_FILE).count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }

    private static Column[] columnsOf(LandingDataset dataset) {
        return Arrays.stream(dataset.tableSchema().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
    }

    /** Reads each file's header on the driver, so a file lacking required columns fails before any work. */
    private static void checkHeaders(FileSystem fs, LandingDataset dataset, List<String> paths) {
        for (String file : paths) {
            try (Rfc4180Reader reader = LandingFileParser.open(fs, new Path(file))) {
                CsvRecord header = reader.next();
                if (header == null || header.fields() == null) {
                    throw new LandingFileException(file, header == null ? "is empty: no header line (truncated?)"
                            : "header line is not valid CSV: " + header.quotingError());
                }
                LandingFileParser.columnIndex(dataset, file, header.fields());
            } catch (IOException e) {
                throw new LandingFileException(file, "cannot be read: " + e, e);
            }
        }
    }

    private static List<String> listFiles(FileSystem fs, Path dayDir, LandingDataset dataset) {
        Path dir = new Path(dayDir, dataset.folder());
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            List<String> files = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                if (status.isFile() && dataset.accepts(status.getPath().getName())) {
                    files.add(status.getPath().toString());
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new LandingFileException(dir.toString(), "folder cannot be listed: " + e, e);
        }
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new LandingFileException(path.toString(), "landing folder cannot be read: " + e, e);
        }
    }

    private void requireLandingRoot(FileSystem fs) {
        if (!exists(fs, new Path(landingRoot))) {
            throw new LandingFileException(landingRoot, "landing folder does not exist");
        }
    }

    private FileSystem fileSystem(Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> hadoopConf() {
        Map<String, String> conf = new HashMap<>();
        spark.sparkContext().hadoopConfiguration().iterator().forEachRemaining(e -> conf.put(e.getKey(), e.getValue()));
        return conf;
    }
}
