package com.zhifang.benchmarks.sichuan;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlattScalingTest {
    @Test
    void recoversTheSlopeAndInterceptThatGeneratedTheLabels() {
        // Labels drawn with P(fraud) = sigmoid(0.6 * logit(score) - 0.8): an over-confident, fraud-heavy score.
        Random random = new Random(3);
        int rows = 50_000;
        double[] scores = new double[rows];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double logit = 4 * random.nextGaussian();
            scores[i] = 1 / (1 + Math.exp(-logit));
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.6 * logit - 0.8))) ? 1 : 0;
        }
        PlattScaling fitted = PlattScaling.fit(scores, labels);
        assertEquals(0.6, fitted.slope(), 0.03);
        assertEquals(-0.8, fitted.intercept(), 0.05);
    }

    @Test
    void separatedClassesStillGiveAFiniteMonotoneFit() {
        double[] scores = {0.01, 0.02, 0.1, 0.9, 0.95, 0.999};
        int[] labels = {0, 0, 0, 1, 1, 1};
        PlattScaling fitted = PlattScaling.fit(scores, labels);
        assertTrue(fitted.slope() > 0, "slope " + fitted.slope());
        // Platt's targets: (3 + 1) / (3 + 2) = 0.8 at most for fraud, so probabilities stay off 0 and 1.
        assertTrue(fitted.probability(0.999) < 0.99 && fitted.probability(0.999) > 0.5, "" + fitted.probability(0.999));
        assertTrue(fitted.probability(0.01) > 0.01 && fitted.probability(0.01) < 0.5, "" + fitted.probability(0.01));
    }

    @Test
    void scoresAtTheEdgesAndAllEqualScoresAreHandled() {
        PlattScaling edges = PlattScaling.fit(new double[] {0.0, 0.0, 1.0, 1.0}, new int[] {0, 1, 1, 1});
        assertTrue(edges.probability(1.0) > edges.probability(0.0));
        PlattScaling flat = PlattScaling.fit(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {0, 0, 0, 1});
        assertEquals((2.0 / 3 + 3 * 0.2) / 4, flat.probability(0.5), 1e-6, "the mean target: (1 + 1) / (1 + 2) once, 1 / (3 + 2) three times");
    }

    @Test
    void oneClassOnlyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlattScaling.fit(new double[] {0.2, 0.4}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PlattScaling.fit(new double[] {0.2}, new int[] {0, 1}));
    }
}
