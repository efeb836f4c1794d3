package com.zhifang.features.domain;

/** A line's state in the subscriber snapshot ({@code ref_subscribers.status}). */
public enum SubscriberStatus implements Code {
    ACTIVE, SUSPENDED, CLOSED;

    @Override
    public String code() {
        return name();
    }
}
