package com.zhifang.models.rules;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One test of a rule on one feature column, with the sentence that reports it.
 *
 * <p>Numeric tests ({@code >=}, {@code >}, {@code <=}, {@code <}) carry a {@code threshold} where
 * the test starts to hold and a {@code strong} value where the evidence counts in full: a value at
 * the threshold scores 0.5, at {@code strong} (or beyond) 1.0, linearly in between ({@code strong}
 * is needed for required conditions only: a support adds its fixed weight). Equality tests
 * ({@code ==}, {@code !=}) compare text or booleans: they qualify a rule (which kind of trunk,
 * notified by police or not) and must hold, but count in its score only when the rule has no
 * numeric test (then in full). A missing value (null) never holds: no evidence is no evidence.
 *
 * <p>{@code reason} is the evidence sentence, with at most one placeholder for the value:
 * {@code {int}} (rounded), {@code {pct}} (share as a percentage), {@code {dec}} (two decimals) or
 * {@code {text}}. {@code reasonZh} ({@code reason_zh} in the rules file) is the same evidence in
 * Simplified Chinese for Chinese analysts and police, and must carry the same placeholder (or none
 * when {@code reason} has none), so both sentences quote the same figure. Neither is optional: a
 * list handed over in one language only would leave its readers without the evidence.
 *
 * @param weight for support conditions only: how far a holding support closes the gap to 1.0
 */
public record Condition(String feature, String op, Object value, Double strong, String reason, String reasonZh, double weight) {
    static final Set<String> NUMERIC_OPS = Set.of(">=", ">", "<=", "<");
    static final Set<String> EQUALITY_OPS = Set.of("==", "!=");
    static final Set<String> PLACEHOLDERS = Set.of("{int}", "{pct}", "{dec}", "{text}");

    public Condition {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value of " + feature);
        Objects.requireNonNull(reason, "reason of " + feature);
        if (reasonZh == null || reasonZh.isBlank()) {   // a blank one would fill the list with empty evidence
            throw new IllegalArgumentException(feature + ": reason_zh is missing: every condition carries its evidence in Chinese beside"
                    + " reason '" + reason + "', with the same placeholder");
        }
        if (!NUMERIC_OPS.contains(op) && !EQUALITY_OPS.contains(op)) {
            throw new IllegalArgumentException(feature + ": unknown op '" + op + "' (use >=, >, <=, <, ==, !=)");
        }
        if (NUMERIC_OPS.contains(op)) {
            if (!(value instanceof Number)) {
                throw new IllegalArgumentException(feature + " " + op + ": threshold must be a number, got " + value);
            }
            double t = ((Number) value).doubleValue();
            boolean upward = op.startsWith(">");
            if (strong != null && (upward ? strong <= t : strong >= t)) {
                throw new IllegalArgumentException(feature + " " + op + " " + t + ": strong " + strong
                        + " must lie beyond the threshold, on the side the test holds");
            }
        }
        checkTemplate(feature, "reason", reason);
        checkTemplate(feature, "reason_zh", reasonZh);
        if (!Objects.equals(placeholderOf(reason), placeholderOf(reasonZh))) {
            throw new IllegalArgumentException(feature + ": reason_zh '" + reasonZh + "' holds " + describe(placeholderOf(reasonZh))
                    + " but reason '" + reason + "' holds " + describe(placeholderOf(reason))
                    + ": both sentences must quote the same figure the same way");
        }
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException(feature + ": weight must be in [0, 1], got " + weight);
        }
    }

    public boolean numeric() {
        return NUMERIC_OPS.contains(op);
    }

    public double threshold() {
        return ((Number) value).doubleValue();
    }

    /** The placeholder used in {@link #reason} (and so in {@link #reasonZh}), or null when the sentences have none. */
    public String placeholder() {
        return placeholderOf(reason);
    }

    /** The placeholder a template holds, or null when it has none. */
    static String placeholderOf(String template) {
        return PLACEHOLDERS.stream().filter(template::contains).findFirst().orElse(null);
    }

    /** A template holds at most one placeholder and no other braces. */
    private static void checkTemplate(String feature, String key, String template) {
        long placeholders = PLACEHOLDERS.stream().filter(template::contains).count();
        if (placeholders > 1 || template.indexOf('{') != template.lastIndexOf('{')
                || (placeholders == 0 && template.indexOf('{') >= 0)) {
            throw new IllegalArgumentException(feature + ": " + key + " '" + template + "' may hold one of " + PLACEHOLDERS
                    + " and no other braces");
        }
    }

    private static String describe(String placeholder) {
        return placeholder == null ? "no placeholder" : placeholder;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s", feature, op, value);
    }
}
