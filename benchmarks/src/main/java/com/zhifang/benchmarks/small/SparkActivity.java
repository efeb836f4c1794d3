package com.zhifang.benchmarks.small;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Every Spark job of a session as a listener hears of it: its start and end on the driver's clock
 * and its description (the {@code zhifang <stage> <day>: <step>} label). Counts of jobs come from
 * Spark's own events, so they do not depend on the machine's speed; the time no job runs (the
 * driver planning, reading Delta logs, committing, or waiting on the file system) comes from the
 * gaps between jobs.
 */
final class SparkActivity extends SparkListener {
    /** One job: when it started and ended (epoch ms, the driver's clock), and its label. */
    record Job(long startMillis, long endMillis, String description) {}

    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();

    static SparkActivity register(SparkSession spark) {
        SparkActivity activity = new SparkActivity();
        spark.sparkContext().addSparkListener(activity);
        return activity;
    }

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        String description = event.properties() == null ? null : event.properties().getProperty("spark.job.description");
        jobs.put(event.jobId(), new Job(event.time(), Long.MAX_VALUE, description));
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        jobs.computeIfPresent(event.jobId(), (id, job) -> new Job(job.startMillis(), event.time(), job.description()));
    }

    /** The jobs heard of so far, once Spark's asynchronous listener bus has delivered every event. */
    List<Job> jobs(SparkSession spark) {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain within a minute", e);
        }
        return new ArrayList<>(jobs.values());
    }

    /**
     * What happened in {@code [fromMillis, toMillis)}: the jobs started in it, and the milliseconds
     * in which at least one job ran (intervals merged, clipped to the span).
     */
    static Span span(List<Job> all, long fromMillis, long toMillis) {
        List<Job> started = all.stream().filter(j -> j.startMillis() >= fromMillis && j.startMillis() < toMillis).toList();
        List<long[]> intervals = all.stream()
                .filter(j -> j.startMillis() < toMillis && j.endMillis() > fromMillis)
                .map(j -> new long[] {Math.max(j.startMillis(), fromMillis), Math.min(j.endMillis(), toMillis)})
                .sorted((a, b) -> Long.compare(a[0], b[0]))
                .toList();
        long busy = 0;
        long coveredTo = fromMillis;
        for (long[] interval : intervals) {
            long from = Math.max(interval[0], coveredTo);
            if (interval[1] > from) {
                busy += interval[1] - from;
                coveredTo = interval[1];
            }
        }
        return new Span(started, busy);
    }

    /** Jobs started in a span of time and the milliseconds of it in which some job ran. */
    record Span(List<Job> started, long busyMillis) {}
}
