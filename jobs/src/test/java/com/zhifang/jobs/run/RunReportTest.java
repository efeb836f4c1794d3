package com.zhifang.jobs.run;

import com.zhifang.features.ingest.FileCounts;
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
        report.addFiles(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L))));
        report.addChecks(List.of(new ReconciliationCheck("voice: merge", 7, 7)));
        assertDoesNotThrow(report::reconcile);
    }

    @Test
    void aLostRecordFailsReconciliationNamingTheFile() {
        RunReport report = report();
        report.addFiles(List.of(new FileCounts("voice", "a.csv", 10, 7, 1, Map.of("BAD_TIMESTAMP", 1L))));
        ReconciliationException e = assertThrows(ReconciliationException.class, report::reconcile);
        assertTrue(e.getMessage().contains("a.csv: read 10 != accepted 7 + duplicates 1 + quarantined 1"), e.getMessage());
    }

    @Test
    void aDisagreeingCrossCheckFailsReconciliation() {
        RunReport report = report();
        report.addChecks(List.of(new ReconciliationCheck("voice: rows inserted by MERGE", 7, 6)));
        ReconciliationException e = assertThrows(ReconciliationException.class, report::reconcile);
        assertTrue(e.getMessage().contains("expected 7, measured 6"), e.getMessage());
    }

    @Test
    void summaryShowsTotalsReasonsAndStages() {
        RunReport report = report();
        report.addFiles(List.of(new FileCounts("voice", "a.csv", 10, 7, 2, Map.of("BAD_TIMESTAMP", 1L)),
                new FileCounts("voice", "b.csv", 5, 5, 0, Map.of())));
        report.addStage(new StageTiming("ingest", 1500, 12L));
        String summary = report.summary();
        assertTrue(summary.contains("voice                15         12          2           1"), summary);
        assertTrue(summary.contains("BAD_TIMESTAMP=1"), summary);
        assertTrue(summary.contains("stage ingest"), summary);
    }
}
