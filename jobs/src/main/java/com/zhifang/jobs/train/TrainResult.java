package com.zhifang.jobs.train;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;
import com.zhifang.models.train.ModelMetrics;

import java.util.Map;
import java.util.Optional;

/**
 * What one training run did.
 *
 * @param version      the saved model's version id; empty when training was refused (nothing saved)
 * @param positives    distinct positive numbers with rows in the range (training + held out)
 * @param negatives    distinct negative numbers: cleared ones plus the unlabelled sample
 * @param trainingRows rows the trees were fitted on
 * @param heldOutRows  rows measured
 * @param heldOutMetrics held-out metrics; empty when refused
 * @param approved     whether the saved model got the APPROVED marker (may score)
 * @param reason       why it was refused, or why it was (not) approved
 */
public record TrainResult(Optional<String> version, long positives, long negatives, long trainingRows, long heldOutRows,
                          Optional<ModelMetrics> heldOutMetrics, boolean approved, String reason) implements StageResult {
    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder()
                .headline("positives", positives)
                .headline("negatives", negatives)
                .add("training_rows", trainingRows)
                .add("held_out_rows", heldOutRows)
                .add("approved", approved ? 1 : 0)
                .build();
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("model", version.orElse("none (refused: " + reason + ")"));
    }
}
