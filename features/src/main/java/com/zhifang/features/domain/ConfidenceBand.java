package com.zhifang.features.domain;

/**
 * How sure a mark is, for the 12321 centre's display policy: police confirmation or a corroborated score near the
 * top is {@code HIGH}; a listed entity scored in the upper part of the listing range {@code MEDIUM}; the rest
 * {@code LOW}.
 */
public enum ConfidenceBand implements Code {
    HIGH, MEDIUM, LOW;

    /** Scores at or above this are HIGH: beyond what required conditions alone reach (corroborated evidence). */
    public static final double HIGH_FROM = 0.9;
    /** Scores at or above this are MEDIUM. */
    public static final double MEDIUM_FROM = 0.75;

    @Override
    public String code() {
        return name();
    }
}
