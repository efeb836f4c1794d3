package com.zhifang.jobs.graph;

import com.zhifang.features.graph.NumberGraphFeatures;

/**
 * Knobs of the graph stage. Every cap is documented where it is applied (see the graph package of
 * the features module); defaults are starting points, not tuned thresholds.
 *
 * @param windowDays             days of traffic the graphs span, ending on the run date
 * @param maxHops                farthest hop distance to a seed reported ({@code hops_to_seed} null beyond)
 * @param pageRankIterations     rounds of classic and personalised PageRank
 * @param resetProbability       PageRank teleport / restart probability
 * @param superNodeQuantile      quantile of distinct neighbours above which a number is a super-node (hub) ...
 * @param superNodeFloor         ... but never below this many neighbours
 * @param busyCalleeQuantile     quantile of distinct callers above which a callee is ignored for co-victim similarity ...
 * @param busyCalleeFloor        ... but never below this many callers
 * @param maxNumbersPerDevice    a device used by more numbers links nobody (shop phone, test handset, SIM box)
 * @param maxNumbersPerIdentity  an identity holding more numbers links nobody (enterprise accounts)
 * @param minCallees             fewest distinct callees for co-victim comparison
 * @param coVictimMinJaccard     smallest similarity reported as a co-victim pair
 * @param ringCoVictimMinJaccard smallest similarity that joins a ring
 * @param hashTables             MinHash tables
 * @param minRingSize            smallest ring without a seed
 */
public record GraphSettings(int windowDays, int maxHops, int pageRankIterations, double resetProbability,
                            double superNodeQuantile, long superNodeFloor, double busyCalleeQuantile, long busyCalleeFloor,
                            int maxNumbersPerDevice, int maxNumbersPerIdentity, int minCallees,
                            double coVictimMinJaccard, double ringCoVictimMinJaccard, int hashTables, int minRingSize) {
    public static final int DEFAULT_WINDOW_DAYS = 7;

    public GraphSettings {
        require(windowDays >= 1 && windowDays <= 92, "windowDays must be 1..92, got " + windowDays);
        require(maxHops >= 1, "maxHops must be >= 1");
        require(pageRankIterations >= 1, "pageRankIterations must be >= 1");
        require(resetProbability > 0 && resetProbability < 1, "resetProbability must be in (0, 1)");
        require(superNodeQuantile > 0 && superNodeQuantile <= 1 && busyCalleeQuantile > 0 && busyCalleeQuantile <= 1,
                "quantiles must be in (0, 1]");
        require(superNodeFloor >= 1 && busyCalleeFloor >= 1, "floors must be >= 1");
        require(maxNumbersPerDevice >= 2 && maxNumbersPerIdentity >= 2, "sharing caps must be >= 2");
        require(minCallees >= 2, "minCallees must be >= 2");
        require(coVictimMinJaccard > 0 && coVictimMinJaccard <= 1 && ringCoVictimMinJaccard >= coVictimMinJaccard
                && ringCoVictimMinJaccard <= 1, "need 0 < coVictimMinJaccard <= ringCoVictimMinJaccard <= 1");
        require(hashTables >= 1, "hashTables must be >= 1");
        require(minRingSize >= 2, "minRingSize must be >= 2");
    }

    public static GraphSettings defaults() {
        return new GraphSettings(DEFAULT_WINDOW_DAYS, 3, 10, 0.15, 0.999, 200, 0.99, 50, 10, 10, 5, 0.2, 0.3, 5, 3);
    }

    public GraphSettings withWindowDays(int days) {
        return new GraphSettings(days, maxHops, pageRankIterations, resetProbability, superNodeQuantile, superNodeFloor,
                busyCalleeQuantile, busyCalleeFloor, maxNumbersPerDevice, maxNumbersPerIdentity, minCallees,
                coVictimMinJaccard, ringCoVictimMinJaccard, hashTables, minRingSize);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The settings of the number features' graph algorithms. */
    public NumberGraphFeatures.Settings numberFeatureSettings() {
        return new NumberGraphFeatures.Settings(pageRankIterations, resetProbability, maxNumbersPerDevice, maxNumbersPerIdentity,
                maxHops);
    }
}
