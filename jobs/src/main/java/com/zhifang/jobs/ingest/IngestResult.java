package com.zhifang.jobs.ingest;

import com.zhifang.features.ingest.FileCounts;
import com.zhifang.jobs.stage.ReconciliationCheck;
import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;

import java.util.List;

/** Outcome of ingesting one landing day: counts per file and the cross-checks that must hold. */
public record IngestResult(List<FileCounts> files, List<ReconciliationCheck> checks) implements StageResult {
    public IngestResult {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
    }

    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder()
                .headline("read", read())
                .headline("accepted", accepted())
                .headline("duplicates", duplicates())
                .headline("quarantined", quarantined())
                .add("conflicting_duplicates", conflictingDuplicates())
                .add("unusable_optional_numbers", unusableOptionalNumbers())
                .add("accepted_by_interrupted_run", acceptedByInterruptedRun())
                .add("files", files.size())
                .build();
    }

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

    public long conflictingDuplicates() {
        return files.stream().mapToLong(FileCounts::conflictingDuplicates).sum();
    }

    public long unusableOptionalNumbers() {
        return files.stream().mapToLong(FileCounts::unusableOptionalNumbers).sum();
    }

    public long acceptedByInterruptedRun() {
        return files.stream().mapToLong(FileCounts::acceptedByInterruptedRun).sum();
    }
}
