package com.zhifang.models.train;

/**
 * Knobs of training. Defaults are starting points, not tuned values.
 *
 * @param lookbackDays       feature dates used: {@code D - lookbackDays + 1 .. D}
 * @param minPositives       fewest positive numbers (with feature rows in the range) to train at all,
 *                           and to approve; at least 2, so that both the training and the held-out
 *                           part hold one
 * @param approveAuc         held-out AUC-ROC a model needs to be approved for scoring
 * @param negativeSampleRate share of unlabelled numbers taken as negatives ({@link TrainingRows})
 * @param holdoutShare       share of each class's numbers held out to measure the model
 * @param trees              boosting rounds of the gradient-boosted trees ({@link BoostedTrees})
 * @param maxDepth           depth of each tree
 * @param stepSize           learning rate
 * @param seed               seeds the negative sample, the held-out split and the trees
 */
public record TrainSettings(int lookbackDays, int minPositives, double approveAuc, double negativeSampleRate,
                            double holdoutShare, int trees, int maxDepth, double stepSize, long seed) {
    public static final int DEFAULT_LOOKBACK_DAYS = 28;
    public static final int DEFAULT_MIN_POSITIVES = 10;
    public static final double DEFAULT_APPROVE_AUC = 0.9;
    public static final double DEFAULT_NEGATIVE_SAMPLE_RATE = 0.02;

    public TrainSettings {
        require(lookbackDays >= 1 && lookbackDays <= 366, "lookbackDays must be 1..366, got " + lookbackDays);
        require(minPositives >= 2, "minPositives must be >= 2 (one to train on, one to measure), got " + minPositives);
        require(approveAuc >= 0.5 && approveAuc <= 1, "approveAuc must be in [0.5, 1], got " + approveAuc);
        require(negativeSampleRate > 0 && negativeSampleRate <= 1, "negativeSampleRate must be in (0, 1], got " + negativeSampleRate);
        require(holdoutShare > 0 && holdoutShare < 1, "holdoutShare must be in (0, 1), got " + holdoutShare);
        require(trees >= 1, "trees must be >= 1, got " + trees);
        require(maxDepth >= 1 && maxDepth <= 30, "maxDepth must be 1..30, got " + maxDepth);
        require(stepSize > 0 && stepSize <= 1, "stepSize must be in (0, 1], got " + stepSize);
    }

    /**
     * The tree settings: these knobs plus fixed row and column sampling (0.8 each, the usual guard
     * against trees memorising a few heavy numbers) and a least leaf weight of 1.
     */
    public BoostedTrees.Settings boostedTrees() {
        return new BoostedTrees.Settings(trees, maxDepth, stepSize, 0.8, 0.8, 1.0, seed);
    }

    public static TrainSettings defaults() {
        return new TrainSettings(DEFAULT_LOOKBACK_DAYS, DEFAULT_MIN_POSITIVES, DEFAULT_APPROVE_AUC, DEFAULT_NEGATIVE_SAMPLE_RATE,
                0.25, 50, 5, 0.1, 42L);
    }

    public TrainSettings withLookbackDays(int days) {
        return new TrainSettings(days, minPositives, approveAuc, negativeSampleRate, holdoutShare, trees, maxDepth, stepSize, seed);
    }

    public TrainSettings withMinPositives(int n) {
        return new TrainSettings(lookbackDays, n, approveAuc, negativeSampleRate, holdoutShare, trees, maxDepth, stepSize, seed);
    }

    public TrainSettings withApproveAuc(double auc) {
        return new TrainSettings(lookbackDays, minPositives, auc, negativeSampleRate, holdoutShare, trees, maxDepth, stepSize, seed);
    }

    public TrainSettings withNegativeSampleRate(double rate) {
        return new TrainSettings(lookbackDays, minPositives, approveAuc, rate, holdoutShare, trees, maxDepth, stepSize, seed);
    }

    public TrainSettings withTrees(int n) {
        return new TrainSettings(lookbackDays, minPositives, approveAuc, negativeSampleRate, holdoutShare, n, maxDepth, stepSize, seed);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
