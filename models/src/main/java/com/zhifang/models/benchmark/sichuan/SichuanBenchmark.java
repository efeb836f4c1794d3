package com.zhifang.models.benchmark.sichuan;

import com.zhifang.features.graph.GraphAlgorithms;
import com.zhifang.features.schema.RequiredColumns;
import com.zhifang.models.train.BoostedTrees;
import com.zhifang.models.train.BoostedTreesModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The Sichuan telecom-fraud benchmark end to end: load, graph features, then for each split
 * (the papers' file-order 60/20/20 and each round of stratified k-fold) train on the training part,
 * choose the tree settings and the decision threshold on the validation part, and measure once on
 * the test part.
 *
 * <p>What keeps it honest: label-aware graph features read training labels only (see
 * {@link GraphFeatures}); class weights come from training rows; model and
 * threshold choices look at validation scores only; the test part is scored once, at the end.
 * Fixed seeds throughout, so a rerun gives the same numbers.
 *
 * <p>Cost on the real data (6,106 nodes, 416,211 edges, two cores): a PageRank and a triangle
 * count once, then per split a few joins and one GBT fit per candidate setting; minutes in all.
 */
public final class SichuanBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(SichuanBenchmark.class);
    static final String MISSING_FEATURES = "missing_features";

    /**
     * What to run: the data folder, the number of folds, the seed, the candidate tree settings, and
     * whether the model also gets the four neighbour-label features ({@link GraphFeatures#NEIGHBOUR_LABELS}).
     */
    public record Settings(Path dataDirectory, int folds, long seed, List<BoostedTrees.Settings> candidates,
                           boolean neighbourLabels) {
        public Settings {
            if (folds < 3) {
                throw new IllegalArgumentException("cross-validation needs at least 3 folds (test, validation, train): " + folds);
            }
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("need at least one candidate model setting");
            }
            candidates = List.copyOf(candidates);
        }

        /**
         * The settings the command uses: two tree depths, chosen per split on validation AUC, and no
         * neighbour-label features. Both were set on the first 80 % of the file (the file-order test
         * part left out): nearby tree settings scored within a few tenths of a point there, and the
         * neighbour-label features cost about half a point of macro F1 (docs/model.md).
         */
        public static Settings standard(Path dataDirectory, int folds, long seed) {
            return new Settings(dataDirectory, folds, seed, List.of(
                    new BoostedTrees.Settings(400, 4, 0.03, 0.8, 0.7, 3, seed),
                    new BoostedTrees.Settings(400, 6, 0.03, 0.8, 0.7, 3, seed)), false);
        }

        public Settings withNeighbourLabels(boolean on) {
            return new Settings(dataDirectory, folds, seed, candidates, on);
        }
    }

    private final SparkSession spark;

    public SichuanBenchmark(SparkSession spark) {
        this.spark = spark;
    }

    public SichuanReport run(Settings settings) {
        long started = System.nanoTime();
        Prepared prepared = prepare(settings.dataDirectory(), settings.neighbourLabels());
        LOG.info("graph features ready after {} s; {} model features", seconds(started), prepared.features().size());
        SplitResult fileOrder = evaluate("file order 60/20/20",
                BenchmarkSplits.withFileOrderParts(prepared.base(), prepared.nodeCount()), prepared, settings);
        Dataset<Row> folded = BenchmarkSplits.withStratifiedFolds(prepared.base(), settings.folds(), settings.seed()).cache();
        List<SplitResult> folds = new ArrayList<>();
        for (int fold = 0; fold < settings.folds(); fold++) {
            String name = "fold " + (fold + 1) + "/" + settings.folds();
            folds.add(evaluate(name, BenchmarkSplits.withCrossValidationParts(folded, fold, settings.folds()), prepared, settings));
        }
        folded.unpersist();
        prepared.release();
        return new SichuanReport(prepared.nodeCount(), prepared.features().size(), prepared.neighbourLabels(), fileOrder, folds,
                seconds(started));
    }

    /** Everything that does not depend on the split: nodes with behaviour and label-free graph features. */
    record Prepared(Dataset<Row> base, Dataset<Row> undirected, List<String> features, boolean neighbourLabels, long nodeCount) {
        void release() {
            base.unpersist();
            undirected.unpersist();
        }
    }

    Prepared prepare(Path dataDirectory, boolean neighbourLabels) {
        SichuanData data = SichuanData.load(spark, dataDirectory);
        int partitions = spark.sparkContext().defaultParallelism();
        Dataset<Row> nodes = data.nodes().repartition(partitions);
        List<String> behaviour = SichuanData.behaviourFeatures(nodes);
        Dataset<Row> edges = data.edges().repartition(partitions).cache();
        Dataset<Row> structural = GraphFeatures.structural(edges);
        Dataset<Row> undirected = GraphAlgorithms.toUndirected(edges).localCheckpoint(true);
        edges.unpersist();
        Dataset<Row> base = withMissingCount(GraphFeatures.withStructural(nodes, structural), behaviour).localCheckpoint(true);
        long nodeCount = base.count();
        List<String> features = Stream.of(behaviour, List.of(MISSING_FEATURES), GraphFeatures.STRUCTURAL,
                        neighbourLabels ? GraphFeatures.NEIGHBOUR_LABELS : List.<String>of())
                .flatMap(List::stream).toList();
        LOG.info("Sichuan: {} nodes, {} behaviour features, {} model features", nodeCount, behaviour.size(), features.size());
        return new Prepared(base, undirected, features, neighbourLabels, nodeCount);
    }

    /** One split: fit each candidate on train, keep the best by validation AUC, threshold on validation, score test. */
    SplitResult evaluate(String name, Dataset<Row> split, Prepared prepared, Settings settings) {
        long started = System.nanoTime();
        List<String> features = prepared.features();
        Dataset<Row> frame = (prepared.neighbourLabels() ? GraphFeatures.withNeighbourLabels(split, prepared.undirected()) : split)
                .localCheckpoint(true);
        Dataset<Row> train = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TRAIN));
        Dataset<Row> validation = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.VALIDATION));
        Dataset<Row> test = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TEST));
        Row classCounts = train.agg(count(lit(1)), sum(col(SichuanData.LABEL))).first();
        long fraudRows = classCounts.getLong(1);
        Dataset<Row> weighted = FraudGbt.withClassWeights(train, fraudRows, classCounts.getLong(0) - fraudRows).cache();

        BoostedTreesModel best = null;
        BoostedTrees.Settings bestSettings = null;
        double bestValidationAuc = -1;
        Scores bestValidationScores = null;
        for (BoostedTrees.Settings candidate : settings.candidates()) {
            BoostedTreesModel model = FraudGbt.fit(weighted, features, candidate);
            Scores validationScores = Scores.of(FraudGbt.withScores(model, validation));
            double auc = BinaryMetrics.auc(validationScores.scores(), validationScores.labels());
            LOG.info("{}: {} -> validation AUC {}", name, candidate.describe(), String.format("%.4f", auc));
            if (auc > bestValidationAuc) {
                best = model;
                bestSettings = candidate;
                bestValidationAuc = auc;
                bestValidationScores = validationScores;
            }
        }
        weighted.unpersist();
        Scores testScores = Scores.of(FraudGbt.withScores(best, test));
        SplitResult result = decide(name, train.count(), bestSettings, bestValidationAuc, bestValidationScores, testScores);
        LOG.info("{}: {} in {} s", name, result.summary(), seconds(started));
        return result;
    }

    /** The threshold comes from the validation scores alone; the test scores are only measured at it. */
    static SplitResult decide(String name, long trainRows, BoostedTrees.Settings settings, double validationAuc,
                              Scores validation, Scores test) {
        BinaryMetrics.AtThreshold chosen = BinaryMetrics.bestMacroF1Threshold(validation.scores(), validation.labels());
        return new SplitResult(name, trainRows, validation.size(), test.size(), settings, validationAuc, chosen.threshold(),
                BinaryMetrics.auc(test.scores(), test.labels()),
                BinaryMetrics.at(test.scores(), test.labels(), chosen.threshold()));
    }

    /** Adds {@link #MISSING_FEATURES}: how many behaviour features are empty (whole groups go missing together). */
    static Dataset<Row> withMissingCount(Dataset<Row> nodes, List<String> behaviour) {
        RequiredColumns.check(nodes, "nodes", behaviour.toArray(String[]::new));
        Column missing = lit(0.0);
        for (String feature : behaviour) {
            missing = missing.plus(when(col(feature).isNull(), 1.0).otherwise(0.0));
        }
        return nodes.withColumn(MISSING_FEATURES, missing);
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    /** Scores and labels of one part, collected to the driver (a part is a few thousand rows). */
    record Scores(double[] scores, int[] labels) {
        static Scores of(Dataset<Row> scored) {
            List<Row> rows = scored.select(col(FraudGbt.SCORE), col(SichuanData.LABEL)).collectAsList();
            double[] scores = new double[rows.size()];
            int[] labels = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                scores[i] = rows.get(i).getDouble(0);
                labels[i] = rows.get(i).getInt(1);
            }
            return new Scores(scores, labels);
        }

        int size() {
            return scores.length;
        }
    }
}
