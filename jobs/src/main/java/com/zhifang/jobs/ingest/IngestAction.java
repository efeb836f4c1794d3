package com.zhifang.jobs.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.ingest.ContentHash;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.features.ingest.LandingDataset;
import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.features.ingest.LandingFileParser;
import com.zhifang.features.ingest.QuarantineReason;
import com.zhifang.features.ingest.RecordFate;
import com.zhifang.features.ingest.csv.CsvRecord;
import com.zhifang.features.ingest.csv.Rfc4180Reader;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.run.RunRecorder;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
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
 * {@code (day, record_id)}; snapshots replace their landing day's partition. A duplicate whose
 * content hash differs from the kept copy's is a conflicting duplicate: counted apart, and both
 * copies written to {@code quarantine} for review (not counted as quarantined). Every file's records
 * are then accounted for: read = accepted + duplicates + quarantined, where accepted is counted
 * back from the table by this run's id.
 *
 * <p>Cost per event dataset: one parse pass (cached; it computes each record's content hash); one
 * shuffle of the records' keys (record id, day, file, line, landing day, content hash) for their
 * join against the target's record ids and content hashes of the days present in the batch
 * (partition-pruned, usually D and D-1) and for the in-batch window; the MERGE (another such join,
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
 * duplicate, every quarantined line and review row already present).
 */
public final class IngestAction extends BaseStageAction<IngestResult> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestAction.class);
    private static final String BATCH_RANK = "_batch_rank";
    private static final String STORED = "_stored_";
    private static final String DUPLICATE = "_duplicate_";
    private static final String CONFLICTING = "_conflicting";
    private static final String BY_INTERRUPTED_RUN = "_by_interrupted_run";
    /** The copy a duplicate repeats, the one the table keeps: a struct of the {@code COPY_*} fields. */
    private static final String KEPT_COPY = "_kept_copy";
    private static final String COPY_HASH = "hash";
    private static final String COPY_STORED = "stored";
    private static final String COPY_DAY = "day";
    private static final String COPY_FILE = "file";
    private static final String COPY_LINE = "line";
    private static final String COPY_LANDING_DAY = "landing_day";
    private static final String KEPT = "_kept_";
    private static final String KEPT_FILE = KEPT + SOURCE_FILE;
    private static final String KEPT_LINE = KEPT + SOURCE_LINE;
    private static final String KEPT_LANDING_DAY = KEPT + LANDING_DAY;
    private static final String CONTENT = "_content";
    private static final String KEPT_CONTENT = KEPT + "content";
    private static final String LINE_FILE = "_line_file";
    private static final String LINE_NUMBER = "_line_number";
    private static final String DIFFERING = "_differing";
    private static final String DIFFERING_COPIES = "_differing_copies";
    private static final String DIFFERING_LINES = "_differing_lines";
    /** Differing copies a kept copy's review message names by file and line; the count says how many there are. */
    private static final int REVIEW_LINES_NAMED = 10;
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
    /** Runs the run log says were killed before they finished: rows they stored count as accepted, not as duplicates. */
    private Set<String> interruptedRuns = Set.of();

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
        interruptedRuns = RunRecorder.interruptedRunIds(spark, warehouse);
        // Created up front, one at a time: concurrent creation of one Delta table would conflict.
        filesByDataset.keySet().forEach(dataset -> warehouse.ensureTable(spark, dataset.table()));
        warehouse.ensureTable(spark, Tables.QUARANTINE);

        List<DatasetOutcome> outcomes = ingestConcurrently(filesByDataset, hadoopConf);
        try {
            List<Dataset<Row>> quarantines = outcomes.stream().flatMap(o -> o.quarantine().stream()).toList();
            if (!quarantines.isEmpty()) {
                labels.step(Tables.QUARANTINE);
                Set<Object> landingDays = new TreeSet<>(List.of(day));
                outcomes.forEach(o -> landingDays.addAll(o.quarantineLandingDays()));
                writeQuarantine(quarantines.stream().reduce(Dataset::unionByName).orElseThrow(), landingDays);
            }
        } finally {
            outcomes.forEach(o -> o.cached().forEach(Dataset::unpersist));
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

    /**
     * One dataset's counts; its rows for the quarantine table (quarantined lines, review rows of
     * conflicting duplicates) and the landing days other than the run's that the review rows name;
     * the cached frames to release once the quarantine is written.
     */
    private record DatasetOutcome(List<FileCounts> files, List<ReconciliationCheck> checks, List<Dataset<Row>> quarantine,
                                  Set<Object> quarantineLandingDays, List<Dataset<Row>> cached) {}

    private DatasetOutcome ingestDataset(LandingDataset dataset, List<String> paths, Map<String, String> hadoopConf) {
        LandingFileParser parser = new LandingFileParser(dataset, day, runId, carrierZone, hadoopConf);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(paths, paths.size())
                .flatMap(parser::parse);
        Dataset<Row> parsed = spark.createDataFrame(rows, LandingFileParser.parsedSchema(dataset))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> cached = new ArrayList<>(List.of(parsed));
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
            Map<String, Long> conflictingByFile = new HashMap<>();
            Map<String, Long> byInterruptedRunByFile = new HashMap<>();
            List<ReconciliationCheck> checks = new ArrayList<>();
            List<Dataset<Row>> quarantine = new ArrayList<>();
            if (!reasonsByFile.isEmpty()) {
                quarantine.add(quarantineRows(dataset, parsed));
            }
            Set<Object> reviewLandingDays = new TreeSet<>();
            Map<String, Long> acceptedByFile;
            if (dataset.kind() == LandingDataset.Kind.EVENT) {
                EventMerge merge = mergeEvents(dataset, accepted, acceptedRows, List.copyOf(acceptedDays), duplicatesByFile,
                        conflictingByFile, byInterruptedRunByFile, checks);
                acceptedByFile = merge.acceptedByFile();
                if (merge.reviewRows() != null) {
                    quarantine.add(merge.reviewRows());
                    reviewLandingDays.addAll(merge.reviewLandingDays());
                }
            } else {
                acceptedByFile = replaceSnapshot(dataset, accepted, duplicatesByFile);
            }
            List<FileCounts> files = new ArrayList<>();
            for (String file : paths) {
                files.add(new FileCounts(dataset.label(), file,
                        readByFile.getOrDefault(file, 0L),
                        acceptedByFile.getOrDefault(file, 0L),
                        duplicatesByFile.getOrDefault(file, 0L),
                        conflictingByFile.getOrDefault(file, 0L),
                        reasonsByFile.getOrDefault(file, Map.of()),
                        unusableOptionalNumbersByFile.getOrDefault(file, 0L),
                        byInterruptedRunByFile.getOrDefault(file, 0L)));
            }
            return new DatasetOutcome(files, checks, quarantine, reviewLandingDays, cached);
        } catch (RuntimeException e) {
            cached.forEach(Dataset::unpersist);
            throw e;
        }
    }

    /** What merging an event dataset gave: rows accepted per file, and the review rows of its conflicting duplicates. */
    private record EventMerge(Map<String, Long> acceptedByFile, Dataset<Row> reviewRows, Set<Object> reviewLandingDays) {}

    /**
     * Finds the duplicates and, among them, the conflicting ones; MERGEs the rest; returns rows
     * accepted per file as counted back from the table, and (when there are conflicts) the review
     * rows for the quarantine table, built and checkpointed before the MERGE.
     *
     * <p>Duplicates are found on the rows' keys alone (record id, day, file, line, landing day and
     * content hash: a few dozen bytes a row; of the stored copies record id, day and content hash),
     * and the file and line of each duplicate are then dropped from the parsed rows by a broadcast
     * anti join, so the whole records are never shuffled (a window over whole records shuffled and
     * sorted the whole day: {@code docs/measurements/2026-11-29-default-size-day-sessions-11-17.md}).
     * A batch with more duplicates than {@link #BROADCAST_DUPLICATES_UP_TO} (a day delivered twice)
     * takes a shuffled anti join instead.
     *
     * <p>Each duplicate is compared with the copy the table keeps for it: the copy stored in its own
     * day, if any; else the record id's first copy in the batch in (file, line) order, or the copy
     * stored in that one's day. It is conflicting when their content hashes differ. The stored
     * hashes come from their column (8 bytes a row; see {@link #storedHash}), so telling identical
     * re-deliveries from conflicting ones adds no pass over whole records; only conflicts, when
     * there are any, read whole records ({@link #reviewRows}).
     */
    private EventMerge mergeEvents(LandingDataset dataset, Dataset<Row> accepted, long acceptedRows, List<Object> days,
                                   Map<String, Long> duplicatesByFile, Map<String, Long> conflictingByFile,
                                   Map<String, Long> byInterruptedRunByFile, List<ReconciliationCheck> checks) {
        if (days.isEmpty()) {
            return new EventMerge(Map.of(), null, Set.of());
        }
        String table = dataset.table();
        String dayColumn = Schemas.partitionColumnOf(table);
        Column inBatchDays = col(dayColumn).isin(days.toArray());
        Dataset<Row> storedRows = warehouse.read(spark, table).filter(inBatchDays);
        // A stored copy from the same file and line, stored by a run that was killed, is this record
        // accepted before the kill: carried only when the run log has such runs (the run id, file
        // and line would widen the stored side for nothing otherwise).
        Column storedByInterruptedRun = interruptedRuns.isEmpty() ? lit(false)
                : col(INGEST_RUN_ID).isin(interruptedRuns.toArray()).and(col(INGEST_RUN_ID).isNotNull());
        Dataset<Row> stored = storedRows.select(col(RECORD_ID).as(STORED + RECORD_ID), col(dayColumn).as(STORED + dayColumn),
                storedHash(table, storedRows).as(STORED + CONTENT_HASH),
                (interruptedRuns.isEmpty() ? lit(null).cast("string") : when(storedByInterruptedRun, col(SOURCE_FILE)))
                        .as(STORED + SOURCE_FILE),
                (interruptedRuns.isEmpty() ? lit(null).cast("long") : when(storedByInterruptedRun, col(SOURCE_LINE)))
                        .as(STORED + SOURCE_LINE));
        WindowSpec byRecord = Window.partitionBy(RECORD_ID).orderBy(SOURCE_FILE, SOURCE_LINE);
        Column storedCopy = when(col(STORED + RECORD_ID).isNotNull(), keptCopy(col(STORED + CONTENT_HASH), true,
                col(STORED + dayColumn), lit(null).cast("string"), lit(null).cast("long"), lit(null).cast("date")));
        Column batchCopy = keptCopy(col(CONTENT_HASH), false, col(dayColumn), col(SOURCE_FILE), col(SOURCE_LINE), col(LANDING_DAY));
        Dataset<Row> duplicateLines = accepted.select(RECORD_ID, dayColumn, SOURCE_FILE, SOURCE_LINE, LANDING_DAY, CONTENT_HASH)
                .join(stored, col(RECORD_ID).equalTo(col(STORED + RECORD_ID))
                        .and(col(dayColumn).equalTo(col(STORED + dayColumn))), "left")
                .withColumn(KEPT_COPY, when(storedCopy.isNotNull(), storedCopy)
                        .when(row_number().over(byRecord).gt(1), first(coalesce(storedCopy, batchCopy)).over(byRecord)))
                .filter(col(KEPT_COPY).isNotNull())
                .select(col(RECORD_ID), col(dayColumn),
                        col(SOURCE_FILE).as(DUPLICATE + SOURCE_FILE), col(SOURCE_LINE).as(DUPLICATE + SOURCE_LINE),
                        col(LANDING_DAY).as(DUPLICATE + LANDING_DAY), col(KEPT_COPY),
                        col(KEPT_COPY).getField(COPY_HASH).notEqual(col(CONTENT_HASH)).as(CONFLICTING),
                        // Same line, same content: a line whose file was replaced since the kill is a conflicting duplicate.
                        coalesce(col(STORED + SOURCE_FILE).equalTo(col(SOURCE_FILE))
                                .and(col(STORED + SOURCE_LINE).equalTo(col(SOURCE_LINE)))
                                .and(col(KEPT_COPY).getField(COPY_HASH).equalTo(col(CONTENT_HASH))), lit(false))
                                .as(BY_INTERRUPTED_RUN))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long duplicates = 0;   // every line not inserted: duplicates, and lines an interrupted run stored
            long conflicting = 0;
            for (Row r : duplicateLines.groupBy(DUPLICATE + SOURCE_FILE)
                    .agg(count(lit(1)), sum(when(col(CONFLICTING), 1L).otherwise(0L)),
                            sum(when(col(BY_INTERRUPTED_RUN), 1L).otherwise(0L))).collectAsList()) {
                duplicatesByFile.merge(r.getString(0), r.getLong(1) - r.getLong(3), Long::sum);
                conflictingByFile.merge(r.getString(0), r.getLong(2), Long::sum);
                byInterruptedRunByFile.merge(r.getString(0), r.getLong(3), Long::sum);
                duplicates += r.getLong(1);
                conflicting += r.getLong(2);
            }
            Dataset<Row> reviewRows = null;
            Set<Object> reviewLandingDays = new TreeSet<>();
            if (conflicting > 0) {
                LOG.info("ingest {} {}: {} conflicting duplicate(s); they and the copies kept go to {} for review",
                        day, dataset.label(), conflicting, Tables.QUARANTINE);
                // Computed now, and cut from their lineage: they read the table as it is before the MERGE (which
                // copies are stored), and a cached frame would not do, since the MERGE re-caches the frames that
                // read its table, recomputing them from the table after it. The checkpoint's blocks live on the
                // executors like a cache and are released when the frame is no longer referenced.
                reviewRows = reviewRows(dataset, accepted, storedRows, duplicateLines.filter(col(CONFLICTING)), conflicting)
                        .localCheckpoint(true);
                reviewRows.select(LANDING_DAY).distinct().collectAsList().forEach(r -> reviewLandingDays.add(r.get(0)));
            }
            Dataset<Row> lines = duplicateLines.select(DUPLICATE + SOURCE_FILE, DUPLICATE + SOURCE_LINE);
            Dataset<Row> dropped = duplicates <= broadcastDuplicatesUpTo ? broadcast(lines) : lines;
            Dataset<Row> fresh = accepted.join(dropped, col(SOURCE_FILE).equalTo(col(DUPLICATE + SOURCE_FILE))
                            .and(col(SOURCE_LINE).equalTo(col(DUPLICATE + SOURCE_LINE))), "left_anti")
                    .select(columnsOf(dataset))
                    .coalesce(writeTasks(acceptedRows - duplicates, accepted.rdd().getNumPartitions()));
            long inserted = warehouse.insertMissing(spark, table, fresh, List.of(dayColumn, RECORD_ID),
                    col("t." + dayColumn).isin(days.toArray()));
            checks.add(new ReconciliationCheck(dataset.label() + ": rows inserted by MERGE = rows labelled new",
                    acceptedRows - duplicates, inserted));
            Map<String, Long> acceptedByFile = new HashMap<>(
                    countByFile(warehouse.read(spark, table).filter(inBatchDays.and(col(INGEST_RUN_ID).equalTo(runId)))));
            byInterruptedRunByFile.forEach((file, n) -> acceptedByFile.merge(file, n, Long::sum));
            return new EventMerge(acceptedByFile, reviewRows, reviewLandingDays);
        } finally {
            duplicateLines.unpersist();
        }
    }

    /**
     * The copy a duplicate is compared with: its content hash, whether an earlier run stored it, the
     * day partition it is in, and (for a copy of this batch) its file, line and landing day. A stored
     * copy's file and line are looked up only when it conflicts, so the stored side of the join
     * carries 8 bytes a row beyond its key.
     */
    private static Column keptCopy(Column hash, boolean stored, Column day, Column file, Column line, Column landingDay) {
        return struct(hash.as(COPY_HASH), lit(stored).as(COPY_STORED), day.as(COPY_DAY), file.as(COPY_FILE),
                line.as(COPY_LINE), landingDay.as(COPY_LANDING_DAY));
    }

    /**
     * The stored copies' {@code content_hash}. Rows stored before the column existed have none: while
     * the batch's days still hold such rows, theirs is computed from their columns, which reads
     * those days' whole rows. The check itself reads one column, and Delta's per-file null counts
     * let it skip every file written since.
     */
    private Column storedHash(String table, Dataset<Row> storedRows) {
        if (storedRows.filter(col(CONTENT_HASH).isNull()).isEmpty()) {
            return col(CONTENT_HASH);
        }
        LOG.info("ingest {} {}: the days of the batch hold rows stored without {}; hashing them from their columns",
                day, table, CONTENT_HASH);
        List<String> columns = Schemas.contentColumnsOf(table);
        UserDefinedFunction hashOf = udf((UDF1<Row, Long>) r -> ContentHash.of(columns, c -> r.<Object>getAs(c)), DataTypes.LongType);
        return coalesce(col(CONTENT_HASH), hashOf.apply(struct(columns.stream().map(c -> col(c)).toArray(Column[]::new))));
    }

    /**
     * Rows for the quarantine table that put each conflicting duplicate next to the copy kept, reason
     * {@code CONFLICTING_DUPLICATE}: one per conflicting copy ({@code counted_as} DUPLICATE, its
     * message naming the kept copy's file and line) and one per kept copy ({@code counted_as}
     * ACCEPTED, by this run or the earlier one that stored it; its message naming the differing
     * copies). {@code field} lists the content columns in which the two differ; {@code raw_line}
     * holds each copy's content as JSON: a copy stored by an earlier run may come from a file no
     * longer in the landing zone, so both are rendered from their columns alike.
     *
     * <p>Cost, only on a day with conflicts: joins of the conflicting lines against the parsed rows
     * (broadcast up to {@link #BROADCAST_DUPLICATES_UP_TO}) and, when a kept copy was stored by an
     * earlier run, a read of the whole rows of the day partitions holding such copies.
     */
    private Dataset<Row> reviewRows(LandingDataset dataset, Dataset<Row> accepted, Dataset<Row> storedRows,
                                    Dataset<Row> conflicts, long conflicting) {
        String table = dataset.table();
        String dayColumn = Schemas.partitionColumnOf(table);
        List<String> contentColumns = Schemas.contentColumnsOf(table);
        Column kept = col(KEPT_COPY);
        Column keptStored = kept.getField(COPY_STORED);

        // The content of the conflicting copies and of the kept copies of this batch: from the parse.
        Dataset<Row> batchLines = conflicts.select(col(DUPLICATE + SOURCE_FILE).as(LINE_FILE), col(DUPLICATE + SOURCE_LINE).as(LINE_NUMBER))
                .union(conflicts.filter(not(keptStored)).select(kept.getField(COPY_FILE), kept.getField(COPY_LINE)))
                .distinct();
        Dataset<Row> batchContent = accepted.join(conflicting <= broadcastDuplicatesUpTo ? broadcast(batchLines) : batchLines,
                        col(SOURCE_FILE).equalTo(col(LINE_FILE)).and(col(SOURCE_LINE).equalTo(col(LINE_NUMBER))), "left_semi")
                .select(col(SOURCE_FILE).as(LINE_FILE), col(SOURCE_LINE).as(LINE_NUMBER), contentOf(contentColumns));
        Dataset<Row> copies = conflicts
                .join(batchContent, col(DUPLICATE + SOURCE_FILE).equalTo(col(LINE_FILE))
                        .and(col(DUPLICATE + SOURCE_LINE).equalTo(col(LINE_NUMBER))))
                .drop(LINE_FILE, LINE_NUMBER);

        // The kept copies, with their lineage and content: of this batch from the parse, stored earlier from the table.
        Dataset<Row> keptInBatch = copies.filter(not(keptStored))
                .join(batchContent.withColumnRenamed(CONTENT, KEPT_CONTENT),
                        kept.getField(COPY_FILE).equalTo(col(LINE_FILE)).and(kept.getField(COPY_LINE).equalTo(col(LINE_NUMBER))))
                .withColumn(KEPT_FILE, col(LINE_FILE)).withColumn(KEPT_LINE, col(LINE_NUMBER))
                .withColumn(KEPT_LANDING_DAY, kept.getField(COPY_LANDING_DAY))
                .drop(LINE_FILE, LINE_NUMBER);
        Dataset<Row> pairs = keptInBatch;
        List<Object> storedKeptDays = conflicts.filter(keptStored).select(kept.getField(COPY_DAY)).distinct().collectAsList()
                .stream().map(r -> r.get(0)).toList();
        if (!storedKeptDays.isEmpty()) {
            Dataset<Row> storedKeys = conflicts.filter(keptStored)
                    .select(col(RECORD_ID).as(KEPT + RECORD_ID), kept.getField(COPY_DAY).as(KEPT + dayColumn)).distinct();
            Dataset<Row> keptEarlier = storedRows.filter(col(dayColumn).isin(storedKeptDays.toArray()))
                    .join(conflicting <= broadcastDuplicatesUpTo ? broadcast(storedKeys) : storedKeys,
                            col(RECORD_ID).equalTo(col(KEPT + RECORD_ID)).and(col(dayColumn).equalTo(col(KEPT + dayColumn))), "left_semi")
                    .select(col(RECORD_ID).as(KEPT + RECORD_ID), col(dayColumn).as(KEPT + dayColumn), col(SOURCE_FILE).as(KEPT_FILE),
                            col(SOURCE_LINE).as(KEPT_LINE), col(LANDING_DAY).as(KEPT_LANDING_DAY),
                            contentOf(contentColumns).as(KEPT_CONTENT));
            pairs = pairs.unionByName(copies.filter(keptStored)
                    .join(keptEarlier, col(RECORD_ID).equalTo(col(KEPT + RECORD_ID)).and(col(dayColumn).equalTo(col(KEPT + dayColumn))))
                    .drop(KEPT + RECORD_ID, KEPT + dayColumn));
        }
        pairs = pairs.withColumn(DIFFERING, array_compact(array(contentColumns.stream()
                .map(c -> when(not(col(CONTENT).getField(c).eqNullSafe(col(KEPT_CONTENT).getField(c))), lit(c)))
                .toArray(Column[]::new))));

        Column record = format_string("%s %s (%s %s)", lit(RECORD_ID), col(RECORD_ID), lit(dayColumn), col(dayColumn).cast("string"));
        Dataset<Row> conflictingCopies = pairs.select(col(DUPLICATE + LANDING_DAY).as(LANDING_DAY), lit(dataset.label()).as(DATASET),
                col(DUPLICATE + SOURCE_FILE).as(SOURCE_FILE), col(DUPLICATE + SOURCE_LINE).as(SOURCE_LINE),
                lit(QuarantineReason.CONFLICTING_DUPLICATE.name()).as(REASON), concat_ws(",", col(DIFFERING)).as(FIELD),
                format_string("%s differs in %s from the copy kept in %s, from %s line %d; counted as a duplicate, not stored",
                        record, concat_ws(", ", col(DIFFERING)), lit(table), col(KEPT_FILE), col(KEPT_LINE)).as(MESSAGE),
                asRawLine(col(CONTENT)).as(RAW_LINE), lit(runId).as(RUN_ID), col(RECORD_ID),
                lit(RecordFate.DUPLICATE.name()).as(COUNTED_AS));
        Dataset<Row> keptCopies = pairs
                .groupBy(col(KEPT_LANDING_DAY), col(KEPT_FILE), col(KEPT_LINE), col(RECORD_ID), col(dayColumn))
                .agg(first(asRawLine(col(KEPT_CONTENT))).as(RAW_LINE),
                        array_sort(array_distinct(flatten(collect_list(col(DIFFERING))))).as(DIFFERING),
                        count(lit(1)).as(DIFFERING_COPIES),
                        array_sort(collect_list(format_string("%s line %d", col(DUPLICATE + SOURCE_FILE), col(DUPLICATE + SOURCE_LINE))))
                                .as(DIFFERING_LINES))
                .select(col(KEPT_LANDING_DAY).as(LANDING_DAY), lit(dataset.label()).as(DATASET),
                        col(KEPT_FILE).as(SOURCE_FILE), col(KEPT_LINE).as(SOURCE_LINE),
                        lit(QuarantineReason.CONFLICTING_DUPLICATE.name()).as(REASON), concat_ws(",", col(DIFFERING)).as(FIELD),
                        format_string("%s: the copy kept in %s; %d cop(ies) differ in %s: %s", record, lit(table),
                                col(DIFFERING_COPIES), concat_ws(", ", col(DIFFERING)),
                                concat_ws("; ", slice(col(DIFFERING_LINES), 1, REVIEW_LINES_NAMED))).as(MESSAGE),
                        col(RAW_LINE), lit(runId).as(RUN_ID), col(RECORD_ID), lit(RecordFate.ACCEPTED.name()).as(COUNTED_AS));
        return conflictingCopies.unionByName(keptCopies);
    }

    /** An event's content columns as one struct, to compare two copies field by field and render them. */
    private static Column contentOf(List<String> contentColumns) {
        return struct(contentColumns.stream().map(c -> col(c)).toArray(Column[]::new)).as(CONTENT);
    }

    /** A copy's content as JSON for the quarantine's {@code raw_line}, cut like a landing line. */
    private static Column asRawLine(Column content) {
        return substring(to_json(content), 1, Rfc4180Reader.MAX_RAW_CHARS);
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
        Column landingDay = col(dataset.kind() == LandingDataset.Kind.EVENT ? LANDING_DAY : SNAPSHOT_DATE);
        return parsed.filter(col(LandingFileParser.QUARANTINE_REASON).isNotNull())
                .select(landingDay.as(LANDING_DAY), lit(dataset.label()).as(DATASET), col(SOURCE_FILE), col(SOURCE_LINE),
                        col(LandingFileParser.QUARANTINE_REASON).as(REASON),
                        col(LandingFileParser.QUARANTINE_FIELD).as(FIELD),
                        col(LandingFileParser.QUARANTINE_MESSAGE).as(MESSAGE),
                        col(LandingFileParser.QUARANTINE_RAW).as(RAW_LINE),
                        lit(runId).as(RUN_ID),
                        lit(null).cast("string").as(RECORD_ID),
                        lit(RecordFate.QUARANTINED.name()).as(COUNTED_AS));
    }

    /**
     * One MERGE for the whole day, keyed by file and line (a line has one row: it is either
     * quarantined or, as a copy of a conflicting duplicate, under review), so re-runs add nothing.
     * The target is pruned to the landing days of the rows: the run's, and those of kept copies that
     * earlier runs stored.
     */
    private void writeQuarantine(Dataset<Row> quarantine, Set<Object> landingDays) {
        warehouse.insertMissing(spark, Tables.QUARANTINE, quarantine, List.of(SOURCE_FILE, SOURCE_LINE),
                col("t." + LANDING_DAY).isin(landingDays.toArray()));
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
