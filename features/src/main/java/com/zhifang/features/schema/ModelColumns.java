package com.zhifang.features.schema;

import static com.zhifang.features.schema.GraphColumns.*;

/**
 * Column names of the trained model's training rows and inputs (models module, train package).
 */
public final class ModelColumns {
    private ModelColumns() {}

    // ---- trained model (models module, train package) ----
    /** Training label: 1.0 fraud, 0.0 not fraud (double, as MLlib wants it). */
    public static final String LABEL = "label";
    /** Where a label came from: a police notice, a feedback outcome, or an unlabelled sample. */
    public static final String LABEL_SOURCE = "label_source";
    /** Date of the event that decided a label (notice or decision date). */
    public static final String LABELLED_ON = "labelled_on";
    /** Weight of a training row in the loss (positives count n_neg / n_pos, negatives 1). */
    public static final String CLASS_WEIGHT = "class_weight";
    /** Training rows set aside (by number, stratified) to measure the model. */
    public static final String HOLDOUT = "holdout";
    /** Model input: 1.0 when the number has no graph row for the date (graph values were filled with 0). */
    public static final String GRAPH_MISSING = "graph_missing";
    /** Model input: 1.0 when the graph stage excluded the number as a hub ({@link GraphColumns#HUB_REASON} set). */
    public static final String IS_HUB = "is_hub";

    /** The model input taken from a {@code graph_features_number} column ({@code pagerank} -> {@code graph_pagerank}). */
    public static String graphInput(String graphColumn) {
        return "graph_" + graphColumn;
    }
}
