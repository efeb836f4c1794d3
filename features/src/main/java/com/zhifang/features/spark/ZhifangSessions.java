package com.zhifang.features.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that says how a Zhifang SparkSession is configured, used by the jobs' {@code main}
 * and by the test fixtures alike.
 *
 * <p>Always: Delta Lake's extension and catalog; java.time values for dates and timestamps (so a
 * day never shifts with the JVM's default zone); the carrier's zone as session time zone (so
 * {@code hour()} and {@code to_date()} give carrier-local values). Embedded (no master given by
 * spark-submit): {@code local[*]} bound to 127.0.0.1, few shuffle partitions (twice the cores),
 * kept as they are (no coalescing), small Delta log snapshots, and per day no adaptive execution
 * and no generated code for a small day ({@link #fitToDay}). Anything set with {@code --conf} or
 * {@code extraConf} wins over these defaults.
 *
 * <p>Why no session artifact isolation (Spark 4 turns it on by default): it is for Spark Connect
 * servers that host many users' sessions with their own jars. Zhifang runs one session per JVM and
 * ships one jar. With isolation on, every task runs under a class loader that asks the driver, over
 * RPC, for each class it cannot find locally, and generated code is compiled in tasks by Janino,
 * which probes many names that are not classes: a round trip each. With isolation off, small runs
 * use noticeably less task CPU ({@code docs/measurements/2026-11-29-small-day-fixed-cost.md}).
 *
 * <p>Why a plugin ({@link TaskSqlConfPlugin}): Spark 4.2 rebuilds its SQL configuration on
 * executors for every field of every aggregation buffer; the plugin keeps one per task.
 *
 * <p>Why {@code spark.sql.types.framework.enabled} is set to its production value, false: Spark
 * 4.2 reads it for every field of every new object-aggregation buffer (the sketch and count-map
 * aggregations make one per key), and when it is not set, its default is worked out each time by
 * looking up an environment variable and a system property ("are we in Spark's own tests?").
 * Setting it removes those lookups from every buffer creation
 * ({@code docs/measurements/2026-11-29-features-stage-profiles.md}).
 *
 * <p>Why cached frames are not compressed ({@code spark.sql.inMemoryColumnarStorage.compressed}
 * false): the stages persist a few intermediates each (the parsed landing rows, the labelled
 * batch, the graph's edge lists), every one read a few times and dropped within the stage. To
 * compress them Spark builds, for every column of every 10,000-row batch, a hash map of its
 * values to try dictionary and run-length encoding, which costs more CPU than the caches save
 * ({@code docs/measurements/2026-11-29-default-size-day-sessions-11-17.md}); the caches take more
 * memory and spill to disk past it (they are {@code MEMORY_AND_DISK}).
 *
 * <p>Why Delta's repartition before a MERGE's write is off
 * ({@code spark.databricks.delta.merge.repartitionBeforeWrite.enabled} false): it shuffles the rows
 * to insert by the table's partition columns, so all of a day's records go to one task. Zhifang's
 * MERGEs insert one landing day's records, nearly all of them into one traffic day, so one task
 * would write the whole day while the other cores idle (on a cluster, a province's day). Off, every write task writes its share: a file per task
 * and day, so a few small files in the days of late records ({@code zhifang optimize --date} of
 * such a day compacts them). Ingest chooses its write tasks by volume.
 *
 * <p>Why a small day runs without adaptive execution ({@code spark.sql.adaptive.enabled} false,
 * {@link #fitToDay}): adaptive execution runs every shuffle stage of a query as a Spark job of its
 * own and re-plans the rest of the query after each; on a small day, where a stage's tasks take
 * milliseconds, that per-stage driver work is most of the cost. Without it a query is one job. On
 * the sample week it cut the Spark jobs of a night by about a third
 * ({@code docs/measurements/2026-12-07-fixed-cost.md}). What it would bring there: joins are
 * planned from Delta's statistics, which are exact for the small tables broadcast, and there is
 * no skew to split on two cores. A larger day, and a cluster, keep Spark's default (on).
 *
 * <p>Why no coalescing when embedded (for days above the small-day size, which run with adaptive
 * execution): adaptive execution merges small shuffle partitions by bytes.
 * The day states' shuffles are small in bytes (sparse rows, narrow rows) but heavy per row
 * (histogram and sketch merges), and the state assembly groups a union of already-partitioned
 * parts; on a few cores both ended as one task running on one core for minutes
 * ({@code docs/measurements/2026-11-29-nightly-benchmark-three-sizes.md}), even with a 64 KB floor. With twice the cores as partitions, every core stays
 * busy and an empty partition costs milliseconds. On a cluster Spark's defaults stay: there
 * coalescing saves hundreds of near-empty tasks.
 *
 * <p>Why Hadoop's local file system is replaced when embedded ({@link NioLocalFileSystem}): without
 * Hadoop's native library it forks a {@code chmod} process for every file and folder it creates.
 */
public final class ZhifangSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ZhifangSessions.class);
    static final String ARTIFACT_ISOLATION = "spark.sql.artifact.isolation.enabled";
    static final String TYPES_FRAMEWORK = "spark.sql.types.framework.enabled";
    static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";
    static final String MERGE_REPARTITION = "spark.databricks.delta.merge.repartitionBeforeWrite.enabled";
    static final String LOCAL_FILE_SYSTEM = "spark.hadoop.fs.file.impl";
    static final String ADAPTIVE = "spark.sql.adaptive.enabled";
    static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
    static final String CODEGEN_FACTORY = "spark.sql.codegen.factoryMode";
    /** How an embedded session runs a small day ({@link #fitToDay}). */
    static final Map<String, String> SMALL_DAY = Map.of(
            ADAPTIVE, "false",
            WHOLE_STAGE_CODEGEN, "false",
            CODEGEN_FACTORY, "NO_CODEGEN");
    /**
     * The landing bytes (gzipped CSV, 35 to 50 bytes a record) of the largest day an embedded run
     * runs as a small day: about 350,000 records. Measured on generated 20,000-subscriber
     * days: at 13 MB the nightly took 17 % less time interpreted, at 18 MB 6.5 % less, but its
     * features stage (the heaviest aggregations) already 9 % more; larger days are nearer the
     * crossover ({@code docs/measurements/2026-12-07-fixed-cost.md}).
     */
    public static final long SMALL_DAY_BYTES = 16L * 1024 * 1024;

    private ZhifangSessions() {}

    public static SparkSession open(String appName, String master, ZoneId carrierZone, boolean uiEnabled,
                                    Map<String, String> extraConf) {
        SparkConf submitted = new SparkConf(true);   // picks up spark-submit's spark.* system properties
        String effectiveMaster = master != null ? master
                : submitted.contains("spark.master") ? submitted.get("spark.master") : "local[*]";
        boolean local = effectiveMaster.startsWith("local");
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(effectiveMaster)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", carrierZone.getId());
        setIfAbsent(builder, submitted, ARTIFACT_ISOLATION, "false");
        setIfAbsent(builder, submitted, "spark.plugins", TaskSqlConfPlugin.class.getName());
        setIfAbsent(builder, submitted, TYPES_FRAMEWORK, "false");
        setIfAbsent(builder, submitted, CACHE_COMPRESSED, "false");
        setIfAbsent(builder, submitted, MERGE_REPARTITION, "false");
        if (local) {
            int cores = Runtime.getRuntime().availableProcessors();
            setIfAbsent(builder, submitted, "spark.driver.host", "127.0.0.1");
            setIfAbsent(builder, submitted, "spark.driver.bindAddress", "127.0.0.1");
            setIfAbsent(builder, submitted, "spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores)));
            setIfAbsent(builder, submitted, "spark.databricks.delta.snapshotPartitions", "4");
            setIfAbsent(builder, submitted, "spark.sql.adaptive.coalescePartitions.enabled", "false");
            setIfAbsent(builder, submitted, "spark.ui.enabled", String.valueOf(uiEnabled));
            setIfAbsent(builder, submitted, "spark.ui.showConsoleProgress", "false");
            setIfAbsent(builder, submitted, LOCAL_FILE_SYSTEM, NioLocalFileSystem.class.getName());
        }
        extraConf.forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * Fits an embedded session to the day it is about to run. A small day, whose landing files hold
     * at most {@link #SMALL_DAY_BYTES}, runs as {@link #SMALL_DAY} says: no adaptive execution (see
     * the class comment) and no generated code (no whole-stage code generation, expressions
     * evaluated by their interpreted forms); a larger day gets Spark's defaults back. Left as it is
     * on a cluster and when the day's size is unknown ({@code landingBytes < 0}); a key set for the
     * session ({@code --conf}) is never changed.
     *
     * <p>Why no generated code on a small day: Spark compiles generated code for every query, and
     * the dates a night's queries filter on are constants in that code, so each night compiles
     * anew. On a small day compiling is most of the tasks' time (Janino, then the JIT); interpreted,
     * a sample day ran in about three quarters of the time
     * ({@code docs/measurements/2026-12-07-fixed-cost.md}). On a large day generated code pays for
     * its compilation many times over.
     *
     * @return whether the day runs as a small day
     */
    static boolean fitToDay(SparkSession spark, long landingBytes) {
        if (!spark.sparkContext().isLocal() || landingBytes < 0) {
            return false;
        }
        boolean small = landingBytes <= SMALL_DAY_BYTES;
        applyDayProfile(spark.conf(), spark.sparkContext().getConf(), small);
        return small;
    }

    /**
     * {@link #fitToDay(SparkSession, long)} for the day whose landing files are under
     * {@code landingDayFolder} (any Hadoop file system), logging the choice; a folder that does not
     * exist or cannot be read leaves the session as it is.
     *
     * @return whether the day runs as a small day
     */
    public static boolean fitToDay(SparkSession spark, String landingDayFolder) {
        if (!spark.sparkContext().isLocal()) {
            return false;
        }
        Path folder = new Path(landingDayFolder);
        long bytes;
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            bytes = fs.exists(folder) ? fs.getContentSummary(folder).getLength() : -1;
        } catch (IOException e) {
            LOG.warn("size of {} unknown, Spark settings left as they are: {}", folder, e.toString());
            return false;
        }
        boolean small = fitToDay(spark, bytes);
        if (bytes >= 0) {
            LOG.info("{}: {} bytes of landing files, {}", folder, String.format(Locale.ROOT, "%,d", bytes),
                    small ? "runs as a small day (no adaptive execution, no generated code)"
                            : "runs with Spark's adaptive execution and generated code");
        }
        return small;
    }

    /** Sets {@link #SMALL_DAY}'s values, or puts Spark's defaults back, for every key not fixed for the session. */
    static void applyDayProfile(RuntimeConfig conf, SparkConf fixed, boolean small) {
        SMALL_DAY.forEach((key, value) -> {
            if (!fixed.contains(key)) {
                if (small) {
                    conf.set(key, value);
                } else {
                    conf.unset(key);
                }
            }
        });
    }

    private static void setIfAbsent(SparkSession.Builder builder, SparkConf submitted, String key, String value) {
        if (!submitted.contains(key)) {
            builder.config(key, value);
        }
    }
}
