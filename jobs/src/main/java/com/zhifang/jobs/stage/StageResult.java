package com.zhifang.jobs.stage;

import com.zhifang.features.ingest.FileCounts;

import java.util.List;
import java.util.Map;

/**
 * What a stage did, as the run report takes it: typed metrics (snake_case names, grouped under the
 * stage's name in the report) and, where the stage has them, per-file counts, cross-checks that
 * must hold, and the versions of what produced its output.
 */
public interface StageResult {
    /** The stage's counts, in report order. */
    StageMetrics metrics();

    /** Per-file accounting (ingest); empty for stages that read no landing files. */
    default List<FileCounts> files() {
        return List.of();
    }

    /** Independently measured counts that must agree; the run fails when one does not. */
    default List<ReconciliationCheck> checks() {
        return List.of();
    }

    /** Versions of what made the output (rules, model), recorded in the run report. */
    default Map<String, String> versions() {
        return Map.of();
    }
}
