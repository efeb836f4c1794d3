package com.zhifang.features.spark;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobLabelsTest {
    @Test
    void aStepIsLabelledInTheStagesGroupAndWhatWasBeforeComesBack() {
        SparkContext context = SparkTestSession.get().sparkContext();
        context.setJobDescription("outer: run");
        JobLabels labels = new JobLabels(SparkTestSession.get(), "zhifang graph 2026-11-08");
        String seen = labels.restoring(() -> {
            labels.step("PageRank");
            return context.getLocalProperty("spark.jobGroup.id") + " / " + context.getLocalProperty("spark.job.description");
        });
        assertEquals("zhifang-graph-2026-11-08 / zhifang graph 2026-11-08: PageRank", seen);
        assertEquals("outer: run", context.getLocalProperty("spark.job.description"));
        assertEquals(null, context.getLocalProperty("spark.jobGroup.id"));

        assertThrows(IllegalStateException.class, () -> labels.restoring(() -> {
            labels.step("fails");
            throw new IllegalStateException("stage failed");
        }));
        assertEquals("outer: run", context.getLocalProperty("spark.job.description"), "restored after a failure too");
        context.setJobDescription(null);
    }
}
