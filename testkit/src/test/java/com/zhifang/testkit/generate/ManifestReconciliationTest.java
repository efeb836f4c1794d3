package com.zhifang.testkit.generate;

import com.zhifang.features.ingest.FileCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ManifestReconciliationTest {
    private static final String ONE_FILE = "{\"files\":[{\"path\":\"2026-11-01/voice/a.csv\",\"rows\":3,"
            + "\"duplicate_rows\":1,\"malformed_total\":1,\"malformed_rows\":{\"bad_timestamp\":1}}]}";

    @TempDir
    Path tmp;

    @Test
    void aFileTheIngestDidNotReportIsAMismatch() throws Exception {
        assertEquals(List.of("2026-11-01/voice/a.csv: written by the generator, not reported by ingest"),
                ManifestReconciliation.compare(manifest(), List.of()));
    }

    @Test
    void countsThatAgreeGiveNoMismatch() throws Exception {
        FileCounts reported = new FileCounts("voice", "file:/w/landing/2026-11-01/voice/a.csv", 3, 1, 1, Map.of("bad_timestamp", 1L));
        assertEquals(List.of(), ManifestReconciliation.compare(manifest(), List.of(reported)));
    }

    @Test
    void eachDisagreeingCountIsNamed() throws Exception {
        FileCounts reported = new FileCounts("voice", "file:/w/landing/2026-11-01/voice/a.csv", 3, 2, 0, Map.of("bad_timestamp", 1L));
        assertEquals(List.of("2026-11-01/voice/a.csv: duplicates: generator wrote 1, ingest reported 0"),
                ManifestReconciliation.compare(manifest(), List.of(reported)));
    }

    /** reference/ported.csv is a contract extension ingest does not read: it is not expected in its reports. */
    @Test
    void filesIngestDoesNotReadAreSkipped() throws Exception {
        Path manifest = tmp.resolve("ported.json");
        Files.writeString(manifest, "{\"files\":[{\"path\":\"2026-11-01/reference/ported.csv\",\"rows\":3,"
                + "\"duplicate_rows\":0,\"malformed_total\":0,\"malformed_rows\":{}},"
                + "{\"path\":\"2026-11-01/reference/roaming.csv\",\"rows\":1,"
                + "\"duplicate_rows\":0,\"malformed_total\":0,\"malformed_rows\":{}}]}");
        assertEquals(List.of("2026-11-01/reference/roaming.csv: written by the generator, not reported by ingest"),
                ManifestReconciliation.compare(manifest, List.of()));
    }

    @Test
    void pathsAreComparedRelativeToTheLandingRoot() {
        assertEquals("2026-11-01/voice/a.csv.gz",
                ManifestReconciliation.relativeToLandingRoot("file:/tmp/x/landing/2026-11-01/voice/a.csv.gz"));
    }

    private Path manifest() throws Exception {
        Path manifest = tmp.resolve("m.json");
        Files.writeString(manifest, ONE_FILE);
        return manifest;
    }
}
