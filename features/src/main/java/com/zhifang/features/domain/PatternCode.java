package com.zhifang.features.domain;

/** The abuse patterns Zhifang detects, as listed in {@code suspects.patterns} (see docs/scoring.md). */
public enum PatternCode implements Code {
    /** Mass outgoing calls to many strangers, few answered or returned. */
    BULK_CALLING,
    /** One-ring calls that bait call-backs to premium numbers. */
    WANGIRI,
    /** A SIM box: many SIMs in one device relaying calls, or a SIM in such a device. */
    SIMBOX,
    /** Dialling through number ranges to find live numbers. */
    NUMBER_SCANNING,
    /** A trunk presenting caller numbers it may not present (+86 from abroad, unauthorised private-line numbers). */
    SPOOFED_CLI,
    /** Bulk or templated spam SMS, from a number or an SMS port's customer. */
    SPAM_SMS,
    /** A number in a ring of numbers linked to police-confirmed fraud. */
    FRAUD_RING;

    @Override
    public String code() {
        return name();
    }
}
