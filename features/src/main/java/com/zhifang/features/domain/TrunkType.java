package com.zhifang.features.domain;

/** The kind of trunk a call entered on ({@code ref_trunks.trunk_type}). */
public enum TrunkType implements Code {
    INTERNATIONAL, INTERCONNECT, PRIVATE_LINE;

    @Override
    public String code() {
        return name();
    }
}
