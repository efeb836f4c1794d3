package com.zhifang.jobs.nightly;

import java.util.EnumSet;

/** The stages of a nightly run, in the order they run. */
public enum NightlyStage {
    INGEST,
    /** Behaviour features of numbers, devices, trunks and port customers (needs the day ingested). */
    FEATURES,
    /** Call-graph analytics over a window ending on the day (after features when present). */
    GRAPH,
    /** Detectors, model, ranking: the day's suspect list (needs the day's features; graph features when present). */
    SCORE,
    /** The day's suspect list to exports/D/suspects.csv and manifest.json (needs the day scored). */
    EXPORT,
    /** Compacts and Z-orders the day's partitions of the big tables; optional ({@code nightly --optimize}, {@code optimize}). */
    OPTIMIZE;

    /** What {@code nightly} runs by default: every stage but {@link #OPTIMIZE}. */
    public static EnumSet<NightlyStage> nightly() {
        return EnumSet.range(INGEST, EXPORT);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
