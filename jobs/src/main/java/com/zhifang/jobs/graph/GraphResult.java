package com.zhifang.jobs.graph;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts of one graph run (the day's partition of each output table, and what went into it).
 *
 * @param stateDays traffic days whose edge day states were (re)computed, oldest first
 */
public record GraphResult(List<LocalDate> stateDays, long callEdges, long seeds, long hubs, long superNodeCap, long busyCalleeCap,
                          long sharedPairs, long coVictimPairs, long numbers, long rings, long ringMembers,
                          long seededRings, long devices) {
    public GraphResult {
        stateDays = List.copyOf(stateDays);
    }
}
