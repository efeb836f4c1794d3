package com.zhifang.benchmarks.sichuan;

/**
 * Platt scaling of a classifier score in (0, 1): {@code P(fraud | score) = sigmoid(slope * logit(score) + intercept)},
 * fitted to labelled scores by maximum likelihood. It turns a class-weighted model's scores into
 * probabilities for the rows they were fitted on, smoothly: one slope and one intercept cannot
 * chase single rows the way a threshold picked on counts can.
 *
 * <p>Following Platt (1999) the targets are {@code (fraud + 1) / (fraud + 2)} and {@code 1 / (normal + 2)}
 * rather than 1 and 0, so the fit is finite even when the scores separate the classes; the
 * Newton iteration with step halving is the one of Lin, Lin and Weng (2007). Scores are clamped
 * to [1e-7, 1 - 1e-7] before the logit. Cost: a few dozen passes over the scores, on the driver.
 */
public record PlattScaling(double slope, double intercept) {
    private static final double EDGE = 1e-7;
    private static final int MAX_ITERATIONS = 100;
    private static final double GRADIENT_TOLERANCE = 1e-10;
    /** Added to the Hessian's diagonal, so a step exists even when all scores are equal. */
    private static final double RIDGE = 1e-12;

    public PlattScaling {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("Platt scaling needs a finite slope and intercept: " + slope + ", " + intercept);
        }
    }

    public double probability(double score) {
        return sigmoid(slope * logit(score) + intercept);
    }

    public double[] probabilities(double[] scores) {
        double[] probabilities = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = probability(scores[i]);
        }
        return probabilities;
    }

    /** The maximum-likelihood slope and intercept for these scores and labels (1 = fraud); both classes needed. */
    public static PlattScaling fit(double[] scores, int[] labels) {
        BinaryMetrics.checkSameLength(scores, labels);
        long fraud = 0;
        for (int label : labels) {
            fraud += label;
        }
        long normal = labels.length - fraud;
        if (fraud == 0 || normal == 0) {
            throw new IllegalArgumentException("Platt scaling needs both classes; got " + fraud + " fraud and " + normal + " normal");
        }
        double fraudTarget = (fraud + 1.0) / (fraud + 2.0);
        double normalTarget = 1.0 / (normal + 2.0);
        double[] x = new double[scores.length];
        double[] target = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            x[i] = logit(scores[i]);
            target[i] = labels[i] == 1 ? fraudTarget : normalTarget;
        }
        double slope = 1.0;        // start from the scores as they are
        double intercept = 0.0;
        double loss = loss(x, target, slope, intercept);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double gradientSlope = 0, gradientIntercept = 0, hSlope = RIDGE, hCross = 0, hIntercept = RIDGE;
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(slope * x[i] + intercept);
                double residual = p - target[i];
                double curvature = p * (1 - p);
                gradientSlope += residual * x[i];
                gradientIntercept += residual;
                hSlope += curvature * x[i] * x[i];
                hCross += curvature * x[i];
                hIntercept += curvature;
            }
            if (Math.abs(gradientSlope) < GRADIENT_TOLERANCE && Math.abs(gradientIntercept) < GRADIENT_TOLERANCE) {
                break;
            }
            double determinant = hSlope * hIntercept - hCross * hCross;
            double stepSlope = -(hIntercept * gradientSlope - hCross * gradientIntercept) / determinant;
            double stepIntercept = -(hSlope * gradientIntercept - hCross * gradientSlope) / determinant;
            double fraction = 1.0;
            double nextLoss = loss(x, target, slope + stepSlope, intercept + stepIntercept);
            while (nextLoss > loss && fraction > 1e-10) {
                fraction /= 2;
                nextLoss = loss(x, target, slope + fraction * stepSlope, intercept + fraction * stepIntercept);
            }
            if (nextLoss > loss) {
                break;   // no descent along the Newton direction: at the optimum up to rounding
            }
            slope += fraction * stepSlope;
            intercept += fraction * stepIntercept;
            loss = nextLoss;
        }
        return new PlattScaling(slope, intercept);
    }

    /** Cross-entropy against the targets, written so large margins neither overflow nor lose digits. */
    private static double loss(double[] x, double[] target, double slope, double intercept) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double margin = slope * x[i] + intercept;
            // -[t log p + (1 - t) log(1 - p)] with p = sigmoid(m) equals log(1 + e^m) - t m.
            total += Math.max(margin, 0) + Math.log1p(Math.exp(-Math.abs(margin))) - target[i] * margin;
        }
        return total;
    }

    private static double logit(double score) {
        double clamped = Math.min(Math.max(score, EDGE), 1 - EDGE);
        return Math.log(clamped / (1 - clamped));
    }

    private static double sigmoid(double margin) {
        return margin >= 0 ? 1 / (1 + Math.exp(-margin)) : Math.exp(margin) / (1 + Math.exp(margin));
    }
}
