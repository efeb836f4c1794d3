package com.zhifang.features.domain;

/** Where a complaint came in ({@code complaints.channel}). */
public enum ComplaintChannel implements Code {
    /** The 12321 harmful-information reporting centre. */
    REPORTING_CENTRE_12321("12321"),
    /** The carrier's app. */
    APP("APP"),
    /** The carrier's customer hotline. */
    HOTLINE("HOTLINE");

    private final String code;

    ComplaintChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
