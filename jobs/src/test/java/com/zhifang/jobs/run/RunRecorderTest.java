package com.zhifang.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.RowValues;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.StageMetrics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zhifang.features.schema.RecordColumns.AUTHORIZED_PREFIXES;
import static com.zhifang.features.schema.RecordColumns.RUN_ID;
import static com.zhifang.features.schema.RecordColumns.SNAPSHOT_DATE;
import static com.zhifang.features.schema.RecordColumns.SOURCE_FILE;
import static com.zhifang.features.schema.RecordColumns.SOURCE_LINE;
import static com.zhifang.features.schema.RecordColumns.STATUS;
import static com.zhifang.features.schema.RecordColumns.TRUNK_ID;
import static com.zhifang.features.schema.RecordColumns.TRUNK_TYPE;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's books across a kill: started before the first write, closed as INTERRUPTED by the next run with what it committed. */
class RunRecorderTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    static final String COMMIT_NOTE = "spark.databricks.delta.commitInfo.userMetadata";

    @TempDir
    Path tmp;

    @Test
    void aRunKilledAfterItsFirstCommitIsClosedAsInterruptedListingThatCommit() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        RunReport killed = new RunReport("ingest-2026-11-01-20261102T021400-0001", "ingest", DAY,
                Instant.parse("2026-11-02T02:14:00Z"), Map.of("code", "abc123"));
        RunRecorder.recordStart(spark, warehouse, killed);
        assertEquals(List.of(killed.runId()), warehouse.runningMarkers(spark));
        assertEquals("RUNNING", json(warehouse, killed.runId()).get("status").asText());

        spark.conf().set(COMMIT_NOTE, killed.runId());
        try {
            StructType schema = Schemas.schemaOf(Tables.REF_TRUNKS);
            Row trunk = new RowValues(schema).set(TRUNK_ID, "T1").set(TRUNK_TYPE, "INTERCONNECT")
                    .set(AUTHORIZED_PREFIXES, List.of()).set(SNAPSHOT_DATE, DAY)
                    .set(SOURCE_FILE, "trunks.csv").set(SOURCE_LINE, 2L).toRow();
            warehouse.append(spark, Tables.REF_TRUNKS, spark.createDataFrame(List.of(trunk), schema));
        } finally {
            spark.conf().unset(COMMIT_NOTE);
        }
        // ... and the process dies here: no final report, no run-log row, the marker stays.

        List<String> closed = RunRecorder.closeInterrupted(spark, warehouse, "nightly-lease-2", Instant.parse("2026-11-02T03:00:00Z"));

        assertEquals(List.of(killed.runId()), closed);
        assertTrue(warehouse.runningMarkers(spark).isEmpty());
        JsonNode report = json(warehouse, killed.runId());
        assertEquals("INTERRUPTED", report.get("status").asText());
        assertEquals("nightly-lease-2", report.at("/interrupted/found_by").asText());
        JsonNode committed = report.at("/interrupted/committed");
        assertEquals(2, committed.size(), "the table's creation and the append: " + committed);
        assertEquals(Tables.REF_TRUNKS, committed.get(1).get("table").asText());
        assertEquals(1, committed.get(1).get("rows").asLong());
        assertEquals(committed.get(1).get("at").asText(), report.get("finished_at").asText());
        List<Row> log = warehouse.read(spark, Tables.RUN_LOG).filter(col(RUN_ID).equalTo(killed.runId())).collectAsList();
        assertEquals(1, log.size());
        assertEquals("INTERRUPTED", log.get(0).getAs(STATUS));

        assertTrue(RunRecorder.closeInterrupted(spark, warehouse, "nightly-lease-3", Instant.parse("2026-11-02T04:00:00Z")).isEmpty(),
                "closed once");
    }

    @Test
    void aFinishedRunLeavesNoMarker() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        RunReport run = new RunReport("score-2026-11-01-20261102T021400-0002", "score", DAY, Instant.parse("2026-11-02T02:14:00Z"),
                Map.of("code", "abc123"));
        RunRecorder.recordStart(spark, warehouse, run);
        run.finish(Instant.parse("2026-11-02T02:20:00Z"), RunStatus.SUCCEEDED, null);
        RunRecorder.record(spark, warehouse, run);
        assertTrue(warehouse.runningMarkers(spark).isEmpty());
        assertFalse(Files.exists(Path.of(warehouse.runningMarkerPath(run.runId()))));
    }

    /** --resume continues from the latest run of the command and day only when it was interrupted or failed. */
    @Test
    void resumeContinuesAfterTheStagesOfTheLatestInterruptedRunOnly() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        RunReport killed = new RunReport("nightly-2026-11-01-20261102T021400-0003", "nightly", DAY,
                Instant.parse("2026-11-02T02:14:00Z"), Map.of("code", "abc123"));
        killed.skipStage("ingest", "nightly-2026-11-01-20261102T011400-0001");
        StageMetrics features = StageMetrics.builder().headline("numbers", 661).build();
        killed.addStage("features", 1_000, () -> features);
        RunRecorder.recordStart(spark, warehouse, killed);
        RunRecorder.recordProgress(spark, warehouse, killed);
        RunRecorder.closeInterrupted(spark, warehouse, "lease-2", Instant.parse("2026-11-02T03:00:00Z"));

        RunRecorder.DoneStages done = RunRecorder.doneStages(spark, warehouse, "nightly", DAY).orElseThrow();
        assertEquals(killed.runId(), done.runId());
        assertEquals(RunStatus.INTERRUPTED, done.status());
        assertEquals(Set.of("ingest", "features"), done.stages());
        assertTrue(RunRecorder.doneStages(spark, warehouse, "score", DAY).isEmpty(), "another command's runs are not resumed");

        RunReport finished = new RunReport("nightly-2026-11-01-20261102T031400-0004", "nightly", DAY,
                Instant.parse("2026-11-02T03:14:00Z"), Map.of("code", "abc123"));
        finished.finish(Instant.parse("2026-11-02T03:20:00Z"), RunStatus.SUCCEEDED, null);
        RunRecorder.record(spark, warehouse, finished);
        assertTrue(RunRecorder.doneStages(spark, warehouse, "nightly", DAY).isEmpty(), "nothing to resume after a run that succeeded");
    }

    private static JsonNode json(Warehouse warehouse, String runId) throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of(warehouse.runReportPath(runId))));
    }
}
