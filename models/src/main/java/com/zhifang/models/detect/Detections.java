package com.zhifang.models.detect;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.schema.RequiredColumns;
import com.zhifang.models.rules.Condition;
import com.zhifang.models.rules.Detector;
import com.zhifang.models.rules.Rule;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.zhifang.features.schema.RecordColumns.ENTITY_ID;
import static com.zhifang.features.schema.RecordColumns.ENTITY_TYPE;
import static com.zhifang.features.schema.ScoreColumns.LIST_CATEGORY;
import static com.zhifang.features.schema.ScoreColumns.CORROBORATED;
import static com.zhifang.features.schema.ScoreColumns.PATTERN;
import static com.zhifang.features.schema.ScoreColumns.REASONS;
import static com.zhifang.features.schema.ScoreColumns.REASONS_ZH;
import static com.zhifang.features.schema.ScoreColumns.RULE;
import static com.zhifang.features.schema.ScoreColumns.SCORE;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Runs the rules file's detectors over one entity type's feature rows.
 *
 * <p>Cost: one projection and one explode over the feature rows (no shuffle, no join): each rule is
 * a column expression, a detector's result is the greatest of its rules' (score, rule, reasons)
 * structs, and the entity's detections are the non-null ones exploded to rows. The Chinese sentences
 * are built beside the English ones in the same struct, so both come from the same best rule and
 * hold the same figures.
 */
public final class Detections {
    /** What {@link #toDetections} returns. */
    public static final StructType DETECTION_SCHEMA = new StructType()
            .add(ENTITY_TYPE, DataTypes.StringType, false)
            .add(ENTITY_ID, DataTypes.StringType, false)
            .add(PATTERN, DataTypes.StringType, false)
            .add(SCORE, DataTypes.DoubleType, false)
            .add(RULE, DataTypes.StringType, false)
            .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(REASONS_ZH, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(CORROBORATED, DataTypes.BooleanType, false)
            .add(LIST_CATEGORY, DataTypes.StringType, false);

    private static final String BEST = "_best";
    private static final String FOUND = "_found";

    private Detections() {
    }

    /**
     * {@code entity_type, entity_id, pattern, score, rule, reasons, reasons_zh, corroborated, category}: one row per
     * entity and pattern that fired. {@code reasons} holds the evidence sentences of the rule that scored
     * best, with the entity's own values; {@code reasons_zh} the same sentences in Chinese, in the same
     * order with the same figures; {@code corroborated} says whether a support condition of
     * that rule held; {@code category} is FRAUD when it did, else the detector's
     * {@link Detector#uncorroboratedCategory()}.
     *
     * @param idColumn          the feature rows' key column (number, imei, trunk_id, port_customer)
     * @param uncorroboratedMax the score of a rule whose required conditions all count in full, before supports
     */
    public static Dataset<Row> toDetections(Dataset<Row> features, EntityType entityType, String idColumn, List<Detector> detectors,
                                            double uncorroboratedMax) {
        Set<String> needed = new LinkedHashSet<>();
        needed.add(idColumn);
        for (Detector d : detectors) {
            if (d.entityType() != entityType) {
                throw new IllegalArgumentException(d.pattern() + " detects " + d.entityType() + ", not " + entityType);
            }
            d.rules().forEach(r -> {
                r.require().forEach(c -> needed.add(c.feature()));
                r.support().forEach(c -> needed.add(c.feature()));
            });
        }
        RequiredColumns.check(features, "detectors on " + entityType + " (features named in the rules file)",
                needed.toArray(new String[0]));
        if (detectors.isEmpty()) {
            return features.sparkSession().createDataFrame(List.of(), DETECTION_SCHEMA);
        }
        List<Column> found = new ArrayList<>();
        for (Detector d : detectors) {
            found.add(struct(lit(d.pattern().code()).as(PATTERN), best(d, uncorroboratedMax).as(BEST),
                    lit(d.uncorroboratedCategory().code()).as(LIST_CATEGORY)));
        }
        return features
                .select(col(idColumn).cast("string").as(ENTITY_ID), explode(array(found.toArray(new Column[0]))).as(FOUND))
                .where(col(FOUND + "." + BEST).isNotNull())
                .select(lit(entityType.code()).as(ENTITY_TYPE), col(ENTITY_ID), col(FOUND + "." + PATTERN).as(PATTERN),
                        col(FOUND + "." + BEST + "." + SCORE).as(SCORE), col(FOUND + "." + BEST + "." + RULE).as(RULE),
                        col(FOUND + "." + BEST + "." + REASONS).as(REASONS),
                        col(FOUND + "." + BEST + "." + REASONS_ZH).as(REASONS_ZH),
                        col(FOUND + "." + BEST + "." + CORROBORATED).as(CORROBORATED),
                        when(col(FOUND + "." + BEST + "." + CORROBORATED), lit(ListCategory.FRAUD.code()))
                                .otherwise(col(FOUND + "." + LIST_CATEGORY)).as(LIST_CATEGORY));
    }

    /** The best firing rule of a detector as struct(score, rule, reasons, reasons_zh, corroborated), null when none fires. */
    private static Column best(Detector detector, double uncorroboratedMax) {
        List<Column> candidates = new ArrayList<>();
        for (Rule rule : detector.rules()) {
            candidates.add(ruleResult(rule, uncorroboratedMax));
        }
        return candidates.size() == 1 ? candidates.get(0) : greatest(candidates.toArray(new Column[0]));
    }

    private static Column ruleResult(Rule rule, double uncorroboratedMax) {
        Column fired = lit(true);
        Column strengthSum = lit(0.0);
        int graded = 0;
        List<Column> reasons = new ArrayList<>();
        List<Column> reasonsZh = new ArrayList<>();
        for (Condition c : rule.require()) {
            fired = fired.and(holds(c));
            // An equality test qualifies (which kind of trunk, notified or not): it must hold, and it is the evidence
            // only in a rule without numeric tests. Otherwise "a private line" would lift every private-line rule's
            // score as if it were a degree of evidence.
            if (c.numeric()) {
                strengthSum = strengthSum.plus(strength(c));
                graded++;
            }
            reasons.add(sentence(c, c.reason()));
            reasonsZh.add(sentence(c, c.reasonZh()));
        }
        // Mean strength 0.5..1 maps onto 0.5..uncorroboratedMax (RuleBook.FIRING_SCORE at the bare thresholds);
        // supports close the rest of the gap to 1.
        Column meanStrength = graded == 0 ? lit(1.0) : strengthSum.divide(graded);
        Column score = lit(RuleBook.FIRING_SCORE).plus(meanStrength.minus(0.5).multiply((uncorroboratedMax - RuleBook.FIRING_SCORE) / 0.5));
        Column corroborated = lit(false);
        for (Condition s : rule.support()) {
            Column supported = holds(s);
            score = when(supported, score.plus(lit(1.0).minus(score).multiply(s.weight()))).otherwise(score);
            if (s.weight() > 0) {            // a weight-0 support only names a fact (a device's IMEI): no evidence
                corroborated = corroborated.or(supported);
            }
            reasons.add(when(supported, sentence(s, s.reason())));
            reasonsZh.add(when(supported, sentence(s, s.reasonZh())));
        }
        return when(fired, struct(score.as(SCORE), lit(rule.name()).as(RULE), holding(reasons).as(REASONS),
                holding(reasonsZh).as(REASONS_ZH), corroborated.as(CORROBORATED)));
    }

    /** The sentences of the conditions that hold (a support that does not hold left a null). */
    private static Column holding(List<Column> sentences) {
        return filter(array(sentences.toArray(new Column[0])), r -> r.isNotNull());
    }

    /** True when the condition holds; false (never null) when the value is missing. */
    static Column holds(Condition c) {
        Column v = col(c.feature());
        Column test = switch (c.op()) {
            case ">=" -> v.geq(c.threshold());
            case ">" -> v.gt(c.threshold());
            case "<=" -> v.leq(c.threshold());
            case "<" -> v.lt(c.threshold());
            case "==" -> v.equalTo(lit(c.value()));
            case "!=" -> v.notEqual(lit(c.value()));
            default -> throw new IllegalStateException(c.op());
        };
        return coalesce(test, lit(false));
    }

    /** A numeric test's strength: 0.5 at the threshold rising to 1.0 at the strong value; 1.0 when it has no strong value. */
    static Column strength(Condition c) {
        if (c.strong() == null) {
            return lit(1.0);
        }
        Column v = col(c.feature()).cast("double");
        double t = c.threshold();
        Column beyond = c.op().startsWith(">") ? v.minus(t).divide(c.strong() - t) : lit(t).minus(v).divide(t - c.strong());
        return lit(0.5).plus(lit(0.5).multiply(least(lit(1.0), greatest(lit(0.0), beyond))));
    }

    /**
     * One of the condition's sentences ({@link Condition#reason()} or {@link Condition#reasonZh()}, which hold the same
     * placeholder) with the entity's value in place of the placeholder, formatted alike in both languages.
     */
    static Column sentence(Condition c, String template) {
        String placeholder = c.placeholder();
        if (placeholder == null) {
            return lit(template);
        }
        int at = template.indexOf(placeholder);
        Column v = col(c.feature());
        Column value = switch (placeholder) {
            case "{int}" -> format_string("%d", round(v.cast("double")).cast("long"));
            case "{pct}" -> format_string("%.1f%%", v.cast("double").multiply(100));
            case "{dec}" -> format_string("%.2f", v.cast("double"));
            default -> v.cast("string");
        };
        return concat(lit(template.substring(0, at)), coalesce(value, lit("?")), lit(template.substring(at + placeholder.length())));
    }
}
