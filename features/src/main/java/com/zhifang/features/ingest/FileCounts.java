package com.zhifang.features.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of one input file's records. {@code read} is counted at parse time, {@code accepted}
 * from the table after the write, {@code duplicates} and {@code quarantined} from the run's own
 * labelling, so the sum is a real check, not an identity.
 */
public record FileCounts(String dataset, String file, long read, long accepted, long duplicates,
                         Map<String, Long> quarantinedByReason) {
    public FileCounts {
        quarantinedByReason = new TreeMap<>(quarantinedByReason);
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** read = accepted + duplicates + quarantined. */
    public boolean reconciles() {
        return read == accepted + duplicates + quarantined();
    }
}
