package com.zhifang.features.ingest;

/**
 * What a landing record counted as in the run that read it: every record read is exactly one of
 * these (read = accepted + duplicates + quarantined). Stored by name in the quarantine table's
 * {@code counted_as}, so that review rows there can be told from quarantined lines.
 */
public enum RecordFate {
    /** Stored in its table. */
    ACCEPTED,
    /** A copy of a record already kept (earlier in the day's files, or stored by an earlier run); not stored again. */
    DUPLICATE,
    /** Rejected: not stored; its line is in the quarantine table with the reason. */
    QUARANTINED
}
