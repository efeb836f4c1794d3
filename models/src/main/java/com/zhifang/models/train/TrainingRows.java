package com.zhifang.models.train;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.ModelColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Training rows: model inputs ({@link ModelFeatures#toModelInput}) of labelled numbers, plus a
 * sample of unlabelled numbers as negatives, and the held-out part.
 *
 * <p>Which rows of a labelled number train:
 * <ul>
 *   <li>a positive's rows dated on or before its label date ({@code feature_date <= labelled_on}):
 *       after a notice or a confirmation the line is suspended and falls silent, and "silent" must
 *       not become what fraud looks like;</li>
 *   <li>a cleared number's (label 0) rows of every date in the range.</li>
 * </ul>
 *
 * <p><b>Unlabelled numbers as negatives.</b> Confirmed negatives (false positives, restored
 * appeals) are rare: a handful per week, and only among numbers that already looked suspicious.
 * Trained on them alone, the model would never see ordinary traffic. Most subscribers are
 * legitimate, so unlabelled numbers are taken as negatives, sampled per number (all rows of a
 * sampled number, by a seeded hash of the number: the same numbers for the same seed) at
 * {@code negativeSampleRate}. Some of them are undetected fraud: that label noise is the price,
 * small while fraud is a small share of the sample. Unlabelled numbers are never positives.
 *
 * <p>Cost: a broadcast join with the (small) labels and a filter, then the shuffle join of the kept
 * rows with the graph rows; lazy. {@link #withHoldout} adds one window over the distinct numbers of
 * each label (one sorted partition per label: fine up to a few million sampled numbers).
 */
public final class TrainingRows {
    /** Label source of an unlabelled number sampled as a negative. */
    public static final String UNLABELLED_SAMPLE = "UNLABELLED_SAMPLE";
    private static final long BUCKETS = 1_000_000L;

    private TrainingRows() {}

    /**
     * {@code number, feature_date, label, label_source,} then {@link ModelFeatures#COLUMNS}.
     * Feature rows are selected first and only the selected ones are joined with their graph rows.
     *
     * @param features           {@code features_number} rows of the training range
     * @param graphFeatures      {@code graph_features_number} rows of the range (may be empty)
     * @param labels             {@link Labels#toNumberLabels}
     * @param negativeSampleRate share of unlabelled numbers kept as negatives, in (0, 1]
     */
    public static Dataset<Row> toTrainingRows(Dataset<Row> features, Dataset<Row> graphFeatures, Dataset<Row> labels,
                                              double negativeSampleRate, long seed) {
        if (!(negativeSampleRate > 0 && negativeSampleRate <= 1)) {
            throw new IllegalArgumentException("negativeSampleRate must be in (0, 1], got " + negativeSampleRate);
        }
        RequiredColumns.check(features, "toTrainingRows", NUMBER, FEATURE_DATE);
        RequiredColumns.check(labels, "toTrainingRows", NUMBER, LABEL, LABEL_SOURCE, LABELLED_ON);

        Dataset<Row> known = labels.select(col(NUMBER).as("__l_number"), col(LABEL).as("__label"),
                col(LABEL_SOURCE).as("__source"), col(LABELLED_ON).as("__on"));
        Column sampled = pmod(xxhash64(lit(seed), col(NUMBER)), lit(BUCKETS)).lt(lit(Math.round(negativeSampleRate * BUCKETS)));
        Column keep = col("__label").equalTo(1.0).and(col(FEATURE_DATE).leq(col("__on")))
                .or(col("__label").equalTo(0.0))
                .or(col("__label").isNull().and(sampled));
        Dataset<Row> selected = features.join(broadcast(known), col(NUMBER).equalTo(col("__l_number")), "left")
                .where(keep)
                .withColumn(LABEL, coalesce(col("__label"), lit(0.0)))
                .withColumn(LABEL_SOURCE, coalesce(col("__source"), lit(UNLABELLED_SAMPLE)));
        return ModelFeatures.toModelInput(selected, graphFeatures, List.of(LABEL, LABEL_SOURCE));
    }

    /**
     * Adds {@code holdout} (boolean): per label, {@code ceil(n * share)} of its n numbers, chosen
     * by a seeded hash, are held out with all their rows, so no number is both trained on and
     * measured, and each class is held out in proportion (at least one number of each class
     * that has one).
     */
    public static Dataset<Row> withHoldout(Dataset<Row> rows, double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("holdout share must be in (0, 1), got " + share);
        }
        RequiredColumns.check(rows, "withHoldout", NUMBER, LABEL);
        Column position = row_number().over(Window.partitionBy(LABEL).orderBy(xxhash64(lit(seed), col(NUMBER)), col(NUMBER)));
        // Position p is held out when ceil(p * share) steps up: positions 1, 1 + 1/share, ... (the first of each class).
        Dataset<Row> numbers = rows.select(NUMBER, LABEL).distinct()
                .withColumn("__p", position)
                .select(col(NUMBER).as("__h_number"),
                        ceil(col("__p").multiply(share)).gt(ceil(col("__p").minus(1).multiply(share))).as(HOLDOUT));
        return rows.join(numbers, col(NUMBER).equalTo(col("__h_number"))).drop("__h_number");
    }
}
