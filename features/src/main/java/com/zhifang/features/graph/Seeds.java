package com.zhifang.features.graph;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;

import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;

/**
 * Seeds of association analysis on day D: numbers confirmed as fraud by D.
 * <ul>
 *   <li>{@code POLICE}: a police notice with {@code notified_on <= D};</li>
 *   <li>{@code FEEDBACK}: an enforcement outcome {@code CONFIRMED_FRAUD} on a {@code NUMBER} with
 *       {@code decided_on <= D}.</li>
 * </ul>
 * A confirmation stops counting when the number was cleared ({@code RESTORED_ON_APPEAL} or
 * {@code FALSE_POSITIVE}, decided by D) on or after the confirmation's date: the wrongly listed
 * must not keep dragging their contacts down. A confirmation after the clearing counts again.
 *
 * <p>Cost: filters and two small aggregations over the notice and feedback tables. Lazy.
 */
public final class Seeds {
    public static final String POLICE = "POLICE";
    public static final String FEEDBACK = "FEEDBACK";

    private Seeds() {}

    /** {@code number, seed_sources} (sorted array of POLICE/FEEDBACK) {@code , seeded_on} (earliest). */
    public static Dataset<Row> toSeeds(Dataset<Row> police, Dataset<Row> feedback, LocalDate day) {
        RequiredColumns.check(police, "police notices", NUMBER, NOTIFIED_ON);
        RequiredColumns.check(feedback, "feedback", ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME);
        Dataset<Row> numberFeedback = feedback.where(col(ENTITY_TYPE).equalTo(EntityType.NUMBER.code()).and(col(DECIDED_ON).leq(lit(day))));
        Dataset<Row> confirmations = police.where(col(NUMBER).isNotNull().and(col(NOTIFIED_ON).leq(lit(day))))
                .select(col(NUMBER), col(NOTIFIED_ON).as("__on"), lit(POLICE).as("__source"))
                .union(numberFeedback.where(col(OUTCOME).equalTo(FeedbackOutcome.CONFIRMED_FRAUD.code()))
                        .select(col(ENTITY_ID).as(NUMBER), col(DECIDED_ON).as("__on"), lit(FEEDBACK).as("__source")));
        Dataset<Row> cleared = numberFeedback.where(col(OUTCOME).isin(FeedbackOutcome.clearingCodes()))
                .groupBy(col(ENTITY_ID).as(NUMBER)).agg(max(DECIDED_ON).as("__cleared_on"));
        return confirmations.join(cleared, new String[] {NUMBER}, "left")
                .where(col("__cleared_on").isNull().or(col("__on").gt(col("__cleared_on"))))
                .groupBy(NUMBER)
                .agg(sort_array(collect_set("__source")).as(SEED_SOURCES), min("__on").as(SEEDED_ON));
    }
}
