package com.zhifang.benchmarks;

import com.zhifang.features.ingest.LandingDataset;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.features.spark.ZhifangSessions;
import com.zhifang.jobs.graph.GraphAction;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.run.StageRun;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code scripts/bench}: the whole nightly of one generated day, stage by stage, against the I/O
 * floor measured in the same JVM on the same files.
 *
 * <ol>
 *   <li>Generates {@code historyDays + 1} days of one generated world (untimed).</li>
 *   <li>Prepares the history (untimed): ingest and features of every day before the measured one,
 *       and the graph's edge day states of the days in the measured day's window, so the measured
 *       day's features and graph read stored day states and a real window, exactly as a nightly
 *       does.</li>
 *   <li>The I/O floor: every landing file of the measured day read as plain CSV (header, all
 *       strings, no parsing or validation) and written to Delta, one table per dataset.</li>
 *   <li>The measured day's nightly: ingest, features, graph, score, export, one stage at a time
 *       (each its own run report), with wall time, rows/s (the day's landing records per second
 *       of stage time), Spark tasks' CPU time and peak memory per stage.</li>
 * </ol>
 *
 * <p>Made for embedded (local-mode) runs, where the driver JVM is the whole of Spark, so its peak
 * heap and peak resident set are the run's peak memory. Under {@code spark-submit} (workers must
 * see the work folder at the same path: the landing zone is written with local file I/O) the
 * memory columns describe the driver only; executors' peaks are in Spark's executor metrics.
 * A benchmark, not a test: it prints, it asserts nothing.
 */
public final class NightlyBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyBenchmark.class);

    /**
     * What to generate and measure. {@code subscribers}: the generator writes about 11 voice and 4.3
     * SMS records per subscriber and day at 100,000-300,000 subscribers (more per subscriber in small
     * worlds, where its fixed set of heavy lines weighs more).
     */
    public record Settings(Path work, int subscribers, int historyDays, long seed) {
        public Settings {
            Objects.requireNonNull(work, "work");
            if (subscribers < 100) {
                throw new IllegalArgumentException("--subscribers must be at least 100, got " + subscribers);
            }
            if (historyDays < 0) {
                throw new IllegalArgumentException("--history-days must be 0 or more, got " + historyDays);
            }
        }
    }

    /** One measured stage: wall time, Spark tasks' CPU time, the rows it reports, and the JVM's peaks while it ran. */
    public record StageMeasure(String stage, double seconds, double taskCpuSeconds, Long outputRows, long peakHeapBytes,
                               long peakRssBytes) {}

    /** The whole measurement. {@code dayRecords}: landing records of the measured day (all datasets, as read by ingest). */
    public record Result(Settings settings, LocalDate day, long dayRecords, long voiceRecords, long smsRecords,
                         double historySeconds, double floorSeconds, double floorTaskCpuSeconds, List<StageMeasure> stages) {
        public double nightlySeconds() {
            return stages.stream().mapToDouble(StageMeasure::seconds).sum();
        }

        public double nightlyTaskCpuSeconds() {
            return stages.stream().mapToDouble(StageMeasure::taskCpuSeconds).sum();
        }

        public String toMarkdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "bench: nightly of %s: %,d landing records (%,d voice, %,d sms); %,d subscribers, "
                            + "%d history day(s) prepared in %.0f s; %d cores, heap max %,d MB%n%n",
                    day, dayRecords, voiceRecords, smsRecords, settings.subscribers(), settings.historyDays(), historySeconds,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
            out.append("| stage | wall s | records/s | task CPU s | output rows | peak heap MB | peak RSS MB |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (StageMeasure s : stages) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %.1f | %s | %,d | %s |%n", s.stage(), s.seconds(),
                        dayRecords / s.seconds(), s.taskCpuSeconds(), s.outputRows() == null ? "" : String.format(Locale.ROOT, "%,d", s.outputRows()),
                        s.peakHeapBytes() >> 20, s.peakRssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", s.peakRssBytes() >> 20)));
            }
            out.append(String.format(Locale.ROOT, "| **nightly** | **%.1f** | %,.0f | %.1f | | | |%n", nightlySeconds(),
                    dayRecords / nightlySeconds(), nightlyTaskCpuSeconds()));
            out.append(String.format(Locale.ROOT, "| I/O floor (raw CSV -> Delta) | %.1f | %,.0f | %.1f | | | |%n%n", floorSeconds,
                    dayRecords / floorSeconds, floorTaskCpuSeconds));
            out.append(String.format(Locale.ROOT, "nightly / I/O floor = %.1fx wall (target: 3x), %.1fx task CPU%n",
                    nightlySeconds() / floorSeconds, nightlyTaskCpuSeconds() / floorTaskCpuSeconds));
            return out.toString();
        }
    }

    private NightlyBenchmark() {}

    public static Result run(SparkSession spark, Settings settings, ZoneId zone) throws IOException {
        Path work = settings.work().toAbsolutePath();
        requireEmptyWork(work);
        Path landing = work.resolve("landing");
        Warehouse warehouse = new Warehouse(work.resolve("warehouse").toString());
        GeneratorSettings generator = GeneratorSettings.builder(landing).subscribers(settings.subscribers())
                .days(settings.historyDays() + 1).seed(settings.seed()).zone(zone).build();
        LocalDate day = generator.startDate().plusDays(settings.historyDays());
        new LandingZoneGenerator(generator).execute();

        NightlyJob nightly = new NightlyJob(spark, Clock.systemUTC());
        long historyStart = System.nanoTime();
        if (settings.historyDays() > 0) {
            LOG.info("bench: preparing {} history day(s) (ingest + features), untimed", settings.historyDays());
            nightly.run("bench-history", new NightlySettings(landing.toString(), warehouse,
                    NightlySettings.range(generator.startDate(), day.minusDays(1)), zone), EnumSet.of(NightlyStage.INGEST, NightlyStage.FEATURES));
            // The graph stage of those nights is skipped, but not the edge states it would have stored.
            LOG.info("bench: edge day states of {} prepared", GraphAction.prepareEarlierNights(spark, warehouse, day, GraphSettings.defaults()));
        }
        double historySeconds = seconds(historyStart);

        TaskCpu taskCpu = TaskCpu.register(spark.sparkContext());
        double floorSeconds;
        double floorCpu;
        List<StageMeasure> stages = new ArrayList<>();
        long[] records = new long[3];
        try {
            taskCpu.reset();
            floorSeconds = ioFloor(spark, landing.resolve(day.toString()), work.resolve("io-floor"));
            floorCpu = taskCpu.seconds();
            LOG.info("bench: I/O floor {} s, task CPU {} s", floorSeconds, floorCpu);

            NightlySettings measured = new NightlySettings(landing.toString(), warehouse, List.of(day), zone);
            for (NightlyStage stage : NightlyStage.nightly()) {
                JvmPeaks.reset();
                taskCpu.reset();
                RunReport report = nightly.run("bench", measured, EnumSet.of(stage)).get(0);
                StageRun timing = report.stages().get(0);
                // The stage's first (headline) metric: rows read, numbers featurised, numbers in the graph, listed, exported.
                long rows = timing.metrics().values().iterator().next();
                stages.add(new StageMeasure(stage.label(), timing.wallMillis() / 1000.0, taskCpu.seconds(), rows,
                        JvmPeaks.heapBytes(), JvmPeaks.residentBytes()));
                LOG.info("bench: {} {} s", stage.label(), timing.wallMillis() / 1000.0);
                if (stage == NightlyStage.INGEST) {
                    report.files().forEach(f -> {
                        records[0] += f.read();
                        if (f.dataset().equals(LandingDataset.VOICE.label())) {
                            records[1] += f.read();
                        } else if (f.dataset().equals(LandingDataset.SMS.label())) {
                            records[2] += f.read();
                        }
                    });
                }
            }
        } finally {
            spark.sparkContext().removeSparkListener(taskCpu);
        }
        Result result = new Result(settings, day, records[0], records[1], records[2], historySeconds, floorSeconds, floorCpu, stages);
        Files.writeString(work.resolve("bench-result.md"), result.toMarkdown());
        return result;
    }

    /**
     * The floor a nightly cannot beat: the day's landing files read as plain CSV (strings, no
     * schema inference, no validation) and written to Delta, one table per dataset, the datasets
     * one after another. Same files, same JVM, same settings as the nightly (as a small day or
     * not, as the nightly runs the day: {@link ZhifangSessions#fitToDay}).
     */
    public static double ioFloor(SparkSession spark, Path landingDay, Path out) {
        ZhifangSessions.fitToDay(spark, landingDay.toString());
        long start = System.nanoTime();
        JobLabels labels = new JobLabels(spark, "bench");
        labels.restoring(() -> {
            labels.step("I/O floor (raw CSV -> Delta)");
            for (LandingDataset dataset : LandingDataset.values()) {
                List<String> files = filesOf(landingDay, dataset);
                if (!files.isEmpty()) {
                    spark.read().option("header", "true").csv(files.toArray(String[]::new))
                            .write().format("delta").mode("overwrite").save(out.resolve(dataset.label()).toString());
                }
            }
            return null;
        });
        return seconds(start);
    }

    /** Checked before Spark starts: a reused folder would mix an earlier run's tables into this one's timings. */
    public static void requireEmptyWork(Path work) throws IOException {
        if (Files.isDirectory(work)) {
            try (Stream<Path> listing = Files.list(work)) {
                if (listing.findAny().isPresent()) {
                    throw new IllegalArgumentException("--work " + work + " is not empty: give a new or empty folder");
                }
            }
        } else if (Files.exists(work)) {
            throw new IllegalArgumentException("--work " + work + " is a file, not a folder");
        }
    }

    private static List<String> filesOf(Path landingDay, LandingDataset dataset) {
        Path folder = landingDay.resolve(dataset.folder());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> dataset.accepts(p.getFileName().toString())).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
