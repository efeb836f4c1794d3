package com.zhifang.benchmarks.sichuan;

import com.zhifang.models.train.BoostedTrees;
import com.zhifang.models.train.BoostedTreesModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * The benchmark's classifier: the product's gradient-boosted trees ({@link BoostedTrees}) with
 * class weights, so the 32 % fraud class counts as much as the normal one in the loss. Missing
 * cells stay missing; the trees learn where they go.
 *
 * <p>Cost: one single-task training stage per fit; on the benchmark's ~3,700 training rows a few
 * hundred trees take seconds.
 */
public final class FraudGbt {
    public static final String WEIGHT = "class_weight";
    public static final String SCORE = "fraud_score";

    private FraudGbt() {}

    /**
     * Adds {@link #WEIGHT}: the product's balanced class weights
     * ({@link BoostedTrees#withBalancedClassWeights}), from the class counts of the rows the model
     * trains on.
     */
    public static Dataset<Row> withClassWeights(Dataset<Row> frame, long fraudRows, long normalRows) {
        return BoostedTrees.withBalancedClassWeights(frame, SichuanData.LABEL, WEIGHT, fraudRows, normalRows);
    }

    /** Fits trees on {@code train} (which must carry {@link #WEIGHT}). Runs Spark jobs. */
    public static BoostedTreesModel fit(Dataset<Row> train, List<String> features, BoostedTrees.Settings settings) {
        return BoostedTrees.fit(train, features, SichuanData.LABEL, WEIGHT, settings);
    }

    /** {@code rows} with {@link #SCORE}, the model's fraud probability. Lazy. */
    public static Dataset<Row> withScores(BoostedTreesModel model, Dataset<Row> rows) {
        return model.withProbability(rows, SCORE);
    }
}
