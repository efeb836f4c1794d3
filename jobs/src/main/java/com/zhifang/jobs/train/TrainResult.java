package com.zhifang.jobs.train;

import com.zhifang.models.train.ModelMetrics;

import java.util.Optional;

/**
 * What one training run did.
 *
 * @param version      the saved model's version id; empty when training was refused (nothing saved)
 * @param positives    distinct positive numbers with rows in the range (training + held out)
 * @param negatives    distinct negative numbers: cleared ones plus the unlabelled sample
 * @param trainingRows rows the trees were fitted on
 * @param heldOutRows  rows measured
 * @param metrics      held-out metrics; empty when refused
 * @param approved     whether the saved model got the APPROVED marker (may score)
 * @param reason       why it was refused, or why it was (not) approved
 */
public record TrainResult(Optional<String> version, long positives, long negatives, long trainingRows, long heldOutRows,
                          Optional<ModelMetrics> metrics, boolean approved, String reason) {
}
