package com.zhifang.jobs.graph;

/** Counts of one graph run (the day's partition of each output table, and what went into it). */
public record GraphResult(long callEdges, long seeds, long hubs, long superNodeCap, long busyCalleeCap,
                          long sharedPairs, long coVictimPairs, long numbers, long rings, long ringMembers,
                          long seededRings, long devices) {
}
