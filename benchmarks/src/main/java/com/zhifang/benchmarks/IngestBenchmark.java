package com.zhifang.benchmarks;

import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.testkit.generate.GeneratorResult;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import com.zhifang.testkit.generate.ManifestReconciliation;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * Generates a landing zone, ingests every day of it in order, and checks the run reports against
 * the generator's manifest. Measures ingest throughput (records read per second of ingest wall
 * time, generation excluded).
 */
public final class IngestBenchmark {
    /** What one benchmark run measured. */
    public record Result(long rowsWritten, long rowsRead, long accepted, long duplicates, long quarantined,
                         double generateSeconds, double ingestSeconds, List<String> mismatches) {
        public double rowsPerSecond() {
            return rowsRead / ingestSeconds;
        }

        public String summary() {
            return String.format("generated %d rows in %.1f s; ingested %d rows (%d accepted, %d duplicates, %d quarantined) "
                            + "in %.1f s = %.0f rows/s; manifest reconciliation: %s",
                    rowsWritten, generateSeconds, rowsRead, accepted, duplicates, quarantined, ingestSeconds, rowsPerSecond(),
                    mismatches.isEmpty() ? "exact" : mismatches.size() + " mismatch(es)\n  " + String.join("\n  ", mismatches));
        }
    }

    private IngestBenchmark() {}

    public static Result run(SparkSession spark, Path workDir, int subscribers, int days, long seed, ZoneId zone) throws IOException {
        Path landing = workDir.resolve("landing");
        long t0 = System.nanoTime();
        GeneratorSettings generatorSettings =
                GeneratorSettings.builder(landing).subscribers(subscribers).days(days).seed(seed).zone(zone).build();
        GeneratorResult generated = new LandingZoneGenerator(generatorSettings).execute();
        long t1 = System.nanoTime();
        LocalDate first = generatorSettings.startDate();
        NightlySettings settings = new NightlySettings(landing.toString(), new Warehouse(workDir.resolve("warehouse").toString()),
                NightlySettings.range(first, first.plusDays(days - 1L)), zone);
        List<RunReport> reports = new NightlyJob(spark, Clock.systemUTC()).run("ingest", settings, EnumSet.of(NightlyStage.INGEST));
        long t2 = System.nanoTime();
        List<String> mismatches = ManifestReconciliation.compare(generated.manifestFile(),
                reports.stream().flatMap(r -> r.files().stream()).toList());
        long[] sums = new long[4];
        reports.forEach(r -> r.files().forEach(f -> {
            sums[0] += f.read();
            sums[1] += f.accepted();
            sums[2] += f.duplicates();
            sums[3] += f.quarantined();
        }));
        return new Result(generated.totalRows(), sums[0], sums[1], sums[2], sums[3],
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, mismatches);
    }
}
