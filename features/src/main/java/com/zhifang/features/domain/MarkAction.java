package com.zhifang.features.domain;

/** A row of the 12321 feed: mark a number, or withdraw an earlier mark. */
public enum MarkAction implements Code {
    MARK,
    /** Withdraws a mark sent earlier: the number was restored on appeal or found a false positive since. */
    UNMARK;

    @Override
    public String code() {
        return name();
    }
}
