package com.zhifang.models.benchmark.sichuan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
