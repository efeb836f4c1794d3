package com.zhifang.models.rank;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.time.LocalDate;

import static com.zhifang.features.schema.FeatureColumns.POLICE_NOTIFIED;
import static com.zhifang.features.schema.RecordColumns.DECIDED_ON;
import static com.zhifang.features.schema.RecordColumns.ENTITY_ID;
import static com.zhifang.features.schema.RecordColumns.ENTITY_TYPE;
import static com.zhifang.features.schema.RecordColumns.IS_PREFIX;
import static com.zhifang.features.schema.RecordColumns.NOTIFIED_ON;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static com.zhifang.features.schema.RecordColumns.OUTCOME;
import static com.zhifang.features.schema.RecordColumns.VALID_UNTIL;
import static com.zhifang.features.schema.ScoreColumns.LIST_CATEGORY;
import static com.zhifang.features.schema.ScoreColumns.CORROBORATED;
import static com.zhifang.features.schema.ScoreColumns.DAYS_LISTED;
import static com.zhifang.features.schema.ScoreColumns.FIRST_LISTED_ON;
import static com.zhifang.features.schema.ScoreColumns.LIST_DATE;
import static com.zhifang.features.schema.ScoreColumns.MODEL_SCORE;
import static com.zhifang.features.schema.ScoreColumns.PATTERN;
import static com.zhifang.features.schema.ScoreColumns.PATTERNS;
import static com.zhifang.features.schema.ScoreColumns.RANK;
import static com.zhifang.features.schema.ScoreColumns.REASONS;
import static com.zhifang.features.schema.ScoreColumns.RULE_SCORE;
import static com.zhifang.features.schema.ScoreColumns.SCORE;
import static org.apache.spark.sql.functions.*;

/**
 * From detections to the ranked suspect list: one combined score per entity, the model blended in,
 * allowlisted and appeal-restored entities taken off, police notices flagged, ranks and listing
 * history attached. Every method is a pure transform; the score stage chains them.
 *
 * <p>Cost: one aggregation of the detections by entity (small: only entities some rule fired on),
 * broadcast joins with the allowlist, feedback, police notices and the previous lists' per-entity
 * summary, and one global sort for the ranks (single partition, fine for lists of thousands).
 * Scores are rounded to 6 decimals so that the list does not depend on the order in which a
 * cluster happens to add partial sums.
 */
public final class SuspectRanking {
    /** Outcomes that take an entity off the list for the suppression period. */
    private static final String LAST_SCORE = "_last_listed_score";
    private static final String SORT_KEY = "_sort";
    private static final double SCORE_CEILING = 0.999999;

    private SuspectRanking() {
    }

    /**
     * Detections ({@code entity_type, entity_id, pattern, score, reasons, corroborated}) to one row
     * per entity: {@code rule_score} = 1 - prod(1 - pattern score) (independent evidence adds up but
     * never passes 1), {@code patterns} ordered by their score, and {@code reasons}: the strongest
     * pattern's sentences, each further pattern's prefixed with its code.
     *
     * <p>An entity none of whose detections is corroborated (no support condition held in any
     * firing rule) keeps its combined score at or below {@code uncorroboratedMax}, as each of its
     * detections is: patterns read off the same uncorroborated traffic (a heavy caller's volume
     * seen as bulk calling, and its handset's SIMs seen as a SIM box) are not independent
     * evidence, and together they must not outrank fraud that independent signs corroborate.
     *
     * <p>{@code category}: FRAUD when any of its detections is, else COMPLIANCE (every detection is
     * marketing-like volume without a sign of fraud; {@link com.zhifang.models.rules.Detector#uncorroboratedCategory()}).
     */
    public static Dataset<Row> toEntityScores(Dataset<Row> detections, double uncorroboratedMax) {
        RequiredColumns.check(detections, "toEntityScores", ENTITY_TYPE, ENTITY_ID, PATTERN, SCORE, REASONS, CORROBORATED, LIST_CATEGORY);
        Column ordered = sort_array(collect_list(struct(negate(col(SCORE)).as(SORT_KEY), col(PATTERN), col(REASONS))));
        Column combined = lit(1.0).minus(exp(sum(log1p(negate(least(col(SCORE), lit(SCORE_CEILING)))))));
        Column capped = when(max(col(CORROBORATED)), combined).otherwise(least(combined, lit(uncorroboratedMax)));
        return detections
                .groupBy(ENTITY_TYPE, ENTITY_ID)
                .agg(round(capped, 6).as(RULE_SCORE), ordered.as("_ordered"),
                        when(max(col(LIST_CATEGORY).equalTo(lit(ListCategory.FRAUD.code()))), lit(ListCategory.FRAUD.code()))
                                .otherwise(lit(ListCategory.COMPLIANCE.code())).as(LIST_CATEGORY))
                .select(col(ENTITY_TYPE), col(ENTITY_ID), col(RULE_SCORE), col(LIST_CATEGORY),
                        transform(col("_ordered"), d -> d.getField(PATTERN)).as(PATTERNS),
                        flatten(transform(col("_ordered"), (d, i) -> when(i.equalTo(0), d.getField(REASONS))
                                .otherwise(transform(d.getField(REASONS), r -> concat(d.getField(PATTERN), lit(": "), r)))))
                                .as(REASONS));
    }

    /**
     * Blends the trained model's probability into numbers' scores:
     * {@code score = (1 - w) rule_score + w model_score}; entities without a model score (other
     * types, or no approved model) keep {@code score = rule_score}. {@code modelScores} has
     * {@code number, model_score}; pass null when there is no model. Adds the model's figure to the
     * reasons so the analyst sees it.
     */
    public static Dataset<Row> withModelScores(Dataset<Row> entityScores, Dataset<Row> modelScores, double weight) {
        RequiredColumns.check(entityScores, "withModelScores", ENTITY_TYPE, ENTITY_ID, RULE_SCORE, REASONS);
        if (modelScores == null || weight == 0.0) {
            return entityScores.withColumn(MODEL_SCORE, lit(null).cast("double")).withColumn(SCORE, col(RULE_SCORE));
        }
        RequiredColumns.check(modelScores, "withModelScores (model scores)", NUMBER, MODEL_SCORE);
        Dataset<Row> m = modelScores.select(col(NUMBER).as("_m_number"), round(col(MODEL_SCORE), 6).as(MODEL_SCORE));
        Dataset<Row> joined = entityScores.join(broadcast(m),
                col(ENTITY_TYPE).equalTo(lit(EntityType.NUMBER.code())).and(col(ENTITY_ID).equalTo(col("_m_number"))), "left").drop("_m_number");
        return joined
                .withColumn(SCORE, round(when(col(MODEL_SCORE).isNull(), col(RULE_SCORE))
                        .otherwise(col(RULE_SCORE).multiply(1 - weight).plus(col(MODEL_SCORE).multiply(weight))), 6))
                .withColumn(REASONS, when(col(MODEL_SCORE).isNull(), col(REASONS)).otherwise(concat(col(REASONS),
                        array(format_string("model: fraud probability %.1f%%", col(MODEL_SCORE).multiply(100))))));
    }

    /** Entities at or above the listing score. */
    public static Dataset<Row> withMinimumScore(Dataset<Row> scores, double minScore) {
        RequiredColumns.check(scores, "withMinimumScore", SCORE);
        return scores.where(col(SCORE).geq(minScore));
    }

    /**
     * Scores without the entities the allowlist (as of the day, still valid) covers: numbers by
     * number or prefix, and port customers all of whose port codes it covers (a carrier vets a
     * bank's or a utility's notification ports by their 106 codes; one code it has not vetted keeps
     * the customer listable).
     *
     * @param portCodes {@code entity_id} (port customer), {@code number} (a port code it sent from in
     *                  the window): the carried-number pairs of entity type PORT_CUSTOMER
     */
    public static Dataset<Row> withoutAllowlisted(Dataset<Row> scores, Dataset<Row> allowlist, Dataset<Row> portCodes, LocalDate day) {
        return scores.join(broadcast(allowlisted(allowlist, portCodes, day)), allowlistMatch(), "left_anti");
    }

    /** The scored entities the allowlist covers: what {@link #withoutAllowlisted} removes, for the run report. */
    public static Dataset<Row> toAllowlisted(Dataset<Row> scores, Dataset<Row> allowlist, Dataset<Row> portCodes, LocalDate day) {
        return scores.join(broadcast(allowlisted(allowlist, portCodes, day)), allowlistMatch(), "left_semi");
    }

    /**
     * {@code _allow, _allow_prefix, _allow_type}: the valid allowlist entries (numbers), plus one exact
     * entry per port customer whose every port code a valid entry covers. Cost: a broadcast
     * non-equi join of the window's port codes (hundreds) with the allowlist, one small aggregation.
     */
    private static Dataset<Row> allowlisted(Dataset<Row> allowlist, Dataset<Row> portCodes, LocalDate day) {
        RequiredColumns.check(allowlist, "allowlist", NUMBER, IS_PREFIX, VALID_UNTIL);
        RequiredColumns.check(portCodes, "allowlist (port codes)", ENTITY_ID, NUMBER);
        Dataset<Row> valid = allowlist.where(col(NUMBER).isNotNull().and(col(VALID_UNTIL).isNull().or(col(VALID_UNTIL).geq(lit(day)))))
                .select(col(NUMBER).as("_allow"), col(IS_PREFIX).as("_allow_prefix"));
        Dataset<Row> codes = portCodes.select(col(ENTITY_ID).as("_port_customer"), col(NUMBER).as("_code")).distinct();
        Dataset<Row> ports = codes.join(broadcast(valid), when(col("_allow_prefix"), col("_code").startsWith(col("_allow")))
                        .otherwise(col("_code").equalTo(col("_allow"))), "left")
                .groupBy("_port_customer", "_code").agg(max(col("_allow").isNotNull()).as("_covered"))
                .groupBy("_port_customer").agg(min(col("_covered")).as("_all_covered"))
                .where(col("_all_covered"))
                .select(col("_port_customer").as("_allow"), lit(false).as("_allow_prefix"),
                        lit(EntityType.PORT_CUSTOMER.code()).as("_allow_type"));
        return valid.withColumn("_allow_type", lit(EntityType.NUMBER.code())).unionByName(ports);
    }

    private static Column allowlistMatch() {
        return col(ENTITY_TYPE).equalTo(col("_allow_type")).and(when(col("_allow_prefix"), col(ENTITY_ID).startsWith(col("_allow")))
                .otherwise(col(ENTITY_ID).equalTo(col("_allow"))));
    }

    /**
     * Takes off entities restored on appeal (or judged false positives) within the last
     * {@code suppressionDays} days, unless the new score beats the score they were last listed with
     * (before the decision) by {@code margin}; never listed before, they need {@code minScore + margin}.
     * {@code previousLists} is the suspects table (any dates); {@code feedback} the feedback table.
     */
    public static Dataset<Row> withoutAppealed(Dataset<Row> scores, Dataset<Row> feedback, Dataset<Row> previousLists,
                                               LocalDate day, int suppressionDays, double margin, double minScore) {
        RequiredColumns.check(scores, "withoutAppealed", ENTITY_TYPE, ENTITY_ID, SCORE);
        RequiredColumns.check(feedback, "withoutAppealed (feedback)", ENTITY_TYPE, ENTITY_ID, DECIDED_ON, OUTCOME);
        RequiredColumns.check(previousLists, "withoutAppealed (previous lists)", ENTITY_TYPE, ENTITY_ID, LIST_DATE, SCORE);
        Dataset<Row> decisions = feedback
                .where(col(DECIDED_ON).between(lit(day.minusDays(suppressionDays)), lit(day)))
                .groupBy(ENTITY_TYPE, ENTITY_ID)
                .agg(max_by(col(OUTCOME), col(DECIDED_ON)).as("_outcome"), max(col(DECIDED_ON)).as("_decided_on"))
                .where(col("_outcome").isin(FeedbackOutcome.clearingCodes()));
        Dataset<Row> lastListed = previousLists.join(decisions, new String[] {ENTITY_TYPE, ENTITY_ID})
                .where(col(LIST_DATE).leq(col("_decided_on")))
                .groupBy(ENTITY_TYPE, ENTITY_ID)
                .agg(max_by(col(SCORE), col(LIST_DATE)).as(LAST_SCORE));
        Dataset<Row> suppressed = decisions.join(lastListed, new String[] {ENTITY_TYPE, ENTITY_ID}, "left")
                .select(col(ENTITY_TYPE).as("_s_type"), col(ENTITY_ID).as("_s_id"),
                        coalesce(col(LAST_SCORE), lit(minScore)).plus(margin).as("_needed"));
        return scores.join(broadcast(suppressed),
                        col(ENTITY_TYPE).equalTo(col("_s_type")).and(col(ENTITY_ID).equalTo(col("_s_id"))), "left")
                .where(col("_needed").isNull().or(col(SCORE).geq(col("_needed"))))
                .drop("_s_type", "_s_id", "_needed");
    }

    /** Adds {@code police_notified}: a number the police notified on or before the day (flagged, not hidden). */
    public static Dataset<Row> withPoliceFlag(Dataset<Row> scores, Dataset<Row> policeNotices, LocalDate day) {
        RequiredColumns.check(scores, "withPoliceFlag", ENTITY_TYPE, ENTITY_ID);
        RequiredColumns.check(policeNotices, "withPoliceFlag (notices)", NUMBER, NOTIFIED_ON);
        Dataset<Row> notified = policeNotices.where(col(NOTIFIED_ON).leq(lit(day)))
                .select(col(NUMBER).as("_police_number")).distinct();
        return scores.join(broadcast(notified),
                        col(ENTITY_TYPE).equalTo(lit(EntityType.NUMBER.code())).and(col(ENTITY_ID).equalTo(col("_police_number"))), "left")
                .withColumn(POLICE_NOTIFIED, col("_police_number").isNotNull())
                .drop("_police_number");
    }

    /**
     * Ranks (every FRAUD case above every COMPLIANCE case, then by score, 1 = highest; ties by entity type
     * and id, so a re-run gives the same list) and
     * listing history from the earlier lists: {@code first_listed_on} and {@code days_listed}
     * (today included). {@code previousLists} rows dated on or after the day are ignored, so a
     * re-run of the day counts it once.
     */
    public static Dataset<Row> toRanked(Dataset<Row> scores, Dataset<Row> previousLists, LocalDate day) {
        RequiredColumns.check(scores, "toRanked", ENTITY_TYPE, ENTITY_ID, SCORE, LIST_CATEGORY);
        RequiredColumns.check(previousLists, "toRanked (previous lists)", ENTITY_TYPE, ENTITY_ID, LIST_DATE);
        Dataset<Row> history = previousLists.where(col(LIST_DATE).lt(lit(day)))
                .groupBy(col(ENTITY_TYPE).as("_h_type"), col(ENTITY_ID).as("_h_id"))
                .agg(min(LIST_DATE).as("_first"), countDistinct(col(LIST_DATE)).as("_days"));
        return scores.join(history, col(ENTITY_TYPE).equalTo(col("_h_type")).and(col(ENTITY_ID).equalTo(col("_h_id"))), "left")
                .withColumn(FIRST_LISTED_ON, coalesce(col("_first"), lit(day)))
                .withColumn(DAYS_LISTED, coalesce(col("_days"), lit(0L)).plus(1))
                .drop("_h_type", "_h_id", "_first", "_days")
                .withColumn(RANK, row_number().over(Window.orderBy(
                        when(col(LIST_CATEGORY).equalTo(lit(ListCategory.FRAUD.code())), 0).otherwise(1),
                        col(SCORE).desc(), col(ENTITY_TYPE), col(ENTITY_ID))));
    }
}
