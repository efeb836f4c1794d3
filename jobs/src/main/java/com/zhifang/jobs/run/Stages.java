package com.zhifang.jobs.run;

import org.apache.spark.sql.SparkSession;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Runs a named stage: labels its Spark jobs in the UI and records its wall time in the report. */
public final class Stages {
    private Stages() {}

    public static <T> T run(SparkSession spark, RunReport report, String stage, Supplier<T> body, ToLongFunction<T> rows) {
        JobLabels labels = new JobLabels(spark, "zhifang " + stage + " " + report.runDate());
        return labels.restoring(() -> {
            labels.step("run " + report.runId());
            long start = System.nanoTime();
            T result = body.get();
            report.addStage(new StageTiming(stage, (System.nanoTime() - start) / 1_000_000,
                    rows == null ? null : rows.applyAsLong(result)));
            return result;
        });
    }
}
