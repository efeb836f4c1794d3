package com.zhifang.benchmarks.sichuan;

/**
 * What one split measured on its test part, with the threshold chosen before on the validation
 * part ({@code trainRows} fitted, {@code validationRows} choosing, {@code validationAuc} the
 * ensemble's AUC there) or, under {@link SichuanBenchmark.Protocol#REFIT}, on out-of-fold scores of
 * training and validation together (both counts are then those rows).
 */
public record SplitResult(String name, long trainRows, long validationRows, long testRows,
                          double validationAuc, double threshold,
                          double testAuc, BinaryMetrics.AtThreshold test) {
    public double macroF1() {
        return test.macroF1();
    }

    public double fraudF1() {
        return test.fraudF1();
    }

    public String summary() {
        return String.format("test AUC %.2f, macro F1 %.2f, fraud F1 %.2f (threshold %.3f; choosing AUC %.2f)",
                100 * testAuc, 100 * macroF1(), 100 * fraudF1(), threshold, 100 * validationAuc);
    }
}
