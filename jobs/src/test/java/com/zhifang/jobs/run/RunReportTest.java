package com.zhifang.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.jobs.ingest.IngestResult;
import com.zhifang.jobs.stage.ReconciliationCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunReportTest {
    private static RunReport report() {
        return new RunReport("ingest-x", "ingest", LocalDate.of(2026, 11, 1), Instant.EPOCH, Map.of("code", "test"));
    }

    @Test
    void countsThatAddUpReconcile() {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L))),
                List.of(new ReconciliationCheck("voice: merge", 7, 7))));
        assertDoesNotThrow(report::reconcile);
    }

    @Test
    void aLostRecordFailsReconciliationNamingTheFile() {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(new FileCounts("voice", "a.csv", 10, 7, 1, Map.of("BAD_TIMESTAMP", 1L))),
                List.of()));
        ReconciliationException e = assertThrows(ReconciliationException.class, report::reconcile);
        assertTrue(e.getMessage().contains("a.csv: read 10 != accepted 7 + duplicates 1 + quarantined 1"), e.getMessage());
    }

    @Test
    void aDisagreeingCrossCheckFailsReconciliation() {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(), List.of(new ReconciliationCheck("voice: rows inserted by MERGE", 7, 6))));
        ReconciliationException e = assertThrows(ReconciliationException.class, report::reconcile);
        assertTrue(e.getMessage().contains("expected 7, measured 6"), e.getMessage());
    }

    @Test
    void summaryShowsTotalsReasonsAndStages() {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L)),
                new FileCounts("voice", "b.csv", 5, 5, 0, Map.of())), List.of()));
        String summary = report.summary();
        assertTrue(summary.contains("voice                15         12          2           1"), summary);
        assertTrue(summary.contains("BAD_TIMESTAMP=1"), summary);
        assertTrue(summary.contains("stage ingest"), summary);
        assertTrue(summary.contains("quarantined"), summary);
    }

    @Test
    void metricsAreNamedByStageAndAStageReportsOnce() {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L))),
                List.of()));
        assertEquals(7L, report.metric("ingest.accepted"));
        assertEquals(1L, report.metric("ingest.quarantined"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> report.metric("ingest.rows"));
        assertTrue(unknown.getMessage().contains("accepted"), unknown.getMessage());
        assertThrows(IllegalStateException.class, () -> report.addStage("ingest", 1, new IngestResult(List.of(), List.of())));
    }

    @Test
    void theJsonHoldsEachStagesMetricsAndEveryFile() throws Exception {
        RunReport report = report();
        report.addStage("ingest", 1500, new IngestResult(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L))),
                List.of()));
        JsonNode json = new ObjectMapper().readTree(RunRecorder.toJson(report));
        assertEquals("ingest-x", json.get("run_id").asText());
        JsonNode stage = json.get("stages").get(0);
        assertEquals(1500, stage.get("wall_ms").asLong());
        assertEquals(10, stage.get("metrics").get("read").asLong());
        JsonNode file = json.get("files").get(0);
        assertEquals(7, file.get("accepted").asLong());
        assertEquals(1, file.get("quarantined_by_reason").get("BAD_TIMESTAMP").asLong());
        assertEquals(10, json.get("totals").get("voice").get("read").asLong());
    }
}
