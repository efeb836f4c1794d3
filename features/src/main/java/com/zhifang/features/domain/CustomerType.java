package com.zhifang.features.domain;

/** Who holds a line ({@code ref_subscribers.customer_type}). */
public enum CustomerType implements Code {
    PERSONAL, ENTERPRISE;

    @Override
    public String code() {
        return name();
    }
}
