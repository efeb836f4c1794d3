package com.zhifang.models.train;

import java.time.LocalDate;
import java.util.List;

/**
 * A model the registry approved for scoring, loaded.
 *
 * @param version    its version id ({@code gbt-<D>-<yyyyMMddHHmmss>})
 * @param trainedFor the date D it was trained for (labels and features up to D)
 * @param model      the fitted trees; give them to {@link ModelScores#toModelScores}
 * @param features   the model inputs it was trained on, in vector order
 */
public record ApprovedModel(String version, LocalDate trainedFor, BoostedTreesModel model, List<String> features) {
    public ApprovedModel {
        features = List.copyOf(features);
    }
}
