package com.zhifang.models.evaluate;

import com.zhifang.models.rules.Detector;
import com.zhifang.models.rules.Rule;
import com.zhifang.models.rules.RuleBook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whom each rule fires on, each rule on its own, against a generator truth file: the true fraud of the rule's
 * pattern it finds, fraud of other patterns, compliance cases (telemarketers, shops), legitimate look-alikes by
 * kind, and entities the truth does not know. How two rules files are compared rule by rule on the same week
 * ({@code zhifang evaluate --by-rule}); a rule firing is not the entity being listed (that needs the margin and
 * the other stages), so these are the rule's reach, not the list's.
 */
public final class RuleTally {
    /** One detection of one rule: the entity it fired on, and at what score. */
    public record Fired(String rule, String pattern, String entityType, String entityId, double score) {}

    /**
     * One rule's count.
     *
     * @param truePattern    true fraud entities of the rule's own pattern it fired on
     * @param patternSize    true fraud entities of that pattern (all, police-notified included) on the rule's entity type
     * @param otherFraud     true fraud of other patterns
     * @param compliance     compliance cases ({@link ListEvaluation#COMPLIANCE_KINDS})
     * @param lookalikes     every other legitimate kind the truth knows, by kind
     * @param unknown        entities the truth file does not know
     * @param listable       of all it fired on, those at or above the listing score on this rule alone
     */
    public record Row(String rule, String pattern, String entityType, int truePattern, int patternSize, int otherFraud,
                      int compliance, Map<String, Integer> lookalikes, int unknown, int listable) {
        public int fired() {
            return truePattern + otherFraud + compliance + lookalikes.values().stream().mapToInt(Integer::intValue).sum() + unknown;
        }
    }

    private RuleTally() {
    }

    /**
     * Per rule of {@code rules}, in file order, rules that fired on no one included; {@code listable} counts scores at
     * or above the file's {@code min_score}.
     */
    public static List<Row> tally(RuleBook rules, List<Fired> fired, List<ListEvaluation.Truth> truth) {
        Map<String, ListEvaluation.Truth> byKey = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();      // "type/pattern" -> true fraud entities
        for (ListEvaluation.Truth t : truth) {
            byKey.put(t.key(), t);
            if (t.fraud()) {
                sizes.merge(t.entityType() + "/" + t.pattern(), 1, Integer::sum);
            }
        }
        Map<String, List<Fired>> byRule = new HashMap<>();
        fired.forEach(f -> byRule.computeIfAbsent(ruleKey(f.rule(), f.pattern(), f.entityType()), k -> new ArrayList<>()).add(f));
        double minScore = rules.listing().minScore();
        List<Row> rows = new ArrayList<>();
        for (Detector d : rules.detectors()) {
            String type = d.entityType().code(), pattern = d.pattern().code();
            for (Rule rule : d.rules()) {
                int truePattern = 0, otherFraud = 0, compliance = 0, unknown = 0, listable = 0;
                Map<String, Integer> lookalikes = new TreeMap<>();
                for (Fired f : byRule.getOrDefault(ruleKey(rule.name(), pattern, type), List.of())) {
                    listable += f.score() >= minScore ? 1 : 0;
                    ListEvaluation.Truth t = byKey.get(f.entityType() + "/" + f.entityId());
                    if (t == null) {
                        unknown++;
                    } else if (t.fraud()) {
                        if (t.pattern().equals(f.pattern())) {
                            truePattern++;
                        } else {
                            otherFraud++;
                        }
                    } else if (ListEvaluation.COMPLIANCE_KINDS.contains(t.kind())) {
                        compliance++;
                    } else {
                        lookalikes.merge(t.kind(), 1, Integer::sum);
                    }
                }
                rows.add(new Row(rule.name(), pattern, type, truePattern, sizes.getOrDefault(type + "/" + pattern, 0), otherFraud,
                        compliance, lookalikes, unknown, listable));
            }
        }
        return rows;
    }

    private static String ruleKey(String rule, String pattern, String entityType) {
        return rule + "\u0000" + pattern + "\u0000" + entityType;
    }

    /** The tally as a markdown table. */
    public static String toMarkdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("| rule | on | fired | listable alone | true fraud of its pattern | other fraud "
                + "| compliance | look-alikes | unknown to the truth |\n|---|---|---:|---:|---:|---:|---:|---|---:|\n");
        for (Row r : rows) {
            String lookalikes = r.lookalikes().isEmpty() ? "0" : String.join(", ",
                    r.lookalikes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
            sb.append(String.format(Locale.ROOT, "| %s (%s) | %s | %d | %d | %d of %d | %d | %d | %s | %d |%n", r.rule(), r.pattern(),
                    r.entityType(), r.fired(), r.listable(), r.truePattern(), r.patternSize(), r.otherFraud(), r.compliance(), lookalikes,
                    r.unknown()));
        }
        return sb.toString();
    }
}
