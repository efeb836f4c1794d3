package com.zhifang.features.domain;

/** How a line is paid for ({@code ref_subscribers.plan}). */
public enum Plan implements Code {
    PREPAID, POSTPAID;

    @Override
    public String code() {
        return name();
    }
}
