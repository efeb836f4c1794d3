package com.zhifang.models.rules;

import java.util.List;
import java.util.Objects;

/**
 * One way a pattern shows: every {@code require} condition must hold; each holding {@code support}
 * condition raises the score and adds its sentence to the reasons, but is not needed.
 *
 * <p>Score when the rule fires: the mean of the required conditions' strengths (each in 0.5..1),
 * mapped onto 0.5..{@code uncorroborated_max} (listing setting), then each holding support closes
 * its {@code weight} share of the remaining gap to 1.
 */
public record Rule(String name, List<Condition> require, List<Condition> support) {
    public Rule {
        Objects.requireNonNull(name, "rule name");
        require = List.copyOf(Objects.requireNonNull(require, "require of " + name));
        support = support == null ? List.of() : List.copyOf(support);
        if (require.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' needs at least one required condition");
        }
    }
}
