package com.zhifang.jobs.ingest;

import com.zhifang.features.ingest.FileCounts;
import com.zhifang.jobs.run.ReconciliationCheck;

import java.util.List;

/** Outcome of ingesting one landing day: counts per file and the cross-checks that must hold. */
public record IngestResult(List<FileCounts> files, List<ReconciliationCheck> checks) {
    public long read() {
        return files.stream().mapToLong(FileCounts::read).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(FileCounts::accepted).sum();
    }

    public long duplicates() {
        return files.stream().mapToLong(FileCounts::duplicates).sum();
    }

    public long quarantined() {
        return files.stream().mapToLong(FileCounts::quarantined).sum();
    }
}
