package com.zhifang.models.rules;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.PatternCode;
import java.util.List;
import java.util.Objects;

/**
 * A pattern code of the suspect-list contract, detected on one entity type by one or more rules;
 * the entity's score for the pattern is its best rule's score (rules are alternatives).
 *
 * @param uncorroboratedCategory the category of a detection whose firing rule had no holding support
 *                               condition: FRAUD for patterns that are fraud in themselves, COMPLIANCE for
 *                               a pattern lawful marketing also shows (bulk calling), whose fraud lies only in
 *                               the corroborating signs (young SIM, fraud complaints, no incoming calls, ...).
 *                               A corroborated detection is always FRAUD.
 */
public record Detector(PatternCode pattern, EntityType entityType, ListCategory uncorroboratedCategory, List<Rule> rules) {
    public Detector {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(entityType, "entity type of " + pattern);
        uncorroboratedCategory = uncorroboratedCategory == null ? ListCategory.FRAUD : uncorroboratedCategory;
        rules = List.copyOf(Objects.requireNonNull(rules, "rules of " + pattern));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(pattern + " on " + entityType + " has no rules");
        }
    }

    /** A detector whose every detection is FRAUD. */
    public Detector(PatternCode pattern, EntityType entityType, List<Rule> rules) {
        this(pattern, entityType, ListCategory.FRAUD, rules);
    }
}
