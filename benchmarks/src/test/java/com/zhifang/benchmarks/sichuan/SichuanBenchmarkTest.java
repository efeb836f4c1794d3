package com.zhifang.benchmarks.sichuan;

import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.models.train.BoostedTrees;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SichuanBenchmarkTest {
    private static final int NODES = 300;
    private static final BoostedTrees.Settings SMALL_TREES = new BoostedTrees.Settings(8, 3, 0.3, 1.0, 1.0, 1, 7L);

    @TempDir
    static Path data;

    private final SparkSession spark = SparkTestSession.get();

    @BeforeAll
    static void writeSyntheticData() throws IOException {
        SyntheticSichuan.write(data, NODES, 7);
    }

    private static SichuanBenchmark.Settings settings(int folds) {
        return new SichuanBenchmark.Settings(data, folds, 11, List.of(SMALL_TREES), false, false);
    }

    @Test
    void runsEndToEndAndReportsBesideThePublishedRows() throws IOException {
        SichuanReport report = new SichuanBenchmark(spark).run(settings(3));

        assertEquals(NODES, report.nodes());
        assertEquals(3, report.papers().folds().size());
        assertTrue(report.papers().fileOrder().testAuc() > 0.9, report.papers().fileOrder().summary());
        assertTrue(report.papers().fileOrder().macroF1() > 0.8, report.papers().fileOrder().summary());
        assertEquals(List.of(180L, 60L, 60L), List.of(report.papers().fileOrder().trainRows(),
                report.papers().fileOrder().validationRows(), report.papers().fileOrder().testRows()));
        long cvTested = report.papers().folds().stream().mapToLong(SplitResult::testRows).sum();
        assertEquals(NODES, cvTested, "each node is tested exactly once across the folds");
        String table = report.toMarkdown();
        assertTrue(table.contains("| GDFGAT (graph attention), PLOS ONE 2025 (published) | 94.53 | 92.08 |"), table);
        assertTrue(table.contains("file order 60/20/20"), table);
        assertTrue(table.contains("stratified 3-fold (mean ± sd)"), table);
    }

    @Test
    void refitIsASecondProtocolOnTheSameTestPartsFittedOnTrainingAndValidation() throws IOException {
        SichuanReport report = new SichuanBenchmark(spark).run(settings(3).withRefit(true));

        assertEquals(List.of(SichuanBenchmark.Protocol.PAPERS, SichuanBenchmark.Protocol.REFIT),
                report.evaluations().stream().map(SichuanReport.Evaluation::protocol).toList());
        SichuanReport.Evaluation refit = report.evaluations().get(1);
        assertEquals(List.of(240L, 240L, 60L), List.of(refit.fileOrder().trainRows(),
                refit.fileOrder().validationRows(), refit.fileOrder().testRows()), "fitted and chosen on train + validation");
        assertEquals(report.papers().fileOrder().testRows(), refit.fileOrder().testRows());
        for (int fold = 0; fold < 3; fold++) {
            assertEquals(report.papers().folds().get(fold).testRows(), refit.folds().get(fold).testRows(), "same test part, fold " + fold);
        }
        assertTrue(refit.fileOrder().testAuc() > 0.9, refit.fileOrder().summary());
        String table = report.toMarkdown();
        assertTrue(table.contains("| **Zhifang XGBoost, " + SichuanBenchmark.Protocol.REFIT.description() + ", file order 60/20/20** |"), table);
        assertTrue(table.contains("| **Zhifang XGBoost, " + SichuanBenchmark.Protocol.REFIT.description() + ", stratified 3-fold (mean ± sd)** |"), table);
        assertTrue(table.contains("| " + SichuanBenchmark.Protocol.REFIT.description() + " | file order 60/20/20 | 240 / 240 / 60 |"), table);
    }

    @Test
    void refitChoicesNeverSeeTestLabels() {
        SichuanBenchmark benchmark = new SichuanBenchmark(spark);
        SichuanBenchmark.Prepared prepared = benchmark.prepare(data, false);
        Dataset<Row> split = BenchmarkSplits.withFileOrderParts(prepared.base(), prepared.nodeCount());

        SplitResult original = benchmark.evaluateRefit("original", split, prepared, settings(3));
        SplitResult flipped = benchmark.evaluateRefit("test labels flipped", withTestLabelsFlipped(split), prepared, settings(3));

        assertOnlyTheTestFiguresSeeTheFlip(original, flipped);
    }

    @Test
    void neighbourLabelsAreFourMoreInputsOnlyWhenAskedFor() throws IOException {
        SichuanReport without = new SichuanBenchmark(spark).run(settings(3));
        SichuanReport with = new SichuanBenchmark(spark).run(settings(3).withNeighbourLabels(true));

        assertEquals(without.inputs() + GraphFeatures.NEIGHBOUR_LABELS.size(), with.inputs());
        assertTrue(with.toMarkdown().contains("neighbour labels"), with.toMarkdown());
        assertFalse(without.toMarkdown().contains("neighbour labels"), without.toMarkdown());
        assertTrue(with.papers().fileOrder().testAuc() > 0.9, with.papers().fileOrder().summary());
    }

    @Test
    void fileOrderSplitUsesThePapersBoundaries() {
        Dataset<Row> nodes = spark.range(6106).withColumnRenamed("id", SichuanData.NODE);
        Map<String, Row> parts = BenchmarkSplits.withFileOrderParts(nodes, 6106)
                .groupBy(BenchmarkSplits.PART)
                .agg(count(lit(1)), min(SichuanData.NODE), max(SichuanData.NODE))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertEquals("[train,3663,0,3662]", parts.get(BenchmarkSplits.TRAIN).toString());
        assertEquals("[validation,1221,3663,4883]", parts.get(BenchmarkSplits.VALIDATION).toString());
        assertEquals("[test,1222,4884,6105]", parts.get(BenchmarkSplits.TEST).toString());
    }

    @Test
    void stratifiedFoldsSpreadEachLabelEvenlyAndRotateValidation() {
        Dataset<Row> nodes = SichuanData.load(spark, data).nodes();
        Dataset<Row> folded = BenchmarkSplits.withStratifiedFolds(nodes, 5, 3).cache();
        List<Row> counts = folded.groupBy(SichuanData.LABEL, BenchmarkSplits.FOLD).count()
                .groupBy(SichuanData.LABEL).agg(min("count"), max("count")).collectAsList();
        for (Row row : counts) {
            assertTrue(row.getLong(2) - row.getLong(1) <= 1, "fold sizes per label differ by at most one: " + row);
        }
        Map<String, Long> round2 = BenchmarkSplits.withCrossValidationParts(folded, 4, 5)
                .where(col(BenchmarkSplits.FOLD).equalTo(4).or(col(BenchmarkSplits.FOLD).equalTo(0)))
                .groupBy(BenchmarkSplits.FOLD, BenchmarkSplits.PART).count()
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getInt(0) + ":" + r.getString(1), r -> r.getLong(2)));
        assertEquals(2, round2.size(), round2.toString());
        assertTrue(round2.containsKey("4:test") && round2.containsKey("0:validation"), round2.toString());
        folded.unpersist();
    }

    @Test
    void neighbourLabelFeaturesNeverReadValidationOrTestLabels() {
        SichuanData loaded = SichuanData.load(spark, data);
        Dataset<Row> undirected = com.zhifang.features.graph.GraphAlgorithms.toUndirected(loaded.edges());
        Dataset<Row> split = BenchmarkSplits.withFileOrderParts(loaded.nodes(), NODES);
        Dataset<Row> flipped = split.withColumn(SichuanData.LABEL,
                when(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TRAIN), col(SichuanData.LABEL))
                        .otherwise(lit(1).minus(col(SichuanData.LABEL))));

        List<Row> original = neighbourFeatures(GraphFeatures.withNeighbourLabels(split, undirected));
        List<Row> afterFlip = neighbourFeatures(GraphFeatures.withNeighbourLabels(flipped, undirected));

        assertEquals(original, afterFlip);
        assertTrue(original.stream().anyMatch(r -> r.getDouble(2) > 0), "some node has a known fraud neighbour");
    }

    @Test
    void twoHopShareLeavesTheNodeItselfOut() {
        // 0 (train, fraud) - 1 (train, normal) - 2 (test, fraud).
        StructType nodeSchema = new StructType().add(SichuanData.NODE, DataTypes.LongType)
                .add(SichuanData.LABEL, DataTypes.IntegerType).add(BenchmarkSplits.PART, DataTypes.StringType);
        Dataset<Row> nodes = spark.createDataFrame(List.of(
                RowFactory.create(0L, 1, BenchmarkSplits.TRAIN),
                RowFactory.create(1L, 0, BenchmarkSplits.TRAIN),
                RowFactory.create(2L, 1, BenchmarkSplits.TEST)), nodeSchema);
        StructType edgeSchema = new StructType().add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
        Dataset<Row> edges = com.zhifang.features.graph.GraphAlgorithms.toUndirected(spark.createDataFrame(List.of(
                RowFactory.create(0L, 1L), RowFactory.create(1L, 2L)), edgeSchema));

        Map<Long, String> features = neighbourFeatures(GraphFeatures.withNeighbourLabels(nodes, edges)).stream()
                .collect(Collectors.toMap(r -> r.getLong(0), r -> r.mkString(",")));
        // node, known neighbours, fraud neighbours, share, two-hop share
        assertEquals("0,1.0,0.0,0.0,-1.0", features.get(0L), "1's only known neighbour is 0 itself");
        assertEquals("1,1.0,1.0,1.0,-1.0", features.get(1L), "2 is test: unknown; 0 knows only 1");
        assertEquals("2,1.0,0.0,0.0,1.0", features.get(2L), "via 1, whose known neighbour 0 is fraud");
    }

    @Test
    void thresholdComesFromValidationAndTestLabelsChangeOnlyTheTestFigures() {
        SichuanBenchmark benchmark = new SichuanBenchmark(spark);
        // With the neighbour-label features on: the one input that reads labels must not read test ones.
        SichuanBenchmark.Prepared prepared = benchmark.prepare(data, true);
        Dataset<Row> split = BenchmarkSplits.withFileOrderParts(prepared.base(), prepared.nodeCount());

        SplitResult original = benchmark.evaluate("original", split, prepared, settings(3).withNeighbourLabels(true));
        SplitResult flipped = benchmark.evaluate("test labels flipped", withTestLabelsFlipped(split), prepared,
                settings(3).withNeighbourLabels(true));

        assertOnlyTheTestFiguresSeeTheFlip(original, flipped);
    }

    /** The split with every test-part label flipped (fraud to normal and back). */
    private static Dataset<Row> withTestLabelsFlipped(Dataset<Row> split) {
        return split.withColumn(SichuanData.LABEL,
                when(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TEST), lit(1).minus(col(SichuanData.LABEL)))
                        .otherwise(col(SichuanData.LABEL)));
    }

    /** Choices (the choosing AUC, the threshold) are the same; the test AUC is mirrored. */
    private static void assertOnlyTheTestFiguresSeeTheFlip(SplitResult original, SplitResult flipped) {
        assertEquals(original.validationAuc(), flipped.validationAuc(), 1e-12, "same model: test labels unseen");
        assertEquals(original.threshold(), flipped.threshold(), 1e-12, "threshold chosen without test labels");
        assertEquals(1 - original.testAuc(), flipped.testAuc(), 1e-9, "the test figures do see the flip");
    }

    @Test
    void decideMeasuresTestAtTheValidationThreshold() {
        // Validation separates at 0.5; on test a threshold of 0.85 would be perfect, 0.5 is not.
        SichuanBenchmark.Scores validation = scores(new double[] {0.2, 0.4, 0.6, 0.8}, new int[] {0, 0, 1, 1});
        SichuanBenchmark.Scores test = scores(new double[] {0.2, 0.7, 0.8, 0.9}, new int[] {0, 0, 0, 1});
        SplitResult result = SichuanBenchmark.decide("t", 4, validation, test);
        assertEquals(0.5, result.threshold(), 1e-12);
        assertEquals(1.0, result.validationAuc(), 1e-12);
        assertEquals(1, result.test().truePositives());
        assertEquals(2, result.test().falsePositives());
        assertNotEquals(1.0, result.macroF1());
    }

    @Test
    void theEnsembleScoreIsTheMembersMeanPerNode() {
        SichuanBenchmark.Scores first = new SichuanBenchmark.Scores(new long[] {3, 5}, new double[] {0.2, 0.9}, new int[] {0, 1});
        SichuanBenchmark.Scores second = new SichuanBenchmark.Scores(new long[] {3, 5}, new double[] {0.4, 0.5}, new int[] {0, 1});
        SichuanBenchmark.Scores mean = SichuanBenchmark.Scores.mean(List.of(first, second));
        assertArrayEquals(new long[] {3, 5}, mean.nodes());
        assertArrayEquals(new double[] {0.3, 0.7}, mean.scores(), 1e-12);
        SichuanBenchmark.Scores otherNodes = new SichuanBenchmark.Scores(new long[] {3, 6}, new double[] {0.4, 0.5}, new int[] {0, 1});
        assertThrows(IllegalStateException.class, () -> SichuanBenchmark.Scores.mean(List.of(first, otherNodes)));
    }

    @Test
    void everyMemberIsFittedAndNamedInTheReport() throws IOException {
        BoostedTrees.Settings deeper = new BoostedTrees.Settings(8, 4, 0.3, 0.8, 0.8, 1, 8L);
        SichuanReport report = new SichuanBenchmark(spark).run(
                new SichuanBenchmark.Settings(data, 3, 11, List.of(SMALL_TREES, deeper), false, false));
        String table = report.toMarkdown();
        assertTrue(table.contains("the mean score of 2 tree ensembles"), table);
        assertTrue(table.contains("- " + SMALL_TREES.describe() + ", seed 7"), table);
        assertTrue(table.contains("- " + deeper.describe() + ", seed 8"), table);
        assertTrue(report.papers().fileOrder().testAuc() > 0.9, report.papers().fileOrder().summary());
    }

    @Test
    void theStandardEnsembleIsTwoDepthsWithThreeSeedsEach() {
        List<BoostedTrees.Settings> members = SichuanBenchmark.Settings.standard(data, 5, 42).members();
        assertEquals(List.of(4, 4, 4, 6, 6, 6), members.stream().map(BoostedTrees.Settings::maxDepth).toList());
        assertEquals(List.of(42L, 43L, 44L, 42L, 43L, 44L), members.stream().map(BoostedTrees.Settings::seed).toList());
    }

    private static SichuanBenchmark.Scores scores(double[] scores, int[] labels) {
        long[] nodes = java.util.stream.LongStream.range(0, scores.length).toArray();
        return new SichuanBenchmark.Scores(nodes, scores, labels);
    }

    private static List<Row> neighbourFeatures(Dataset<Row> withFeatures) {
        return withFeatures.select(col(SichuanData.NODE), col(GraphFeatures.KNOWN_NEIGHBOURS), col(GraphFeatures.FRAUD_NEIGHBOURS),
                        col(GraphFeatures.FRAUD_NEIGHBOUR_SHARE), col(GraphFeatures.TWO_HOP_FRAUD_SHARE))
                .orderBy(SichuanData.NODE).collectAsList();
    }
}
