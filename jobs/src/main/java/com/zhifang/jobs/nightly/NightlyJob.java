package com.zhifang.jobs.nightly;

import com.zhifang.features.ZhifangVersion;
import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.jobs.export.ExportAction;
import com.zhifang.jobs.export.ExportResult;
import com.zhifang.jobs.features.FeaturesAction;
import com.zhifang.jobs.features.FeaturesResult;
import com.zhifang.jobs.graph.GraphAction;
import com.zhifang.jobs.graph.GraphResult;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.ingest.IngestAction;
import com.zhifang.jobs.ingest.IngestResult;
import com.zhifang.jobs.optimize.OptimizeAction;
import com.zhifang.jobs.optimize.OptimizeResult;
import com.zhifang.jobs.run.RunIds;
import com.zhifang.jobs.run.RunRecorder;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.run.Stages;
import com.zhifang.jobs.score.ScoreAction;
import com.zhifang.jobs.score.ScoreResult;
import com.zhifang.models.rules.RuleBook;
import com.zhifang.models.train.ApprovedModel;
import com.zhifang.models.train.ModelRegistry;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the chosen stages for each day in order, one run (and one run report) per day. The
 * {@code ingest} and {@code nightly} commands are this job with one or all stages.
 *
 * <p>A day's report is recorded whether the day succeeds or fails; a failure stops the range there,
 * so a backfill never skips a day silently.
 */
public final class NightlyJob {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

    private final SparkSession spark;
    private final Clock clock;
    private final GraphSettings graphSettings;
    private final RuleBook rules;

    /** Default graph settings and the built-in rules. */
    public NightlyJob(SparkSession spark, Clock clock) {
        this(spark, clock, GraphSettings.defaults(), RuleBook.defaults());
    }

    public NightlyJob(SparkSession spark, Clock clock, GraphSettings graphSettings, RuleBook rules) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.graphSettings = Objects.requireNonNull(graphSettings, "graphSettings");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public List<RunReport> run(String command, NightlySettings settings, Set<NightlyStage> stages) {
        List<RunReport> reports = new ArrayList<>();
        for (LocalDate day : settings.days()) {
            reports.add(runDay(command, settings, day, stages));
        }
        return reports;
    }

    private RunReport runDay(String command, NightlySettings settings, LocalDate day, Set<NightlyStage> stages) {
        var started = clock.instant();
        String runId = RunIds.next(command, day, started);
        RunReport report = new RunReport(runId, command, day, started, Map.of("code", ZhifangVersion.code()));
        try {
            for (NightlyStage stage : EnumSet.copyOf(stages)) {
                runStage(stage, settings, day, report);
            }
            report.reconcile();
            report.finish(clock.instant(), "SUCCEEDED", null);
            return report;
        } catch (Exception e) {   // Spark throws its checked SparkException from Scala code
            RuntimeException failure = asRuntimeFailure(e);
            report.finish(clock.instant(), "FAILED", failure.getMessage());
            throw failure;
        } finally {
            RunRecorder.record(spark, settings.warehouse(), report);
            LOG.info("\n{}", report.summary());
        }
    }

    /** A landing file failure inside a Spark task comes back wrapped: unwrap it so the message names the file. */
    private static RuntimeException asRuntimeFailure(Exception e) {
        LandingFileException fileFailure = LandingFileException.findIn(e);
        if (fileFailure != null) {
            return fileFailure;
        }
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }

    private void runStage(NightlyStage stage, NightlySettings settings, LocalDate day, RunReport report) {
        switch (stage) {
            case INGEST -> {
                if (settings.landingRoot() == null) {
                    throw new IllegalArgumentException("ingest needs --landing");
                }
                IngestResult result = Stages.run(spark, report, stage.label(),
                        () -> new IngestAction(spark, settings.warehouse(), settings.landingRoot(), day,
                                settings.carrierZone(), report.runId(), IngestAction.DEFAULT_PARALLELISM).execute(),
                        IngestResult::accepted);
                report.addFiles(result.files());
                report.addChecks(result.checks());
            }
            case FEATURES -> {
                FeaturesResult result = Stages.run(spark, report, stage.label(),
                        () -> new FeaturesAction(spark, settings.warehouse(), day, settings.windows()).execute(),
                        FeaturesResult::rows);
                report.count("features.state days recomputed", result.stateDays().size());
                report.count("features.number rows", result.numbers());
                report.count("features.device rows", result.devices());
                report.count("features.trunk rows", result.trunks());
                report.count("features.port_customer rows", result.portCustomers());
            }
            case GRAPH -> {
                GraphResult result = Stages.run(spark, report, stage.label(),
                        () -> new GraphAction(spark, settings.warehouse(), day, graphSettings).execute(), GraphResult::numbers);
                report.count("graph.edge state days recomputed", result.stateDays().size());
                report.count("graph.call edges", result.callEdges());
                report.count("graph.seeds", result.seeds());
                report.count("graph.hubs excluded", result.hubs());
                report.count("graph.super-node cap (neighbours)", result.superNodeCap());
                report.count("graph.busy-callee cap (callers)", result.busyCalleeCap());
                report.count("graph.shared device/identity pairs", result.sharedPairs());
                report.count("graph.co-victim pairs", result.coVictimPairs());
                report.count("graph.numbers", result.numbers());
                report.count("graph.rings", result.rings());
                report.count("graph.ring members", result.ringMembers());
                report.count("graph.rings with seeds", result.seededRings());
                report.count("graph.devices", result.devices());
            }
            case SCORE -> {
                report.version("rules", rules.versionLabel());
                // The newest model approved for a date on or before D: a backfill never uses a model that saw later labels.
                ApprovedModel model = new ModelRegistry(spark, settings.warehouse().modelsDir()).newestApproved(day).orElse(null);
                report.version("model", model == null ? "none (rules only)" : model.version());
                ScoreResult result = Stages.run(spark, report, stage.label(),
                        () -> new ScoreAction(spark, settings.warehouse(), day, rules, Collections.max(settings.windows()), model,
                                report.runId()).execute(), ScoreResult::listed);
                result.byPattern().forEach((pattern, n) -> report.count("score.detections " + pattern, n));
                report.count("score.entities at or above the listing score", result.scored());
                report.count("score.allowlisted (kept off)", result.allowlisted());
                report.count("score.appeal-restored (kept off)", result.appealSuppressed());
                report.count("score.listed", result.listed());
                report.count("score.listed police-notified (flagged)", result.policeFlagged());
            }
            case EXPORT -> {
                ExportResult result = Stages.run(spark, report, stage.label(),
                        () -> new ExportAction(spark, settings.warehouse(), day, report.runId()).execute(), ExportResult::rows);
                report.count("export.rows", result.rows());
                LOG.info("export {}: {} (sha256 {})", day, result.csvPath(), result.sha256());
            }
            case OPTIMIZE -> {
                OptimizeResult result = Stages.run(spark, report, stage.label(),
                        () -> new OptimizeAction(spark, settings.warehouse(), day, OptimizeAction.DEFAULT_LAYOUTS).execute(),
                        OptimizeResult::filesAdded);
                result.tables().forEach(t -> report.count("optimize." + t.table() + " files rewritten", t.removed()));
                report.count("optimize.files written", result.filesAdded());
            }
        }
    }
}
