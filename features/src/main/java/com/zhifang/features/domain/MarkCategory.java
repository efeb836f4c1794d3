package com.zhifang.features.domain;

/**
 * The marked-number vocabulary of the feed to the 12321 reporting centre ({@code marked-numbers.csv}): what a
 * caller-ID display shows about a number, in the centre's own words ({@link #chinese()}).
 */
public enum MarkCategory implements Code {
    /** Fraud: one-ring, SIM box, scanning, ring membership, or bulk calling with fraud complaints. */
    FRAUD("诈骗"),
    /** Harassment: bulk one-way calling with signs of fraud-style operation but no fraud complaint. */
    HARASSMENT("骚扰"),
    /** Advertising and sales calls: a compliance case (marketing volume only). */
    ADVERTISING("广告推销"),
    /** Spam SMS: bulk templated messages. */
    SPAM_SMS("垃圾短信");

    private final String chinese;

    MarkCategory(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    @Override
    public String code() {
        return name();
    }
}
