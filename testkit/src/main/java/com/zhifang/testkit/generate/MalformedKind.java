package com.zhifang.testkit.generate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The one defect a malformed voice/sms row carries. */
public enum MalformedKind {
    /** start_time / send_time present but not an ISO-8601 timestamp with offset. */
    BAD_TIMESTAMP,
    /** duration_s, ring_s, release_cause, answered (voice) or segments, delivered (sms) non-numeric or negative. */
    BAD_NUMBER_FIELD,
    /** record_type not one of the dataset's types. */
    UNKNOWN_RECORD_TYPE,
    /** a row with fewer or more fields than the header (still one physical line). */
    WRONG_COLUMN_COUNT,
    /** empty record_id, record_type or start_time / send_time. */
    MISSING_REQUIRED_FIELD;

    /** Counts by kind with every kind present (0 when absent), unmodifiable; null counts as empty. */
    static Map<MalformedKind, Long> complete(Map<MalformedKind, Long> counts) {
        EnumMap<MalformedKind, Long> copy = new EnumMap<>(MalformedKind.class);
        for (MalformedKind kind : values()) {
            copy.put(kind, counts == null ? 0L : counts.getOrDefault(kind, 0L));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Sum of counts by kind. */
    static long total(Map<MalformedKind, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
