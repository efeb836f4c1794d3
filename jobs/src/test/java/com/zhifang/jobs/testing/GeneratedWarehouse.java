package com.zhifang.jobs.testing;

import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.bench.IngestBenchmark;
import com.zhifang.jobs.features.FeaturesAction;
import com.zhifang.jobs.io.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A small generated landing zone (300 subscribers, 2 days, known fraud in truth.csv), ingested
 * once per test JVM and shared by the test classes that need a realistic warehouse. Features of
 * {@link #LAST_DAY} are computed on request ({@link #withFeatures()}), also once per JVM.
 */
public final class GeneratedWarehouse {
    public static final int SUBSCRIBERS = 300;
    public static final int DAYS = 2;
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    public static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1L);

    private static GeneratedWarehouse instance;

    private final Path work;
    private final IngestBenchmark.Result ingest;
    private boolean featured;

    private GeneratedWarehouse(Path work, IngestBenchmark.Result ingest) {
        this.work = work;
        this.ingest = ingest;
    }

    public static synchronized GeneratedWarehouse get() {
        if (instance == null) {
            try {
                Path work = Files.createTempDirectory("zhifang-generated-");
                work.toFile().deleteOnExit();
                instance = new GeneratedWarehouse(work, IngestBenchmark.run(SparkTestSession.get(), work, SUBSCRIBERS, DAYS,
                        11L, SparkTestSession.CARRIER_ZONE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * This warehouse with {@code features_*} rows of {@link #LAST_DAY} (default windows); the day
     * states of both days are computed on the way. Computed once per JVM; the run is idempotent.
     */
    public synchronized GeneratedWarehouse withFeatures() {
        if (!featured) {
            new FeaturesAction(SparkTestSession.get(), warehouse(), LAST_DAY, FeatureSets.DEFAULT_WINDOWS).execute();
            featured = true;
        }
        return this;
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

    public IngestBenchmark.Result ingest() {
        return ingest;
    }
}
