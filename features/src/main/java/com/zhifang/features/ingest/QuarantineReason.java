package com.zhifang.features.ingest;

/**
 * Why a line is in the quarantine table. Stored by name in its {@code reason}. Every reason but
 * {@link #CONFLICTING_DUPLICATE} rejects the record: the line counts as quarantined.
 */
public enum QuarantineReason {
    /** A timestamp or date field that is not ISO-8601 (timestamps need an offset). */
    BAD_TIMESTAMP,
    /** A numeric field that is not a non-negative integer, or a 0/1 flag that is neither. */
    BAD_NUMBER_FIELD,
    /** {@code record_type} outside the dataset's allowed set. */
    UNKNOWN_RECORD_TYPE,
    /** Another coded field (category, channel, outcome, plan ...) outside its allowed set. */
    UNKNOWN_CODE,
    /** The record has more or fewer fields than the file's header. */
    WRONG_COLUMN_COUNT,
    /**
     * A required number field (the called party, a recipient, a notice's or complaint's number, a
     * subscriber's MSISDN ...) holds a number that cannot be used
     * ({@link com.zhifang.features.phone.NormalizedNumber#unusable()}).
     */
    INVALID_NUMBER,
    /** A field the contract requires is empty. */
    MISSING_REQUIRED_FIELD,
    /** Broken RFC 4180 quoting (text after a closing quote). */
    BAD_QUOTING,
    /**
     * Not a rejection but a review: two copies of one record id (in one day partition) whose
     * content differs. Both are written, the copy kept in the table (counted as accepted, possibly
     * by an earlier run) and the copy not stored (counted as a duplicate); their {@code counted_as}
     * says which is which.
     */
    CONFLICTING_DUPLICATE
}
