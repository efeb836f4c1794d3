package com.zhifang.benchmarks.sichuan;

import com.zhifang.models.train.BoostedTrees;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's outcome as a markdown table beside the published results: one block of rows per
 * protocol (the papers' first, {@link SichuanBenchmark.Protocol#PAPERS}). Percentages; the spread of the
 * cross-validation rounds is the sample standard deviation (n - 1).
 */
public record SichuanReport(long nodes, int inputs, boolean neighbourLabels, List<BoostedTrees.Settings> members,
                            List<Evaluation> evaluations, long seconds) {
    /** One protocol's results: the file-order split and each cross-validation round. */
    public record Evaluation(SichuanBenchmark.Protocol protocol, SplitResult fileOrder, List<SplitResult> folds) {
        public Evaluation {
            folds = List.copyOf(folds);
        }

        List<SplitResult> all() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(fileOrder), folds.stream()).toList();
        }
    }

    /** Published rows (AUC, macro F1) as the README of the benchmark data gives them. */
    private static final String[][] PUBLISHED = {
            {"GDFGAT (graph attention), PLOS ONE 2025", "94.53", "92.08"},
            {"CDR2IMG + augmentation, CSSE 2023", "94.49", "91.09"},
            {"CDR2IMG, CSSE 2023", "92.93", "89.98"},
    };

    public SichuanReport {
        if (evaluations.isEmpty() || evaluations.get(0).protocol() != SichuanBenchmark.Protocol.PAPERS) {
            throw new IllegalArgumentException("a report starts with the papers' protocol's results: " + evaluations);
        }
        evaluations = List.copyOf(evaluations);
        members = List.copyOf(members);
    }

    /** The papers' protocol's results (always the first). */
    public Evaluation papers() {
        return evaluations.get(0);
    }

    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Sichuan telecom-fraud benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%d subscribers; XGBoost trees on %d inputs (behaviour, missing count, call-graph "
                + "structure%s); %d s.%n%n", nodes, inputs, neighbourLabels ? ", neighbour labels" : "", seconds));
        out.append(String.format(Locale.ROOT, "Model: the mean score of %d tree ensembles fitted alike with class weights:%n", members.size()));
        for (BoostedTrees.Settings member : members) {
            out.append(String.format(Locale.ROOT, "- %s, seed %d%n", member.describe(), member.seed()));
        }
        out.append("\n");
        out.append("| method / evaluation | AUC | macro F1 | fraud-class F1 | fraud precision | fraud recall |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (String[] row : PUBLISHED) {
            out.append(String.format("| %s (published) | %s | %s | n/a | n/a | n/a |%n", row[0], row[1], row[2]));
        }
        for (Evaluation evaluation : evaluations) {
            String method = evaluation.protocol() == SichuanBenchmark.Protocol.PAPERS
                    ? "Zhifang XGBoost" : "Zhifang XGBoost, " + evaluation.protocol().description();
            List<SplitResult> folds = evaluation.folds();
            out.append(row("**" + method + ", file order 60/20/20**", evaluation.fileOrder()));
            out.append(String.format(Locale.ROOT, "| **%s, stratified %d-fold (mean ± sd)** | %s | %s | %s | %s | %s |%n",
                    method, folds.size(),
                    spread(folds, SplitResult::testAuc), spread(folds, SplitResult::macroF1), spread(folds, SplitResult::fraudF1),
                    spread(folds, r -> r.test().fraudPrecision()), spread(folds, r -> r.test().fraudRecall())));
            for (SplitResult fold : folds) {
                out.append(row(method + ", " + fold.name(), fold));
            }
        }
        out.append("\nAUC: ROC area of the fraud score (for two classes the macro-averaged AUC is the same number). ")
                .append("Macro F1: mean of the fraud and normal classes' F1 (what the papers report); fraud-class F1: fraud class only. ")
                .append("Papers' protocol: trees fitted on each split's training part, threshold chosen on its validation part ")
                .append("(the best expected macro F1 under Platt-calibrated validation scores). ");
        if (evaluations.size() > 1) {
            out.append("Refit: threshold chosen on out-of-fold scores over training and validation together, ")
                    .append("then one fit on both. ");
        }
        out.append("Test parts scored once per protocol. ")
                .append("Published rows: as the papers print them, from the raw records (CDR2IMG) or monthly features extracted ")
                .append("from them (GDFGAT), which this data does not include; GDFGAT's accuracy, precision, recall and F1 fit only ")
                .append("a test set of about 32.2 % fraud, drawn in proportion to the labels, not the file-order test part ")
                .append("(30.7 %; scripts/published-split-check.py, docs/model.md).\n\n");
        out.append("| protocol | split | rows fitted / choosing / test | choosing AUC | threshold |\n")
                .append("|---|---|---|---|---|\n");
        for (Evaluation evaluation : evaluations) {
            for (SplitResult split : evaluation.all()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %d / %d / %d | %.2f | %.3f |%n", evaluation.protocol().description(),
                        split.name(), split.trainRows(), split.validationRows(), split.testRows(),
                        100 * split.validationAuc(), split.threshold()));
            }
        }
        return out.toString();
    }

    private static String row(String label, SplitResult result) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label,
                100 * result.testAuc(), 100 * result.macroF1(), 100 * result.fraudF1(),
                100 * result.test().fraudPrecision(), 100 * result.test().fraudRecall());
    }

    private static String spread(List<SplitResult> folds, ToDoubleFunction<SplitResult> metric) {
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
