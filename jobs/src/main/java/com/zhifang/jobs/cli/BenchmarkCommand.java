package com.zhifang.jobs.cli;

import com.zhifang.models.benchmark.sichuan.SichuanBenchmark;
import com.zhifang.models.benchmark.sichuan.SichuanReport;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code zhifang benchmark <name>}: measure the models on public labelled data, beside published results. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure the fraud models on a public benchmark and print the results table.",
        subcommands = {BenchmarkCommand.Sichuan.class})
public final class BenchmarkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark name is required");
    }

    /** {@code zhifang benchmark sichuan --data DIR}: the 2020 Sichuan carrier data (features + call graph). */
    @Command(name = "sichuan", mixinStandardHelpOptions = true,
            description = "Sichuan telecom-fraud benchmark: file-order 60/20/20 split and stratified k-fold, AUC and F1.")
    public static final class Sichuan implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Sichuan.class);

        @Option(names = "--data", required = true, description = "Folder with features.csv.gz and edges.csv.gz.")
        Path data;

        @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "42", description = "Seed for folds and trees (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", description = "Also write the results table (markdown) to this file.")
        Path out;

        @Mixin
        SparkOptions sparkOptions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            SichuanReport report;
            try (SparkSession spark = sparkOptions.open("zhifang benchmark sichuan")) {
                report = new SichuanBenchmark(spark).run(SichuanBenchmark.Settings.standard(data, folds, seed));
            }
            String table = report.toMarkdown();
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
            if (out != null) {
                Files.writeString(out, table, StandardCharsets.UTF_8);
                LOG.info("results table written to {}", out);
            }
            LOG.info("benchmark sichuan done in {} s", report.seconds());
            return 0;
        }
    }
}
