package com.zhifang.models.benchmark.sichuan;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's outcome as a markdown table beside the published results. Percentages; the
 * spread of the cross-validation rounds is the sample standard deviation (n - 1).
 */
public record SichuanReport(long nodes, int inputs, boolean neighbourLabels, SplitResult fileOrder, List<SplitResult> folds,
                            long seconds) {
    /** Published rows (AUC, macro F1) as the README of the benchmark data gives them. */
    private static final String[][] PUBLISHED = {
            {"GDFGAT (graph attention), PLOS ONE 2025", "94.53", "92.08"},
            {"CDR2IMG + augmentation, CSSE 2023", "94.49", "91.09"},
            {"CDR2IMG, CSSE 2023", "92.93", "89.98"},
    };

    public SichuanReport {
        folds = List.copyOf(folds);
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Sichuan telecom-fraud benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%d subscribers; XGBoost trees on %d inputs (behaviour, missing count, call-graph "
                + "structure%s); %d s.%n%n", nodes, inputs, neighbourLabels ? ", neighbour labels" : "", seconds));
        out.append("| method / evaluation | AUC | macro F1 | fraud-class F1 | fraud precision | fraud recall |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (String[] row : PUBLISHED) {
            out.append(String.format("| %s (published) | %s | %s | n/a | n/a | n/a |%n", row[0], row[1], row[2]));
        }
        out.append(row("**Zhifang XGBoost, file order 60/20/20**", fileOrder));
        out.append(String.format(Locale.ROOT, "| **Zhifang XGBoost, stratified %d-fold (mean ± sd)** | %s | %s | %s | %s | %s |%n",
                folds.size(),
                spread(r -> r.testAuc()), spread(SplitResult::macroF1), spread(SplitResult::fraudF1),
                spread(r -> r.test().fraudPrecision()), spread(r -> r.test().fraudRecall())));
        for (SplitResult fold : folds) {
            out.append(row("Zhifang XGBoost, " + fold.name(), fold));
        }
        out.append("\nAUC: ROC area of the fraud score (for two classes the macro-averaged AUC is the same number). ")
                .append("Macro F1: mean of the fraud and normal classes' F1 (what the papers report); fraud-class F1: fraud class only. ")
                .append("Threshold and tree settings chosen on each split's validation part; test parts scored once.\n\n");
        out.append("| split | train / validation / test | chosen settings | validation AUC | threshold |\n|---|---|---|---|---|\n");
        for (SplitResult split : all()) {
            out.append(String.format(Locale.ROOT, "| %s | %d / %d / %d | %s | %.2f | %.3f |%n", split.name(),
                    split.trainRows(), split.validationRows(), split.testRows(), split.chosenSettings().describe(),
                    100 * split.validationAuc(), split.threshold()));
        }
        return out.toString();
    }

    private List<SplitResult> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(fileOrder), folds.stream()).toList();
    }

    private static String row(String label, SplitResult result) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label,
                100 * result.testAuc(), 100 * result.macroF1(), 100 * result.fraudF1(),
                100 * result.test().fraudPrecision(), 100 * result.test().fraudRecall());
    }

    private String spread(ToDoubleFunction<SplitResult> metric) {
        double[] values = folds.stream().mapToDouble(metric).map(v -> 100 * v).toArray();
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean(values), standardDeviation(values));
    }

    static double mean(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total / values.length;
    }

    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
