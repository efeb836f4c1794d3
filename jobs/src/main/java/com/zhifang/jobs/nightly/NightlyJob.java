package com.zhifang.jobs.nightly;

import com.zhifang.features.ZhifangVersion;
import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.features.spark.ZhifangSessions;
import com.zhifang.jobs.export.ExportSettings;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.WarehouseLease;
import com.zhifang.jobs.run.RunIds;
import com.zhifang.jobs.run.RunRecorder;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.run.RunStatus;
import com.zhifang.jobs.stage.StageResult;
import com.zhifang.models.rules.RuleBook;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the chosen stages for each day in order, one run (and one run report) per day. The
 * {@code ingest} and {@code nightly} commands are this job with one or all stages; each stage is an
 * action built by {@link NightlyStage#action} and run through one loop, its result recorded in the report.
 *
 * <p>A day's report is written as {@code RUNNING} before its first write, again after each stage,
 * and recorded at the end whether the day succeeds or fails, so a killed run leaves a report that a
 * later run closes as {@code INTERRUPTED} ({@link RunRecorder}); a failure stops the range there,
 * so a backfill never skips a day silently. Every Delta commit of a day carries its run id. Each day and each stage logs a start and a finish line
 * with its elapsed time and main counts ({@code day 3/7 2026-11-03 features: 4,521 numbers, ... in 41.0 s}).
 * Before its stages, an embedded run of a day with a landing zone is fitted to the day's size
 * ({@link ZhifangSessions#fitToDay}: a small day without adaptive execution and generated code).
 */
public final class NightlyJob {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

    private final SparkSession spark;
    private final Clock clock;
    private final GraphSettings graphSettings;
    private final RuleBook rules;
    private ExportSettings exportSettings = ExportSettings.defaults();
    private final StageObserver observer;

    /**
     * Told when each step of a day begins, on the driver thread that runs it: each stage, then the
     * recording of the day's run report ({@link #RECORDING}), then the day's end. Benchmarks use it to
     * cut their counters at stage boundaries; the nightly itself does not need one.
     */
    public interface StageObserver {
        StageObserver NONE = new StageObserver() {
            @Override
            public void starting(LocalDate day, String step) {}

            @Override
            public void dayFinished(LocalDate day) {}
        };

        /** {@code step}: a stage's label, or {@link #RECORDING}. */
        void starting(LocalDate day, String step);

        void dayFinished(LocalDate day);
    }

    /** The step after a day's stages: its run report written to {@code runs/} and the run log. */
    public static final String RECORDING = "run report";

    /** Default graph settings and the built-in rules. */
    public NightlyJob(SparkSession spark, Clock clock) {
        this(spark, clock, GraphSettings.defaults(), RuleBook.defaults());
    }

    public NightlyJob(SparkSession spark, Clock clock, GraphSettings graphSettings, RuleBook rules) {
        this(spark, clock, graphSettings, rules, StageObserver.NONE);
    }

    public NightlyJob(SparkSession spark, Clock clock, GraphSettings graphSettings, RuleBook rules, StageObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.spark = Objects.requireNonNull(spark, "spark");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.graphSettings = Objects.requireNonNull(graphSettings, "graphSettings");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Uses these export settings (worklist limit, file mode) instead of the defaults; returns this job. */
    public NightlyJob withExportSettings(ExportSettings settings) {
        this.exportSettings = Objects.requireNonNull(settings, "exportSettings");
        return this;
    }

    /** Runs without a warehouse lease: for callers that own the warehouse alone (tests, benchmarks, notebooks). */
    public List<RunReport> run(String command, NightlySettings settings, Set<NightlyStage> stages) {
        return run(command, settings, stages, null, false);
    }

    /**
     * Runs holding {@code lease} (the commands): first closes the runs a kill left unfinished
     * ({@link RunRecorder#closeInterrupted}), then each day; before each stage the lease is checked
     * to be still this run's. With {@code resume}, a day whose latest run of {@code command} was
     * interrupted or failed skips the stages that run had done, up to the first it had not, and
     * runs the rest ({@link RunRecorder#doneStages}); the report names the run and the stages skipped.
     */
    public List<RunReport> run(String command, NightlySettings settings, Set<NightlyStage> stages, WarehouseLease lease,
                               boolean resume) {
        if (stages.contains(NightlyStage.INGEST) && settings.landingRoot() == null) {
            throw new IllegalArgumentException("ingest needs --landing");
        }
        if (lease != null) {
            RunRecorder.closeInterrupted(spark, settings.warehouse(), lease.holder().leaseId(), clock.instant());
        }
        List<RunReport> reports = new ArrayList<>();
        List<LocalDate> days = settings.days();
        for (int i = 0; i < days.size(); i++) {
            reports.add(runDay(command, settings, new DayOfRange(days.get(i), i + 1, days.size()), stages, lease, resume));
        }
        return reports;
    }

    /** A day and its place in the range, for progress lines ({@code day 3/7 2026-11-03}). */
    private record DayOfRange(LocalDate day, int number, int of) {
        @Override
        public String toString() {
            return "day " + number + "/" + of + " " + day;
        }
    }

    private RunReport runDay(String command, NightlySettings settings, DayOfRange day, Set<NightlyStage> stages,
                             WarehouseLease lease, boolean resume) {
        var started = clock.instant();
        long startNanos = System.nanoTime();
        String runId = RunIds.next(command, day.day(), started);
        RunReport report = new RunReport(runId, command, day.day(), started, Map.of("code", ZhifangVersion.code()));
        if (lease != null) {
            report.underLease(lease.holder().leaseId(), lease.tookOverFrom().map(WarehouseLease.Holder::describe).orElse(null));
        }
        LOG.info("{}: {} started (run {}, stages {})", day, command, runId, stages);
        if (settings.landingRoot() != null) {
            ZhifangSessions.fitToDay(spark, new Path(settings.landingRoot(), day.day().toString()).toString());
        }
        Optional<RunRecorder.DoneStages> done = resume ? RunRecorder.doneStages(spark, settings.warehouse(), command, day.day())
                : Optional.empty();
        if (resume) {
            LOG.info("{}: {}", day, done.map(d -> "resuming after run " + d.runId() + " (" + d.status() + "), which did " + d.stages())
                    .orElse("nothing to resume (the latest " + command + " of the day finished, or there is none); running every stage"));
        }
        RunRecorder.recordStart(spark, settings.warehouse(), report);
        // Every Delta commit of the run carries its id (Delta's commit user metadata), so what a run
        // wrote can be listed from the tables' histories, also after a kill.
        String previousCommitNote = spark.conf().getOption(COMMIT_USER_METADATA).getOrElse(() -> null);
        spark.conf().set(COMMIT_USER_METADATA, runId);
        try {
            boolean skipping = done.isPresent();
            for (NightlyStage stage : EnumSet.copyOf(stages)) {
                skipping = skipping && done.get().stages().contains(stage.label());
                if (skipping) {
                    LOG.info("{} {}: skipped, done by run {}", day, stage.label(), done.get().runId());
                    report.skipStage(stage.label(), done.get().runId());
                    continue;
                }
                if (lease != null) {
                    lease.ensureHeld();
                }
                runStage(stage, settings, day, report);
                RunRecorder.recordProgress(spark, settings.warehouse(), report);
            }
            report.reconcile();
            report.finish(clock.instant(), RunStatus.SUCCEEDED, null);
            return report;
        } catch (Exception e) {   // Spark throws its checked SparkException from Scala code
            RuntimeException failure = asRuntimeFailure(e);
            report.finish(clock.instant(), RunStatus.FAILED, failure.getMessage());
            throw failure;
        } finally {
            observer.starting(day.day(), RECORDING);
            RunRecorder.record(spark, settings.warehouse(), report);
            if (previousCommitNote == null) {
                spark.conf().unset(COMMIT_USER_METADATA);
            } else {
                spark.conf().set(COMMIT_USER_METADATA, previousCommitNote);
            }
            observer.dayFinished(day.day());
            LOG.info("{}: {} {} in {}\n{}", day, command, report.status(), seconds(System.nanoTime() - startNanos),
                    report.summary());
        }
    }

    /** Delta's setting for the user metadata of every commit the session makes. */
    static final String COMMIT_USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

    private void runStage(NightlyStage stage, NightlySettings settings, DayOfRange day, RunReport report) {
        LOG.info("{} {}: started", day, stage.label());
        observer.starting(day.day(), stage.label());
        long start = System.nanoTime();
        // The stage's label stays in place around its action, so jobs that Delta or a stage's helper
        // threads start outside the action's own steps still name the stage, the day and the run.
        JobLabels labels = new JobLabels(spark, "zhifang " + stage.label() + " " + day.day());
        StageResult result = labels.restoring(() -> {
            labels.step("run " + report.runId());
            return stage.action(new NightlyStage.DayRun(spark, settings, graphSettings, rules, exportSettings, day.day(), report.runId())).execute();
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        report.addStage(stage.label(), millis, result);
        LOG.info("{} {}: {} in {}", day, stage.label(), result.metrics().headline(), seconds(System.nanoTime() - start));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A landing file failure inside a Spark task comes back wrapped: unwrap it so the message names the file. */
    private static RuntimeException asRuntimeFailure(Exception e) {
        LandingFileException fileFailure = LandingFileException.findIn(e);
        if (fileFailure != null) {
            return fileFailure;
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }
}
