package com.zhifang.models.train;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.ModelColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Fits the model: gradient-boosted trees ({@link BoostedTrees}) on {@link ModelFeatures#COLUMNS},
 * trained on the rows not held out ({@link TrainingRows#withHoldout}) and measured on the held-out
 * ones.
 *
 * <p>Class weights: balanced ({@link BoostedTrees#withBalancedClassWeights}: each positive training
 * row weighs negative rows / positive rows, each negative 1), as in the Sichuan benchmark.
 *
 * <p>Refuses (a report with the reason, not an exception: a nightly must not fail because police
 * were quiet) when fewer than {@link TrainSettings#minPositives()} positive numbers have rows, or
 * when the training or the held-out part lacks a class.
 *
 * <p>Cost: one aggregation for the counts, then the trees (one barrier task over the training rows,
 * see {@link BoostedTrees}), then two evaluator passes and one aggregation over the held-out rows.
 * The caller should persist {@code rows}, which are read several times.
 */
public final class ModelTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    public static final double THRESHOLD = 0.5;
    private static final String SCORE = "__score";

    private ModelTrainer() {}

    /**
     * @param rows {@link TrainingRows#toTrainingRows} with {@link TrainingRows#withHoldout}
     */
    public static TrainingReport train(Dataset<Row> rows, TrainSettings settings) {
        List<String> needed = new ArrayList<>(List.of(NUMBER, FEATURE_DATE, LABEL, LABEL_SOURCE, HOLDOUT));
        needed.addAll(ModelFeatures.COLUMNS);
        RequiredColumns.check(rows, "ModelTrainer.train", needed);

        Counts counts = counts(rows);
        Optional<String> refusal = refusal(counts, settings);
        if (refusal.isPresent()) {
            LOG.warn("train: refused: {}", refusal.get());
            return counts.report(Optional.empty(), 0.0, Optional.empty(), refusal);
        }
        double positiveWeight = BoostedTrees.positiveClassWeight(counts.rows(1.0, false), counts.rows(0.0, false));
        Dataset<Row> training = BoostedTrees.withBalancedClassWeights(rows.where(col(HOLDOUT).equalTo(false)), LABEL, CLASS_WEIGHT,
                counts.rows(1.0, false), counts.rows(0.0, false));
        LOG.info("train: fitting {} trees of depth {} on {} rows ({} positive, weight {}), holding out {} rows",
                settings.trees(), settings.maxDepth(), counts.trainingRows(), counts.rows(1.0, false),
                String.format("%.2f", positiveWeight), counts.heldOutRows());
        BoostedTreesModel model = BoostedTrees.fit(training, ModelFeatures.COLUMNS, LABEL, CLASS_WEIGHT, settings.boostedTrees());
        ModelMetrics metrics = evaluate(model, rows.where(col(HOLDOUT).equalTo(true)));
        LOG.info("train: held out AUC-ROC {}, AUC-PR {}, precision {} recall {} at {}", metrics.aucRoc(), metrics.aucPr(),
                metrics.precision(), metrics.recall(), THRESHOLD);
        return counts.report(Optional.of(model), positiveWeight, Optional.of(metrics), Optional.empty());
    }

    private static ModelMetrics evaluate(BoostedTreesModel model, Dataset<Row> heldOut) {
        Dataset<Row> scored = model.withProbability(heldOut, SCORE).select(col(LABEL), col(SCORE)).cache();
        try {
            BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
                    .setLabelCol(LABEL).setRawPredictionCol(SCORE);
            double aucRoc = evaluator.setMetricName("areaUnderROC").evaluate(scored);
            double aucPr = evaluator.setMetricName("areaUnderPR").evaluate(scored);
            Column flagged = col(SCORE).geq(THRESHOLD);
            Column quiet = col(SCORE).lt(THRESHOLD);
            Column fraud = col(LABEL).equalTo(1.0);
            Column legit = col(LABEL).equalTo(0.0);
            Row c = scored.agg(
                    sum(when(flagged.and(fraud), 1L).otherwise(0L)), sum(when(flagged.and(legit), 1L).otherwise(0L)),
                    sum(when(quiet.and(legit), 1L).otherwise(0L)), sum(when(quiet.and(fraud), 1L).otherwise(0L)))
                    .first();
            return new ModelMetrics(aucRoc, aucPr, THRESHOLD, c.getLong(0), c.getLong(1), c.getLong(2), c.getLong(3));
        } finally {
            scored.unpersist(false);
        }
    }

    private static Optional<String> refusal(Counts counts, TrainSettings settings) {
        if (counts.positiveNumbers() < settings.minPositives()) {
            return Optional.of("only " + counts.positiveNumbers() + " positive number(s) (police notices or CONFIRMED_FRAUD "
                    + "with feature rows on or before their label date in the range); training needs at least "
                    + settings.minPositives());
        }
        if (counts.negativeNumbers() == 0) {
            return Optional.of("no negative numbers (no cleared number and no unlabelled number sampled)");
        }
        for (boolean heldOut : new boolean[] {false, true}) {
            for (double label : new double[] {0.0, 1.0}) {
                if (counts.rows(label, heldOut) == 0) {
                    return Optional.of("the " + (heldOut ? "held-out" : "training") + " part has no " + (label == 1.0 ? "positive" : "negative")
                            + " rows (" + counts.negativeNumbers() + " negative numbers)");
                }
            }
        }
        return Optional.empty();
    }

    private static Counts counts(Dataset<Row> rows) {
        Counts counts = new Counts();
        for (Row r : rows.groupBy(LABEL, LABEL_SOURCE, HOLDOUT)
                .agg(countDistinct(NUMBER), count(lit(1)), min(FEATURE_DATE), max(FEATURE_DATE)).collectAsList()) {
            double label = r.getDouble(0);
            String source = r.getString(1);
            boolean heldOut = r.getBoolean(2);
            long numbers = r.getLong(3);
            long n = r.getLong(4);
            counts.rows.merge((label == 1.0 ? "1" : "0") + heldOut, n, Long::sum);
            counts.numbersBySource.merge(source, numbers, Long::sum);
            if (label == 1.0) {
                counts.positiveNumbers += numbers;
            } else {
                counts.negativeNumbers += numbers;
            }
            LocalDate first = r.getLocalDate(5);
            LocalDate last = r.getLocalDate(6);
            counts.first = counts.first == null || first.isBefore(counts.first) ? first : counts.first;
            counts.last = counts.last == null || last.isAfter(counts.last) ? last : counts.last;
        }
        return counts;
    }

    /**
     * Counts by label and part. A number has one label and is in one part, so distinct numbers add
     * up across the groups.
     */
    private static final class Counts {
        final Map<String, Long> rows = new HashMap<>();
        final Map<String, Long> numbersBySource = new HashMap<>();
        long positiveNumbers;
        long negativeNumbers;
        LocalDate first;
        LocalDate last;

        long rows(double label, boolean heldOut) {
            return rows.getOrDefault((label == 1.0 ? "1" : "0") + heldOut, 0L);
        }

        long positiveNumbers() {
            return positiveNumbers;
        }

        long negativeNumbers() {
            return negativeNumbers;
        }

        long trainingRows() {
            return rows(0.0, false) + rows(1.0, false);
        }

        long heldOutRows() {
            return rows(0.0, true) + rows(1.0, true);
        }

        TrainingReport report(Optional<BoostedTreesModel> model, double positiveWeight, Optional<ModelMetrics> metrics,
                              Optional<String> refusal) {
            return new TrainingReport(model, positiveNumbers, negativeNumbers, numbersBySource, trainingRows(), heldOutRows(),
                    first, last, positiveWeight, metrics, refusal);
        }
    }
}
