package com.zhifang.jobs.nightly;

/** The stages of a nightly run, in the order they run. Later issues add score and export. */
public enum NightlyStage {
    INGEST,
    /** Behaviour features of numbers, devices, trunks and port customers (needs the day ingested). */
    FEATURES,
    /** Call-graph analytics over a window ending on the day (after features when present). */
    GRAPH;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
