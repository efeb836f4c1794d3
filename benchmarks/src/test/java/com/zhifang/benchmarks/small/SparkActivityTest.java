package com.zhifang.benchmarks.small;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SparkActivityTest {
    private static SparkActivity.Job job(long start, long end, String description) {
        return new SparkActivity.Job(start, end, description);
    }

    @Test
    void aSpanCountsTheJobsStartedInItAndTheTimeSomeJobRan() {
        List<SparkActivity.Job> jobs = List.of(
                job(90, 120, "a"),     // started before the span: not counted, but its last 20 ms are busy time
                job(110, 150, "b"),    // overlaps the first: the union 100..150 is busy once
                job(170, 180, "c"),
                job(195, 260, "d"));   // runs past the span's end: clipped at 200
        SparkActivity.Span span = SparkActivity.span(jobs, 100, 200);
        assertEquals(List.of("b", "c", "d"), span.started().stream().map(SparkActivity.Job::description).toList());
        assertEquals(50 + 10 + 5, span.busyMillis());
    }

    @Test
    void aJobStillRunningCountsAsBusyToTheSpansEnd() {
        SparkActivity.Span span = SparkActivity.span(List.of(job(150, Long.MAX_VALUE, "x")), 100, 200);
        assertEquals(50, span.busyMillis());
    }

    @Test
    void stepLabelsAddUpOverDaysAndRunsBusiestFirst() {
        Map<String, Integer> bySteps = SmallNightlyBenchmark.jobsBySteps(List.of(
                job(0, 1, "zhifang features 2026-11-01: number_day_state 2026-10-31"),
                job(0, 1, "zhifang features 2026-11-02: number_day_state 2026-11-02"),
                job(0, 1, "zhifang score 2026-11-02: run nightly-20261102-0612-ab"),
                job(0, 1, null)));
        assertEquals(List.of("zhifang features <day>: number_day_state <day>", "(unlabelled)", "zhifang score <day>: run <id>"),
                List.copyOf(bySteps.keySet()));
        assertEquals(2, bySteps.get("zhifang features <day>: number_day_state <day>"));
    }
}
