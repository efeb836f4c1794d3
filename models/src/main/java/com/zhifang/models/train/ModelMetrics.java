package com.zhifang.models.train;

/**
 * How a model did on its held-out rows (numbers it never trained on). Counted per row (a number
 * on one feature date). The negatives are labelled ones plus the unlabelled sample, so precision
 * and AUC-PR depend on the sample rate: compare them between models trained alike, not with the
 * precision of a production list.
 *
 * @param aucRoc    area under the ROC curve (MLlib's, from the fraud probability)
 * @param aucPr     area under the precision-recall curve
 * @param threshold probability at or above which a row counts as flagged (0.5). The classes were
 *                  weighted to balance in training, so probabilities are not calibrated to the
 *                  real fraud rate: 0.5 is the balanced decision point, not "50 % likely"
 */
public record ModelMetrics(double aucRoc, double aucPr, double threshold,
                           long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public long heldOutPositives() {
        return truePositives + falseNegatives;
    }

    public long heldOutNegatives() {
        return falsePositives + trueNegatives;
    }

    /** Flagged rows that are fraud; 0 when nothing was flagged. */
    public double precision() {
        return truePositives + falsePositives == 0 ? 0.0 : (double) truePositives / (truePositives + falsePositives);
    }

    /** Fraud rows flagged; 0 when there is no held-out fraud. */
    public double recall() {
        return heldOutPositives() == 0 ? 0.0 : (double) truePositives / heldOutPositives();
    }
}
