package com.zhifang.benchmarks.cli;

import com.zhifang.jobs.cli.CliText;
import com.zhifang.testkit.generate.GeneratorResult;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code zhifang generate}: a synthetic landing zone with known fraud, its truth file and manifest. No Spark. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic synthetic landing zone, truth.csv (labelled entities) and generator-manifest.json (what was written).",
        footer = {"%nExample:%n  zhifang generate --out /tmp/landing --subscribers 20000 --days 7 --seed 20261213", CliText.EXIT_CODES})
public final class GenerateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    @Option(names = "--out", required = true, description = "Landing zone root to write (<out>/<YYYY-MM-DD>/...).")
    Path out;

    @Option(names = "--subscribers", required = true, description = "Our subscribers in the population.")
    int subscribers;

    @Option(names = "--days", required = true, description = "Traffic days to write.")
    int days;

    @Option(names = "--seed", required = true, description = "Random seed; the same settings and seed give the same bytes.")
    long seed;

    @Option(names = "--start-date", description = "First traffic day (default: ${DEFAULT-VALUE}).", defaultValue = "2026-11-01")
    LocalDate startDate;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Carrier time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--plain", description = "Write voice and sms files uncompressed (default: .csv.gz).")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder(out).subscribers(subscribers).days(days).seed(seed)
                .startDate(startDate).zone(zone).gzip(!plain).build();
        long start = System.nanoTime();
        GeneratorResult result = new LandingZoneGenerator(settings).execute();
        LOG.info("generated {} rows ({} duplicates, {} malformed, {} late) in {} files, {} truth rows, in {} s: {}",
                result.totalRows(), result.duplicateRows(), result.malformedRows(), result.lateRows(),
                result.files().size(), result.truthRows(), (System.nanoTime() - start) / 1_000_000_000, out);
        return 0;
    }
}
