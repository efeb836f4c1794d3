package com.zhifang.benchmarks.sichuan;

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The Sichuan telecom-fraud benchmark end to end: load, graph features, then for each split
 * (the papers' file-order 60/20/20 and each round of stratified k-fold) fit the ensemble's members
 * on the training part, average their scores, choose the decision threshold on the validation part
 * ({@link BinaryMetrics#calibratedMacroF1Threshold}), and measure once on the test part.
 *
 * <p>Optionally each split is measured a second time under {@link Protocol#REFIT}: the same test part,
 * with the training and validation labels used together (choices out of fold, then one fit).
 *
 * <p>What keeps it honest: label-aware graph features read training labels only (see
 * {@link GraphFeatures}); class weights come from training rows; model and
 * threshold choice looks at validation (or out-of-fold) scores only; the test part is scored once
 * per protocol, at the end.
 * Fixed seeds throughout, so a rerun gives the same numbers.
 *
 * <p>Cost on the real data (6,106 nodes, 416,211 edges, two cores): a PageRank and a triangle
 * count once, then per split a few joins and one GBT fit per member (refit adds
 * members x (k + 1) fits per split, {@link #evaluateRefit}); minutes in all.
 */
public final class SichuanBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(SichuanBenchmark.class);
    static final String MISSING_FEATURES = "missing_features";

    /** How a split's labelled rows are used; every protocol scores the same test parts. */
    public enum Protocol {
        /** The papers': fit on the training part, choose the threshold on the validation part. */
        PAPERS("train 60 %, choose on validation 20 %"),
        /** Threshold from out-of-fold scores over training plus validation, then one fit on both ({@link #evaluateRefit}). */
        REFIT("choose out of fold on 80 %, refit on 80 %");

        private final String description;

        Protocol(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * What to run: the data folder, the number of folds, the seed of the folds, the ensemble's
     * members (tree settings, each with its own sampling seed; the model's score is the mean of
     * theirs), whether the model also gets the four neighbour-label features
     * ({@link GraphFeatures#NEIGHBOUR_LABELS}), and whether each split is also measured with
     * {@link Protocol#REFIT} (see {@link #evaluateRefit}).
     */
    public record Settings(Path dataDirectory, int folds, long seed, List<BoostedTrees.Settings> members,
                           boolean neighbourLabels, boolean refit) {
        /** Sampling seeds per tree depth in {@link #standard}. */
        static final int STANDARD_SEEDS_PER_DEPTH = 3;

        public Settings {
            if (folds < 3) {
                throw new IllegalArgumentException("cross-validation needs at least 3 folds (test, validation, train): " + folds);
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("need at least one ensemble member");
            }
            members = List.copyOf(members);
        }

        /**
         * The settings the command uses: the mean of six models (depths 4 and 6, three sampling
         * seeds each), no neighbour-label features, no refit. All were set on the first 80 % of the
         * file (the file-order test part left out); the protocol is in docs/model.md, the figures
         * behind each choice in {@code docs/measurements/2026-12-01-sichuan-sessions-21-25.md}.
         */
        public static Settings standard(Path dataDirectory, int folds, long seed) {
            List<BoostedTrees.Settings> members = new ArrayList<>();
            for (int depth : new int[] {4, 6}) {
                for (int s = 0; s < STANDARD_SEEDS_PER_DEPTH; s++) {
                    members.add(new BoostedTrees.Settings(400, depth, 0.03, 0.8, 0.7, 3, seed + s));
                }
            }
            return new Settings(dataDirectory, folds, seed, members, false, false);
        }

        public Settings withNeighbourLabels(boolean on) {
            return new Settings(dataDirectory, folds, seed, members, on, refit);
        }

        public Settings withRefit(boolean on) {
            return new Settings(dataDirectory, folds, seed, members, neighbourLabels, on);
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
        Dataset<Row> fileOrderSplit = BenchmarkSplits.withFileOrderParts(prepared.base(), prepared.nodeCount());
        Dataset<Row> folded = BenchmarkSplits.withStratifiedFolds(prepared.base(), settings.folds(), settings.seed()).cache();
        List<SichuanReport.Evaluation> evaluations = new ArrayList<>();
        for (Protocol protocol : settings.refit() ? List.of(Protocol.PAPERS, Protocol.REFIT) : List.of(Protocol.PAPERS)) {
            SplitResult fileOrder = evaluate(protocol, "file order 60/20/20", fileOrderSplit, prepared, settings);
            List<SplitResult> folds = new ArrayList<>();
            for (int fold = 0; fold < settings.folds(); fold++) {
                String name = "fold " + (fold + 1) + "/" + settings.folds();
                folds.add(evaluate(protocol, name, BenchmarkSplits.withCrossValidationParts(folded, fold, settings.folds()), prepared, settings));
            }
            evaluations.add(new SichuanReport.Evaluation(protocol, fileOrder, folds));
        }
        folded.unpersist();
        prepared.release();
        return new SichuanReport(prepared.nodeCount(), prepared.features().size(), prepared.neighbourLabels(), settings.members(),
                evaluations, seconds(started));
    }

    private SplitResult evaluate(Protocol protocol, String name, Dataset<Row> split, Prepared prepared, Settings settings) {
        return switch (protocol) {
            case PAPERS -> evaluate(name, split, prepared, settings);
            case REFIT -> evaluateRefit(name, split, prepared, settings);
        };
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

    /**
     * One split, the papers' protocol ({@link Protocol#PAPERS}): fit each member on train, average
     * their scores, threshold on validation, score test.
     */
    SplitResult evaluate(String name, Dataset<Row> split, Prepared prepared, Settings settings) {
        long started = System.nanoTime();
        Dataset<Row> frame = frame(split, prepared);
        Dataset<Row> train = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TRAIN));
        Dataset<Row> validation = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.VALIDATION));
        Dataset<Row> test = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TEST));
        Dataset<Row> weighted = withClassWeights(train).cache();
        List<Scores> validationScores = new ArrayList<>();
        List<Scores> testScores = new ArrayList<>();
        for (BoostedTrees.Settings member : settings.members()) {
            BoostedTreesModel model = FraudGbt.fit(weighted, prepared.features(), member);
            validationScores.add(Scores.of(FraudGbt.withScores(model, validation)));
            testScores.add(Scores.of(FraudGbt.withScores(model, test)));
        }
        weighted.unpersist();
        SplitResult result = decide(name, train.count(), Scores.mean(validationScores), Scores.mean(testScores));
        LOG.info("{}: {} in {} s", name, result.summary(), seconds(started));
        return result;
    }

    /**
     * One split, {@link Protocol#REFIT}: the training and validation parts together are the labelled rows.
     * Each member is fitted k times on k - 1 stratified folds of them and scores the fold left out;
     * the threshold is chosen on the members' mean out-of-fold scores; each member is fitted once
     * more on all the labelled rows and their mean scores the test part once. The test part is the
     * papers' (for the file order) or the round's, so the figures compare with {@link Protocol#PAPERS}
     * split by split; the model learns from 80 % of the labels instead of 60 %, and its threshold
     * rests on 80 % of the rows instead of 20 %.
     *
     * <p>Cost: members x (k + 1) fits per split instead of one per member.
     */
    SplitResult evaluateRefit(String name, Dataset<Row> split, Prepared prepared, Settings settings) {
        long started = System.nanoTime();
        Dataset<Row> frame = frame(split, prepared);
        Dataset<Row> labelled = BenchmarkSplits.withStratifiedFolds(
                frame.where(col(BenchmarkSplits.PART).notEqual(BenchmarkSplits.TEST)), settings.folds(), settings.seed() + 1)
                .localCheckpoint(true);
        Dataset<Row> test = frame.where(col(BenchmarkSplits.PART).equalTo(BenchmarkSplits.TEST));
        List<BoostedTrees.Settings> members = settings.members();
        // Per member, its out-of-fold scores fold by fold; each fold's weighted rows serve every member.
        List<List<Scores>> outOfFoldParts = new ArrayList<>();
        members.forEach(member -> outOfFoldParts.add(new ArrayList<>()));
        for (int fold = 0; fold < settings.folds(); fold++) {
            Column leftOut = col(BenchmarkSplits.FOLD).equalTo(fold);
            Dataset<Row> foldTraining = withClassWeights(labelled.where(not(leftOut))).cache();
            for (int m = 0; m < members.size(); m++) {
                BoostedTreesModel model = FraudGbt.fit(foldTraining, prepared.features(), members.get(m));
                outOfFoldParts.get(m).add(Scores.of(FraudGbt.withScores(model, labelled.where(leftOut))));
            }
            foldTraining.unpersist();
        }
        Dataset<Row> weighted = withClassWeights(labelled).cache();
        List<Scores> testScores = new ArrayList<>();
        for (BoostedTrees.Settings member : members) {
            testScores.add(Scores.of(FraudGbt.withScores(FraudGbt.fit(weighted, prepared.features(), member), test)));
        }
        weighted.unpersist();
        Scores meanOutOfFold = Scores.mean(outOfFoldParts.stream().map(Scores::concat).toList());
        SplitResult result = decide(name, meanOutOfFold.size(), meanOutOfFold, Scores.mean(testScores));
        LOG.info("{} ({}): {} in {} s", name, Protocol.REFIT.description(), result.summary(), seconds(started));
        return result;
    }

    /** The split with the neighbour-label features if asked for, checkpointed: each part is read several times. */
    private static Dataset<Row> frame(Dataset<Row> split, Prepared prepared) {
        return (prepared.neighbourLabels() ? GraphFeatures.withNeighbourLabels(split, prepared.undirected()) : split)
                .localCheckpoint(true);
    }

    /** {@code rows} with the class weights of their own class counts. Runs one aggregation. */
    private static Dataset<Row> withClassWeights(Dataset<Row> rows) {
        Row classCounts = rows.agg(count(lit(1)), sum(col(SichuanData.LABEL))).first();
        long fraudRows = classCounts.getLong(1);
        return FraudGbt.withClassWeights(rows, fraudRows, classCounts.getLong(0) - fraudRows);
    }

    /**
     * The threshold comes from the choosing scores alone (validation, or out of fold under refit);
     * the test scores are only measured at it.
     */
    static SplitResult decide(String name, long trainRows, Scores choosing, Scores test) {
        BinaryMetrics.AtThreshold chosen = BinaryMetrics.calibratedMacroF1Threshold(choosing.scores(), choosing.labels());
        return new SplitResult(name, trainRows, choosing.size(), test.size(), BinaryMetrics.auc(choosing.scores(), choosing.labels()),
                chosen.threshold(), BinaryMetrics.auc(test.scores(), test.labels()),
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

    /** Node ids, scores and labels of one part, in node order, collected to the driver (a part is a few thousand rows). */
    record Scores(long[] nodes, double[] scores, int[] labels) {
        Scores {
            if (nodes.length != scores.length || scores.length != labels.length) {
                throw new IllegalArgumentException("need one score and one label per node: " + nodes.length + " nodes, "
                        + scores.length + " scores, " + labels.length + " labels");
            }
        }

        static Scores of(Dataset<Row> scored) {
            List<Row> rows = scored.select(col(SichuanData.NODE), col(FraudGbt.SCORE), col(SichuanData.LABEL))
                    .orderBy(SichuanData.NODE).collectAsList();
            long[] nodes = new long[rows.size()];
            double[] scores = new double[rows.size()];
            int[] labels = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                nodes[i] = ((Number) rows.get(i).get(0)).longValue();
                scores[i] = rows.get(i).getDouble(1);
                labels[i] = rows.get(i).getInt(2);
            }
            return new Scores(nodes, scores, labels);
        }

        int size() {
            return scores.length;
        }

        static Scores concat(List<Scores> parts) {
            long[] nodes = parts.stream().flatMapToLong(part -> Arrays.stream(part.nodes())).toArray();
            double[] scores = parts.stream().flatMapToDouble(part -> Arrays.stream(part.scores())).toArray();
            int[] labels = parts.stream().flatMapToInt(part -> Arrays.stream(part.labels())).toArray();
            return new Scores(nodes, scores, labels);
        }

        /** The members' mean score per node; every member must have scored the same nodes in the same order. */
        static Scores mean(List<Scores> members) {
            Scores first = members.get(0);
            double[] mean = new double[first.size()];
            for (Scores member : members) {
                if (!Arrays.equals(member.nodes(), first.nodes()) || !Arrays.equals(member.labels(), first.labels())) {
                    throw new IllegalStateException("ensemble members scored different nodes; cannot average them");
                }
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += member.scores()[i] / members.size();
                }
            }
            return new Scores(first.nodes(), mean, first.labels());
        }
    }
}
