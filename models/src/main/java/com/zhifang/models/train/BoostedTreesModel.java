package com.zhifang.models.train;

import com.zhifang.features.schema.RequiredColumns;
import ml.dmlc.xgboost4j.java.XGBoostError;
import ml.dmlc.xgboost4j.scala.Booster;
import ml.dmlc.xgboost4j.scala.XGBoost;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassificationModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;

/**
 * Fitted {@link BoostedTrees}: the input columns in order and XGBoost's booster. Saved as the
 * booster's own binary format ({@link #toBytes}) plus the input list kept by the caller: MLlib's
 * writer cannot save xgboost4j-spark 3.1 models under Spark 4 (its parameter encoder calls a json4s
 * method Spark 4 no longer ships).
 *
 * <p>Cost of {@link #withProbability}: one map over the rows (the booster is broadcast); lazy.
 */
public final class BoostedTreesModel {
    private static final String BOOSTER_FORMAT = "ubj";
    private final List<String> inputs;
    private final Booster booster;

    BoostedTreesModel(List<String> inputs, Booster booster) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one input");
        }
        this.inputs = List.copyOf(inputs);
        this.booster = booster;
    }

    /** The booster saved by {@link #toBytes}, reading {@code inputs} in that order. */
    public static BoostedTreesModel fromBytes(List<String> inputs, byte[] saved) {
        try {
            return new BoostedTreesModel(inputs, XGBoost.loadModel(new ByteArrayInputStream(saved)));
        } catch (XGBoostError e) {
            throw new IllegalArgumentException("not a saved XGBoost model (" + saved.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** The booster in XGBoost's binary JSON format, which later XGBoost versions still read. */
    public byte[] toBytes() {
        try {
            return booster.toByteArray(BOOSTER_FORMAT);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the booster: " + e.getMessage(), e);
        }
    }

    /** The input columns, in the order the trees read them. */
    public List<String> inputs() {
        return inputs;
    }

    /**
     * {@code rows} with {@code output}, the probability of class 1 (fraud) in 0..1.
     */
    public Dataset<Row> withProbability(Dataset<Row> rows, String output) {
        RequiredColumns.check(rows, "rows to score", inputs.toArray(String[]::new));
        XGBoostClassificationModel model = new XGBoostClassificationModel("boosted-trees", 2, booster, Option.empty());
        model.setFeaturesCol(BoostedTrees.INPUT_VECTOR);
        Dataset<Row> scored = model.transform(BoostedTrees.withInputVector(rows, inputs));
        // The probability vector's index 1 is class 1, fraud.
        return scored.withColumn(output, vector_to_array(col(model.getProbabilityCol()), "float64").getItem(1))
                .drop(BoostedTrees.INPUT_VECTOR, model.getProbabilityCol(), model.getRawPredictionCol(), model.getPredictionCol());
    }
}
