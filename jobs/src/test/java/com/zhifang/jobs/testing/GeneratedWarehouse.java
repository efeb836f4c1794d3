package com.zhifang.jobs.testing;

import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.testkit.generate.GeneratorResult;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import com.zhifang.testkit.generate.ManifestReconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small generated landing zone (300 subscribers, 2 days, known fraud in truth.csv; the testkit's
 * generator), ingested once per test JVM and shared by the test classes that need a realistic warehouse. The full
 * nightly of {@link #LAST_DAY} runs on request ({@link #withNightly()}), also once per JVM, so the
 * end-to-end test, the graph and training tests and the notebooks share one run instead of each
 * paying for its own (the most expensive part of the test suite).
 */
public final class GeneratedWarehouse {
    public static final int SUBSCRIBERS = 300;
    public static final int DAYS = 2;
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    public static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1L);

    /** The nightly's clock: the morning after {@link #LAST_DAY}, so run ids and model versions are fixed. */
    private static final Clock NIGHTLY_CLOCK = Clock.fixed(Instant.parse("2026-11-03T02:00:00Z"), ZoneOffset.UTC);

    private static GeneratedWarehouse instance;

    private final Path work;
    private final GeneratorResult generated;
    private final List<RunReport> ingestReports;
    private RunReport nightly;
    private List<String> nightlyJobDescriptions;

    private GeneratedWarehouse(Path work) throws IOException {
        this.work = work;
        GeneratorSettings generator = GeneratorSettings.builder(landing()).subscribers(SUBSCRIBERS).days(DAYS).seed(11L)
                .zone(SparkTestSession.CARRIER_ZONE).build();
        this.generated = new LandingZoneGenerator(generator).execute();
        this.ingestReports = new NightlyJob(SparkTestSession.get(), Clock.systemUTC()).run("ingest",
                new NightlySettings(landing().toString(), warehouse(), NightlySettings.range(FIRST_DAY, LAST_DAY),
                        SparkTestSession.CARRIER_ZONE), EnumSet.of(NightlyStage.INGEST));
    }

    public static synchronized GeneratedWarehouse get() {
        if (instance == null) {
            try {
                Path work = Files.createTempDirectory("zhifang-generated-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work), "zhifang-generated-cleanup"));
                instance = new GeneratedWarehouse(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * The report of {@code nightly} (every stage) for {@link #LAST_DAY}, run once per JVM on this
     * warehouse. Both days are already ingested, so its ingest stage is a re-run that finds day 2's
     * records already there; its features stage is the first, so it builds both days' states.
     */
    public synchronized RunReport withNightly() {
        if (nightly == null) {
            List<RunReport> reports = new ArrayList<>();
            nightlyJobDescriptions = JobDescriptionRecorder.record(SparkTestSession.get(), () -> reports.addAll(
                    new NightlyJob(SparkTestSession.get(), NIGHTLY_CLOCK).run("nightly",
                            new NightlySettings(landing().toString(), warehouse(), List.of(LAST_DAY), SparkTestSession.CARRIER_ZONE),
                            NightlyStage.nightly())));
            nightly = reports.get(reports.size() - 1);
        }
        return nightly;
    }

    /** The description of every Spark job the nightly of {@link #withNightly()} started, in start order. */
    public synchronized List<String> nightlyJobDescriptions() {
        withNightly();
        return nightlyJobDescriptions;
    }

    /** {@code deleteOnExit} removes only empty folders; this one holds a landing zone and a warehouse. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at JVM exit: a leftover temp folder is harmless.
        }
    }

    public Path landing() {
        return work.resolve("landing");
    }

    public Path truth() {
        return landing().resolve("truth.csv");
    }

    public Warehouse warehouse() {
        return new Warehouse(work.resolve("warehouse").toString());
    }

    /** What the generator wrote (rows per file in its manifest). */
    public GeneratorResult generated() {
        return generated;
    }

    /** The ingest runs of both days, in date order. */
    public List<RunReport> ingestReports() {
        return ingestReports;
    }

    /** Where the ingest reports and the generator's manifest disagree, one line each; empty when they agree. */
    public List<String> manifestMismatches() throws IOException {
        return ManifestReconciliation.compare(generated.manifestFile(),
                ingestReports.stream().flatMap(r -> r.files().stream()).toList());
    }
}
