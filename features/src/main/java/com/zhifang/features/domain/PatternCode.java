package com.zhifang.features.domain;

/**
 * The abuse patterns Zhifang detects, as listed in {@code suspects.patterns} (see docs/scoring.md),
 * each with the name Chinese anti-fraud staff and police know it by ({@code suspects.patterns_zh},
 * and the prefix of a further pattern's Chinese reasons).
 */
public enum PatternCode implements Code {
    /** Mass outgoing calls to many strangers, few answered or returned. */
    BULK_CALLING("批量外呼"),
    /** One-ring calls that bait call-backs to premium numbers. */
    WANGIRI("响一声诈骗"),
    /** A SIM box: many SIMs in one device relaying calls, or a SIM in such a device. */
    SIMBOX("猫池"),
    /** Dialling through number ranges to find live numbers. */
    NUMBER_SCANNING("号码扫描"),
    /** A trunk presenting caller numbers it may not present (+86 from abroad, unauthorised private-line numbers). */
    SPOOFED_CLI("改号/虚假主叫"),
    /** Bulk or templated spam SMS, from a number or an SMS port's customer. */
    SPAM_SMS("垃圾短信"),
    /** A number in a ring of numbers linked to police-confirmed fraud. */
    FRAUD_RING("诈骗团伙");

    private final String chineseName;

    PatternCode(String chineseName) {
        this.chineseName = chineseName;
    }

    @Override
    public String code() {
        return name();
    }

    /** The pattern's name in Simplified Chinese, as Chinese evidence and exports show it. */
    public String chineseName() {
        return chineseName;
    }
}
