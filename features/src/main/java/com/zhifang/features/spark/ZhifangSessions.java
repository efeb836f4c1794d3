package com.zhifang.features.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.time.ZoneId;
import java.util.Map;

/**
 * The one place that says how a Zhifang SparkSession is configured, used by the jobs' {@code main}
 * and by the test fixtures alike.
 *
 * <p>Always: Delta Lake's extension and catalog; java.time values for dates and timestamps (so a
 * day never shifts with the JVM's default zone); the carrier's zone as session time zone (so
 * {@code hour()} and {@code to_date()} give carrier-local values). Embedded (no master given by
 * spark-submit): {@code local[*]} bound to 127.0.0.1, few shuffle partitions, small Delta log
 * snapshots, and shuffle partitions coalesced down to {@value #EMBEDDED_MIN_PARTITION_SIZE} rather
 * than Spark's 1 MB. Anything set with {@code --conf} or {@code extraConf} wins over these defaults.
 *
 * <p>Why the smaller coalescing floor: adaptive execution merges shuffle partitions by bytes, at
 * least 1 MB each. The states' shuffles are small in bytes (sparse rows, narrow rows) but heavy per
 * row (histogram and sketch merges), so on a few cores a 1.5 MB shuffle became one task that ran on
 * one core for minutes (measured in docs/scaling.md). With a small floor the target is the shuffle's
 * size over the cores, so such a stage keeps every core busy; tiny shuffles stay one partition. On
 * a cluster, Spark's default stays: there the cores are many and the same floor would scatter tiny
 * shuffles over hundreds of tasks.
 */
public final class ZhifangSessions {
    static final String EMBEDDED_MIN_PARTITION_SIZE = "64k";

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
                .config("spark.sql.session.timeZone", carrierZone.getId())
                .config("spark.sql.adaptive.enabled", "true");
        if (local) {
            int cores = Runtime.getRuntime().availableProcessors();
            setIfAbsent(builder, submitted, "spark.driver.host", "127.0.0.1");
            setIfAbsent(builder, submitted, "spark.driver.bindAddress", "127.0.0.1");
            setIfAbsent(builder, submitted, "spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores)));
            setIfAbsent(builder, submitted, "spark.databricks.delta.snapshotPartitions", "4");
            setIfAbsent(builder, submitted, "spark.sql.adaptive.coalescePartitions.minPartitionSize", EMBEDDED_MIN_PARTITION_SIZE);
            setIfAbsent(builder, submitted, "spark.ui.enabled", String.valueOf(uiEnabled));
            setIfAbsent(builder, submitted, "spark.ui.showConsoleProgress", "false");
        }
        extraConf.forEach(builder::config);
        return builder.getOrCreate();
    }

    private static void setIfAbsent(SparkSession.Builder builder, SparkConf submitted, String key, String value) {
        if (!submitted.contains(key)) {
            builder.config(key, value);
        }
    }
}
