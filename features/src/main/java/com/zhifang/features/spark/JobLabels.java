package com.zhifang.features.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The description Spark shows for the jobs an action starts (UI, event log, history server), as
 * {@code "<prefix>: <step>"}, e.g. {@code "zhifang graph 2026-11-08: personalised PageRank"}: an
 * analyst reading the UI or an event log sees which step of which stage spent the time.
 *
 * <p>The description is a property of the driver thread and stays until replaced, so an action
 * runs its body {@link #restoring} the one in place before it (the nightly's stage label): jobs
 * after the action are never left unlabelled, nor labelled with the action's last step. Inside
 * {@link #restoring} the jobs also belong to a job group named after the prefix
 * ({@code zhifang-graph-2026-11-08}), which the UI groups by and {@code cancelJobGroup} can stop.
 */
public final class JobLabels {
    /** The local property {@code SparkContext.setJobDescription} sets. */
    private static final String DESCRIPTION = "spark.job.description";
    /** The local property {@code SparkContext.setJobGroup} sets (the group id). */
    private static final String GROUP = "spark.jobGroup.id";

    private final SparkContext context;
    private final String prefix;

    public JobLabels(SparkSession spark, String prefix) {
        this.context = Objects.requireNonNull(spark, "spark").sparkContext();
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Labels the jobs the current thread starts from here on. */
    public void step(String step) {
        context.setJobDescription(prefix + ": " + step);
    }

    /** Runs {@code body} in this prefix's job group, then puts back the group and description in place before it. */
    public <T> T restoring(Supplier<T> body) {
        String previous = context.getLocalProperty(DESCRIPTION);
        String previousGroup = context.getLocalProperty(GROUP);
        context.setLocalProperty(GROUP, prefix.replace(' ', '-'));
        try {
            return body.get();
        } finally {
            context.setLocalProperty(GROUP, previousGroup);
            context.setJobDescription(previous);
        }
    }
}
