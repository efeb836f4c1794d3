package com.zhifang.models.train;

import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.models.train.TrainTestRows.featureRow;
import static com.zhifang.models.train.TrainTestRows.frame;

/**
 * Feature rows of {@link #FRAUD} bulk callers (hundreds of calls to strangers, new SIMs, few
 * answered) and {@link #LEGITIMATE} ordinary subscribers over two dates: easy to tell apart, so a
 * trained model must separate them.
 */
final class SyntheticTraffic {
    static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    static final int FRAUD = 12;
    static final int LEGITIMATE = 48;

    private SyntheticTraffic() {}

    static String fraud(int i) {
        return String.format("+861380001%04d", i);
    }

    static String legitimate(int i) {
        return String.format("+861390002%04d", i);
    }

    static Dataset<Row> features(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (LocalDate d : List.of(NOV_4, NOV_5)) {
            int jitter = d.getDayOfMonth();
            for (int i = 0; i < FRAUD; i++) {
                rows.add(featureRow(fraud(i), d, Map.of(windowed(CALLS_OUT, 1), 150L + 3 * i + jitter,
                        windowed(CALLEES, 1), 120L + i, windowed(ANSWER_RATE_OUT, 1), 0.15 + i / 200.0,
                        IS_SUBSCRIBER, true, SIM_AGE_DAYS, 3 + i)));
            }
            for (int i = 0; i < LEGITIMATE; i++) {
                rows.add(featureRow(legitimate(i), d, Map.of(windowed(CALLS_OUT, 1), 3L + i % 9 + jitter % 2,
                        windowed(CALLEES, 1), 2L + i % 5, windowed(ANSWER_RATE_OUT, 1), 0.7 + (i % 3) / 10.0,
                        IS_SUBSCRIBER, true, SIM_AGE_DAYS, 400 + 10 * i)));
            }
        }
        return frame(spark, Tables.FEATURES_NUMBER, rows);
    }

    static Dataset<Row> noGraph(SparkSession spark) {
        return frame(spark, Tables.GRAPH_FEATURES_NUMBER, List.of());
    }

    /** Police notices on {@code on} for the first {@code n} fraud numbers. */
    static Dataset<Row> notices(SparkSession spark, int n, LocalDate on) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(TrainTestRows.police(fraud(i), on));
        }
        return frame(spark, Tables.POLICE_NOTICES, rows);
    }

    static Dataset<Row> noFeedback(SparkSession spark) {
        return frame(spark, Tables.FEEDBACK, List.of());
    }

    /** Training rows with every unlabelled number as a negative, 25 % held out. */
    static Dataset<Row> trainingRows(SparkSession spark, int notified, LocalDate notifiedOn) {
        Dataset<Row> labels = Labels.toNumberLabels(notices(spark, notified, notifiedOn), noFeedback(spark), NOV_5);
        return TrainingRows.withHoldout(TrainingRows.toTrainingRows(features(spark), noGraph(spark), labels, 1.0, 7L), 0.25, 7L);
    }

    /**
     * Few shallow trees: the classes split on one input. Twenty rather than five so that the
     * inputs on which the smallest held-out fraud number is extreme (SIM age, answer rate) get
     * their trees: XGBoost cuts at observed values, so on "more calls than any training fraud
     * number" alone it falls on the legitimate side.
     */
    static TrainSettings smallTrees() {
        TrainSettings d = TrainSettings.defaults();
        return new TrainSettings(d.lookbackDays(), d.minPositives(), d.approveAuc(), d.negativeSampleRate(), d.holdoutShare(),
                20, 2, 0.3, d.seed());
    }

    private static TrainingReport trained;

    /** One model fitted on {@link #trainingRows} (all fraud notified on NOV_5) with {@link #smallTrees}, shared by the test classes. */
    static synchronized TrainingReport trained(SparkSession spark) {
        if (trained == null) {
            trained = ModelTrainer.train(trainingRows(spark, FRAUD, NOV_5), smallTrees());
        }
        return trained;
    }
}
