package com.zhifang.features.domain;

import java.util.Arrays;

/** What the enforcement team decided about a listed entity ({@code feedback.outcome}). */
public enum FeedbackOutcome implements Code {
    /** Fraud confirmed: a positive label and a seed for association analysis. */
    CONFIRMED_FRAUD,
    /** Listed wrongly: a negative label; kept off the list. */
    FALSE_POSITIVE,
    /** Suspended, then restored on the subscriber's appeal: a negative label; kept off the list for a while. */
    RESTORED_ON_APPEAL;

    @Override
    public String code() {
        return name();
    }

    /** Whether the decision clears the entity (a negative label). */
    public boolean clears() {
        return this != CONFIRMED_FRAUD;
    }

    /** The codes of the decisions that clear an entity, for an {@code isin} over {@code feedback.outcome}. */
    public static Object[] clearingCodes() {
        return Arrays.stream(values()).filter(FeedbackOutcome::clears).map(FeedbackOutcome::code).toArray();
    }
}
