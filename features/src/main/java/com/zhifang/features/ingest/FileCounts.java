package com.zhifang.features.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of one input file's records. {@code read} is counted at parse time, {@code accepted}
 * from the table after the write, {@code duplicates} and {@code quarantined} from the run's own
 * labelling, so the sum is a real check, not an identity.
 *
 * @param unusableOptionalNumbers optional number fields (caller, sender) of the file's records that
 *                                held a number that cannot be used, stored as null with class
 *                                {@code INVALID}; counted over the records that passed parsing
 *                                (accepted and duplicates). Not a fate: outside the sum.
 */
public record FileCounts(String dataset, String file, long read, long accepted, long duplicates,
                         Map<String, Long> quarantinedByReason, long unusableOptionalNumbers) {
    public FileCounts {
        quarantinedByReason = new TreeMap<>(quarantinedByReason);
    }

    /** Counts of a file without unusable optional numbers. */
    public FileCounts(String dataset, String file, long read, long accepted, long duplicates,
                      Map<String, Long> quarantinedByReason) {
        this(dataset, file, read, accepted, duplicates, quarantinedByReason, 0);
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** read = accepted + duplicates + quarantined. */
    public boolean reconciles() {
        return read == accepted + duplicates + quarantined();
    }
}
