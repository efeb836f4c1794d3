package com.zhifang.jobs.export;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;

/**
 * The hand-over files of a day.
 *
 * @param csvPath      {@code <warehouse>/exports/<D>/suspects.csv}
 * @param manifestPath {@code <warehouse>/exports/<D>/manifest.json}
 * @param rows         data rows in suspects.csv (its header not counted)
 * @param sha256       hex SHA-256 of suspects.csv's bytes, as written in the manifest
 * @param worklist     the suspension worklist's counts
 * @param marked       MARK rows of the 12321 feed
 * @param unmarked     UNMARK rows of the 12321 feed
 * @param filesWritten files written to the day's folder, the manifest included
 */
public record ExportResult(String csvPath, String manifestPath, long rows, String sha256,
                           ExportAction.WorklistCounts worklist, long marked, long unmarked, int filesWritten) implements StageResult {
    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder().headline("rows", rows)
                .add("worklist_open", worklist.open())
                .add("worklist_overdue", worklist.overdue())
                .add("worklist_live", worklist.live())
                .add("worklist_review_rows", worklist.reviewRows())
                .add("worklist_allowlist_conflicts", worklist.allowlistConflicts())
                .add("marked", marked)
                .add("unmarked", unmarked)
                .add("files", filesWritten)
                .build();
    }
}
