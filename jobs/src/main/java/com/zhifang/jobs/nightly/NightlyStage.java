package com.zhifang.jobs.nightly;

import com.zhifang.jobs.export.ExportAction;
import com.zhifang.jobs.export.ExportSettings;
import com.zhifang.jobs.features.FeaturesAction;
import com.zhifang.jobs.graph.GraphAction;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.ingest.IngestAction;
import com.zhifang.jobs.optimize.OptimizeAction;
import com.zhifang.jobs.score.ScoreAction;
import com.zhifang.jobs.stage.StageAction;
import com.zhifang.models.rules.RuleBook;
import com.zhifang.models.train.ModelRegistry;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.function.Function;

/**
 * The stages of a nightly run, in the order they run, each with the action that runs it for a day:
 * the one place a stage is wired to its settings. Adding a stage is adding a constant here.
 */
public enum NightlyStage {
    INGEST(d -> new IngestAction(d.spark(), d.settings().warehouse(), d.settings().landingRoot(), d.day(),
            d.settings().carrierZone(), d.runId(), IngestAction.DEFAULT_PARALLELISM)),
    /** Behaviour features of numbers, devices, trunks and port customers (needs the day ingested). */
    FEATURES(d -> new FeaturesAction(d.spark(), d.settings().warehouse(), d.day(), d.settings().windows())),
    /** Call-graph analytics over a window ending on the day (after features when present). */
    GRAPH(d -> new GraphAction(d.spark(), d.settings().warehouse(), d.day(), d.graphSettings())),
    /**
     * Detectors, model, ranking: the day's suspect list (needs the day's features; graph features when
     * present). The model is the newest approved for a date on or before D: a backfill never uses a
     * model that saw later labels.
     */
    SCORE(d -> new ScoreAction(d.spark(), d.settings().warehouse(), d.day(), d.rules(), Collections.max(d.settings().windows()),
            new ModelRegistry(d.spark(), d.settings().warehouse().modelsDir()).newestApproved(d.day()).orElse(null), d.runId())),
    /**
     * The day's hand-over files to exports/D/: the suspect list, the police suspension worklist and the 12321 feed,
     * each as csv and xlsx, and the manifest (needs the day scored).
     */
    EXPORT(d -> new ExportAction(d.spark(), d.settings().warehouse(), d.day(), d.runId(), d.exportSettings(),
            java.time.Clock.systemUTC())),
    /** Compacts and Z-orders the day's partitions of the big tables; optional ({@code nightly --optimize}, {@code optimize}). */
    OPTIMIZE(d -> new OptimizeAction(d.spark(), d.settings().warehouse(), d.day(), OptimizeAction.DEFAULT_LAYOUTS));

    /** What a stage's action is built from: the run's settings and the day's run id. */
    public record DayRun(SparkSession spark, NightlySettings settings, GraphSettings graphSettings, RuleBook rules,
                         ExportSettings exportSettings, LocalDate day, String runId) {}

    private final Function<DayRun, StageAction<?>> action;

    NightlyStage(Function<DayRun, StageAction<?>> action) {
        this.action = action;
    }

    /** The action that runs this stage for the day of {@code run}. */
    public StageAction<?> action(DayRun run) {
        return action.apply(run);
    }

    /** What {@code nightly} runs by default: every stage but {@link #OPTIMIZE}. */
    public static EnumSet<NightlyStage> nightly() {
        return EnumSet.range(INGEST, EXPORT);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
