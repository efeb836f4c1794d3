package com.zhifang.jobs.graph;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;

import java.time.LocalDate;
import java.util.List;

/**
 * Counts of one graph run (the day's partition of each output table, and what went into it).
 *
 * @param stateDays     traffic days whose edge day states were (re)computed, oldest first
 * @param superNodeCap  neighbours above which a number is a super-node (excluded as a hub)
 * @param busyCalleeCap distinct callers above which a callee says nothing about co-victims
 */
public record GraphResult(List<LocalDate> stateDays, long callEdges, long seeds, long hubs, long superNodeCap, long busyCalleeCap,
                          long sharedPairs, long coVictimPairs, long numbers, long rings, long ringMembers,
                          long seededRings, long devices) implements StageResult {
    public GraphResult {
        stateDays = List.copyOf(stateDays);
    }

    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder()
                .headline("numbers", numbers)
                .headline("rings", rings)
                .headline("devices", devices)
                .add("edge_state_days_computed", stateDays.size())
                .add("call_edges", callEdges)
                .add("seeds", seeds)
                .add("hubs_excluded", hubs)
                .add("super_node_cap_neighbours", superNodeCap)
                .add("busy_callee_cap_callers", busyCalleeCap)
                .add("shared_device_identity_pairs", sharedPairs)
                .add("co_victim_pairs", coVictimPairs)
                .add("ring_members", ringMembers)
                .add("rings_with_seeds", seededRings)
                .build();
    }
}
