package com.zhifang.features.domain;

/** A row of the suspension worklist ({@code exports/<D>/suspension.csv}, column {@code entry}). */
public enum WorklistEntry implements Code {
    /** A number the police notified in writing that is not yet suspended: to suspend (MIIT work plan, item 14). */
    NOTIFIED,
    /** A line in service that shares an identity or a handset with a notified number: to review, not to suspend. */
    REVIEW;

    @Override
    public String code() {
        return name();
    }
}
