package com.zhifang.models.rules;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.PatternCode;
import java.util.List;
import java.util.Objects;

/**
 * A pattern code of the suspect-list contract, detected on one entity type by one or more rules;
 * the entity's score for the pattern is its best rule's score (rules are alternatives).
 */
public record Detector(PatternCode pattern, EntityType entityType, List<Rule> rules) {
    public Detector {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(entityType, "entity type of " + pattern);
        rules = List.copyOf(Objects.requireNonNull(rules, "rules of " + pattern));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(pattern + " on " + entityType + " has no rules");
        }
    }
}
