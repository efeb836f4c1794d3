package com.zhifang.benchmarks.sichuan;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryMetricsTest {
    @Test
    void aucIsThePairwiseOrderingShareWithTiesCountedHalf() {
        assertEquals(1.0, BinaryMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}), 1e-12);
        assertEquals(0.0, BinaryMetrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1}), 1e-12);
        // Pairs (fraud, normal): (0.5,0.5) tie = 0.5, (0.5,0.1) = 1, (0.9,0.5) = 1, (0.9,0.1) = 1 -> 3.5 / 4.
        assertEquals(0.875, BinaryMetrics.auc(new double[] {0.5, 0.9, 0.5, 0.1}, new int[] {1, 1, 0, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.auc(new double[] {0.1, 0.2}, new int[] {1, 1}));
    }

    @Test
    void f1sAtAThreshold() {
        // scores >= 0.5 flagged: TP 2 (0.9, 0.6), FP 1 (0.7), FN 1 (0.3), TN 2.
        BinaryMetrics.AtThreshold at = BinaryMetrics.at(
                new double[] {0.9, 0.6, 0.7, 0.3, 0.2, 0.1}, new int[] {1, 1, 0, 1, 0, 0}, 0.5);
        assertEquals(2, at.truePositives());
        assertEquals(1, at.falsePositives());
        assertEquals(1, at.falseNegatives());
        assertEquals(2, at.trueNegatives());
        assertEquals(2.0 / 3, at.fraudF1(), 1e-12);
        assertEquals(2.0 / 3, at.normalF1(), 1e-12);
        assertEquals(2.0 / 3, at.macroF1(), 1e-12);
        assertEquals(2.0 / 3, at.fraudPrecision(), 1e-12);
        assertEquals(2.0 / 3, at.fraudRecall(), 1e-12);
    }

    @Test
    void bestThresholdSeparatesPerfectlyAndSitsBetweenScores() {
        BinaryMetrics.AtThreshold best = BinaryMetrics.bestMacroF1Threshold(
                new double[] {0.1, 0.2, 0.3, 0.7, 0.8}, new int[] {0, 0, 0, 1, 1});
        assertEquals(1.0, best.macroF1(), 1e-12);
        assertEquals(0.5, best.threshold(), 1e-12);
    }

    @Test
    void bestThresholdMatchesTryingEveryDistinctScore() {
        NoisyScores noisy = NoisyScores.draw(400, 5);
        double bruteForce = Arrays.stream(noisy.scores()).distinct()
                .map(s -> BinaryMetrics.at(noisy.scores(), noisy.labels(), s).macroF1()).max().orElseThrow();
        assertEquals(bruteForce, BinaryMetrics.bestMacroF1Threshold(noisy.scores(), noisy.labels()).macroF1(), 1e-12);
    }

    @Test
    void calibratedThresholdMaximisesExpectedMacroF1UnderThePlattProbabilities() {
        NoisyScores noisy = NoisyScores.draw(400, 9);
        double[] p = PlattScaling.fit(noisy.scores(), noisy.labels()).probabilities(noisy.scores());
        double[] distinct = Arrays.stream(noisy.scores()).distinct().sorted().toArray();
        double bestExpected = -1, bestThreshold = Double.NaN;
        for (int i = 1; i < distinct.length; i++) {
            double threshold = (distinct[i - 1] + distinct[i]) / 2;
            double expected = expectedMacroF1(noisy.scores(), p, threshold);
            if (expected > bestExpected) {
                bestExpected = expected;
                bestThreshold = threshold;
            }
        }
        BinaryMetrics.AtThreshold chosen = BinaryMetrics.calibratedMacroF1Threshold(noisy.scores(), noisy.labels());
        assertEquals(bestThreshold, chosen.threshold(), 1e-12);
        assertEquals(BinaryMetrics.at(noisy.scores(), noisy.labels(), bestThreshold), chosen, "hard counts at the chosen threshold");
    }

    @Test
    void calibratedThresholdGeneralisesBetterThanTheCountBestOne() {
        // Many small validation parts and one large test part from the same overlapping classes: the
        // count-best threshold follows each part's few rows near the boundary, the calibrated one less.
        NoisyScores test = NoisyScores.draw(20_000, 1);
        int parts = 200;
        double countBest = 0, calibrated = 0;
        for (int part = 0; part < parts; part++) {
            NoisyScores validation = NoisyScores.draw(300, 100 + part);
            countBest += BinaryMetrics.at(test.scores(), test.labels(),
                    BinaryMetrics.bestMacroF1Threshold(validation.scores(), validation.labels()).threshold()).macroF1() / parts;
            calibrated += BinaryMetrics.at(test.scores(), test.labels(),
                    BinaryMetrics.calibratedMacroF1Threshold(validation.scores(), validation.labels()).threshold()).macroF1() / parts;
        }
        assertTrue(calibrated > countBest + 0.002, "mean test macro F1: calibrated " + calibrated + ", count-best " + countBest);
    }

    private static double expectedMacroF1(double[] scores, double[] p, double threshold) {
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                tp += p[i];
                fp += 1 - p[i];
            } else {
                fn += p[i];
                tn += 1 - p[i];
            }
        }
        return (2 * tp / (2 * tp + fp + fn) + 2 * tn / (2 * tn + fn + fp)) / 2;
    }

    /** Overlapping classes: fraud scores centred high, normal low, both with noise, a third fraud. */
    record NoisyScores(double[] scores, int[] labels) {
        static NoisyScores draw(int rows, long seed) {
            Random random = new Random(seed);
            double[] scores = new double[rows];
            int[] labels = new int[rows];
            for (int i = 0; i < rows; i++) {
                labels[i] = random.nextDouble() < 0.33 ? 1 : 0;
                double margin = (labels[i] == 1 ? 1.5 : -1.5) + 1.5 * random.nextGaussian();
                scores[i] = 1 / (1 + Math.exp(-margin));
            }
            return new NoisyScores(scores, labels);
        }
    }
}
