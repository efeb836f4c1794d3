package com.zhifang.models.train;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code metrics.json} says about a saved model: where it came from (date, range, settings),
 * what it saw (counts), how it did (held-out metrics), its inputs, and whether it was approved.
 *
 * @param version        {@code gbt-<D>-<yyyyMMddHHmmss>}
 * @param trainedFor     the date D: labels as of D, feature dates up to D
 * @param createdAt      when it was saved (from the caller's clock)
 * @param rangeFrom      first feature date of the training range ({@code D - lookback + 1})
 * @param approved       whether the registry approved it for scoring
 * @param approvalReason why (or why not)
 */
public record ModelCard(String version, LocalDate trainedFor, Instant createdAt, LocalDate rangeFrom,
                        TrainingReport report, TrainSettings settings, List<String> features,
                        boolean approved, String approvalReason) {
    public static final String ALGORITHM = "gbt";

    public ModelCard {
        features = List.copyOf(features);
    }

    /** The JSON object written to {@code metrics.json} (keys in a stable order). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version);
        root.put("algorithm", ALGORITHM);
        root.put("trees_library", "xgboost4j-spark");
        root.put("trained_for", trainedFor.toString());
        root.put("created_at", createdAt.toString());
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", rangeFrom.toString());
        range.put("to", trainedFor.toString());
        range.put("first_feature_date", String.valueOf(report.firstFeatureDate()));
        range.put("last_feature_date", String.valueOf(report.lastFeatureDate()));
        root.put("training_range", range);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("positive_numbers", report.positiveNumbers());
        counts.put("negative_numbers", report.negativeNumbers());
        counts.put("numbers_by_source", report.numbersBySource());
        counts.put("training_rows", report.trainingRows());
        counts.put("held_out_rows", report.heldOutRows());
        counts.put("positive_weight", report.positiveWeight());
        root.put("counts", counts);
        report.metrics().ifPresent(m -> {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("auc_roc", m.aucRoc());
            metrics.put("auc_pr", m.aucPr());
            metrics.put("threshold", m.threshold());
            metrics.put("precision", m.precision());
            metrics.put("recall", m.recall());
            metrics.put("true_positives", m.truePositives());
            metrics.put("false_positives", m.falsePositives());
            metrics.put("true_negatives", m.trueNegatives());
            metrics.put("false_negatives", m.falseNegatives());
            root.put("held_out_metrics", metrics);
        });
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("lookback_days", settings.lookbackDays());
        s.put("min_positives", settings.minPositives());
        s.put("approve_auc", settings.approveAuc());
        s.put("negative_sample_rate", settings.negativeSampleRate());
        s.put("holdout_share", settings.holdoutShare());
        s.put("trees", settings.trees());
        s.put("max_depth", settings.maxDepth());
        s.put("step_size", settings.stepSize());
        s.put("seed", settings.seed());
        BoostedTrees.Settings trees = settings.boostedTrees();
        s.put("row_sample", trees.subsample());
        s.put("column_sample", trees.columnSample());
        s.put("min_child_weight", trees.minChildWeight());
        root.put("settings", s);
        root.put("features", features);
        root.put("approved", approved);
        root.put("approval_reason", approvalReason);
        return root;
    }
}
