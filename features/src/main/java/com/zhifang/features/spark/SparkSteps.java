package com.zhifang.features.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a transform of several eager steps (graph algorithms run Spark jobs as they go) lets its
 * caller label those jobs and own the intermediates it caches: the caller's stage labels each step
 * in the UI and unpersists what was kept when its run ends.
 */
public interface SparkSteps {
    /** The jobs started from here on belong to {@code name}. */
    void step(String name);

    /** Persists {@code frame} for the rest of the caller's run and returns it; the caller unpersists it. */
    Dataset<Row> keep(Dataset<Row> frame);
}
