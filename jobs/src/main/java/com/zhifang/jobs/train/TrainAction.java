package com.zhifang.jobs.train;

import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import com.zhifang.models.train.Labels;
import com.zhifang.models.train.ModelCard;
import com.zhifang.models.train.ModelRegistry;
import com.zhifang.models.train.ModelTrainer;
import com.zhifang.models.train.TrainSettings;
import com.zhifang.models.train.TrainingReport;
import com.zhifang.models.train.TrainingRows;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import static com.zhifang.features.schema.FeatureColumns.FEATURE_DATE;
import static com.zhifang.features.schema.GraphColumns.GRAPH_DATE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The training stage for day D: labels as of D ({@link Labels}), training rows from the
 * {@code features_number} rows of {@code D - lookback + 1 .. D} with the {@code graph_features_number}
 * rows of the same dates ({@link TrainingRows}), gradient-boosted trees
 * ({@link ModelTrainer}), and a new version under {@code <warehouse>/models/} ({@link ModelRegistry}),
 * approved or not.
 *
 * <p>Refusing to train (too few positives, a class missing) is a result, not a failure: nothing is
 * saved, the reason is in the result, and scoring keeps the newest approved model (or rules alone).
 * Missing tables (no police notice or feedback ever delivered, graph stage never run) count as
 * empty; without graph rows every graph input is 0 and {@code graph_missing} is 1.
 *
 * <p>Not idempotent by design: each run that trains saves a new version (the clock decides its id).
 *
 * <p>Cost: one scan of the range's feature and graph partitions, filtered to labelled and sampled
 * numbers before the join with the graph rows, and persisted (small: labelled numbers plus {@code negativeSampleRate} of
 * the rest); then the trainer's passes (one per tree) over it.
 */
public final class TrainAction extends BaseStageAction<TrainResult> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainAction.class);

    private final TrainSettings settings;
    private final Clock clock;

    public TrainAction(SparkSession spark, Warehouse warehouse, LocalDate day, TrainSettings settings, Clock clock) {
        super("train", spark, warehouse, day);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected TrainResult run() {
        LocalDate from = day.minusDays(settings.lookbackDays() - 1L);
        labels.step("labels");
        Dataset<Row> numberLabels = Labels.toNumberLabels(read(Tables.POLICE_NOTICES), read(Tables.FEEDBACK), day)
                .localCheckpoint(true);
        LOG.info("train {}: {} labelled numbers as of {}, feature dates {}..{}", day, numberLabels.count(), day, from, day);

        labels.step("training rows");
        Dataset<Row> features = read(Tables.FEATURES_NUMBER).where(col(FEATURE_DATE).between(lit(from), lit(day)));
        Dataset<Row> graph = read(Tables.GRAPH_FEATURES_NUMBER).where(col(GRAPH_DATE).between(lit(from), lit(day)));
        Dataset<Row> rows = TrainingRows.withHoldout(
                        TrainingRows.toTrainingRows(features, graph, numberLabels, settings.negativeSampleRate(), settings.seed()),
                        settings.holdoutShare(), settings.seed())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            labels.step("fit");
            TrainingReport report = ModelTrainer.train(rows, settings);
            if (!report.trained()) {
                TrainResult refused = new TrainResult(Optional.empty(), report.positiveNumbers(), report.negativeNumbers(),
                        report.trainingRows(), report.heldOutRows(), Optional.empty(), false, report.refusal().orElse(""));
                LOG.warn("train {}: no model: {}", day, refused.reason());
                return refused;
            }
            labels.step("save");
            ModelCard card = new ModelRegistry(spark, warehouse.modelsDir()).save(day, from, clock, report, settings);
            TrainResult result = new TrainResult(Optional.of(card.version()), report.positiveNumbers(), report.negativeNumbers(),
                    report.trainingRows(), report.heldOutRows(), report.metrics(), card.approved(), card.approvalReason());
            LOG.info("train {}: {}", day, result);
            return result;
        } finally {
            rows.unpersist(false);
        }
    }
}
