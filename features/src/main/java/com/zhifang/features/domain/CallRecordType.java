package com.zhifang.features.domain;

/** The leg a voice record describes ({@code voice_calls.record_type}). */
public enum CallRecordType implements Code {
    /** Originated by our subscriber: the calling side is ours. */
    MO,
    /** Terminated at our subscriber. */
    MT,
    /** Entered our network on a trunk (interconnect, international, private line). */
    GW;

    @Override
    public String code() {
        return name();
    }
}
