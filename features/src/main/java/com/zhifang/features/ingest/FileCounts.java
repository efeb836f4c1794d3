package com.zhifang.features.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of one input file's records. {@code read} is counted at parse time, {@code accepted}
 * from the table after the write, {@code duplicates} and {@code quarantined} from the run's own
 * labelling, so the sum is a real check, not an identity.
 *
 * @param conflictingDuplicates   the duplicates whose content differs from the copy kept (a named
 *                                part of {@code duplicates}, not added to the sum again)
 * @param unusableOptionalNumbers optional number fields (caller, sender) of the file's records that
 *                                held a number that cannot be used, stored as null with class
 *                                {@code INVALID}; counted over the records that passed parsing
 *                                (accepted and duplicates). Not a fate: outside the sum.
 * @param acceptedByInterruptedRun the accepted records an earlier run of the same files had already
 *                                stored before it was killed (same file and line): a named part of
 *                                {@code accepted}, so the file's sum holds across the killed run and
 *                                its rerun, and they are not mistaken for duplicates of the source
 */
public record FileCounts(String dataset, String file, long read, long accepted, long duplicates,
                         long conflictingDuplicates, Map<String, Long> quarantinedByReason, long unusableOptionalNumbers,
                         long acceptedByInterruptedRun) {
    public FileCounts {
        quarantinedByReason = new TreeMap<>(quarantinedByReason);
    }

    /** Counts of a file without conflicting duplicates or unusable optional numbers. */
    public FileCounts(String dataset, String file, long read, long accepted, long duplicates,
                      Map<String, Long> quarantinedByReason) {
        this(dataset, file, read, accepted, duplicates, 0, quarantinedByReason, 0, 0);
    }

    public long quarantined() {
        return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * read = accepted + duplicates + quarantined; the conflicting duplicates are some of the
     * duplicates, the records accepted by an interrupted run some of the accepted.
     */
    public boolean reconciles() {
        return read == accepted + duplicates + quarantined() && conflictingDuplicates >= 0 && conflictingDuplicates <= duplicates
                && acceptedByInterruptedRun >= 0 && acceptedByInterruptedRun <= accepted;
    }
}
