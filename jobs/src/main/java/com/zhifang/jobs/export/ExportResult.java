package com.zhifang.jobs.export;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;

/**
 * The hand-over files of a day.
 *
 * @param csvPath      {@code <warehouse>/exports/<D>/suspects.csv}
 * @param manifestPath {@code <warehouse>/exports/<D>/manifest.json}
 * @param rows         data rows in the csv (its header not counted)
 * @param sha256       hex SHA-256 of the csv's bytes, as written in the manifest
 */
public record ExportResult(String csvPath, String manifestPath, long rows, String sha256) implements StageResult {
    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder().headline("rows", rows).build();
    }
}
