package com.zhifang.models.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.PatternCode;

import java.util.List;

/**
 * The rules file as written: Jackson binds the JSON (snake_case keys, comments allowed) to these
 * records, and an unknown or misspelled key fails at load time with its JSON path. {@link RuleBook}
 * then validates the values and builds the detectors. The published JSON Schema
 * ({@code conf/rules/zhifang-rules.schema.json}) describes the same layout; a test keeps the two in step.
 */
record RulesFile(@JsonProperty(required = true) String version,
                 @JsonProperty(required = true) ListingJson listing,
                 @JsonProperty(required = true) List<DetectorJson> detectors) {

    /** {@code "listing"}: who gets listed and who stays off ({@link RuleBook.Listing}). */
    record ListingJson(@JsonProperty(required = true) Double minScore,
                       @JsonProperty(required = true) Integer appealSuppressionDays,
                       @JsonProperty(required = true) Double appealOverrideMargin,
                       Double modelWeight,
                       Double uncorroboratedMax) {}

    /**
     * One element of {@code "detectors"}: a pattern code on one entity type, with its rules, and the category of
     * what it finds when no support condition of its firing rule holds (default FRAUD).
     */
    record DetectorJson(@JsonProperty(required = true) PatternCode pattern,
                        @JsonProperty(required = true) EntityType entity,
                        ListCategory uncorroboratedCategory,
                        @JsonProperty(required = true) List<RuleJson> rules) {}

    /** One rule: required conditions, optional supporting ones. */
    record RuleJson(@JsonProperty(required = true) String name,
                    @JsonProperty(required = true) List<ConditionJson> require,
                    List<ConditionJson> support) {}

    /**
     * One condition; {@code value} is a number, a boolean or text. {@code reason_zh} is required too, but checked by
     * {@link RuleBook} rather than here, so that a missing one is reported with the detector, rule and feature it
     * belongs to (an analyst adding Chinese sentences to an older file finds each gap by name).
     */
    record ConditionJson(@JsonProperty(required = true) String feature,
                         @JsonProperty(required = true) String op,
                         @JsonProperty(required = true) JsonNode value,
                         Double strong,
                         @JsonProperty(required = true) String reason,
                         String reasonZh,
                         Double weight) {}
}
