package com.zhifang.benchmarks.cli;

import com.zhifang.benchmarks.IngestBenchmark;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

/** The generated landing zone a benchmark works on (picocli mixin of {@code benchmark ingest} and {@code benchmark graph}). */
public final class GeneratedWeekOptions {
    @Option(names = "--work", required = true, description = "Scratch folder (landing/ and warehouse/ are written there).")
    Path work;

    @Option(names = "--subscribers", defaultValue = "20000", description = "Subscribers (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--days", defaultValue = "7", description = "Days; for benchmark graph also the graph window (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "20261128", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Generates this landing zone and ingests it day by day ({@link IngestBenchmark}). */
    IngestBenchmark.Result generateAndIngest(SparkSession spark, ZoneId zone) throws IOException {
        return IngestBenchmark.run(spark, work, subscribers, days, seed, zone);
    }
}
