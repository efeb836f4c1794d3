package com.zhifang.jobs.bench;

import com.zhifang.jobs.testing.GeneratedWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on generated data: every file's counts in the run reports equal what the generator wrote. */
class IngestBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void runReportsReconcileExactlyWithTheGeneratorsManifest() {
        IngestBenchmark.Result result = GeneratedWarehouse.get().ingest();
        assertEquals(List.of(), result.mismatches());
        assertEquals(result.rowsWritten(), result.rowsRead());
        assertTrue(result.duplicates() > 0 && result.quarantined() > 0, "the generator injects both: " + result.summary());
    }

    @Test
    void aFileTheIngestDidNotReportIsAMismatch() throws Exception {
        Path manifest = tmp.resolve("m.json");
        Files.writeString(manifest, "{\"files\":[{\"path\":\"2026-11-01/voice/a.csv\",\"rows\":1,"
                + "\"duplicate_rows\":0,\"malformed_total\":0,\"malformed_rows\":{}}]}");
        assertEquals(List.of("2026-11-01/voice/a.csv: written by the generator, not reported by ingest"),
                ManifestReconciliation.compare(manifest, List.of()));
    }

    @Test
    void pathsAreComparedRelativeToTheLandingRoot() {
        assertEquals("2026-11-01/voice/a.csv.gz",
                ManifestReconciliation.relativeToLandingRoot("file:/tmp/x/landing/2026-11-01/voice/a.csv.gz"));
    }
}
