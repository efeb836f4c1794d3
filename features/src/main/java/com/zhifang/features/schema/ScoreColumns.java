package com.zhifang.features.schema;

/**
 * Column names of scoring and the suspect list (score and export stages).
 */
public final class ScoreColumns {
    private ScoreColumns() {}

    // ---- scoring and the suspect list (score and export stages) ----
    /** Date a suspect list describes (the run date D); partition of the suspects table. */
    public static final String LIST_DATE = "list_date";
    public static final String RANK = "rank";
    public static final String SCORE = "score";
    public static final String RULE_SCORE = "rule_score";
    /** The trained model's probability of fraud, 0..1. */
    public static final String MODEL_SCORE = "model_score";
    public static final String PATTERN = "pattern";
    /** {@code ;}-separated pattern codes of a suspect (export contract). */
    public static final String PATTERNS = "patterns";
    /** Name of the rule that scored best for a detection. */
    public static final String RULE = "rule";
    /** A detection whose rule had at least one holding support condition (evidence beyond its required ones). */
    public static final String CORROBORATED = "corroborated";
    /**
     * {@link com.zhifang.features.domain.ListCategory}: FRAUD, or COMPLIANCE when an entity's only evidence is
     * marketing-like volume without any sign of fraud (a detection's, then the listed entity's).
     */
    public static final String LIST_CATEGORY = "category";
    /** Evidence sentences (array in tables, {@code ; }-joined in the export). */
    public static final String REASONS = "reasons";
    /** {@link #REASONS} in Simplified Chinese: the same sentences, figures and order (each condition's {@code reason_zh}). */
    public static final String REASONS_ZH = "reasons_zh";
    /** The Chinese names of {@link #PATTERNS}, in the same order ({@link com.zhifang.features.domain.PatternCode#chineseName()}). */
    public static final String PATTERNS_ZH = "patterns_zh";
    public static final String FIRST_LISTED_ON = "first_listed_on";
    public static final String DAYS_LISTED = "days_listed";
}
