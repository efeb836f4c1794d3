package com.zhifang.models.benchmark.sichuan;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The benchmark's classifier: median imputation (medians from the training rows only), then
 * MLlib's gradient-boosted trees with class weights, so the 32 % fraud class counts as much as
 * the normal one in the loss.
 *
 * <p>Cost: GBT trains its trees one after another, each a few small Spark jobs; on the
 * benchmark's ~3,700 training rows a few hundred trees take tens of seconds on two cores.
 */
public final class FraudGbt {
    public static final String WEIGHT = "class_weight";
    public static final String SCORE = "fraud_score";
    static final String FEATURE_VECTOR = "features_vector";
    private static final String IMPUTED_SUFFIX = "_imputed";

    /** The tree settings one candidate model uses; the benchmark picks among a few on validation. */
    public record Settings(int trees, int maxDepth, double learningRate, double subsamplingRate, int minInstancesPerNode) {
        public String describe() {
            return trees + " trees, depth " + maxDepth + ", learning rate " + learningRate
                    + ", subsample " + subsamplingRate + ", min " + minInstancesPerNode + " per leaf";
        }
    }

    private FraudGbt() {}

    /**
     * Adds {@link #WEIGHT}: each class weighted by n / (2 n_class), so both classes carry equal
     * total weight. {@code fraudShare} is the fraud share of the rows the model trains on.
     */
    public static Dataset<Row> withClassWeights(Dataset<Row> frame, double fraudShare) {
        RequiredColumns.check(frame, "training rows", SichuanData.LABEL);
        if (!(fraudShare > 0 && fraudShare < 1)) {
            throw new IllegalArgumentException("need both classes to weight them; fraud share " + fraudShare);
        }
        Column fraud = col(SichuanData.LABEL).equalTo(1);
        return frame.withColumn(WEIGHT, when(fraud, lit(0.5 / fraudShare)).otherwise(lit(0.5 / (1 - fraudShare))));
    }

    /** Fits imputation and trees on {@code train} (which must carry {@link #WEIGHT}). Runs Spark jobs. */
    public static PipelineModel fit(Dataset<Row> train, List<String> features, Settings settings, long seed) {
        RequiredColumns.check(train, "training rows", SichuanData.LABEL, WEIGHT);
        RequiredColumns.check(train, "training rows", features.toArray(String[]::new));
        String[] imputed = features.stream().map(f -> f + IMPUTED_SUFFIX).toArray(String[]::new);
        Imputer imputer = new Imputer()
                .setStrategy("median")
                .setInputCols(features.toArray(String[]::new))
                .setOutputCols(imputed);
        VectorAssembler assembler = new VectorAssembler().setInputCols(imputed).setOutputCol(FEATURE_VECTOR);
        GBTClassifier trees = new GBTClassifier()
                .setLabelCol(SichuanData.LABEL)
                .setWeightCol(WEIGHT)
                .setFeaturesCol(FEATURE_VECTOR)
                .setMaxIter(settings.trees())
                .setMaxDepth(settings.maxDepth())
                .setStepSize(settings.learningRate())
                .setSubsamplingRate(settings.subsamplingRate())
                .setMinInstancesPerNode(settings.minInstancesPerNode())
                .setMaxBins(64)
                .setCheckpointInterval(10)
                .setSeed(seed);
        Dataset<Row> labelled = train.withColumn(SichuanData.LABEL, col(SichuanData.LABEL).cast("double"));
        return new Pipeline().setStages(new PipelineStage[] {imputer, assembler, trees}).fit(labelled);
    }

    /** {@code rows} with {@link #SCORE}, the model's fraud probability. Lazy. */
    public static Dataset<Row> withScores(PipelineModel model, Dataset<Row> rows) {
        return model.transform(rows).withColumn(SCORE, vector_to_array(col("probability"), "float64").getItem(1));
    }
}
