package com.zhifang.models.rank;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.FeedbackOutcome;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.reference.Allowlist;
import com.zhifang.features.domain.PatternCode;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import static com.zhifang.features.schema.ScoreColumns.PATTERNS_ZH;
import static com.zhifang.features.schema.ScoreColumns.RANK;
import static com.zhifang.features.schema.ScoreColumns.REASONS;
import static com.zhifang.features.schema.ScoreColumns.REASONS_ZH;
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
    /** The model's sentence, last among the reasons; {@code %.1f%%} is its probability as a percentage. */
    private static final String MODEL_REASON = "model: fraud probability %.1f%%";
    /** {@link #MODEL_REASON} in Chinese, last among {@code reasons_zh}. */
    private static final String MODEL_REASON_ZH = "模型：诈骗概率%.1f%%";
    /** Between a further pattern's code and its sentence in {@code reasons}: {@code SPAM_SMS: ...}. */
    private static final String PATTERN_PREFIX = ": ";
    /** The same in {@code reasons_zh}, the full-width colon of Chinese text: {@code 垃圾短信：...}. */
    private static final String PATTERN_PREFIX_ZH = "：";

    private SuspectRanking() {
    }

    /**
     * Detections ({@code entity_type, entity_id, pattern, score, reasons, corroborated}) to one row
     * per entity: {@code rule_score} = 1 - prod(1 - pattern score) (independent evidence adds up but
     * never passes 1), {@code patterns} ordered by their score, and {@code reasons}: the strongest
     * pattern's sentences, each further pattern's prefixed with its code. {@code patterns_zh} and
     * {@code reasons_zh} are the same in Chinese, in the same order: the patterns' Chinese names,
     * and the Chinese sentences with a further pattern's Chinese name and a full-width colon before them.
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
        RequiredColumns.check(detections, "toEntityScores", ENTITY_TYPE, ENTITY_ID, PATTERN, SCORE, REASONS, REASONS_ZH, CORROBORATED,
                LIST_CATEGORY);
        Column ordered = sort_array(collect_list(struct(negate(col(SCORE)).as(SORT_KEY), col(PATTERN), col(REASONS), col(REASONS_ZH))));
        Column combined = lit(1.0).minus(exp(sum(log1p(negate(least(col(SCORE), lit(SCORE_CEILING)))))));
        Column capped = when(max(col(CORROBORATED)), combined).otherwise(least(combined, lit(uncorroboratedMax)));
        return detections
                .groupBy(ENTITY_TYPE, ENTITY_ID)
                .agg(round(capped, 6).as(RULE_SCORE), ordered.as("_ordered"),
                        when(max(col(LIST_CATEGORY).equalTo(lit(ListCategory.FRAUD.code()))), lit(ListCategory.FRAUD.code()))
                                .otherwise(lit(ListCategory.COMPLIANCE.code())).as(LIST_CATEGORY))
                .select(col(ENTITY_TYPE), col(ENTITY_ID), col(RULE_SCORE), col(LIST_CATEGORY),
                        transform(col("_ordered"), d -> d.getField(PATTERN)).as(PATTERNS),
                        strongestFirst(col("_ordered"), REASONS, d -> d.getField(PATTERN), PATTERN_PREFIX).as(REASONS),
                        transform(col("_ordered"), d -> chineseName(d.getField(PATTERN))).as(PATTERNS_ZH),
                        strongestFirst(col("_ordered"), REASONS_ZH, d -> chineseName(d.getField(PATTERN)), PATTERN_PREFIX_ZH)
                                .as(REASONS_ZH));
    }

    /**
     * The sentences of {@code field} of every detection in {@code ordered} (strongest first): the first detection's as
     * they are, each further one's prefixed with its pattern's {@code name} and {@code separator}.
     */
    private static Column strongestFirst(Column ordered, String field, Function<Column, Column> name,
                                         String separator) {
        return flatten(transform(ordered, (d, i) -> when(i.equalTo(0), d.getField(field))
                .otherwise(transform(d.getField(field), r -> concat(name.apply(d), lit(separator), r)))));
    }

    /** The Chinese name of a pattern code column ({@link PatternCode#chineseName()}); the code itself were it unknown. */
    private static Column chineseName(Column pattern) {
        List<Column> pairs = new ArrayList<>();
        for (PatternCode p : PatternCode.values()) {
            pairs.add(lit(p.code()));
            pairs.add(lit(p.chineseName()));
        }
        return coalesce(element_at(map(pairs.toArray(new Column[0])), pattern), pattern);
    }

    /**
     * Blends the trained model's probability into numbers' scores:
     * {@code score = (1 - w) rule_score + w model_score}; entities without a model score (other
     * types, or no approved model) keep {@code score = rule_score}. {@code modelScores} has
     * {@code number, model_score}; pass null when there is no model. Adds the model's figure to the
     * reasons (and to the Chinese ones) so the analyst sees it.
     */
    public static Dataset<Row> withModelScores(Dataset<Row> entityScores, Dataset<Row> modelScores, double weight) {
        RequiredColumns.check(entityScores, "withModelScores", ENTITY_TYPE, ENTITY_ID, RULE_SCORE, REASONS, REASONS_ZH);
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
                .withColumn(REASONS, withModelReason(REASONS, MODEL_REASON))
                .withColumn(REASONS_ZH, withModelReason(REASONS_ZH, MODEL_REASON_ZH));
    }

    /** The sentences of {@code column}, then the model's probability in {@code format} when the entity has one. */
    private static Column withModelReason(String column, String format) {
        return when(col(MODEL_SCORE).isNull(), col(column))
                .otherwise(concat(col(column), array(format_string(format, col(MODEL_SCORE).multiply(100)))));
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
        RequiredColumns.check(portCodes, "allowlist (port codes)", ENTITY_ID, NUMBER);
        Dataset<Row> valid = Allowlist.inForce(allowlist, day).select(Allowlist.ENTRY, Allowlist.ENTRY_IS_PREFIX);
        Dataset<Row> codes = portCodes.select(col(ENTITY_ID).as("_port_customer"), col(NUMBER).as("_code")).distinct();
        Dataset<Row> ports = codes.join(broadcast(valid), Allowlist.covers(col("_code")), "left")
                .groupBy("_port_customer", "_code").agg(max(col(Allowlist.ENTRY).isNotNull()).as("_covered"))
                .groupBy("_port_customer").agg(min(col("_covered")).as("_all_covered"))
                .where(col("_all_covered"))
                .select(col("_port_customer").as(Allowlist.ENTRY), lit(false).as(Allowlist.ENTRY_IS_PREFIX),
                        lit(EntityType.PORT_CUSTOMER.code()).as("_allow_type"));
        return valid.withColumn("_allow_type", lit(EntityType.NUMBER.code())).unionByName(ports);
    }

    private static Column allowlistMatch() {
        return col(ENTITY_TYPE).equalTo(col("_allow_type")).and(Allowlist.covers(col(ENTITY_ID)));
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
