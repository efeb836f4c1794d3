package com.zhifang.features.ingest;

/** Thrown while reading one record's fields; the record goes to quarantine with this reason. */
public final class RejectedRecordException extends Exception {
    private final QuarantineReason reason;
    private final String field;

    public RejectedRecordException(QuarantineReason reason, String field, String message) {
        super(message, null, false, false);   // no stack trace: this is an expected, counted outcome
        this.reason = reason;
        this.field = field;
    }

    public QuarantineReason reason() {
        return reason;
    }

    /** The offending column, or null for record-level faults (column count, quoting). */
    public String field() {
        return field;
    }
}
