package com.zhifang.models.train;

import java.time.LocalDate;
import java.util.List;

/**
 * A model the registry approved for scoring, loaded.
 *
 * @param version    its version id ({@code gbt-<D>-<yyyyMMddHHmmss>})
 * @param trainedFor the date D it was trained for (labels and features up to D)
 * @param model      the fitted trees; give them to {@link ModelScores#toModelScores}
 */
public record ApprovedModel(String version, LocalDate trainedFor, BoostedTreesModel model) {
    /** The model inputs it was trained on, in the order the trees read them. */
    public List<String> features() {
        return model.inputs();
    }
}
