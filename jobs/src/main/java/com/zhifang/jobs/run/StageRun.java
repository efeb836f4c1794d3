package com.zhifang.jobs.run;

import java.util.Map;

/**
 * One stage of a run as the report records it: its name, wall time and metrics.
 *
 * @param metrics the stage's snake_case metrics, in the order it reports them
 */
public record StageRun(String stage, long wallMillis, Map<String, Long> metrics) {
    public StageRun {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
