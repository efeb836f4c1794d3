package com.zhifang.models.train;

import com.zhifang.features.schema.RequiredColumns;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassificationModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The classifier family of Zhifang's trained model and of the Sichuan benchmark: XGBoost's
 * gradient-boosted trees (xgboost4j-spark), binary logistic loss, per-row weights, on named
 * numeric columns. A missing value (null) stays missing (NaN to XGBoost), so each split learns
 * which side missing values go to instead of taking an imputed median.
 *
 * <p>Why XGBoost and not MLlib's {@code GBTClassifier}: MLlib fits each tree's leaves to the mean
 * of the loss gradients, XGBoost takes a Newton step (gradient over curvature) and regularises it.
 * On the Sichuan data's first 80 % (the papers' test part left out), the same protocol scored
 * XGBoost above MLlib's trees ({@code docs/measurements/2026-11-29-sichuan-sessions-9-15.md}).
 *
 * <p>The inputs go to XGBoost as one dense vector built here ({@link #withInputVector}), not
 * through Spark's {@code VectorAssembler}, whose sparse vectors drop zeros that XGBoost would then
 * read as missing; nor as a list of columns, whose prediction path in xgboost4j-spark 3.1 returns
 * an input value instead of the margin under Spark 4 (seen in testing).
 *
 * <p>Cost: training is one barrier stage of {@link #TRAINING_WORKERS} task(s) (the rows are
 * repartitioned to it) running the native library's histogram method; prediction is one map over
 * the rows. A single worker keeps a fitted model independent of the cluster's shape (the same
 * trees embedded and on a cluster) and needs only one free task slot; Zhifang's training sets
 * (labelled numbers times days, a few hundred thousand rows at most) fit one task.
 */
public final class BoostedTrees {
    /** Barrier tasks that train together; see the class comment. */
    static final int TRAINING_WORKERS = 1;
    /** The dense input vector XGBoost reads; dropped again from scored rows. */
    static final String INPUT_VECTOR = "__boosted_trees_input";

    /**
     * One model setting.
     *
     * @param trees           boosting rounds
     * @param maxDepth        depth of each tree
     * @param learningRate    shrinkage of each tree ({@code eta})
     * @param subsample       share of rows each tree sees
     * @param columnSample    share of inputs each tree sees ({@code colsample_bytree})
     * @param minChildWeight  least total row weight (times curvature) in a leaf
     * @param seed            seeds the row and column sampling
     */
    public record Settings(int trees, int maxDepth, double learningRate, double subsample, double columnSample,
                           double minChildWeight, long seed) {
        public Settings {
            require(trees >= 1, "trees must be >= 1, got " + trees);
            require(maxDepth >= 1 && maxDepth <= 30, "maxDepth must be 1..30, got " + maxDepth);
            require(learningRate > 0 && learningRate <= 1, "learningRate must be in (0, 1], got " + learningRate);
            require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1], got " + subsample);
            require(columnSample > 0 && columnSample <= 1, "columnSample must be in (0, 1], got " + columnSample);
            require(minChildWeight >= 0, "minChildWeight must be >= 0, got " + minChildWeight);
        }

        public String describe() {
            return String.format(Locale.ROOT, "%d trees, depth %d, learning rate %s, row sample %s, column sample %s, "
                    + "min child weight %s", trees, maxDepth, learningRate, subsample, columnSample, minChildWeight);
        }
    }

    private BoostedTrees() {}

    /**
     * Adds {@code weightColumn}, balanced class weights: each positive row (label 1) weighs
     * {@code negatives / positives}, each other row 1, so both classes carry the same total weight
     * in the loss; fraud is the minority and unweighted trees would learn to say "legitimate"
     * everywhere. The scale matters with XGBoost: the least leaf weight ({@code minChildWeight})
     * sums these weights (times curvature), so negatives keep weight 1 and the setting reads as rows.
     * Lazy.
     */
    public static Dataset<Row> withBalancedClassWeights(Dataset<Row> rows, String label, String weightColumn,
                                                        long positives, long negatives) {
        RequiredColumns.check(rows, "withBalancedClassWeights", label);
        return rows.withColumn(weightColumn,
                when(col(label).equalTo(1), lit(positiveClassWeight(positives, negatives))).otherwise(lit(1.0)));
    }

    /** The weight of a positive row under {@link #withBalancedClassWeights}: negatives / positives. */
    public static double positiveClassWeight(long positives, long negatives) {
        if (positives <= 0 || negatives <= 0) {
            throw new IllegalArgumentException("need both classes to weight them; positives " + positives + ", negatives " + negatives);
        }
        return (double) negatives / positives;
    }

    /**
     * Fits trees on {@code train}: {@code inputs} numeric (nulls are missing), {@code label} 0/1,
     * {@code weight} each row's weight. Runs Spark jobs.
     */
    public static BoostedTreesModel fit(Dataset<Row> train, List<String> inputs, String label, String weight, Settings settings) {
        List<String> needed = new ArrayList<>(inputs);
        needed.add(label);
        needed.add(weight);
        RequiredColumns.check(train, "training rows", needed);
        XGBoostClassifier trees = new XGBoostClassifier();
        trees.setFeaturesCol(INPUT_VECTOR);
        trees.setLabelCol(label);
        trees.setWeightCol(weight);
        trees.setObjective("binary:logistic");
        trees.setTreeMethod("hist");
        trees.setNumRound(settings.trees());
        trees.setMaxDepth(settings.maxDepth());
        trees.setEta(settings.learningRate());
        trees.setSubsample(settings.subsample());
        trees.setColsampleBytree(settings.columnSample());
        trees.setMinChildWeight(settings.minChildWeight());
        trees.setSeed(settings.seed());
        trees.setNumWorkers(TRAINING_WORKERS);
        Dataset<Row> rows = withInputVector(train, inputs)
                .withColumn(label, col(label).cast("double"))
                .withColumn(weight, col(weight).cast("double"));
        XGBoostClassificationModel model = (XGBoostClassificationModel) trees.fit(rows);
        return new BoostedTreesModel(inputs, model.nativeBooster());
    }

    /**
     * Adds {@link #INPUT_VECTOR}: the inputs in order as a dense vector of doubles, null as NaN
     * (XGBoost's missing value). Lazy.
     */
    static Dataset<Row> withInputVector(Dataset<Row> rows, List<String> inputs) {
        RequiredColumns.check(rows, "model inputs", inputs.toArray(String[]::new));
        Column[] values = inputs.stream()
                .map(input -> coalesce(col(input).cast("double"), lit(Double.NaN)))
                .toArray(Column[]::new);
        return rows.withColumn(INPUT_VECTOR, array_to_vector(array(values)));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
