package com.zhifang.benchmarks.cli;

import com.zhifang.benchmarks.FeaturesBenchmark;
import com.zhifang.benchmarks.IngestBenchmark;
import com.zhifang.benchmarks.NightlyBenchmark;
import com.zhifang.benchmarks.small.SmallNightlyBenchmark;
import com.zhifang.benchmarks.sichuan.SichuanBenchmark;
import com.zhifang.benchmarks.sichuan.SichuanReport;
import com.zhifang.jobs.cli.CliText;
import com.zhifang.jobs.cli.ResultsOutput;
import com.zhifang.jobs.cli.SparkOptions;
import com.zhifang.jobs.graph.GraphAction;
import com.zhifang.jobs.graph.GraphResult;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.testkit.generate.GeneratorSettings;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

/**
 * {@code zhifang benchmark <name>}: measurements taken in one run on this machine: the whole nightly
 * against the I/O floor, ingest throughput and reconciliation on generated data, the features stage against DuckDB, and the models on public
 * labelled data beside published results.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmarks: small (a small week's fixed cost), nightly (vs the I/O floor), ingest, features (vs DuckDB), graph, "
                + "sichuan (models on real labelled data).",
        subcommands = {BenchmarkCommand.Small.class, BenchmarkCommand.Nightly.class, BenchmarkCommand.Ingest.class, BenchmarkCommand.Features.class,
                BenchmarkCommand.Graph.class, BenchmarkCommand.Sichuan.class})
public final class BenchmarkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark name is required");
    }

    /** {@code zhifang benchmark sichuan --data DIR}: the 2020 Sichuan carrier data (features + call graph). */
    @Command(name = "sichuan", mixinStandardHelpOptions = true,
            description = "Sichuan telecom-fraud benchmark: file-order 60/20/20 split and stratified k-fold, AUC and F1.",
            footer = {"%nExample:%n  zhifang benchmark sichuan --data ../shared/benchmarks/sichuan --out sichuan.md", CliText.EXIT_CODES})
    public static final class Sichuan implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Sichuan.class);

        @Option(names = "--data", required = true, description = "Folder with features.csv.gz and edges.csv.gz.")
        Path data;

        @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for the folds and the first tree model; the ensemble's other members take the next seeds (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--neighbour-labels", description = "Also give the model each node's share of fraud among its "
                + "training-part neighbours, one and two hops away (off by default: it lowered macro F1 on the file's first 80 %%).")
        boolean neighbourLabels;

        @Option(names = "--refit", description = "Also measure each split with the training and validation parts used "
                + "together: the threshold from k-fold out-of-fold scores over both, then one fit on both "
                + "(k + 1 fits per ensemble member and split).")
        boolean refit;

        @Mixin
        ResultsOutput results;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws IOException {
            SichuanReport report;
            try (SparkSession spark = sparkOptions.open("zhifang benchmark sichuan")) {
                report = new SichuanBenchmark(spark).run(SichuanBenchmark.Settings.standard(data, folds, seed)
                        .withNeighbourLabels(neighbourLabels).withRefit(refit));
            }
            results.print(report.toMarkdown());
            LOG.info("benchmark sichuan done in {} s", report.seconds());
            return 0;
        }
    }

    /** {@code zhifang benchmark small}: a small landing zone's nightly, day by day and step by step, against its floor. */
    @Command(name = "small", mixinStandardHelpOptions = true,
            description = "Run a landing zone's days through the nightly in one JVM; per day and step print wall time, Spark jobs, "
                    + "Delta commits and time with no job running, beside a raw-files-to-Delta pass over the same files.",
            footer = {"%nExample:%n  zhifang benchmark small --landing sample-data/landing --work /tmp/bench-small", CliText.EXIT_CODES})
    public static final class Small implements Callable<Integer> {
        @Option(names = "--landing", required = true, description = "Landing zone root (one folder per day, YYYY-MM-DD).")
        Path landing;

        @Option(names = "--work", required = true, description = "Scratch folder, absent or empty (warehouse/ and floor/ are written there).")
        Path work;

        @Option(names = "--from", description = "First day (default: the landing zone's first day folder).")
        LocalDate from;

        @Option(names = "--to", description = "Last day (default: the landing zone's last day folder).")
        LocalDate to;

        @Mixin
        ResultsOutput results;

        @Mixin
        SparkOptions sparkOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<LocalDate> landed = landingDays(landing);
            if (landed.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--landing " + landing + " has no day folder (YYYY-MM-DD)");
            }
            LocalDate first = from != null ? from : landed.get(0);
            LocalDate last = to != null ? to : landed.get(landed.size() - 1);
            SmallNightlyBenchmark.Settings settings = new SmallNightlyBenchmark.Settings(landing.toAbsolutePath(), work,
                    NightlySettings.range(first, last));
            NightlyBenchmark.requireEmptyWork(work);
            SmallNightlyBenchmark.Result result;
            try (SparkSession spark = sparkOptions.open("zhifang benchmark small")) {
                result = SmallNightlyBenchmark.run(spark, settings, sparkOptions.carrierZone());
            }
            results.print(result.toMarkdown());
            return 0;
        }

        private static List<LocalDate> landingDays(Path landing) throws IOException {
            if (!Files.isDirectory(landing)) {
                return List.of();
            }
            try (Stream<Path> listing = Files.list(landing)) {
                return listing.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}"))
                        .map(LocalDate::parse).sorted().toList();
            }
        }
    }

    /** {@code zhifang benchmark nightly}: a generated history, then one day's whole nightly against the I/O floor. */
    @Command(name = "nightly", mixinStandardHelpOptions = true,
            description = "Generate history and one day, time the day's nightly per stage (records/s, task CPU, peak memory) "
                    + "against a plain raw-CSV-to-Delta pass over the same files.",
            footer = {"%nExample:%n  zhifang benchmark nightly --work /tmp/bench-nightly --subscribers 200000", CliText.EXIT_CODES})
    public static final class Nightly implements Callable<Integer> {
        @Option(names = "--work", required = true, description = "Scratch folder, absent or empty (landing/, warehouse/ and io-floor/ are written there).")
        Path work;

        @Option(names = "--subscribers", defaultValue = "930000",
                description = "Subscribers; about 11 voice and 4.3 SMS records each per day at this size "
                        + "(default: ${DEFAULT-VALUE}, ~10 M voice and ~4 M SMS).")
        int subscribers;

        @Option(names = "--history-days", defaultValue = "7",
                description = "Days before the measured one, ingested and featurised untimed (default: ${DEFAULT-VALUE}).")
        int historyDays;

        @Option(names = "--seed", defaultValue = "20261129", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        ResultsOutput results;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws IOException {
            NightlyBenchmark.Settings settings = new NightlyBenchmark.Settings(work, subscribers, historyDays, seed);
            NightlyBenchmark.requireEmptyWork(work);
            NightlyBenchmark.Result result;
            try (SparkSession spark = sparkOptions.open("zhifang benchmark nightly")) {
                result = NightlyBenchmark.run(spark, settings, sparkOptions.carrierZone());
            }
            results.print(result.toMarkdown());
            return 0;
        }
    }

    /** {@code zhifang benchmark ingest}: generate, ingest day by day, reconcile with the manifest, print rows/s. */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Generate a landing zone, ingest it day by day, reconcile with the generator's manifest, print throughput.",
            footer = {"%nExample:%n  zhifang benchmark ingest --work /tmp/bench-ingest --subscribers 20000 --days 3", CliText.EXIT_CODES})
    public static final class Ingest implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

        @Mixin
        GeneratedWeekOptions week;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws IOException {
            try (SparkSession spark = sparkOptions.open("zhifang benchmark ingest")) {
                IngestBenchmark.Result result = week.generateAndIngest(spark, sparkOptions.carrierZone());
                LOG.info("benchmark ingest ({} subscribers x {} days): {}", week.subscribers, week.days, result.summary());
                return result.mismatches().isEmpty() ? 0 : 1;
            }
        }
    }

    /** {@code zhifang benchmark features}: one generated day, Spark's daily per-number state vs DuckDB's. */
    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Time the features stage against DuckDB on the same Parquet day; print both wall times and the ratio.",
            footer = {"%nExample:%n  zhifang benchmark features --work /tmp/bench-features --subscribers 100000", CliText.EXIT_CODES})
    public static final class Features implements Callable<Integer> {
        @Option(names = "--work", required = true, description = "Scratch folder; its landing zone and Parquet are reused.")
        Path work;

        @Option(names = "--subscribers", defaultValue = "700000",
                description = "Subscribers of the generated day (~14.5 voice rows each; default: ${DEFAULT-VALUE} ~ 10 M rows).")
        int subscribers;

        @Mixin
        SparkOptions sparkOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = sparkOptions.open("zhifang benchmark features")) {
                spec.commandLine().getOut().print(FeaturesBenchmark.run(spark, work.toAbsolutePath(), subscribers));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** {@code zhifang benchmark graph}: generate and ingest a window, then time the graph stage on its last day. */
    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = "Generate a landing zone, ingest it, then time the graph stage on its last day over the whole window.",
            footer = {"%nExample:%n  zhifang benchmark graph --work /tmp/bench-graph --subscribers 20000", CliText.EXIT_CODES})
    public static final class Graph implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Graph.class);

        @Mixin
        GeneratedWeekOptions week;

        @Option(names = "--skip-ingest", description = "Reuse the warehouse already in --work (generated with the same options).")
        boolean skipIngest;

        @Mixin
        SparkOptions sparkOptions;

        @Override
        public Integer call() throws IOException {
            try (SparkSession spark = sparkOptions.open("zhifang benchmark graph")) {
                if (!skipIngest) {
                    IngestBenchmark.Result ingest = week.generateAndIngest(spark, sparkOptions.carrierZone());
                    LOG.info("benchmark graph: ingest: {}", ingest.summary());
                }
                LocalDate last = GeneratorSettings.builder(week.work.resolve("landing"))
                        .subscribers(week.subscribers).days(week.days).seed(week.seed).zone(sparkOptions.carrierZone()).build()
                        .startDate().plusDays(week.days - 1L);
                Warehouse warehouse = new Warehouse(week.work.resolve("warehouse").toString());
                GraphSettings settings = GraphSettings.defaults().withWindowDays(week.days);
                LOG.info("benchmark graph: edge day states of {} prepared, untimed",
                        GraphAction.prepareEarlierNights(spark, warehouse, last, settings));
                long start = System.nanoTime();
                GraphResult result = new GraphAction(spark, warehouse, last, settings).execute();
                double seconds = (System.nanoTime() - start) / 1e9;
                LOG.info("benchmark graph ({} subscribers x {} days, window ending {}): graph stage wall time {} s; {}",
                        week.subscribers, week.days, last, String.format("%.1f", seconds), result);
                return 0;
            }
        }
    }
}
