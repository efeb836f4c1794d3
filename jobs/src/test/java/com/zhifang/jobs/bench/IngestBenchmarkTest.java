package com.zhifang.jobs.bench;

import com.zhifang.features.testing.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on generated data: every file's counts in the run reports equal what the generator wrote. */
class IngestBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void runReportsReconcileExactlyWithTheGeneratorsManifest() throws Exception {
        IngestBenchmark.Result result = IngestBenchmark.run(SparkTestSession.get(), work, 300, 2, 11L, SparkTestSession.CARRIER_ZONE);
        assertEquals(List.of(), result.mismatches());
        assertEquals(result.rowsWritten(), result.rowsRead());
        assertTrue(result.duplicates() > 0 && result.quarantined() > 0, "the generator injects both: " + result.summary());
    }

    @Test
    void aMissingFileIsReportedAsAMismatch() throws Exception {
        Path manifest = work.resolve("m.json");
        java.nio.file.Files.writeString(manifest, "{\"files\":[{\"path\":\"2026-11-01/voice/a.csv\",\"rows\":1,"
                + "\"duplicate_rows\":0,\"malformed_total\":0,\"malformed_rows\":{}}]}");
        List<String> mismatches = ManifestReconciliation.compare(manifest, List.of());
        assertEquals(List.of("2026-11-01/voice/a.csv: written by the generator, not reported by ingest"), mismatches);
    }
}
