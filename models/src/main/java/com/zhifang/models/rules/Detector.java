package com.zhifang.models.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pattern code of the suspect-list contract, detected on one entity type by one or more rules;
 * the entity's score for the pattern is its best rule's score (rules are alternatives).
 */
public record Detector(String pattern, String entityType, List<Rule> rules) {
    public static final Set<String> PATTERNS = Set.of(
            "BULK_CALLING", "WANGIRI", "SIMBOX", "NUMBER_SCANNING", "SPOOFED_CLI", "SPAM_SMS", "FRAUD_RING");
    public static final Set<String> ENTITY_TYPES = Set.of("NUMBER", "TRUNK", "DEVICE", "PORT_CUSTOMER");

    public Detector {
        if (!PATTERNS.contains(pattern)) {
            throw new IllegalArgumentException("unknown pattern code '" + pattern + "'; known: " + PATTERNS);
        }
        if (!ENTITY_TYPES.contains(entityType)) {
            throw new IllegalArgumentException(pattern + ": unknown entity type '" + entityType + "'; known: " + ENTITY_TYPES);
        }
        rules = List.copyOf(Objects.requireNonNull(rules, "rules of " + pattern));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(pattern + " on " + entityType + " has no rules");
        }
    }
}
