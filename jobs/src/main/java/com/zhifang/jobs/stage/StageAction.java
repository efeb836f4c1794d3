package com.zhifang.jobs.stage;

/**
 * One stage of a day's run (ingest, features, graph, score, export, optimize, train), in the manner
 * of Iceberg's Spark actions: configured and validated in its constructor, run once by
 * {@link #execute()}, which returns what it did as counts. Every stage extends
 * {@link BaseStageAction}, which labels its Spark jobs and gives it the warehouse's read and write
 * operations.
 *
 * @param <R> the stage's result
 */
public interface StageAction<R extends StageResult> {
    /** Runs the stage: reads, transforms, writes; idempotent for its day. */
    R execute();
}
