package com.zhifang.benchmarks.sichuan;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Which nodes train, pick hyper-parameters and the threshold (validation), and measure (test).
 *
 * <p>File order follows GAT-COBO's {@code data_process.py}: with n nodes, the first
 * {@code int(0.6 n)} are train, the next {@code int(0.2 n)} validation, the rest test. Stratified
 * k-fold gives each node a fold (per label, in a seeded hash order, round robin); round i tests
 * fold i, validates on fold i + 1 and trains on the rest, so its proportions (60/20/20 for k = 5)
 * match the file-order split. Lazy; the fold assignment sorts each label's nodes once.
 */
public final class BenchmarkSplits {
    public static final String PART = "part";
    public static final String FOLD = "fold";
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    private BenchmarkSplits() {}

    /** Adds {@code part} from the node index (= position in the file) and the node count. */
    public static Dataset<Row> withFileOrderParts(Dataset<Row> nodes, long nodeCount) {
        RequiredColumns.check(nodes, "nodes", SichuanData.NODE);
        // Python's int() truncates, as do these casts: the same boundaries as the papers' masks.
        long trainEnd = (long) (nodeCount * 0.6);
        long validationEnd = trainEnd + (long) (nodeCount * 0.2);
        Column node = col(SichuanData.NODE);
        return nodes.withColumn(PART, when(node.lt(trainEnd), TRAIN).when(node.lt(validationEnd), VALIDATION).otherwise(TEST));
    }

    /** Adds {@code fold} in 0..folds-1, each label spread evenly over the folds. */
    public static Dataset<Row> withStratifiedFolds(Dataset<Row> nodes, int folds, long seed) {
        RequiredColumns.check(nodes, "nodes", SichuanData.NODE, SichuanData.LABEL);
        Column shuffled = hash(lit(seed), col(SichuanData.NODE));
        Column position = row_number().over(Window.partitionBy(SichuanData.LABEL).orderBy(shuffled, col(SichuanData.NODE)));
        return nodes.withColumn(FOLD, position.minus(1).mod(folds).cast("int"));
    }

    /** Adds {@code part} for cross-validation round {@code testFold}: that fold tests, the next validates. */
    public static Dataset<Row> withCrossValidationParts(Dataset<Row> folded, int testFold, int folds) {
        RequiredColumns.check(folded, "folded nodes", FOLD);
        int validationFold = (testFold + 1) % folds;
        Column fold = col(FOLD);
        return folded.withColumn(PART, when(fold.equalTo(testFold), TEST).when(fold.equalTo(validationFold), VALIDATION).otherwise(TRAIN));
    }
}
