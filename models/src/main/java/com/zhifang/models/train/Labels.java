package com.zhifang.models.train;

import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.time.LocalDate;

import static com.zhifang.features.schema.ModelColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Labels of numbers as of day D, from what police and the enforcement team decided:
 * <ul>
 *   <li>1 (fraud): a police notice with {@code notified_on <= D} ({@link #POLICE}), or a
 *       {@code CONFIRMED_FRAUD} decision on the number with {@code decided_on <= D};</li>
 *   <li>0 (not fraud): a {@code FALSE_POSITIVE} or {@code RESTORED_ON_APPEAL} decision with
 *       {@code decided_on <= D}.</li>
 * </ul>
 * <b>Precedence: the latest event wins; on the same day a clearing beats a confirmation.</b> So a
 * police notice followed by a {@code FALSE_POSITIVE} or a restored appeal is a 0 (the carrier's
 * later, checked decision: an impersonated number's owner is notified, then cleared), and a
 * confirmation after a clearing is a 1 again. This is exactly the rule that decides the graph
 * stage's seeds ({@code com.zhifang.features.graph.Seeds}), so a number is a positive label
 * precisely when it is a seed on D, and a cleared number is neither.
 *
 * <p>Only {@code entity_type = NUMBER} decisions are used; device and trunk decisions label other
 * entities (not modelled yet). Unlabelled numbers are not in the result: they are not negatives
 * by themselves (see {@link TrainingRows}).
 *
 * <p>Cost: filters of both tables, then small aggregations, windows and joins over the labelled
 * events (thousands, not millions). Lazy.
 */
public final class Labels {
    /** Label source of a police notice; feedback labels carry their outcome as source. */
    public static final String POLICE = "POLICE";

    private Labels() {}

    /**
     * {@code number, label} (double 1/0) {@code , label_source, labelled_on}: one row per number
     * with a notice or a decision by {@code asOf}. For a positive, the source and date are those
     * of its first confirmation since its last clearing (from then on the line is likely
     * suspended: {@link TrainingRows} trains on its rows up to that date only); for a negative,
     * those of its last clearing.
     */
    public static Dataset<Row> toNumberLabels(Dataset<Row> police, Dataset<Row> feedback, LocalDate asOf) {
        RequiredColumns.check(police, "toNumberLabels", NUMBER, NOTIFIED_ON);
        RequiredColumns.check(feedback, "toNumberLabels", ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME);
        Dataset<Row> notices = police.where(col(NUMBER).isNotNull().and(col(NOTIFIED_ON).leq(lit(asOf))))
                .select(col(NUMBER), col(NOTIFIED_ON).as(LABELLED_ON), lit(1.0).as(LABEL), lit(POLICE).as(LABEL_SOURCE));
        Dataset<Row> decisions = feedback.where(col(ENTITY_TYPE).equalTo(EntityType.NUMBER.code())
                        .and(col(ENTITY_ID).isNotNull())
                        .and(col(DECIDED_ON).leq(lit(asOf)))
                        .and(col(OUTCOME).isin(Code.codes(FeedbackOutcome.class).toArray())))
                .select(col(ENTITY_ID).as(NUMBER), col(DECIDED_ON).as(LABELLED_ON),
                        when(col(OUTCOME).equalTo(FeedbackOutcome.CONFIRMED_FRAUD.code()), lit(1.0)).otherwise(lit(0.0)).as(LABEL),
                        col(OUTCOME).as(LABEL_SOURCE));
        Dataset<Row> events = notices.unionByName(decisions);
        Dataset<Row> clearings = events.where(col(LABEL).equalTo(0.0));
        Dataset<Row> lastCleared = clearings.groupBy(col(NUMBER).as("__c_number")).agg(max(LABELLED_ON).as("__cleared_on"));
        // Confirmations that still count: none cleared, or after the last clearing (a clearing the same day wins).
        Dataset<Row> standing = events.where(col(LABEL).equalTo(1.0))
                .join(lastCleared, col(NUMBER).equalTo(col("__c_number")), "left")
                .where(col("__cleared_on").isNull().or(col(LABELLED_ON).gt(col("__cleared_on"))))
                .select(NUMBER, LABEL, LABEL_SOURCE, LABELLED_ON);
        Dataset<Row> positives = first(standing, col(LABELLED_ON).asc());
        Dataset<Row> negatives = first(clearings.select(NUMBER, LABEL, LABEL_SOURCE, LABELLED_ON), col(LABELLED_ON).desc())
                .join(positives.select(NUMBER), new String[] {NUMBER}, "left_anti");
        return positives.unionByName(negatives);
    }

    /** Per number, the row first by {@code order}, then by source name (deterministic). */
    private static Dataset<Row> first(Dataset<Row> events, Column order) {
        WindowSpec w = Window.partitionBy(NUMBER).orderBy(order, col(LABEL_SOURCE).asc());
        return events.withColumn("__rank", row_number().over(w)).where(col("__rank").equalTo(1))
                .select(NUMBER, LABEL, LABEL_SOURCE, LABELLED_ON);
    }
}
