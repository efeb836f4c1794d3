package com.zhifang.jobs.nightly;

/** The stages of a nightly run, in the order they run. Later issues add graph, score, export. */
public enum NightlyStage {
    INGEST,
    /** Behaviour features of numbers, devices, trunks and port customers (needs the day ingested). */
    FEATURES;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
