package com.zhifang.jobs.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.cli.TrainCommand;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.testing.GeneratedWarehouse;
import com.zhifang.models.train.ApprovedModel;
import com.zhifang.models.train.BoostedTreesModel;
import com.zhifang.models.train.ModelFeatures;
import com.zhifang.models.train.ModelRegistry;
import com.zhifang.models.train.ModelScores;
import com.zhifang.models.train.TrainSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Training end to end on a copy of the shared generated warehouse (300 subscribers, 2 days,
 * features of the last day, no graph tables: graph inputs are filled). The fixture has only a few
 * labelled numbers (police notices and feedback of the second day), so the minimum of positives is
 * lowered to what it holds; held-out metrics over so few numbers are noisy, and the test accepts
 * either outcome of approval as long as the registry agrees with the result.
 */
class TrainActionTest {
    static final LocalDate D = GeneratedWarehouse.LAST_DAY;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Warehouse warehouse;
    /** truth.csv: number -> FRAUD or LEGITIMATE. */
    static Map<String, String> truth;

    @BeforeAll
    static void copyOfTheGeneratedWarehouseAfterItsNightly() throws IOException {
        spark = SparkTestSession.get();
        GeneratedWarehouse generated = GeneratedWarehouse.get();
        generated.withNightly();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        // Models land in this copy only. Every table but the graph stage's: the model here learns from behaviour
        // features alone (graph inputs count as missing), so what it learns does not hang on the graph stage.
        for (String table : Schemas.tableNames()) {
            Path source = Path.of(generated.warehouse().tablePath(table));
            if (!table.startsWith("graph_") && Files.isDirectory(source)) {
                copy(source, Path.of(warehouse.tablePath(table)));
            }
        }
        truth = new HashMap<>();
        List<String> lines = Files.readAllLines(generated.truth());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("NUMBER")) {
                truth.put(f[1], f[2]);
            }
        }
    }

    @Test
    void trainsSavesReloadsAndScoresKnownFraudAboveLegitimateNumbers() throws IOException {
        Set<String> expectedPositives = confirmedNumbers();
        TrainSettings settings = TrainSettings.defaults().withMinPositives(expectedPositives.size())
                .withNegativeSampleRate(0.1).withTrees(20);

        TrainResult result = new TrainAction(spark, warehouse, D, settings, CLOCK).execute();

        assertEquals(Optional.of("gbt-2026-11-02-20261103020000"), result.version(), result.toString());
        assertEquals(expectedPositives.size(), result.positives(), "police-notified and confirmed numbers: " + expectedPositives);
        assertTrue(result.negatives() >= 2, "the two cleared numbers at least: " + result);
        assertTrue(result.heldOutMetrics().isPresent());
        ModelRegistry registry = new ModelRegistry(spark, warehouse.modelsDir());
        JsonNode card = registry.card(result.version().get());
        List<String> features = new ArrayList<>();
        card.path("features").forEach(f -> features.add(f.asText()));
        assertEquals(ModelFeatures.COLUMNS, features);
        assertEquals(result.approved(), card.path("approved").asBoolean());
        assertEquals(result.positives(), card.path("counts").path("positive_numbers").asLong());

        Optional<ApprovedModel> approved = registry.newestApproved();
        BoostedTreesModel model;
        if (result.approved()) {
            assertEquals(result.version(), approved.map(ApprovedModel::version));
            assertEquals(ModelFeatures.COLUMNS, approved.get().features());
            model = approved.get().model();
        } else {
            assertTrue(result.reason().contains("below the bar"), result.reason());
            assertTrue(approved.isEmpty(), "an unapproved model is never picked for scoring");
            Path trees = Path.of(warehouse.modelsDir(), result.version().get(), ModelRegistry.TREES_FILE);
            model = BoostedTreesModel.fromBytes(features, Files.readAllBytes(trees));
        }

        Dataset<Row> dayFeatures = warehouse.read(spark, Tables.FEATURES_NUMBER).where(col(FEATURE_DATE).equalTo(lit(D)));
        Dataset<Row> noGraph = spark.createDataFrame(List.of(), Schemas.schemaOf(Tables.GRAPH_FEATURES_NUMBER));
        List<Row> scores = ModelScores.toModelScores(model, dayFeatures, noGraph).collectAsList();
        assertEquals(dayFeatures.count(), scores.size());
        double[] sum = new double[2];
        int[] n = new int[2];
        for (Row r : scores) {
            double score = r.getDouble(1);
            assertTrue(score >= 0 && score <= 1, r.toString());
            String label = truth.get(r.getString(0));
            if (label != null) {
                int k = label.equals("FRAUD") ? 1 : 0;
                sum[k] += score;
                n[k]++;
            }
        }
        assertTrue(n[0] >= 10 && n[1] >= 10, "truth numbers scored: " + n[1] + " fraud, " + n[0] + " legitimate");
        double fraudMean = sum[1] / n[1];
        double legitimateMean = sum[0] / n[0];
        assertTrue(fraudMean > legitimateMean, "mean score of known fraud " + fraudMean + " vs legitimate " + legitimateMean);
    }

    @Test
    void theCommandRefusesWithTheDefaultMinimumAndSavesNothing() {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs("--warehouse", warehouse.root(), "--date", D.toString());
        ModelRegistry registry = new ModelRegistry(spark, warehouse.modelsDir());
        List<String> before = registry.versions();

        TrainResult result = command.run(spark, Clock.fixed(Instant.parse("2026-11-03T03:00:00Z"), ZoneOffset.UTC));

        assertTrue(result.version().isEmpty());
        assertFalse(result.approved());
        assertTrue(result.heldOutMetrics().isEmpty());
        assertEquals(confirmedNumbers().size(), result.positives());
        assertTrue(result.reason().contains("only " + result.positives() + " positive")
                && result.reason().contains("at least " + TrainSettings.DEFAULT_MIN_POSITIVES), result.reason());
        assertEquals(before, registry.versions(), "a refusal saves nothing");
    }

    /** Numbers the police notified or enforcement confirmed by D (the fixture clears none of them). */
    static Set<String> confirmedNumbers() {
        Set<String> numbers = new HashSet<>();
        warehouse.read(spark, Tables.POLICE_NOTICES).where(col(NOTIFIED_ON).leq(lit(D))).select(NUMBER).collectAsList()
                .forEach(r -> numbers.add(r.getString(0)));
        warehouse.read(spark, Tables.FEEDBACK).where(col(ENTITY_TYPE).equalTo("NUMBER").and(col(OUTCOME).equalTo("CONFIRMED_FRAUD"))
                .and(col(DECIDED_ON).leq(lit(D)))).select(ENTITY_ID).collectAsList().forEach(r -> numbers.add(r.getString(0)));
        assertTrue(numbers.size() >= 2, "the fixture has confirmed fraud: " + numbers);
        return numbers;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
