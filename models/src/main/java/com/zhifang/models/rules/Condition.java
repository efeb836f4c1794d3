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
 * {@code {text}}.
 *
 * @param weight for support conditions only: how far a holding support closes the gap to 1.0
 */
public record Condition(String feature, String op, Object value, Double strong, String reason, double weight) {
    static final Set<String> NUMERIC_OPS = Set.of(">=", ">", "<=", "<");
    static final Set<String> EQUALITY_OPS = Set.of("==", "!=");
    static final Set<String> PLACEHOLDERS = Set.of("{int}", "{pct}", "{dec}", "{text}");

    public Condition {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value of " + feature);
        Objects.requireNonNull(reason, "reason of " + feature);
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
        long placeholders = PLACEHOLDERS.stream().filter(reason::contains).count();
        if (placeholders > 1 || reason.indexOf('{') != reason.lastIndexOf('{')
                || (placeholders == 0 && reason.indexOf('{') >= 0)) {
            throw new IllegalArgumentException(feature + ": reason '" + reason + "' may hold one of " + PLACEHOLDERS + " and no other braces");
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

    /** The placeholder used in {@link #reason}, or null when the sentence has none. */
    public String placeholder() {
        return PLACEHOLDERS.stream().filter(reason::contains).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %s", feature, op, value);
    }
}
