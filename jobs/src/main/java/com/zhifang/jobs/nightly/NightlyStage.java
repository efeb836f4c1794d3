package com.zhifang.jobs.nightly;

/** The stages of a nightly run, in the order they run. Later issues add features, graph, score, export. */
public enum NightlyStage {
    INGEST,
    /** Call-graph analytics over a window ending on the day (after features when present). */
    GRAPH;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
