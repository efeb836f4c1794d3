package com.zhifang.jobs.testing;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** The description (UI label) of every Spark job started while a piece of driver code runs. */
public final class JobDescriptionRecorder extends SparkListener {
    private final List<String> descriptions = Collections.synchronizedList(new ArrayList<>());

    /** Runs {@code body} and returns the descriptions of the jobs it started, in start order (null: none). */
    public static <T> List<String> record(SparkSession spark, Supplier<T> body) {
        JobDescriptionRecorder recorder = new JobDescriptionRecorder();
        spark.sparkContext().addSparkListener(recorder);
        try {
            body.get();
            // Listeners hear of jobs asynchronously; wait until every job start has been delivered.
            spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain within a minute", e);
        } finally {
            spark.sparkContext().removeSparkListener(recorder);
        }
        return Collections.unmodifiableList(new ArrayList<>(recorder.descriptions));
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        descriptions.add(jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.job.description"));
    }
}
