package com.zhifang.models.train;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static com.zhifang.features.schema.ScoreColumns.MODEL_SCORE;
import static org.apache.spark.sql.functions.col;

/**
 * Scores numbers with a trained model: {@code number, model_score} where the score is the model's
 * probability of fraud (class 1), in 0..1. For the score stage: pass the {@code features_number}
 * rows of day D and the {@code graph_features_number} rows of D (empty when the graph stage did not
 * run: graph inputs are then 0 and {@code graph_missing} 1, as in training when a number had no
 * graph row). One row out per feature row in.
 *
 * <p>The score ranks; it is not calibrated to the real fraud rate (classes were weighted to
 * balance in training, and negatives were sampled).
 *
 * <p>Cost: the model-input join ({@link ModelFeatures#toModelInput}) and one map over the rows
 * (the trees are evaluated row by row). Lazy.
 */
public final class ModelScores {
    private ModelScores() {}

    /**
     * @param model         trees saved by {@link ModelRegistry} (e.g. {@link ApprovedModel#model()})
     * @param features      {@code features_number} rows of one feature date
     * @param graphFeatures {@code graph_features_number} rows of the same date (may be empty)
     * @throws IllegalArgumentException when the model reads an input this code no longer builds
     */
    public static Dataset<Row> toModelScores(BoostedTreesModel model, Dataset<Row> features, Dataset<Row> graphFeatures) {
        Dataset<Row> input = ModelFeatures.toModelInput(features, graphFeatures);
        Set<String> available = Set.of(input.columns());
        List<String> missing = new ArrayList<>();
        for (String c : model.inputs()) {
            if (!available.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the model reads input(s) " + missing + " that ModelFeatures no longer builds; "
                    + "retrain it");
        }
        return model.withProbability(input, MODEL_SCORE).select(col(NUMBER), col(MODEL_SCORE));
    }
}
