package com.zhifang.benchmarks.sichuan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Scores of a binary classifier against labels (1 = fraud), on the driver: the evaluated parts
 * are small (a few thousand nodes), and exact figures beat MLlib's binned approximations here.
 *
 * <p>AUC is the ROC area with ties counted half (Mann-Whitney); for two classes the macro average
 * of the per-class AUCs equals it, so one number serves both. F1 is given for the fraud class and
 * macro-averaged over fraud and normal (what the papers report), at a threshold: fraud when
 * {@code score >= threshold}.
 */
public final class BinaryMetrics {
    private BinaryMetrics() {}

    /** Counts and F1s at one threshold. */
    public record AtThreshold(double threshold, long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {
        public double fraudPrecision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double fraudRecall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double fraudF1() {
            return f1(truePositives, falsePositives, falseNegatives);
        }

        public double normalF1() {
            return f1(trueNegatives, falseNegatives, falsePositives);
        }

        public double macroF1() {
            return BinaryMetrics.macroF1(truePositives, falsePositives, trueNegatives, falseNegatives);
        }
    }

    /** Mean of the fraud and normal classes' F1; counts may be expected (fractional) counts. */
    private static double macroF1(double truePositives, double falsePositives, double trueNegatives, double falseNegatives) {
        return (f1(truePositives, falsePositives, falseNegatives) + f1(trueNegatives, falseNegatives, falsePositives)) / 2;
    }

    private static double f1(double hits, double falseAlarms, double misses) {
        return ratio(2 * hits, 2 * hits + falseAlarms + misses);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    public static double auc(double[] scores, int[] labels) {
        checkSameLength(scores, labels);
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;   // ties share the mean of their ranks
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs both classes; got " + positives + " fraud and " + negatives + " normal");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static AtThreshold at(double[] scores, int[] labels, double threshold) {
        checkSameLength(scores, labels);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            boolean fraud = labels[i] == 1;
            if (flagged && fraud) tp++;
            else if (flagged) fp++;
            else if (fraud) fn++;
            else tn++;
        }
        return new AtThreshold(threshold, tp, fp, tn, fn);
    }

    /**
     * The threshold with the best macro F1 on these scores (meant for the validation part): every
     * distinct score is tried; among equal F1s the one nearest the middle of the tied run wins, and
     * the threshold returned is halfway between neighbouring scores, so it generalises rather than
     * sitting exactly on one validation node.
     */
    public static AtThreshold bestMacroF1Threshold(double[] scores, int[] labels) {
        checkSameLength(scores, labels);
        return at(scores, labels, bestExpectedMacroF1Threshold(scores, Arrays.stream(labels).asDoubleStream().toArray()));
    }

    /**
     * The threshold with the best <em>expected</em> macro F1 when each row is fraud with its
     * {@link PlattScaling Platt-calibrated} probability, fitted on these same scores and labels; the
     * counts returned are the hard ones at that threshold.
     *
     * <p>Why: the macro-F1-best threshold on a validation part of a thousand rows moves with the few
     * rows near it. Expected counts under the calibrated probabilities turn the step-shaped F1 curve
     * into a smooth one, and the threshold that maximises it recovers part of that loss (measured in
     * {@code docs/measurements/2026-12-01-sichuan-sessions-21-25.md}).
     */
    public static AtThreshold calibratedMacroF1Threshold(double[] scores, int[] labels) {
        double[] probabilities = PlattScaling.fit(scores, labels).probabilities(scores);
        return at(scores, labels, bestExpectedMacroF1Threshold(scores, probabilities));
    }

    /**
     * Tries each distinct score {@code s} as "flag {@code score >= s}", with expected counts (fraud
     * probability summed over the flagged rows is the expected true positives, and so on; 0/1
     * probabilities give the plain counts). Ties in F1 resolve to the middle of the tied run; the
     * threshold is halfway between the chosen score and the next lower one. Cost: one sort.
     */
    private static double bestExpectedMacroF1Threshold(double[] scores, double[] fraudProbability) {
        Integer[] order = ascending(scores);
        // distinct scores ascending, and the expected fraud and normal mass strictly below each
        double[] distinct = new double[scores.length];
        double[] fraudBelow = new double[scores.length];
        double[] normalBelow = new double[scores.length];
        int distinctCount = 0;
        double fraud = 0, normal = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || scores[order[k]] != scores[order[k - 1]]) {
                distinct[distinctCount] = scores[order[k]];
                fraudBelow[distinctCount] = fraud;
                normalBelow[distinctCount] = normal;
                distinctCount++;
            }
            fraud += fraudProbability[order[k]];
            normal += 1 - fraudProbability[order[k]];
        }
        double bestF1 = -1;
        int bestFirst = 0, bestLast = 0;
        for (int i = 0; i < distinctCount; i++) {
            double falseNegatives = fraudBelow[i], trueNegatives = normalBelow[i];
            double truePositives = fraud - falseNegatives, falsePositives = normal - trueNegatives;
            double f1 = macroF1(truePositives, falsePositives, trueNegatives, falseNegatives);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestFirst = i;
                bestLast = i;
            } else if (f1 == bestF1 && bestLast == i - 1) {
                bestLast = i;
            }
        }
        int chosen = (bestFirst + bestLast) / 2;
        // Flagging score >= distinct[chosen] equals flagging score > the next lower score: take the midpoint.
        return chosen == 0 ? distinct[0] : (distinct[chosen - 1] + distinct[chosen]) / 2;
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    static void checkSameLength(double[] scores, int[] labels) {
        if (scores.length != labels.length || scores.length == 0) {
            throw new IllegalArgumentException("need as many labels as scores, at least one: " + scores.length + " vs " + labels.length);
        }
    }
}
