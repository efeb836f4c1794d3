package com.zhifang.models.train;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link ModelTrainer#train} did: the fitted trees (empty when it refused), the counts it
 * saw, and the held-out metrics.
 *
 * @param model            the fitted trees, empty when training was refused
 * @param positiveNumbers  distinct numbers labelled 1 with rows in the range (training + held out)
 * @param negativeNumbers  distinct numbers labelled 0: cleared ones plus the unlabelled sample
 * @param numbersBySource  distinct numbers per label source ({@code POLICE}, {@code CONFIRMED_FRAUD},
 *                         {@code FALSE_POSITIVE}, {@code RESTORED_ON_APPEAL}, {@code UNLABELLED_SAMPLE})
 * @param trainingRows     rows the trees were fitted on
 * @param heldOutRows      rows set aside to measure the model
 * @param firstFeatureDate earliest feature date among the rows (null without rows)
 * @param lastFeatureDate  latest feature date among the rows (null without rows)
 * @param positiveWeight   weight of each positive training row (negative rows / positive rows); 0 when refused
 * @param metrics          held-out metrics, empty when refused
 * @param refusal          why training was refused; empty when a model was fitted
 */
public record TrainingReport(Optional<BoostedTreesModel> model, long positiveNumbers, long negativeNumbers,
                             Map<String, Long> numbersBySource, long trainingRows, long heldOutRows,
                             LocalDate firstFeatureDate, LocalDate lastFeatureDate, double positiveWeight,
                             Optional<ModelMetrics> metrics, Optional<String> refusal) {
    public TrainingReport {
        numbersBySource = Collections.unmodifiableMap(new TreeMap<>(numbersBySource));
    }

    public boolean trained() {
        return model.isPresent();
    }
}
