package com.zhifang.jobs.cli;

import com.zhifang.jobs.bench.IngestBenchmark;
import com.zhifang.jobs.graph.GraphAction;
import com.zhifang.jobs.graph.GraphResult;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code zhifang bench ...}: benchmarks measured in one run on this machine (see scripts/bench-*). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (generate data, run, measure).",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Graph.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a benchmark name is required");
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Generate a landing zone, ingest it day by day, reconcile with the generator's manifest, print throughput.")
    static final class Ingest implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

        @Option(names = "--work", required = true, description = "Scratch folder (landing/ and warehouse/ are written there).")
        Path work;

        @Option(names = "--subscribers", defaultValue = "20000", description = "Subscribers (default: ${DEFAULT-VALUE}).")
        int subscribers;

        @Option(names = "--days", defaultValue = "7", description = "Days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "20261128", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = sparkOptions.open("zhifang bench ingest")) {
                IngestBenchmark.Result result = IngestBenchmark.run(spark, work, subscribers, days, seed, sparkOptions.carrierZone());
                LOG.info("bench ingest ({} subscribers x {} days): {}", subscribers, days, result.summary());
                return result.mismatches().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = "Generate a landing zone, ingest it, then time the graph stage on its last day over the whole window.")
    static final class Graph implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Graph.class);

        @Option(names = "--work", required = true, description = "Scratch folder (landing/ and warehouse/ are written there).")
        Path work;

        @Option(names = "--subscribers", defaultValue = "20000", description = "Subscribers (default: ${DEFAULT-VALUE}).")
        int subscribers;

        @Option(names = "--days", defaultValue = "7", description = "Days, also the graph window (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--seed", defaultValue = "20261128", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--skip-ingest", description = "Reuse the warehouse already in --work (generated with the same options).")
        boolean skipIngest;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = sparkOptions.open("zhifang bench graph")) {
                if (!skipIngest) {
                    IngestBenchmark.Result ingest = IngestBenchmark.run(spark, work, subscribers, days, seed, sparkOptions.carrierZone());
                    LOG.info("bench graph: ingest: {}", ingest.summary());
                }
                java.time.LocalDate last = com.zhifang.jobs.generate.GeneratorSettings.builder(work.resolve("landing"))
                        .subscribers(subscribers).days(days).seed(seed).zone(sparkOptions.carrierZone()).build()
                        .startDate().plusDays(days - 1L);
                long start = System.nanoTime();
                spark.sparkContext().setJobDescription("zhifang bench graph " + last);
                GraphResult result = new GraphAction(spark, new Warehouse(work.resolve("warehouse").toString()), last,
                        GraphSettings.defaults().withWindowDays(days)).execute();
                double seconds = (System.nanoTime() - start) / 1e9;
                LOG.info("bench graph ({} subscribers x {} days, window {} days ending {}): graph stage wall time {} s; {}",
                        subscribers, days, days, last, String.format("%.1f", seconds), result);
                return 0;
            }
        }
    }
}
