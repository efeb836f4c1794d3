package com.zhifang.features.spark;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZhifangSessionsTest {
    private static final String COALESCE = "spark.sql.adaptive.coalescePartitions.enabled";

    /**
     * Partitions of the last step of a day-state assembly in miniature (two parts aggregated by key
     * separately, unioned, grouped again by key), as adaptive execution runs it: 150,000 rows, a
     * shuffle of a few hundred KB.
     */
    private static int assemblyPartitions(SparkSession spark) {
        Dataset<Row> rows = spark.range(0, 150_000).withColumn("key", col("id").mod(75_000));
        Dataset<Row> counts = rows.groupBy("key").agg(count("*").as("n"), lit(null).cast("long").as("total"));
        Dataset<Row> sums = rows.groupBy("key").agg(lit(null).cast("long").as("n"), sum("id").as("total"));
        return counts.unionByName(sums).groupBy("key").agg(first("n", true), first("total", true)).rdd().getNumPartitions();
    }

    @Test
    void embeddedRunsKeepEveryShufflePartitionSoHeavySmallShufflesUseEveryCore() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("false", spark.conf().get(ZhifangSessions.ADAPTIVE), "a small day: no adaptive execution");
        assertEquals("false", spark.conf().get(COALESCE), "nor its coalescing when a run turns it on");
        assertEquals(2, assemblyPartitions(spark), "local[2], 2 shuffle partitions: both cores");
        spark.conf().set(ZhifangSessions.ADAPTIVE, "true");
        try {
            assertEquals(2, assemblyPartitions(spark), "adaptive execution turned on keeps them");
            spark.conf().set(COALESCE, "true");
            assertEquals(1, assemblyPartitions(spark), "Spark's coalescing makes it one task");
        } finally {
            spark.conf().set(COALESCE, "false");
            spark.conf().set(ZhifangSessions.ADAPTIVE, "false");
        }
    }

    /** Embedded, the {@code file:} scheme is Hadoop's local file system without forked {@code chmod}s. */
    @Test
    void embeddedRunsUseTheLocalFileSystemThatDoesNotFork() throws Exception {
        SparkSession spark = SparkTestSession.get();
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.get(java.net.URI.create("file:///"),
                spark.sparkContext().hadoopConfiguration());
        assertTrue(fs instanceof NioLocalFileSystem, fs.getClass().getName());
    }

    /**
     * Tasks load classes (and compile generated code) with the application's class loader, not a
     * per-session loader that fetches unknown names from the driver over RPC.
     */
    @Test
    void tasksDoNotFetchClassesFromTheDriver() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("false", spark.conf().get(ZhifangSessions.ARTIFACT_ISOLATION));
        List<String> loaders = spark.range(0, 4, 1, 2)
                .mapPartitions((MapPartitionsFunction<Long, String>) rows ->
                        List.of(Thread.currentThread().getContextClassLoader().getClass().getName()).iterator(), Encoders.STRING())
                .collectAsList();
        assertEquals(2, loaders.size());
        loaders.forEach(loader -> assertFalse(loader.endsWith("ExecutorClassLoader"), loader));
    }

    /** What a task's {@code SQLConf.get} gives: whether two lookups return one object, and a session setting's value. */
    private static List<String> taskConf(SparkSession spark, String key) {
        return spark.range(0, 4, 1, 2)
                .mapPartitions((MapPartitionsFunction<Long, String>) rows -> {
                    SQLConf first = SQLConf.get();
                    return List.of((first == SQLConf.get()) + " " + first.getConfString(key, "unset")).iterator();
                }, Encoders.STRING())
                .collectAsList();
    }

    /**
     * Each task builds its SQL configuration once ({@link TaskSqlConfPlugin}); Spark 4.2 alone builds
     * a new one per lookup. The values are still the session's, as of the job that ran the task.
     */
    @Test
    void aTaskBuildsItsSqlConfigurationOnceAndSeesTheSessionsSettings() {
        SparkSession spark = SparkTestSession.get();
        assertTrue(TaskSqlConfPlugin.active());
        String key = "spark.sql.zhifang.test.marker";
        spark.conf().set(key, "first");
        try {
            assertEquals(List.of("true first", "true first"), taskConf(spark, key));
            spark.conf().set(key, "second");
            assertEquals(List.of("true second", "true second"), taskConf(spark, key), "no task keeps an earlier task's settings");
        } finally {
            spark.conf().unset(key);
        }
    }

    /**
     * Tasks find the types-framework switch set (to false, Spark's production value), so Spark 4.2
     * does not work out its default, an environment and system-property lookup, for every field of
     * every new object-aggregation buffer.
     */
    @Test
    void tasksSeeTheTypesFrameworkSwitchSet() {
        assertEquals(List.of("true false", "true false"), taskConf(SparkTestSession.get(), ZhifangSessions.TYPES_FRAMEWORK));
    }

    /** Cached intermediates are stored without per-batch dictionary and run-length encoding, which cost more CPU than they saved. */
    @Test
    void cachedFramesAreNotCompressed() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("false", spark.conf().get(ZhifangSessions.CACHE_COMPRESSED));
        assertFalse(spark.sessionState().conf().useCompression(), "the setting Spark's cache builder reads");
    }

    /** A small day runs without adaptive execution and generated code; a larger day after it gets Spark's defaults back. */
    @Test
    void aSmallDayRunsWithoutAdaptiveExecutionAndGeneratedCodeALargerOneWithSparksDefaults() {
        SparkSession session = SparkTestSession.get().newSession();
        SparkConf nothingFixed = new SparkConf(false);
        ZhifangSessions.applyDayProfile(session.conf(), nothingFixed, true);
        assertEquals("false", session.conf().get(ZhifangSessions.ADAPTIVE));
        assertEquals("false", session.conf().get(ZhifangSessions.WHOLE_STAGE_CODEGEN));
        assertEquals("NO_CODEGEN", session.conf().get(ZhifangSessions.CODEGEN_FACTORY));
        ZhifangSessions.applyDayProfile(session.conf(), nothingFixed, false);
        assertEquals("true", session.conf().get(ZhifangSessions.ADAPTIVE));
        assertEquals("true", session.conf().get(ZhifangSessions.WHOLE_STAGE_CODEGEN));
        assertEquals("FALLBACK", session.conf().get(ZhifangSessions.CODEGEN_FACTORY));
    }

    /** A key set for the session ({@code --conf}) keeps its value whatever the day's size; the others follow the day. */
    @Test
    void aKeySetForTheSessionIsNeverChanged() {
        SparkSession session = SparkTestSession.get().newSession();
        session.conf().set(ZhifangSessions.ADAPTIVE, "true");
        SparkConf adaptiveFixed = new SparkConf(false).set(ZhifangSessions.ADAPTIVE, "true");
        ZhifangSessions.applyDayProfile(session.conf(), adaptiveFixed, true);
        assertEquals("true", session.conf().get(ZhifangSessions.ADAPTIVE));
        assertEquals("false", session.conf().get(ZhifangSessions.WHOLE_STAGE_CODEGEN));
        SparkSession tests = SparkTestSession.get();   // sets all three keys for the session
        assertTrue(ZhifangSessions.fitToDay(tests, ZhifangSessions.SMALL_DAY_BYTES));
        assertFalse(ZhifangSessions.fitToDay(tests, ZhifangSessions.SMALL_DAY_BYTES + 1));
        assertFalse(ZhifangSessions.fitToDay(tests, -1), "a day of unknown size is left as it is");
        assertEquals("false", tests.conf().get(ZhifangSessions.ADAPTIVE));
        assertEquals("NO_CODEGEN", tests.conf().get(ZhifangSessions.CODEGEN_FACTORY));
    }

    /** The day's size is its landing folder's bytes; a folder that is not there leaves the session as it is. */
    @Test
    void aDayIsSizedByItsLandingFolder(@TempDir Path landing) throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path day = Files.createDirectories(landing.resolve("2026-11-07").resolve("voice"));
        Files.write(day.resolve("voice-1.csv.gz"), new byte[4096]);
        assertTrue(ZhifangSessions.fitToDay(spark, landing.resolve("2026-11-07").toString()));
        assertFalse(ZhifangSessions.fitToDay(spark, landing.resolve("2026-11-08").toString()));
    }
}
