package com.zhifang.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.zhifang.models.train.SyntheticTraffic.*;
import static org.junit.jupiter.api.Assertions.*;

/** Saving versions, approval markers, and which model scoring gets. One small model is trained and saved several times. */
class ModelRegistryTest {
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    static final LocalDate NOV_6 = LocalDate.of(2026, 11, 6);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static TrainingReport report;

    @BeforeAll
    static void trainOnce() {
        spark = SparkTestSession.get();
        report = trained(spark);
        assertTrue(report.trained(), report.refusal().orElse(""));
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void versionIdsCarryTheTrainingDateAndTheClocksTimeInUtc() {
        assertEquals("gbt-2026-11-05-20261106013000", ModelRegistry.versionId(NOV_5, at("2026-11-06T01:30:00Z")));
        assertEquals(NOV_5, ModelRegistry.trainedFor("gbt-2026-11-05-20261106013000"));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.trainedFor("gbt-latest"));
    }

    @Test
    void newestApprovedSkipsUnapprovedAndLaterDatedModels() throws Exception {
        ModelRegistry registry = new ModelRegistry(spark, tmp.resolve("models").toString());
        assertTrue(registry.versions().isEmpty());
        assertTrue(registry.newestApproved().isEmpty(), "no model yet: score on rules alone");

        TrainSettings approving = smallTrees().withApproveAuc(0.9);
        TrainSettings tooStrict = smallTrees().withMinPositives(FRAUD + 1);   // fewer positives than asked for: never approved
        ModelCard older = registry.save(NOV_4, NOV_4.minusDays(27), at("2026-11-07T01:00:00Z"), report, approving);
        ModelCard newest = registry.save(NOV_5, NOV_5.minusDays(27), at("2026-11-06T01:00:00Z"), report, approving);
        ModelCard unapproved = registry.save(NOV_6, NOV_6.minusDays(27), at("2026-11-07T02:00:00Z"), report, tooStrict);

        assertTrue(older.approved() && newest.approved(), newest.approvalReason());
        assertFalse(unapproved.approved());
        assertTrue(unapproved.approvalReason().contains("fewer than the minimum"), unapproved.approvalReason());
        assertEquals(List.of(older.version(), newest.version(), unapproved.version()), registry.versions());
        assertFalse(Files.exists(tmp.resolve("models").resolve(unapproved.version()).resolve(ModelRegistry.APPROVED_MARKER)));
        assertThrows(IllegalStateException.class, () -> registry.save(NOV_5, NOV_4, at("2026-11-06T01:00:00Z"), report, approving),
                "a version is never overwritten");

        ApprovedModel picked = registry.newestApproved().orElseThrow();
        assertEquals(newest.version(), picked.version(), "the unapproved NOV_6 model is ignored; NOV_5 is newer than NOV_4");
        assertEquals(NOV_5, picked.trainedFor());
        assertEquals(ModelFeatures.COLUMNS, picked.features());
        assertEquals(Optional.of(older.version()), registry.newestApproved(NOV_4).map(ApprovedModel::version));
        assertTrue(registry.newestApproved(NOV_3).isEmpty(), "no model trained on or before NOV_3");

        JsonNode card = registry.card(newest.version());
        assertEquals(FRAUD, card.path("counts").path("positive_numbers").asInt());
        assertEquals(report.metrics().orElseThrow().aucRoc(), card.path("held_out_metrics").path("auc_roc").asDouble(), 1e-12);
        assertEquals("2026-10-09", card.path("training_range").path("from").asText());
        List<String> features = new ArrayList<>();
        card.path("features").forEach(f -> features.add(f.asText()));
        assertEquals(ModelFeatures.COLUMNS, features);

        // The reloaded pipeline scores exactly like the one trained, and ranks fraud first.
        Map<String, Double> fresh = scores(ModelScores.toModelScores(report.model().orElseThrow(), features(spark), noGraph(spark)));
        Map<String, Double> reloaded = scores(ModelScores.toModelScores(picked.model(), features(spark), noGraph(spark)));
        assertEquals(fresh, reloaded);
        double minFraud = fresh.entrySet().stream().filter(e -> e.getKey().startsWith("+861380001")).mapToDouble(Map.Entry::getValue).min().orElseThrow();
        double maxLegit = fresh.entrySet().stream().filter(e -> e.getKey().startsWith("+861390002")).mapToDouble(Map.Entry::getValue).max().orElseThrow();
        assertTrue(minFraud > maxLegit, minFraud + " vs " + maxLegit);
    }

    @Test
    void anApprovedFolderSavedBeforeXgboostIsSkippedNotFatal() throws Exception {
        Path root = tmp.resolve("legacy-models");
        ModelRegistry registry = new ModelRegistry(spark, root.toString());
        ModelCard current = registry.save(NOV_4, NOV_4.minusDays(27), at("2026-11-05T01:00:00Z"), report, smallTrees());
        assertTrue(current.approved(), current.approvalReason());
        // A later approved version as Zhifang saved it before: an MLlib pipeline folder, no trees file.
        Path legacy = root.resolve(ModelRegistry.versionId(NOV_5, at("2026-11-06T01:00:00Z")));
        Files.createDirectories(legacy.resolve(ModelRegistry.LEGACY_PIPELINE_DIR).resolve("metadata"));
        Files.copy(root.resolve(current.version()).resolve(ModelRegistry.METRICS_FILE), legacy.resolve(ModelRegistry.METRICS_FILE));
        Files.writeString(legacy.resolve(ModelRegistry.APPROVED_MARKER), "approved\n");

        assertEquals(2, registry.versions().size());
        assertEquals(Optional.of(current.version()), registry.newestApproved().map(ApprovedModel::version));
    }

    /** number -> score, on the NOV_5 rows. */
    private static Map<String, Double> scores(Dataset<Row> scored) {
        return scored.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1), Math::max));
    }
}
